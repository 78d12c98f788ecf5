"""finalC: rr340 looks a row's prefix and suffix up in an index of the text before and after
each occurrence of its quote, one key per occurrence as long as the context given. An
annotation's prefix has no limit but the file's size: one of 40,000 characters, on a page
repeating its quote 2,000 times in different sentences, made 2,000 keys of up to 40,000
characters each (80 MB; 1.6 GB at 20,000 occurrences), where comparing one occurrence at a
time held one. Measured in memory allocated, not time."""

from __future__ import annotations

import tracemalloc

import pytest

from workbench.domain.anchoring import Matcher
from workbench.domain.errors import InvalidInput
from workbench.domain.pinning import QuoteHint, anchor_quote

QUOTE = "the rate rose"
REPEATS = 2_000
CONTEXT = 40_000


def _page() -> tuple[str, list[int]]:
    parts, starts, at = [], [], 0
    for i in range(REPEATS):
        sentence = f"In district {i:05d}, by {i * 7919 % 10007:05d} votes, {QUOTE} again. "
        starts.append(at + sentence.index(QUOTE))
        parts.append(sentence)
        at += len(sentence)
    return "".join(parts), starts


def test_a_long_context_is_looked_up_without_a_key_of_its_length_per_occurrence() -> None:
    text, starts = _page()
    matcher = Matcher(text)
    matcher.folded  # noqa: B018 (folded before measuring: its own size is the text's)
    at = starts[-3]
    hint = QuoteHint(
        exact=QUOTE,
        prefix=text[at - CONTEXT : at],
        suffix=text[at + len(QUOTE) : at + len(QUOTE) + 5_000],
    )
    tracemalloc.start()
    try:
        span = anchor_quote(matcher, hint, carrier="an annotation")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (span.start, span.end) == (at, at + len(QUOTE))
    # The prefix and suffix, folded, a few copies, and a short key for each occurrence (2.6 MB):
    # not a context's copy per occurrence (56 MB).
    assert peak < 20 * (CONTEXT + 5_000) + 2_000 * REPEATS, peak


def test_a_long_context_still_settles_only_where_all_of_it_holds() -> None:
    text, starts = _page()
    at = starts[-3]
    # Another occurrence's own 500 characters before it, after one the text has not there:
    # its end holds (as a lookup of the characters nearest the quote finds), not all of it.
    other = starts[-5]
    hint = QuoteHint(exact=QUOTE, prefix="X" + text[other - 500 : other], suffix="")
    with pytest.raises(InvalidInput):
        anchor_quote(Matcher(text), hint, carrier="an annotation")
    # And the whole context of one occurrence settles it.
    whole = QuoteHint(exact=QUOTE, prefix=text[at - 3_000 : at], suffix="")
    span = anchor_quote(Matcher(text), whole, carrier="an annotation")
    assert (span.start, span.end) == (at, at + len(QUOTE))
