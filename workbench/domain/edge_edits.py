"""A revision's edits at a quote's edge: words added or removed right before or after a quote
found verbatim make it fuzzy, the words added taken into its span (`edited_at_edges`)."""

from __future__ import annotations

import bisect
from typing import Any

from workbench.domain.alignment import levenshtein_similarity
from workbench.domain.anchoring import Anchored, AnchorState
from workbench.domain.quote_folding import fold
from workbench.domain.segment import (
    CLOSERS,
    OPENERS,
    before_footnote,
    ends_sentence,
)
from workbench.domain.spans import span_at

# The most characters of words added at a quote's edge that `edited_at_edges` takes into its
# span (a longer addition still changes the claim's words, and flags them, unwidened).
EDGE_REACH = 40


def edited_at_edges(
    changes: Any, text: str, found: Anchored, starts: list[int] | None = None
) -> Anchored:
    """`found` (the quote verbatim, exact or moved) as fuzzy when the revision (`changes`, a
    diff's, in order; `starts`, their new starts, computed once per diff) added or removed
    words right at an edge of it, within its sentence and its line: `not` before "the first
    time", 不 before 是, `nearly` before "18 percent" (trial50: the claims stayed moved, "quote
    unchanged", their True verdicts published after the article said the opposite). Words
    added are taken into the span (up to EDGE_REACH characters, out to whole words); words
    removed leave it as it is. A quote that ends a sentence (or a quotation) is not changed by
    the next sentence's words, nor one that starts after a line break by the line before
    (review51: an edited headline flagged the lead's first claim). Otherwise `found`."""
    if found.span is None or found.state not in (AnchorState.EXACT, AnchorState.MOVED):
        return found
    start, end = found.span.start, found.span.end
    starts = [c.new_start for c in changes] if starts is None else starts
    wider_start, wider_end, touched = start, end, False
    quote = found.span.quote
    # A change that reaches the quote's start (or ends a space or two before it on its line),
    # and one that reaches its end: words it added outside the quote are taken in.
    if quote[:1] not in OPENERS:
        first = bisect.bisect_right(starts, start)
        for c in changes[max(0, first - 4) : first]:
            if c.new_end < start - 2 or (c.new_end < start and not _blank(text[c.new_end : start])):
                continue
            if not _words_changed(c, text):
                continue
            touched = True
            added = text[c.new_start : min(c.new_end, start)]
            if _has_word(added) and start - c.new_start <= EDGE_REACH + 2:
                wider_start = min(wider_start, c.new_start + _leading_space(added))
    # (a quote ending in a footnote marker, 2023.¹, is read by the stop or closer before it)
    marked = before_footnote(text, end) if text[end - 1 : end] == quote[-1:] else end
    closed = (text[marked - 1] if marked < end else quote[-1:]) in CLOSERS
    if not (ends_sentence(text, marked - 1) or closed):
        last = bisect.bisect_right(starts, end + 2)
        for c in changes[max(0, last - 4) : last]:
            if c.new_end < end or (c.new_start > end and not _blank(text[end : c.new_start])):
                continue
            if not _words_changed(c, text):
                continue
            touched = True
            added = text[max(c.new_start, end) : c.new_end]
            if _has_word(added) and c.new_end - end <= EDGE_REACH + 2:
                wider_end = max(wider_end, c.new_end - (len(added) - len(added.rstrip())))
    if not touched:
        return found
    wider_start, wider_end = _out_to_words(text, wider_start, wider_end)
    wider = span_at(text, wider_start, wider_end)
    return Anchored(
        AnchorState.FUZZY,
        wider,
        round(levenshtein_similarity(fold(found.span.quote), fold(wider.quote)), 4),
    )


def _blank(gap: str) -> bool:
    """Spaces only, on one line: a line break between a change and a quote is a boundary."""
    return "\n" not in gap and not gap.strip()


def _out_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) out to whole Latin words (a character diff ends mid-word: 'ruly the
    first' for 'truly the first'); CJK characters are words of their own."""
    while 0 < start < len(text) and _latin(text[start - 1]) and _latin(text[start]):
        start -= 1
    while 0 < end < len(text) and _latin(text[end - 1]) and _latin(text[end]):
        end += 1
    return start, end


def _latin(char: str) -> bool:
    return char.isalnum() and (char.isascii() or "\u00c0" <= char <= "\u024f")


def _words_changed(change: Any, text: str) -> bool:
    """Whether a change added or removed words within a sentence and a line: neither side
    spans a line break or a sentence's end (judged in the new text, where it has its
    context: `Apple Inc.` is no end, `billion. Its` is), and its letters and digits differ once
    folded (full-width digits made ASCII, a comma made ASCII, a space added, are no words)."""
    if "\n" in change.old_text or "\n" in change.new_text:
        return False
    if any(ends_sentence(text, k) for k in range(change.new_start, change.new_end)):
        return False
    old = change.old_text + " "  # (its context is another text's: a space after it)
    if any(ends_sentence(old, k) for k in range(len(change.old_text))):
        return False
    return _letters(change.old_text) != _letters(change.new_text)


def _letters(words: str) -> str:
    return "".join(ch for ch in fold(words) if ch.isalnum())


def _has_word(words: str) -> bool:
    return any(ch.isalnum() for ch in words)


def _leading_space(words: str) -> int:
    return len(words) - len(words.lstrip())
