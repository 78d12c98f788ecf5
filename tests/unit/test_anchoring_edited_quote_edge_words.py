"""A quote edited inside (fuzzy) that also had words run onto its edge where a mark was: the
words run on are the claim's too. newuser's first hour: 我们是全国第一个实现全域5G覆盖的城市。
became 我们是全国率先实现全域5G覆盖的城市之一。, and the claim's new quote stopped at 城市, leaving
out 之一 ("one of"), so `claim show` quoted the page as still saying "the first city"."""

from __future__ import annotations

from workbench.domain.anchoring import AnchorState, Matcher, Selector
from workbench.domain.spans import span_at

OLD = (
    "本市去年GDP增长5.2%\n"
    "市统计局3月1日发布的数据显示，2025年本市地区生产总值达到2.8万亿元，同比增长5.2%。\n"
    "市长王芳在新闻发布会上表示：“我们是全国第一个实现全域5G覆盖的城市。”"
    "她还说，明年本市将投资500亿元建设新的地铁线路。\n"
)


def _found(old: str, new: str, quote: str) -> tuple[AnchorState, str | None]:
    start = old.index(quote)
    sp = span_at(old, start, start + len(quote))
    found = Matcher(new).reanchor(Selector(sp.start, sp.end, sp.quote, sp.prefix, sp.suffix))
    return found.state, None if found.span is None else found.span.quote


def test_words_added_after_an_edited_quote_are_taken_into_its_span() -> None:
    new = OLD.replace("第一个实现全域5G覆盖的城市。", "率先实现全域5G覆盖的城市之一。")
    state, quote = _found(OLD, new, "我们是全国第一个实现全域5G覆盖的城市")
    assert (state, quote) == (AnchorState.FUZZY, "我们是全国率先实现全域5G覆盖的城市之一")


def test_an_edited_quote_still_followed_by_its_mark_is_not_widened() -> None:
    new = OLD.replace("第一个实现全域5G覆盖", "率先实现全域5G覆盖")
    state, quote = _found(OLD, new, "我们是全国第一个实现全域5G覆盖的城市")
    assert (state, quote) == (AnchorState.FUZZY, "我们是全国率先实现全域5G覆盖的城市")


# rB: the words run on are the claim's only where they run onto a word of the quote. A quote that
# ends with its sentence's stop (or a closing quotation mark), or opens with an opening one, has
# no word at that edge: what a revision ran onto the mark is another sentence, or the speaker's
# attribution, and was taken in up to 12 characters (paragraphs merged, as a CMS re-render does).
MERGED = (
    "市长王芳在新闻发布会上表示：我们是全国第一个实现全域5G覆盖的城市。\n"
    "明年本市将投资500亿元建设新的地铁线路。\n"
)
SENTENCE = "我们是全国第一个实现全域5G覆盖的城市。"


def test_the_next_sentence_run_onto_an_edited_quote_s_full_stop_is_not_taken_in() -> None:
    new = MERGED.replace("城市。\n明年", "城市。明年").replace("第一个", "率先")
    state, quote = _found(MERGED, new, SENTENCE)
    assert (state, quote) == (AnchorState.FUZZY, "我们是全国率先实现全域5G覆盖的城市。")


def test_paragraphs_merged_after_an_unchanged_quote_leave_it_exact() -> None:
    new = MERGED.replace("城市。\n明年", "城市。明年")
    state, quote = _found(MERGED, new, SENTENCE)
    assert (state, quote) == (AnchorState.EXACT, SENTENCE)


def test_the_next_sentence_run_onto_a_latin_quote_s_full_stop_is_not_taken_in() -> None:
    old = "The mayor said: We are the first city to reach full 5G coverage.\nNext year, a metro.\n"
    new = old.replace("coverage.\nNext", "coverage.Next").replace("first", "leading")
    state, quote = _found(old, new, "We are the first city to reach full 5G coverage.")
    assert (state, quote) == (
        AnchorState.FUZZY,
        "We are the leading city to reach full 5G coverage.",
    )


def test_the_attribution_run_onto_a_quote_s_opening_mark_is_not_taken_in() -> None:
    old = "市长王芳在新闻发布会上表示：“我们是全国第一个实现全域5G覆盖的城市。”\n"
    quoted = "“我们是全国第一个实现全域5G覆盖的城市。”"
    new = old.replace("：“", "“")
    assert _found(old, new, quoted) == (AnchorState.MOVED, quoted)  # (the colon before it gone)
    state, quote = _found(old, new.replace("第一个", "率先"), quoted)
    assert (state, quote) == (AnchorState.FUZZY, "“我们是全国率先实现全域5G覆盖的城市。”")


def test_words_run_onto_a_figure_s_sign_are_still_taken_in() -> None:
    # (a per cent sign is no stop: 5.2%以上, "over 5.2%", is the claim's figure changed)
    new = OLD.replace("增长5.2%。", "增长5.3%以上。")
    assert _found(OLD, new, "同比增长5.2%") == (AnchorState.FUZZY, "同比增长5.3%以上")


# rF: a line break is no place a word was added to the claim when the words now run onto the
# quote's edge are those the old text had past the break: the paragraphs were merged (a
# headline, which ends in no stop, joined to the lead), and the lead's first words were taken
# in, to 12 characters, or the headline's last ones before a lead's quote.
HEADED = "本市GDP增长5%\n据统计局数据显示，全年如此。\n"


def test_a_headline_merged_with_the_next_paragraph_keeps_its_quote() -> None:
    new = HEADED.replace("5%\n据", "5%据")
    assert _found(HEADED, new, "本市GDP增长5%") == (AnchorState.EXACT, "本市GDP增长5%")
    state, quote = _found(HEADED, new.replace("5%", "6%"), "本市GDP增长5%")
    assert (state, quote) == (AnchorState.FUZZY, "本市GDP增长6%")


def test_a_headline_merged_onto_a_quote_s_start_is_not_taken_in() -> None:
    old = "本市GDP\n今年增长5%，明年如此。\n"
    new = old.replace("GDP\n今年增长5%", "GDP今年增长6%")
    assert _found(old, new, "今年增长5%") == (AnchorState.FUZZY, "今年增长6%")


def test_words_added_at_a_line_s_end_are_still_taken_in() -> None:
    new = HEADED.replace("增长5%\n", "增长6%以上\n")
    assert _found(HEADED, new, "本市GDP增长5%") == (AnchorState.FUZZY, "本市GDP增长6%以上")
