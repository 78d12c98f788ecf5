"""How a verdict's review is said in words, alike wherever a claim's changes are read out: a
stale change's refusal (`changes_since`) and the Markdown timeline (review339: the timeline
listed the proposal's raw fields, "proposed_by: (none) → tester; proposed_note: ...")."""

from __future__ import annotations

from workbench.domain.actions import APPROVED, REJECTED, REVIEW_REQUESTED

REVIEWS = frozenset({REVIEW_REQUESTED, APPROVED, REJECTED})


def verdict_words(action: str, proposed: str | None) -> str | None:
    """`verdict X proposed`, `verdict X approved`, `verdict X rejected`, X the proposed status
    as the caller shows it (escaped for its medium), or None where the payload holds none;
    None for an action that is no review."""
    if action not in REVIEWS:
        return None
    if proposed is None:
        # (a rejection with no status said: what was rejected is the proposal)
        return "proposed verdict rejected" if action == REJECTED else f"verdict {_done(action)}"
    return f"verdict {proposed} {_done(action)}"


def _done(action: str) -> str:
    if action == REVIEW_REQUESTED:
        return "proposed"
    return "approved" if action == APPROVED else "rejected"
