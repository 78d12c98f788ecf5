"""review332: `anchor_quote` takes offsets that hold the quote without looking further ("the
offsets win"), and did so even where the annotation's prefix and suffix do not hold there.
A browser tool's TextPositionSelector counts UTF-16 units, one more for each emoji before the
quote; in a run of a repeated character (哈哈哈, 000) the shifted position holds the quote
too, one character on, and was pinned as exact beside a context the annotation does not give:
the case trial324 fixed for a position near an occurrence, left open for one right on it."""

from __future__ import annotations

from workbench.domain.pinning import QuoteHint, anchor_quote

TEXT = "直播间里😀观众喊哈哈哈，主播说了句话。"
QUOTE = "哈哈"


def _utf16(at: int) -> int:
    return len(TEXT[:at].encode("utf-16-le")) // 2


def test_offsets_holding_the_quote_give_way_to_the_context_given() -> None:
    at = TEXT.index(QUOTE)
    start = _utf16(at)
    assert TEXT[start : start + len(QUOTE)] == QUOTE  # the shifted offsets hold it too
    hint = QuoteHint(
        exact=QUOTE,
        prefix=TEXT[at - 3 : at],
        suffix=TEXT[at + 2 : at + 5],
        start=start,
        end=start + len(QUOTE),
    )
    span = anchor_quote(TEXT, hint, carrier="an annotation")
    assert (span.start, span.end) == (at, at + len(QUOTE)), TEXT[span.start - 3 : span.end + 3]


def test_offsets_holding_the_quote_still_win_over_a_context_found_nowhere() -> None:
    # As tests/unit/test_anchoring.py holds: the context gives way only to one found elsewhere.
    at = TEXT.index(QUOTE)
    hint = QuoteHint(exact=QUOTE, prefix="主播说", start=at, end=at + len(QUOTE))
    span = anchor_quote(TEXT, hint, carrier="an annotation")
    assert (span.start, span.end) == (at, at + len(QUOTE))


def test_offsets_holding_the_quote_and_its_context_are_taken() -> None:
    at = TEXT.index(QUOTE) + 1  # the second 哈哈, as its own context says
    hint = QuoteHint(exact=QUOTE, prefix="众喊哈", suffix="，", start=at, end=at + 2)
    span = anchor_quote(TEXT, hint, carrier="an annotation")
    assert (span.start, span.end) == (at, at + 2)
