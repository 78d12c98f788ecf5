"""A quote pasted with its own quotation marks is found by the words inside them.

What the user met: `claim add 1 --quote "“营收一百亿元”"` (the sentence copied from a chat
that had put it in quotes, or from another article that quoted it) was "quote not found";
so was an annotation's or a claims table's quote «…», 「…」, ‘…’. When the quote is not found
as given but is found with one pair of surrounding marks removed, the words inside are
anchored, and `marks_dropped` says so; marks the stored text has at that place are never
stripped (the quote is then found as given, or the marks there are kept in the span)."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput

TEXT = "甲公司去年营收一百亿元，他说“我们会继续增长”。Revenue was ‘about ten billion’ then.\n"


@pytest.mark.parametrize(
    "typed",
    [
        "“营收一百亿元”",
        '"营收一百亿元"',
        "「营收一百亿元」",
        "‘营收一百亿元’",
        "『营收一百亿元』",
        " “营收一百亿元” ",
    ],
)
def test_the_words_inside_the_marks_are_pinned(typed: str) -> None:
    from workbench.domain.pinning import QuoteHint, anchor_quote, find_quote_tolerant
    from workbench.domain.quote_marks import marks_dropped

    for span in (
        find_quote_tolerant(TEXT, typed),
        anchor_quote(TEXT, QuoteHint(exact=typed), carrier="a claims table"),
    ):
        assert (span.start, span.end, span.quote) == (5, 11, "营收一百亿元")
        assert marks_dropped(typed, span.quote)


def test_marks_the_text_has_there_are_kept() -> None:
    from workbench.domain.pinning import QuoteHint, anchor_quote, find_quote_tolerant
    from workbench.domain.quote_marks import marks_dropped

    # Found as given (the text's own marks, or marks folded alike: 「」 for “”).
    for typed in ("“我们会继续增长”", "「我们会继续增长」"):
        span = find_quote_tolerant(TEXT, typed)
        assert span.quote == "“我们会继续增长”"
        assert not marks_dropped(typed, span.quote)
    # Marks of another kind than the text's there: the text's are kept in the span.
    for typed in ('"about ten billion"', "«about ten billion»"):
        span = find_quote_tolerant(TEXT, typed)
        assert span.quote == "‘about ten billion’", span
        assert not marks_dropped(typed, span.quote)
        hinted = anchor_quote(TEXT, QuoteHint(exact=typed), carrier="an annotation")
        assert hinted.quote == "‘about ten billion’"
    # A quote typed without marks is as it was.
    assert find_quote_tolerant(TEXT, "我们会继续增长").quote == "我们会继续增长"
    assert not marks_dropped("我们会继续增长", "我们会继续增长")


def test_only_one_pair_of_marks_and_only_a_pair() -> None:
    from workbench.domain.pinning import find_quote_tolerant

    for typed in ("“营收一百亿元", "营收一百亿元”", "“”", "““营收一百亿元””", "“营收一百亿元’"):
        with pytest.raises(InvalidInput, match="quote not found") as refused:
            find_quote_tolerant(TEXT, typed)
        # The refusal quotes what was typed, marks and all.
        assert repr(typed) in refused.value.message


def test_the_occurrence_counts_the_words_inside() -> None:
    from workbench.domain.pinning import find_quote_tolerant

    text = "增长百分之二十。次年又增长百分之二十。\n"
    with pytest.raises(InvalidInput, match="occurs 2 times"):
        find_quote_tolerant(text, "“增长百分之二十”")
    span = find_quote_tolerant(text, "“增长百分之二十”", 2)
    assert (span.start, span.quote) == (11, "增长百分之二十")


def test_marks_of_two_quotations_side_by_side_are_not_a_pair() -> None:
    """`claim add --quote '“又要”'` in `既要“稳”又要“进”` pinned `”又要“`: the closing mark of
    one quotation and the opening mark of the next were taken for a pair of the text's own
    around the words, kept in the span (the claim's quote), and nothing was said. Only an
    opening mark before and its closing mark after are a pair the text has there."""
    from workbench.domain.pinning import QuoteHint, anchor_quote, find_quote_tolerant
    from workbench.domain.quote_marks import marks_dropped

    text = "政策既要“稳”又要“进”，营收「增长」放缓「明显」。\n"
    for typed, words, start in (
        ("“又要”", "又要", 7),
        ("“放缓”", "放缓", 19),
        ('"放缓"', "放缓", 19),
    ):
        for span in (
            find_quote_tolerant(text, typed),
            anchor_quote(text, QuoteHint(exact=typed), carrier="a claims table"),
        ):
            assert (span.start, span.quote) == (start, words), span
            assert marks_dropped(typed, span.quote)
    # Marks of another family than those typed (found inside them, not folded alike).
    span = find_quote_tolerant("营收‘增长’放缓‘明显’。\n", "“放缓”")
    assert (span.start, span.quote) == (6, "放缓"), span
    # A pair the text has, in any of the ways languages open and close one, is still kept.
    for own in ("“稳”", "„稳“", "„稳”", "»稳«", "«稳»", "”稳”", "「稳」", "'稳'", '"稳”'):
        span = find_quote_tolerant(f"政策既要{own}又要\n", "『稳』")
        assert span.quote == own, (own, span)


def test_a_quote_that_is_only_marks_is_not_found() -> None:
    """`--quote '“”“'` (marks pasted without their words) was read as the mark inside the
    outer two, 'occurs 4 times: say which', and `--occurrence 1` pinned a claim on a lone
    quotation mark: with no words inside, there is nothing to pin."""
    from workbench.domain.pinning import QuoteHint, anchor_quote, find_quote_tolerant

    text = "政策既要“稳”又要“进”。\n"
    for typed in ("“”“", '"""', "「」」", "“ ” ”"):
        with pytest.raises(InvalidInput, match="quote not found"):
            find_quote_tolerant(text, typed, 1)
        with pytest.raises(InvalidInput, match="quote not found"):
            anchor_quote(text, QuoteHint(exact=typed, occurrence=1), carrier="a claims table")
