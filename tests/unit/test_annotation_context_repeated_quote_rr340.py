"""rr340: an import of annotations anchors each row's quote with one `Matcher` of the page, and
a prefix/suffix given settled a repeated quote by comparing the context around every one of its
occurrences, each compared afresh for every row: a page repeating a quote 10,000 times, one
annotation for each, took 0.3 s a row (50 minutes), quadratic in the repetitions. review332
sent a row whose offsets hold the quote, 1 ms before, down the same path when its context holds
elsewhere. Counted, not timed: the folded positions looked up stay linear in rows plus
occurrences."""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import Matcher
from workbench.domain.pinning import QuoteHint, anchor_quote
from workbench.domain.quote_folding import Folded

QUOTE = "the rate rose 5%"
REPEATS = 300


def _page() -> tuple[str, list[int]]:
    parts, starts, at = [], [], 0
    for i in range(REPEATS):
        sentence = f"Item {i}: {QUOTE}. "
        starts.append(at + sentence.index(QUOTE))
        parts.append(sentence)
        at += len(sentence)
    return "".join(parts), starts


def _hint(text: str, at: int, offsets_at: int | None) -> QuoteHint:
    return QuoteHint(
        exact=QUOTE,
        prefix=text[max(0, at - 32) : at],
        suffix=text[at + len(QUOTE) : at + len(QUOTE) + 32],
        start=offsets_at,
        end=None if offsets_at is None else offsets_at + len(QUOTE),
    )


@pytest.mark.parametrize("offsets", ["none", "another occurrence"])
def test_a_context_settles_a_repeated_quote_without_comparing_every_occurrence_per_row(
    offsets: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, starts = _page()
    matcher = Matcher(text)
    calls = 0
    real = Folded.from_original

    def counted(self: Folded, pos: int) -> int:
        nonlocal calls
        calls += 1
        return real(self, pos)

    monkeypatch.setattr(Folded, "from_original", counted)
    for i, at in enumerate(starts):
        other = starts[(i + 7) % REPEATS] if offsets == "another occurrence" else None
        span = anchor_quote(matcher, _hint(text, at, other), carrier="an annotation")
        assert (span.start, span.end) == (at, at + len(QUOTE))
    # Each occurrence's edges once, and a few per row: not every occurrence's for every row
    # (2 * 300 * 300 = 180,000 before).
    assert calls <= 8 * (REPEATS + len(starts)), calls
