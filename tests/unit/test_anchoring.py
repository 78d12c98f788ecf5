"""Re-anchoring a pinned quote in a revised text: exact, moved, fuzzy, orphaned."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import alignment, anchoring
from workbench.domain.anchoring import AnchorState, Matcher, Selector, reanchor
from workbench.domain.errors import InvalidInput
from workbench.domain.occurrences import find_quote
from workbench.domain.pinning import Carrier, QuoteHint, anchor_quote, find_quote_tolerant
from workbench.domain.quote_folding import Folded, fold
from workbench.domain.text import normalise
from workbench.domain.textdiff import diff_texts

P1 = "MiniMax成立于2021年底，创始人闫俊杰曾任商汤科技副总裁。"
P2 = "2025年1月，MiniMax发布了国内首个线性注意力模型MiniMax-Text-01，参数量达到4560亿。"
P3 = "公司表示，其海螺AI在全球拥有超过一亿用户。"
OLD = "\n".join([P1, P2, P3]) + "\n"


def selector(text: str, quote: str) -> Selector:
    s = find_quote(text, quote)
    return Selector(s.start, s.end, s.quote, s.prefix, s.suffix)


def anchored(old: str, new: str, quote: str, *, mapped: bool = True) -> tuple[str, object]:
    sel = selector(old, quote)
    expected = diff_texts(old, new).map_offset(sel.start) if mapped else None
    result = reanchor(new, sel, expected)
    if result.span is not None:
        # The invariant everything relies on: the stored quote is the text at the offsets.
        assert result.span.quote == new[result.span.start : result.span.end]
    return result.state.value, result


def test_unchanged_text_is_exact() -> None:
    state, r = anchored(OLD, OLD, "4560亿")
    assert state == "exact" and r.score == 1.0  # type: ignore[attr-defined]


def test_paragraph_inserted_above_moves_the_claim() -> None:
    new = "编者按：本文有更新。\n" + OLD
    state, r = anchored(OLD, new, "4560亿")
    assert state == "moved"
    assert r.span.start == OLD.index("4560亿") + len("编者按：本文有更新。\n")  # type: ignore[attr-defined]


def test_inserted_paragraph_repeating_the_quote_does_not_capture_the_claim() -> None:
    # The inserted paragraph holds the same words near the old offset; the diff maps the old
    # position past it, so the claim stays on its own sentence.
    inserted = "另据报道，参数量达到4560亿。\n"
    new = inserted + OLD
    state, r = anchored(OLD, new, "4560亿")
    assert state == "moved"
    assert r.span.start == len(inserted) + OLD.index("4560亿")  # type: ignore[attr-defined]


def test_paragraph_moved() -> None:
    new = "\n".join([P3, P1, P2]) + "\n"
    state, r = anchored(OLD, new, "创始人闫俊杰曾任商汤科技副总裁")
    assert state == "moved"
    assert r.span.quote == "创始人闫俊杰曾任商汤科技副总裁"  # type: ignore[attr-defined]


def test_quote_edited_a_number_changed_is_fuzzy_with_the_new_quote() -> None:
    new = OLD.replace("4560亿", "4650亿")
    state, r = anchored(OLD, new, "参数量达到4560亿")
    assert state == "fuzzy"
    assert r.span.quote == "参数量达到4650亿"  # type: ignore[attr-defined]
    assert 0.7 <= r.score < 1.0  # type: ignore[attr-defined]


def test_a_headline_repeating_the_old_figure_does_not_take_the_edited_sentence() -> None:
    # A new-user trial: the body's 8.2 became 8.1, and the claim went to the headline, which
    # still said 8.2 (more like the old quote, but not where the claim's context is)
    old = (
        "星途汽车一季度交付新车8.2万辆\n"
        "4月1日，星途汽车发布公告称，一季度共交付新车8.2万辆，同比增长35%。\n"
    )
    new = old.replace("共交付新车8.2万辆", "共交付新车8.1万辆")
    for mapped in (True, False):
        state, r = anchored(old, new, "一季度共交付新车8.2万辆", mapped=mapped)
        assert state == "fuzzy" and r.span.quote == "一季度共交付新车8.1万辆"  # type: ignore[attr-defined]
        assert r.span.start > new.index("\n")  # type: ignore[attr-defined]


def test_a_short_quote_whose_figure_changed_is_fuzzy_between_its_own_words() -> None:
    # 门店512家 -> 门店520家 keeps under 70% of a short quote: its unchanged context on both
    # sides says it is the claim's passage, changed (it was orphaned)
    old = "远辙科技发布2025年年报。截至去年底，公司在全国共有门店512家，员工超过3000人。\n"
    state, r = anchored(old, old.replace("门店512家", "门店520家"), "门店512家")
    assert state == "fuzzy" and r.span.quote == "门店520家"  # type: ignore[attr-defined]
    # without its context the same little likeness is no anchor
    gone = old.replace("公司在全国共有门店512家", "另一段完全不同的文字在这里")
    assert anchored(old, gone, "门店512家")[0] == "orphaned"


def test_english_number_edit_is_fuzzy() -> None:
    old = "The company said revenue rose 12 percent last year. Analysts were surprised.\n"
    new = "The company said revenue rose 9 percent last year. Analysts were surprised.\n"
    state, r = anchored(old, new, "revenue rose 12 percent last year")
    assert state == "fuzzy"
    assert r.span.quote == "revenue rose 9 percent last year"  # type: ignore[attr-defined]


# An edit at or inside the quote's edge: the new span holds the edit's new words, whole.
REPORT = (
    "The report, published on Monday, said that output in the province ranked first among all "
    "regions last year. Officials welcomed it.\n"
)
RANKED = "output in the province ranked first among all regions"


def test_a_word_replaced_at_the_quotes_end_is_taken_whole() -> None:
    # A new-user trial: "first" -> "second" gave "...ranked s", cut inside the new word (the
    # quote alone is nearer "ranked s" than "ranked second"; the suffix says where it ends).
    old = 'He said: "Output in the province ranked first." Other text.\n'
    state, r = anchored(old, old.replace("first", "second"), "Output in the province ranked first")
    assert state == "fuzzy"
    assert r.span.quote == "Output in the province ranked second"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("regions", "areas", "output in the province ranked first among all areas"),
        (
            "all regions",
            "all the coastal regions",
            "output in the province ranked first among all the coastal regions",
        ),
        # longer than the edges' reach: found where the suffix resumes
        (
            "first among all regions",
            "among the top three of the twelve coastal regions",
            "output in the province ranked among the top three of the twelve coastal regions",
        ),
        # at the start
        (
            "output in",
            "industrial production in",
            "industrial production in the province ranked first among all regions",
        ),
        ("output in", "yield in", "yield in the province ranked first among all regions"),
        # in the middle
        (
            "province",
            "northern province",
            "output in the northern province ranked first among all regions",
        ),
    ],
)
def test_a_replacement_at_either_end_or_inside_is_in_the_new_quote(
    old: str, new: str, quote: str
) -> None:
    state, r = anchored(REPORT, REPORT.replace(old, new), RANKED)
    assert state == "fuzzy"
    assert r.span.quote == quote  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("gone", "quote"),
    [
        (" among all regions", "output in the province ranked first"),
        (" all regions", "output in the province ranked first among"),
        (" regions", "output in the province ranked first among all"),
        ("output in ", "the province ranked first among all regions"),
    ],
)
def test_words_deleted_at_an_end_shrink_the_quote_cleanly(gone: str, quote: str) -> None:
    # The old fit ran on past the shortened end, into the next sentence ("...ranked first
    # last year. Officia"), or stopped inside a word ("...first among las").
    state, r = anchored(REPORT, REPORT.replace(gone, ""), RANKED)
    assert state == "fuzzy" and r.span.quote == quote  # type: ignore[attr-defined]


def test_two_edits_in_turn_keep_whole_words() -> None:
    # A new-user trial: county -> region, then oldest -> newest, ended "...the newest in the co"
    old = 'Locals say "the mill is the oldest in the county", and it still grinds flour weekly.\n'
    quote = "the mill is the oldest in the county"
    for first, then in (
        ("the county", "the region"),
        ("the county", "the whole wide region"),
        ("the county", "the country"),
    ):
        second = old.replace(first, then)
        state, r = anchored(old, second, quote)
        assert state == "fuzzy" and r.span.quote == f"the mill is the oldest in {then}"  # type: ignore[attr-defined]
        third = second.replace("oldest", "newest")
        state, r = anchored(second, third, r.span.quote)  # type: ignore[attr-defined]
        assert r.span.quote == f"the mill is the newest in {then}"  # type: ignore[attr-defined]


# A realistic paragraph: the short version anchored right, a longer one lost 前列.
STATS = (
    "2024年，全市实现地区生产总值1.2万亿元，同比增长6.1%。其中，规模以上工业增加值增长8.3%，"
    "全市工业总产值位居全省第一，战略性新兴产业占比提升至42%。市统计局表示，今年将继续推进产业"
    "升级，力争在高端制造领域形成新的增长极。\n"
)


@pytest.mark.parametrize(
    "quote",
    ["全市工业总产值位居全省第一", "规模以上工业增加值增长8.3%，全市工业总产值位居全省第一"],
)
def test_chinese_words_replaced_at_the_quotes_end_are_in_the_new_quote(quote: str) -> None:
    state, r = anchored(STATS, STATS.replace("位居全省第一", "位居全省前列"), quote)
    assert state == "fuzzy"
    assert r.span.quote == quote.replace("第一", "前列")  # type: ignore[attr-defined]


def test_chinese_words_replaced_at_the_quotes_start_are_in_the_new_quote() -> None:
    new = STATS.replace("全市工业总产值", "该市工业总产值")
    state, r = anchored(STATS, new, "全市工业总产值位居全省第一")
    assert state == "fuzzy" and r.span.quote == "该市工业总产值位居全省第一"  # type: ignore[attr-defined]


def test_a_quote_cut_inside_a_word_may_stay_so() -> None:
    # Word edges are kept where the old quote had them, not imposed where it had none.
    state, r = anchored(REPORT, REPORT.replace("province", "region"), "tput in the province")
    assert state == "fuzzy" and r.span.quote == "tput in the region"  # type: ignore[attr-defined]


# Distinct words, as prose mostly has: in a text of one word repeated, another passage may be
# nearer the edited quote than its own (as it always was).
_WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "omicron",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "chi",
    "psi",
    "omega",
    "mill",
    "river",
    "county",
    "region",
    "harbour",
]


@given(
    st.lists(st.sampled_from(_WORDS), min_size=12, max_size=24, unique=True),
    st.data(),
)
def test_a_word_replaced_in_or_at_a_whole_word_quote_keeps_whole_words(
    words: list[str], data: st.DataObject
) -> None:
    start = data.draw(st.integers(2, len(words) - 8))
    end = data.draw(st.integers(start + 4, len(words) - 2))
    at = data.draw(st.integers(start, end - 1))
    replacement = data.draw(st.text(alphabet="xyzw", min_size=1, max_size=12))
    old = "Intro. " + " ".join(words) + ". Outro.\n"
    edited = [*words[:at], replacement, *words[at + 1 :]]
    new = "Intro. " + " ".join(edited) + ". Outro.\n"
    quote = " ".join(words[start:end])
    begin = len("Intro. " + " ".join(words[:start])) + 1
    assert old[begin : begin + len(quote)] == quote
    sel = Selector(
        begin, begin + len(quote), quote, old[:begin][-32:], old[begin + len(quote) :][:32]
    )
    r = reanchor(new, sel, diff_texts(old, new).map_offset(sel.start))
    if r.span is None:
        return
    assert r.span.quote == new[r.span.start : r.span.end]
    for edge in (r.span.start, r.span.end):
        assert not (new[edge - 1].isalpha() and new[edge].isalpha()), (r.span.quote, new)
    if r.state is AnchorState.FUZZY:  # (the same words may still be found elsewhere: moved)
        # the edited word, whole, where the quote was
        assert f" {replacement} " in f" {r.span.quote} ", (r.span.quote, new)


def test_quote_deleted_is_orphaned() -> None:
    new = "\n".join([P1, P3]) + "\n"
    state, r = anchored(OLD, new, "国内首个线性注意力模型MiniMax-Text-01")
    assert state == "orphaned"
    assert r.span is None  # type: ignore[attr-defined]


def test_sentence_split_in_two_is_found() -> None:
    old = "闫俊杰表示，公司去年收入增长了三倍，并计划明年上市。\n"
    new = "闫俊杰表示，公司去年收入增长了三倍。他说，公司计划明年上市。\n"
    state, r = anchored(old, new, "公司去年收入增长了三倍，并计划明年上市")
    assert state == "fuzzy"
    assert r.span.quote.startswith("公司去年收入增长了三倍")  # type: ignore[attr-defined]
    assert r.span.quote.endswith("明年上市")  # type: ignore[attr-defined]


def test_crlf_and_punctuation_changes_are_tolerated() -> None:
    new = normalise(OLD.replace("\n", "\r\n").replace("，", ", "))
    state, r = anchored(OLD, new, "2025年1月，MiniMax发布了")
    assert state == "moved"
    assert r.span.quote == "2025年1月, MiniMax发布了"  # type: ignore[attr-defined]
    assert r.score == 1.0  # type: ignore[attr-defined]


def test_quote_styles_and_spacing_are_tolerated() -> None:
    old = "He said “we will win” and left.\n"
    new = 'He said "we  will win" and left.\n'
    state, r = anchored(old, new, "“we will win”")
    assert state in {"exact", "moved"}
    assert r.span.quote == '"we  will win"'  # type: ignore[attr-defined]


def test_full_width_digits_fold_nfkc() -> None:
    old = "营收为２０２１年的两倍。\n"
    new = "营收为2021年的两倍。\n"
    state, r = anchored(old, new, "２０２１年的两倍")
    assert state == "exact"  # same offsets, folds equal
    assert r.span.quote == "2021年的两倍"  # type: ignore[attr-defined]


def test_whole_article_replaced_orphans_everything() -> None:
    new = "This page has been replaced by an unrelated English story about weather in Oslo.\n"
    for quote in ("4560亿", "创始人闫俊杰", "海螺AI在全球拥有超过一亿用户"):
        state, _ = anchored(OLD, new, quote)
        assert state == "orphaned"


def test_repeated_quote_nearest_wins_and_context_breaks_ties() -> None:
    text = "A said yes. B said yes. C said yes.\n"
    sel = selector(text, "B said yes")
    sel_yes = Selector(sel.start + 7, sel.end, "yes", "B said ", ". C said yes.\n")
    new = "Intro. " + text
    r = reanchor(new, sel_yes, diff_texts(text, new).map_offset(sel_yes.start))
    assert r.state is AnchorState.MOVED
    assert r.span is not None and new[r.span.start - 7 : r.span.start] == "B said "


def test_without_a_mapped_position_the_old_offset_is_the_guess() -> None:
    new = "Preface line.\n" + OLD
    state, _ = anchored(OLD, new, "一亿用户", mapped=False)
    assert state == "moved"


def test_far_fuzzy_match_is_found_by_seeds() -> None:
    filler = "".join(f"第{i}段，这是一些无关的填充文字，用来拉开距离。\n" for i in range(400))
    old = P2 + "\n" + filler
    new = filler + P2.replace("4560亿", "4650亿") + "\n"
    state, r = anchored(old, new, "参数量达到4560亿", mapped=False)
    assert state == "fuzzy"
    assert r.span.quote == "参数量达到4650亿"  # type: ignore[attr-defined]


def test_matcher_folds_once_for_many_selectors() -> None:
    m = Matcher(OLD)
    assert m.reanchor(selector(OLD, "4560亿")).state is AnchorState.EXACT
    assert m.reanchor(selector(OLD, "一亿用户")).state is AnchorState.EXACT


def test_folded_map_points_back_into_the_original() -> None:
    text = "a  b\n\nc，d “e”"
    f = Folded(text)
    assert f.text == 'abc,d"e"'
    for i, ch in enumerate(f.text):
        assert fold(text[f.to_original(i)]) == ch


@given(st.text(alphabet='ab ，,。.“”"\n字', min_size=1, max_size=40))
def test_folded_map_is_monotonic_and_exact(text: str) -> None:
    f = Folded(text)
    positions = [f.to_original(i) for i in range(len(f.text))]
    assert positions == sorted(set(positions))
    assert all(fold(text[p]) == f.text[i] for i, p in enumerate(positions))


@given(
    st.text(alphabet="abc字。 \n", min_size=1, max_size=60),
    st.text(alphabet="abc字。 \n", max_size=20),
    st.data(),
)
def test_any_anchored_span_quotes_the_new_text(old: str, insert: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    at = data.draw(st.integers(0, len(old)))
    new = old[:at] + insert + old[at:]
    s = old[start:end]
    sel = Selector(start, end, s, old[max(0, start - 32) : start], old[end : end + 32])
    r = reanchor(new, sel, diff_texts(old, new).map_offset(start))
    if r.span is not None:
        assert r.span.quote == new[r.span.start : r.span.end]
        assert r.span.end > r.span.start


def test_tolerant_find_returns_the_documents_own_text() -> None:
    span = find_quote_tolerant(OLD, "2025年1月,MiniMax 发布了")
    assert span.quote == "2025年1月，MiniMax发布了"
    assert OLD[span.start : span.end] == span.quote


def test_tolerant_find_still_refuses_what_is_not_there() -> None:
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant(OLD, "完全不存在的句子")


@pytest.mark.parametrize(
    ("typed", "nearest"),
    [
        # a figure typed without its separator, or misremembered: the document's own words
        ("其海螺AI在全球拥有超过1亿用户", "'其海螺AI在全球拥有超过一亿用户' at characters 96–112"),
        ("创始人闫俊杰曾任商汤副总裁", "'创始人闫俊杰曾任商汤科技副总裁' at characters 17–32"),
        ("MiniMax launched 国内首个线性注意力模型", None),
    ],
)
def test_tolerant_find_names_the_nearest_passage(typed: str, nearest: str | None) -> None:
    with pytest.raises(InvalidInput, match="not found") as refused:
        find_quote_tolerant(OLD, typed)
    message = str(refused.value)
    if nearest is None:
        assert "nearest" not in message
    else:
        assert message.endswith(nearest) and "% alike" in message
        span = nearest.rsplit(" at characters ", 1)[1]
        start, end = (int(x) for x in span.split("–"))
        assert f"'{OLD[start:end]}'" in message


def test_the_nearest_passage_is_found_in_bounded_time_in_a_long_text() -> None:
    text = "的" * 200_000 + "员工超过1,200人" + "的" * 200_000
    with pytest.raises(InvalidInput, match=r"nearest passage.*员工超过1,200人"):
        find_quote_tolerant(text, "员工超过1200人")
    # Pieces of the quote everywhere: the search stops at its seed limits (MAX_SEED_HITS).
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant("员工超过" * 100_000, "员工超过1200人")


def test_tolerant_find_asks_which_occurrence() -> None:
    text = "a，b and a, b\n"
    with pytest.raises(InvalidInput, match="occurs 2 times") as refused:
        find_quote_tolerant(text, "a ,b")
    assert refused.value.hint is not None
    assert refused.value.hint.to_json() == {
        "kind": "give_input",
        "field": "occurrence",
        "low": 1,
        "high": 2,
    }
    assert find_quote_tolerant(text, "a ,b", 2).quote == "a, b"


def test_same_words_in_another_passage_are_not_a_move() -> None:
    filler = "".join(f"Line {i} of other news.\n" for i in range(8))
    mayor = "The mayor said the team lost money.\n"
    old = "Intro.\n" + mayor + filler + "Sports: the team won.\n"
    new = "Intro.\n" + filler + "Sports: the team won.\n"
    sel = selector(old, "said the team lost")
    sel = Selector(sel.start + 5, sel.start + 13, "the team", old[: sel.start + 5], " lost money.")
    r = reanchor(new, sel, diff_texts(old, new).map_offset(sel.start))
    # Its own sentence was deleted: the same words in the sports line are not silently taken.
    assert r.state is not AnchorState.MOVED
    assert r.state is not AnchorState.EXACT


# Quotes from outside (`anchor_quote`): a selector's context must match where it is pinned.
REPEATS = "甲说：MiniMax很好。乙说：MiniMax不好。丙说：MiniMax一般。"


def _from(hint: QuoteHint, carrier: Carrier = "an annotation") -> tuple[int, int]:
    span = anchor_quote(REPEATS, hint, carrier=carrier)
    assert span.quote == REPEATS[span.start : span.end]
    return span.start, span.end


def test_context_picks_the_occurrence_it_surrounds() -> None:
    second = REPEATS.index("MiniMax", 10)
    assert _from(QuoteHint(exact="MiniMax", prefix="乙说：")) == (second, second + 7)
    assert _from(QuoteHint(exact="MiniMax", suffix="不好。")) == (second, second + 7)
    # folded as the quote is (spacing, punctuation widths): ": " is "："
    assert _from(QuoteHint(exact="MiniMax", prefix="乙说: ", suffix=" 不好")) == (
        second,
        second + 7,
    )


@pytest.mark.parametrize(
    "hint",
    [
        QuoteHint(exact="MiniMax", prefix="qqq", suffix="www"),
        QuoteHint(exact="MiniMax", prefix="zzz不存在"),  # ends like no context in the text
        QuoteHint(exact="MiniMax", prefix="丁说："),
        QuoteHint(exact="MiniMax", prefix="乙说：", suffix="很好"),  # each half of another
        QuoteHint(exact="MiniMax很好", prefix="乙说："),  # one occurrence, not this context
    ],
)
def test_context_that_matches_no_occurrence_is_refused(hint: QuoteHint) -> None:
    with pytest.raises(InvalidInput) as caught:
        _from(hint)
    assert str(caught.value) == (
        "quote found but its context (prefix/suffix) matches no occurrence"
    )


def test_offsets_that_hold_the_quote_win_over_context_as_before() -> None:
    third = REPEATS.rindex("MiniMax")
    hint = QuoteHint(exact="MiniMax", prefix="qqq", start=third, end=third + 7)
    assert _from(hint) == (third, third + 7)


@pytest.mark.parametrize(
    ("carrier", "say"),
    [
        ("a claims table", "say which with occurrence (1..3) or start/end"),
        (
            "an annotation",
            "say which with a prefix/suffix (TextQuoteSelector) or a TextPositionSelector",
        ),
    ],
)
def test_an_ambiguous_quote_says_how_its_file_kind_tells_which(carrier: Carrier, say: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        _from(QuoteHint(exact="MiniMax"), carrier)
    assert str(caught.value) == f"quote occurs 3 times in the document; {say}"


def test_the_nearest_passage_aligns_few_windows_where_pieces_repeat_everywhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long quote whose pieces recur in every paragraph of a long text: each alignment of a
    # 1,000-character quote costs tens of milliseconds, so only the windows most pieces point
    # at are aligned (all of them took 17 s on 1 MB).
    paragraph = "The council approved a budget of {} million for the new library in {}. "
    text = "".join(paragraph.format(i % 97, 1900 + i % 200) for i in range(3000))
    quote = (paragraph.format(45, 2023) * 12)[:1000].replace("council", "counsel")
    aligned: list[int] = []
    rough = anchoring.rough_alignment

    def counted(fq: str, text: str, lo: int, hi: int) -> object:
        aligned.append(lo)
        return rough(fq, text, lo, hi)

    monkeypatch.setattr(anchoring, "rough_alignment", counted)
    found = Matcher(text).nearest(quote)
    assert found is not None and found[0] >= anchoring.MIN_QUOTE_SIMILARITY
    folded = len(fold(quote))  # spaces and punctuation are not compared
    assert len(aligned) <= max(anchoring.NEAREST_WINDOWS, anchoring.NEAREST_CHARACTERS // folded)
    assert len(aligned) < len({lo for lo, _ in Matcher(text)._windows(fold(quote), 0)})


DASHED = "The median wait is now 61 weeks — in England it is 39 weeks, the minister said."


@pytest.mark.parametrize("typed", ["61 weeks -- in England", "61 weeks---in England"])
def test_two_or_three_hyphens_typed_for_a_dash_find_it(typed: str) -> None:
    # The debate trial typed "--" for the em dash (a plain-text habit): one "-" was found,
    # "--" was not.
    assert find_quote_tolerant(DASHED, typed).quote == "61 weeks — in England"
    # A text that has the hyphens is found as it is.
    plain = DASHED.replace("—", "--")
    assert (
        find_quote_tolerant(plain, typed.replace("---", " -- ")).quote == "61 weeks -- in England"
    )


TWO_DASHES = "Sales rose — sharply. Later: Sales rose – sharply."


@pytest.mark.parametrize("typed", ["Sales rose -- sharply", "Sales rose - sharply"])
def test_a_typed_dash_that_fits_two_passages_is_refused(typed: str) -> None:
    # "--" was matched verbatim as "—" only, and silently pinned the first passage; a typed
    # "-" (folded) was refused. Both count every passage their dash folds to.
    with pytest.raises(InvalidInput, match="occurs 2 times") as refused:
        find_quote_tolerant(TWO_DASHES, typed)
    assert refused.value.hint is not None
    first = find_quote_tolerant(TWO_DASHES, typed, occurrence=1)
    second = find_quote_tolerant(TWO_DASHES, typed, occurrence=2)
    assert (first.quote, second.quote) == ("Sales rose — sharply", "Sales rose – sharply")
    assert TWO_DASHES[second.start : second.end] == second.quote and second.start > first.end


def test_a_long_quote_and_its_nearest_passage_are_shown_where_they_differ() -> None:
    # Both used to be cut at 60 characters, before the place where they differ.
    typed = "The median wait is now 61 weeks while in England it is 39 weeks"
    with pytest.raises(InvalidInput, match="nearest passage") as refused:
        find_quote_tolerant(DASHED, typed)
    message = str(refused.value)
    assert "'…61 weeks while in England it is 39 weeks'" in message
    assert "'…61 weeks — in England it is 39 weeks" in message


@pytest.mark.parametrize(
    "mark", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202a", "\u2067"]
)
def test_a_quote_typed_without_the_invisible_characters_of_the_text_is_found(mark: str) -> None:
    # Pasted from the web, the stored text holds zero-width characters the quote a checker
    # types cannot: it was refused as not found.
    text = f"Intro. The{mark} company{mark} hired 1,200 workers in 2023.{mark} Next."
    span = find_quote_tolerant(text, "The company hired 1,200 workers in 2023.", None)
    assert (span.start, span.end) == (7, 49)
    assert span.quote == text[7:49]  # the document's own text, its invisible characters kept
    # and a quote that holds them finds the text without them
    plain = "Intro. The company hired 1,200 workers in 2023. Next."
    found = find_quote_tolerant(plain, f"The{mark} company hired", None)
    assert found.quote == "The company hired"


def test_the_nearest_passage_is_whole_words_or_none() -> None:
    # Session 45's new user typed a quote that is nowhere ("not in the doc") and was offered
    # 'nt in the c', cut from the middle of two words: no one meant that.
    text = "Unemployment in the city fell to 3.8 percent in March, the council said."
    with pytest.raises(InvalidInput, match="not found") as refused:
        find_quote_tolerant(text, "not in the doc")
    assert "nearest" not in str(refused.value)
    # A real near miss is still offered, as whole words.
    with pytest.raises(InvalidInput, match="nearest passage") as refused:
        find_quote_tolerant(text, "Unemployment in the city fell to 3.9 percent")
    assert "'Unemployment in the city fell to 3.8 percent'" in str(refused.value)


# A quote that occurs more than ten thousand times (a table's repeated cell): the claim on one
# occurrence past the ten-thousandth was moved to the ten-thousandth, only the first ten thousand
# having been looked at, and called moved with its quote unchanged (trial47).
def test_a_quote_past_ten_thousand_occurrences_moves_with_its_text() -> None:
    old = "".join(f"Row {i}: Acme\n" for i in range(1, 15_001))
    new = "Note: table updated.\n" + old
    sel = find_quote(old, "Acme", occurrence=12_000)
    assert old[sel.start - 11 : sel.start] == "Row 12000: "
    expected = diff_texts(old, new).map_offset(sel.start)
    result = reanchor(
        new, Selector(sel.start, sel.end, sel.quote, sel.prefix, sel.suffix), expected
    )
    assert result.state == AnchorState.MOVED
    assert result.span is not None
    assert result.span.start == sel.start + len("Note: table updated.\n")
    assert new[result.span.start - 11 : result.span.start] == "Row 12000: "


def test_starts_near_lists_the_nearest_first_the_earlier_of_two_as_near() -> None:
    text = "ab ab ab ab"
    # starts 0, 3, 6, 9; from 5 the nearest are 6 (1 away) and 3 (2 away), then 9 and 0 (4 and 5)
    assert alignment.starts_near(text, "ab", 5) == [6, 3, 9, 0]
    # from 6: itself, then 3 and 9 (both 3 away: the earlier first), then 0
    assert alignment.starts_near(text, "ab", 6) == [6, 3, 9, 0]
    assert alignment.starts_near("aaaa", "aa", 1) == [1, 0, 2]  # overlapping ones too
    assert alignment.starts_near(text, "ab", 100) == [9, 6, 3, 0]  # past the end: from the end
    assert alignment.starts_near(text, "zz", 5) == []


def test_starts_near_stops_at_the_checks_it_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alignment, "MAX_CONTEXT_CHECKS", 3)
    assert alignment.starts_near("x" * 100, "x", 50) == [50, 49, 51]


def test_an_imported_quote_past_the_ten_thousandth_occurrence_is_found() -> None:
    text = "".join(f"Row {i}: Acme\n" for i in range(1, 15_001))
    span = anchor_quote(text, QuoteHint(exact="Acme", occurrence=12_000), carrier="a claims table")
    assert text[span.start - 11 : span.start] == "Row 12000: "
    # Typed with another dash, found folded: the folded text's occurrences are all listed too.
    dashed = text.replace("Acme", "Ac-me")
    typed = anchor_quote(
        dashed, QuoteHint(exact="Ac–me", occurrence=12_000), carrier="an annotation"
    )
    assert dashed[typed.start - 11 : typed.start] == "Row 12000: "


def test_a_quote_that_occurs_too_often_to_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.domain import occurrences as occurrences_module

    monkeypatch.setattr(occurrences_module, "MAX_OCCURRENCES", 5)
    with pytest.raises(InvalidInput, match=r"more than 5 times.*quote more of the passage"):
        find_quote("a a a a a a", "a", occurrence=2)
    with pytest.raises(InvalidInput, match="more than 5 times"):
        anchor_quote("a a a a a a", QuoteHint(exact="a", occurrence=2), carrier="a claims table")
    assert len(occurrences_module.occurrence_starts("a a a a a", "a")) == 5  # five is not too many


def test_a_folded_quote_moves_to_the_occurrence_nearest_in_the_text_as_it_is() -> None:
    """Review: folding shortens a run of spaces, so nearest in the folded text was not nearest
    in the text: 'q  r' (two spaces, not in the text) went to the 'q r' 30 characters away past
    a run of spaces, not the one 8 away."""
    text = "q r" + "x" * 5 + " " * 30 + "q r" + "y" * 20
    result = reanchor(text, Selector(8, 12, "q  r", "", ""), 8)
    assert result.span is not None and (result.span.start, result.span.end) == (0, 3)
