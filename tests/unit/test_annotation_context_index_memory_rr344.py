"""rr344: rr340's index of a repeated quote's occurrences by their context (`Matcher.
context_holding`) built a table of every occurrence's context for each length of context a row
gave, and kept them all: an annotation file whose rows give 1 to 300 characters of prefix, on a
page repeating a quote 10,000 times, held 1 GB after 300 rows (before rr340 each row compared,
holding nothing). The index holds the occurrences' context once, however many lengths."""

from __future__ import annotations

import tracemalloc

from workbench.domain.anchoring import Matcher
from workbench.domain.pinning import QuoteHint, anchor_quote

QUOTE = "the rate rose 5%"
REPEATS = 4_000


def test_rows_giving_contexts_of_many_lengths_hold_no_table_for_each() -> None:
    parts, starts, at = [], [], 0
    for i in range(REPEATS):
        sentence = f"Item {i:05d} of the table says {QUOTE}. "
        starts.append(at + sentence.index(QUOTE))
        parts.append(sentence)
        at += len(sentence)
    text = "".join(parts)
    matcher = Matcher(text)
    tracemalloc.start()
    try:
        for size in range(24, 104):  # 80 lengths, each long enough to name its item
            at = starts[(size * 37) % REPEATS]
            hint = QuoteHint(exact=QUOTE, prefix=text[at - size : at])
            span = anchor_quote(matcher, hint, carrier="an annotation")
            assert (span.start, span.end) == (at, at + len(QUOTE))
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A few MB: the occurrences and their context once (80 tables of 4,000 held 100 MB).
    assert held < 16_000_000, held


def test_a_context_longer_than_indexed_is_still_compared_whole() -> None:
    """Contexts agreeing on their last characters before the quote and not before them: the
    one given whole is the one taken, and one found nowhere is refused."""
    text = ("A" * 100 + " said " + QUOTE + ". ") + ("B" * 100 + " said " + QUOTE + ". ")
    second = text.rindex(QUOTE)
    hint = QuoteHint(exact=QUOTE, prefix="B" * 90 + " said ")
    span = anchor_quote(Matcher(text), hint, carrier="an annotation")
    assert span.start == second
    first = text.index(QUOTE)
    matcher = Matcher(text)
    hint = QuoteHint(exact=QUOTE, prefix="A" * 90 + " said ", suffix=". " + "B" * 50)
    span = anchor_quote(matcher, hint, carrier="an annotation")
    assert span.start == first
