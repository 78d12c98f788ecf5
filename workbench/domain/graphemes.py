"""User-perceived characters (Unicode extended grapheme clusters): whether an offset falls
between two, and a quote's context cut between them for display."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# How far back from an offset the segmentation may start: far more than any real cluster (a
# family emoji is 11 code points), and a run of flags longer than this is not an article.
GRAPHEME_WINDOW = 256


_REGIONAL_INDICATOR = re.compile("[\U0001f1e6-\U0001f1ff]")


def _not_regional_indicator() -> Any:
    import regex

    # Searched backwards, in the segmenter's own C loop: a run of 88,000 flags read in Python
    # would cost what segmenting from the whole text did.
    return regex.compile("[^\U0001f1e6-\U0001f1ff]", flags=regex.REVERSE)


def _segment_from(text: str, offset: int) -> int:
    """A position before `offset` that is a cluster boundary: the nearest ASCII character
    (nothing but a rare prepend mark joins onto one from before, and the text has no CR), or
    the window's start when the run is that long."""
    low = max(0, offset - GRAPHEME_WINDOW)
    for i in range(offset - 1, low - 1, -1):
        if text[i].isascii():
            return i
    if low and _REGIONAL_INDICATOR.fullmatch(text[low]):
        # Inside a run of flags the window's start is a boundary only an even count of
        # indicators after the run's start: segmented from there alone (`_clusters`), an odd
        # one paired each flag's second letter with the next one's first (rr340).
        before = _not_regional_indicator().search(text, 0, low)
        if (low - (before.end() if before else 0)) % 2:
            low -= 1
    return low


def _clusters(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """The clusters of `text[start:stop]`, as (start, end) offsets of `text`, from `start`
    (`_segment_from`). In a run of flags, segmented from `start` alone (made a boundary by
    the run's parity): given the whole text, the segmenter read the run back to its start
    for each cluster, and a quote's context in a paragraph of 88,000 flags took 0.2 s to cut
    (rr340). Elsewhere in the whole text, which the segmenter reads back into as a character
    needs: a window's start inside a character longer than the window is no boundary (an
    emoji, 300 combining marks, a joiner and an emoji, segmented from inside the marks, were
    two characters: rr344)."""
    import regex

    if start < len(text) and _REGIONAL_INDICATOR.fullmatch(text[start]):
        for match in regex.finditer(r"\X", text[start:stop]):
            yield start + match.start(), start + match.end()
        return
    for match in regex.finditer(r"\X", text, pos=start, endpos=stop):
        yield match.start(), match.end()


def at_grapheme_boundary(text: str, offset: int) -> bool:
    """Whether `offset` is between two user-perceived characters (Unicode extended grapheme
    clusters), so that a span never cuts an accent from its letter, an emoji ZWJ sequence, or
    a flag in half."""
    if offset <= 0 or offset >= len(text):
        return True
    if text[offset - 1].isascii() and text[offset].isascii():
        return True  # the common case, answered without segmenting
    begin = _segment_from(text, offset)
    stop = min(len(text), offset + GRAPHEME_WINDOW)
    for first, end in _clusters(text, begin, stop):
        if end >= offset:
            return end == offset or first == offset
    return True


def context_cut(
    text: str, start: int, end: int, *, left: int = 0, right: int | None = None
) -> tuple[str, str]:
    """What is shown of `text[left:start]` and `text[end:right]` beside the quote at
    [start, end): at most CONTEXT_SHOWN characters each side, "…" where cut. One way of
    cutting for `claim show` and the Markdown timeline (review332: each cut its own way). A cut
    falls between user-perceived characters, moved toward the quote: a code point count cut a
    flag in half (the flags after it then paired with the wrong letters) and an accent from
    its letter (review332)."""
    from workbench.domain.limits import CONTEXT_SHOWN

    right = len(text) if right is None else right
    before, after = text[left:start], text[end:right]
    if start - left > CONTEXT_SHOWN:
        before = "…" + text[_boundary_from(text, start - CONTEXT_SHOWN, start) : start]
    if right - end > CONTEXT_SHOWN:
        after = text[end : _boundary_to(text, end + CONTEXT_SHOWN, end)] + "…"
    return before, after


def _boundary_from(text: str, offset: int, stop: int) -> int:
    """The first cluster boundary at or after `offset`, `stop` (itself one) at the latest."""
    if at_grapheme_boundary(text, offset):
        return offset
    for first, _ in _clusters(text, _segment_from(text, offset), stop):
        if first >= offset:
            return first
    return stop


def _boundary_to(text: str, offset: int, floor: int) -> int:
    """The last cluster boundary at or before `offset`, `floor` (itself one) at the earliest."""
    if at_grapheme_boundary(text, offset):
        return offset
    stop = min(len(text), offset + GRAPHEME_WINDOW)
    for first, end in _clusters(text, max(floor, _segment_from(text, offset)), stop):
        if end > offset:
            return max(floor, first)
    return floor


def grapheme_at(text: str, offset: int) -> str:
    begin = _segment_from(text, offset)
    for first, end in _clusters(text, begin, min(len(text), offset + GRAPHEME_WINDOW)):
        if first < offset < end:
            return text[first:end]
    return text[offset - 1 : offset + 1]
