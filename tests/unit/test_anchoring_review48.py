"""Anchoring as review48 found it wrong: a typographic edit was fuzzy (its verdict flagged)
only when the old words also occurred verbatim far away. (The long quote it timed is
measured by bench/bench_anchoring.py.)"""

from __future__ import annotations

from workbench.domain.anchoring import AnchorState, Matcher, Selector
from workbench.domain.spans import span_at

FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20


def _sel(text: str, start: int, end: int) -> Selector:
    sp = span_at(text, start, end)
    return Selector(sp.start, sp.end, sp.quote, sp.prefix, sp.suffix)


def test_a_typographic_edit_is_exact_though_the_old_words_occur_verbatim_elsewhere() -> None:
    """Straight apostrophe -> curly one in the claim's passage: exact (folded) normally, but
    FUZZY (so the verdict is flagged) as soon as the old wording occurs verbatim anywhere else
    in the text (a headline), because `_occurrences_near` looks at verbatim occurrences only
    when there is one, and the far one is rightly rejected."""
    q = "the mayor's budget is balanced"
    body = "\nIn her speech, she said the mayor's budget is balanced and fair to all.\n"
    for head in ("Headline: city news\n", f"Headline: {q}\n"):
        old = head + FILLER + body
        s = old.rindex(q)
        new = old[:s] + old[s:].replace("mayor's", "mayor\u2019s", 1)
        found = Matcher(new).reanchor(_sel(old, s, s + len(q)))
        assert found.state == AnchorState.EXACT, (head, found)


NEWS = (
    "深圳新能源汽车产量创新高\n\n本报记者 李明 报道\n\n"
    "据深圳市统计局3月5日发布的数据，2025年深圳新能源汽车产量达到280万辆，同比增长35%。\n\n"
    "专家认为，深圳已成为全球最大的新能源汽车生产城市。截至2025年底，全市共建成充电桩超过50万个。\n\n"
    "深圳市政府计划到2030年将新能源汽车年产量提高到500万辆。\n"
)
# trial48's revision: the charging sentence moved to the top, "the largest" made "one of".
REVISED = (
    "深圳新能源汽车产量创新高（更新）\n\n本报记者 李明 报道\n\n"
    "截至2025年底，全市共建成充电桩超过50万个。\n\n"
    "据深圳市统计局3月5日发布的数据，2025年深圳新能源汽车产量达到250万辆，同比增长30%。\n\n"
    "专家认为，深圳已成为全球最大的新能源汽车生产城市之一。\n\n"
    "深圳市政府计划到2030年将新能源汽车年产量提高到500万辆。\n"
)


def test_a_changed_sentence_keeps_the_words_added_before_its_end() -> None:
    """trial48: the span stopped at 生产城市, leaving out 之一 ("one of"), which reverses it."""
    from workbench.domain.textdiff import diff_texts

    diff = diff_texts(NEWS, REVISED)
    for quote in (
        "专家认为，深圳已成为全球最大的新能源汽车生产城市。",
        # two sentences the revision put in two paragraphs: not matched across the headline
        "专家认为，深圳已成为全球最大的新能源汽车生产城市。截至2025年底，全市共建成充电桩超过50万个。",
    ):
        start = NEWS.index(quote)
        found = Matcher(REVISED).reanchor(
            _sel(NEWS, start, start + len(quote)), diff.map_offset(start)
        )
        assert found.state == AnchorState.FUZZY and found.span is not None
        assert found.span.quote == "专家认为，深圳已成为全球最大的新能源汽车生产城市之一。"


def test_an_english_sentence_end_is_not_a_decimal_point() -> None:
    old = "Intro line here.\n\nThe council said the deficit was $2.4 billion. Others disagreed.\n"
    new = old.replace("was $2.4", "was about $2.6")
    quote = "The council said the deficit was $2.4 billion."
    start = old.index(quote)
    found = Matcher(new).reanchor(_sel(old, start, start + len(quote)), start)
    assert found.span is not None
    assert found.span.quote == "The council said the deficit was about $2.6 billion."


def test_an_occurrence_out_of_range_is_refused_though_the_quote_occurs_once() -> None:
    """trial49: an import's occurrence 2 of a quote that occurs once was taken as the one."""
    import pytest

    from workbench.domain.errors import InvalidInput
    from workbench.domain.pinning import QuoteHint, anchor_quote

    text = "Report 9 says Oakdale had 88,302 clinics in 2025. Other news."
    hint = QuoteHint(exact="Oakdale had", occurrence=1)
    assert anchor_quote(text, hint, carrier="a claims table").start == 14
    for occurrence in (2, 10**20):
        with pytest.raises(InvalidInput, match=r"^occurrence \d+ is out of range: .* once$"):
            anchor_quote(
                text,
                QuoteHint(exact="Oakdale had", occurrence=occurrence),
                carrier="a claims table",
            )


def test_words_run_onto_a_quote_where_a_mark_was_change_it() -> None:
    """trial48: a quote ending at 城市 stayed exact when 之一 ("one of") was run onto it; its
    verdict stood. Words run on where a mark or a space was make the claim's words changed."""
    quote = "深圳已成为全球最大的新能源汽车生产城市"
    start = NEWS.index(quote)
    found = Matcher(REVISED).reanchor(_sel(NEWS, start, start + len(quote)))
    assert found.state == AnchorState.FUZZY and found.span is not None
    assert found.span.quote == quote + "之一"
    # before the quote too: 不 where a comma's space was
    old = "Intro.\n\n据报道，是全球最大的城市。下一句。\n"
    new = old.replace("据报道，是", "据报道，不是")
    q = "是全球最大的城市"
    at = old.index(q)
    found = Matcher(new).reanchor(_sel(old, at, at + len(q)), at)
    assert found.state == AnchorState.FUZZY and found.span is not None
    assert found.span.quote == "不是全球最大的城市"


def test_a_word_added_after_a_space_leaves_the_quote_as_it_was() -> None:
    old = "Intro line.\n\nThe budget is balanced and fair to all.\n"
    new = old.replace("and fair", "and very fair")
    q = "The budget is balanced"
    at = old.index(q)
    found = Matcher(new).reanchor(_sel(old, at, at + len(q)), at)
    assert found.state == AnchorState.EXACT
