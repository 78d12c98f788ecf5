"""Which span a claim re-anchored to a new revision is given back, when words it had are
back (an edit undone): the one rule `services.revisions.reanchor_claims` applies, whichever way
the words came back. Spans are a claim's span fields (start, end, quote, prefix, suffix)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Span = dict[str, Any]


def given_back(
    earlier: Iterable[Span],
    text: str,
    *,
    moved: bool,
    found_at: Callable[[], int | None],
    line_kept: Callable[[int], bool],
) -> Span | None:
    """The span to give back to a claim re-anchored to `text`, or None: it is re-anchored as
    found.

    `earlier`: the spans it may get back, in the order tried (iterated once for each place
    tried, and only as far as the first back there): a flagged verdict's (the span it
    was given on, then those its words had between the decision and the flag: review268), a
    claim with no verdict's (the span it was pinned to before a revision changed its quote:
    trial47), or, `moved`, the passage a move to other identical words took it from (review48).
    `found_at()`: where re-anchoring finds its quote in `text`, asked only when the rule needs
    it (the search is the costly part: a span back where it was is given back unsearched, as
    an undo of many flagged verdicts gives them). `line_kept(start)`: whether the
    line at `start` is still its speaker's; a revision that puts the words back but gives the
    line to someone else is a corrected transcript, flagged as one, never given back.

    A span whose words and context are back where they were is given back; a moved claim's
    only when re-anchoring leaves it elsewhere: found there, it never left its passage, only
    the words beside it came and went, and its words are not "back" (trial263). A claim's own
    words (not a move's passage) are also given back where re-anchoring finds them, after
    other edits moved them."""
    back = _first_back(earlier, text, None)
    if back is not None and line_kept(back["start"]):
        return None if moved and found_at() == back["start"] else back
    if moved:
        return None
    at = found_at()
    if at is None or not line_kept(at):
        return None
    return _first_back(earlier, text, at)


def _first_back(spans: Iterable[Span], text: str, at: int | None) -> Span | None:
    """The first of `spans` back in `text` at `at` (None: each where it was)."""
    for span in spans:
        back = back_at(span, text, span["start"] if at is None else at)
        if back is not None:
            return back
    return None


def back_at(span: Span, text: str, start: int) -> Span | None:
    """`span` at `start` of `text`, when its words and context (prefix and suffix) are there
    exactly; else None."""
    end = start + span["end"] - span["start"]
    prefix, suffix = span["prefix"] or "", span["suffix"] or ""
    there = (
        text[start:end] == span["quote"]
        and text[max(0, start - len(prefix)) : start] == prefix
        and text[end : end + len(suffix)] == suffix
    )
    return {**span, "start": start, "end": end} if there else None
