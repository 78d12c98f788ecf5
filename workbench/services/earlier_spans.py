"""The spans a claim had before, folded from its events (its creation, then each change's
`after`): the span its flagged verdict was given on, the one it was pinned to before a
revision changed its quote, the passage a move took it from. What re-anchoring may give back
(workbench.domain.given_back) and what a flagged verdict's words were (revisions.judged_quote,
publishing)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any

from sqlalchemy import select

from workbench.db.models import Claim, Event
from workbench.domain.actions import EDITED, FLAGGED_FOR_REVIEW, QUOTE_CHANGED, REANCHORED
from workbench.domain.anchoring import AnchorState
from workbench.domain.status import holds_verdict
from workbench.domain.transitions import PIN
from workbench.services.context import Tx

# The fields of a claim's span in its revision (what `revisions._restore` puts back).
_SPAN = ("start", "end", "quote", "prefix", "suffix")


def spans_to_give_back(
    tx: Tx, claim: Claim, moved_from: dict[int, dict[str, Any]]
) -> tuple[Iterable[dict[str, Any]], bool]:
    """The spans `claim` may be given back if its words return, in the order tried, and
    whether they are the passage a move took it from (`domain.given_back`): its flagged verdict's
    (`judged_span`, then `_judged_before_moves`), or, for a claim with no verdict given or
    proposed, the span it was pinned to before re-anchoring changed its quote (`_pinned_span`);
    else the passage re-anchoring last moved it from (`passages_moved_from`). Read only for a claim
    whose quote a revision changed: the others are where their words are, an orphaned one kept
    its quote, which re-anchoring finds again, and a verdict given again on the changed words
    is a decision on them."""
    if claim.verdict_revision is not None:
        judged = judged_span(tx, claim, claim.verdict_revision)
        if judged is not None:
            return _JudgedSpans(tx, claim, judged), False
    elif claim.anchor_state == AnchorState.FUZZY.value and not holds_verdict(claim.status):
        pinned = _pinned_span(tx, claim)
        if pinned is not None:
            return [pinned], False
    passage = moved_from.get(claim.id)
    return ([] if passage is None else [passage]), True


class _JudgedSpans:
    """A flagged verdict's spans in the order tried: the one it was given on, then those its
    words had before moves (`_judged_before_moves`), read only when the first is not back (as
    an undo of many flagged verdicts gives most back), and once however often iterated."""

    def __init__(self, tx: Tx, claim: Claim, judged: dict[str, Any]) -> None:
        self._tx, self._claim, self._judged = tx, claim, judged

    def __iter__(self) -> Iterator[dict[str, Any]]:
        yield self._judged
        yield from self._before_moves

    @cached_property
    def _before_moves(self) -> list[dict[str, Any]]:
        return _judged_before_moves(self._tx, self._claim)


# The events of re-anchoring that changed a claim's quote (or took it away).
_QUOTE_CHANGED = (QUOTE_CHANGED, FLAGGED_FOR_REVIEW)


def _pinned_span(tx: Tx, claim: Claim) -> dict[str, Any] | None:
    """The span `claim` had before re-anchoring changed its quote (trial47: a revision undone,
    byte for byte, left a claim with no verdict on the changed words for good), folded from its
    events: the span just before the first of the changes since its span was last set another
    way (added, moved with its quote, given back). Events that set no span (a tag, a note, an
    owner) leave it. None when one of those changes gave the claim another speaker (a speaker
    is the desk's to give back), or when it is the span the claim has now."""
    events = tx.session.scalars(select(Event).where(Event.claim_id == claim.id).order_by(Event.seq))
    state: dict[str, Any] = {}
    pinned: dict[str, Any] | None = None
    changing = False  # within a run of quote changes
    for event in events:
        after = json.loads(event.payload).get("after") or {}
        if event.action in _QUOTE_CHANGED:
            if not changing:
                pinned, changing = {name: state.get(name) for name in _SPAN}, True
            if "speaker" in after:
                pinned = None
        elif any(name in after for name in _SPAN) or _pinned_anew(event.action, after):
            pinned, changing = None, False
        state.update(after)
    if pinned is None or not isinstance(pinned["start"], int) or not isinstance(pinned["end"], int):
        return None
    if all(pinned[name] == getattr(claim, name) for name in _SPAN):
        return None
    return pinned


def _pinned_anew(action: str, after: dict[str, Any]) -> bool:
    """Whether the event is a person pinning the claim (`claim edit --quote`): its span is then
    theirs, even where the words stayed and only the anchor was confirmed (review58: a fuzzy
    claim confirmed in place was later given back the words from before the edit)."""
    return action == EDITED and any(name in after for name in PIN)


MOVED = AnchorState.MOVED.value
# Claims whose events one query of `passages_moved_from` reads (a bound on its parameters).
_MOVED_BATCH = 500


def passages_moved_from(tx: Tx, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """For each claim of `ids` (moved ones) that re-anchoring last moved to another passage of
    the same words (its context changed: review48, the first of two identical lines deleted
    moved a claim to the second, and putting the line back left it there, where a seed load
    then found no claim on the first), the span it had before that move. Left out: a claim
    whose span was set another way since, whose speaker changed, or that is still there."""
    spans: dict[int, dict[str, Any]] = {}
    for at in range(0, len(ids), _MOVED_BATCH):
        batch = ids[at : at + _MOVED_BATCH]
        query = (
            select(Event.claim_id, Event.action, Event.payload)
            .where(Event.claim_id.in_(batch))
            .order_by(Event.claim_id, Event.seq)
        )
        state: dict[str, Any] = {}
        before: dict[str, Any] | None = None
        current: int | None = None
        for claim_id, action, payload in tx.session.connection().execute(query):
            if claim_id != current:
                _keep_moved(spans, current, before, state)
                current, state, before = claim_id, {}, None
            after = json.loads(payload).get("after") or {}
            moved = after.get("anchor_state", state.get("anchor_state")) == MOVED
            if action == REANCHORED and moved and ("prefix" in after or "suffix" in after):
                before = {name: state.get(name) for name in _SPAN}
            elif (action != REANCHORED and any(name in after for name in _SPAN)) or _pinned_anew(
                action, after
            ):
                before = None
            if "speaker" in after:
                before = None
            state.update(after)
        _keep_moved(spans, current, before, state)
    return spans


def _keep_moved(
    spans: dict[int, dict[str, Any]],
    claim_id: int | None,
    before: dict[str, Any] | None,
    state: dict[str, Any],
) -> None:
    if claim_id is None or before is None:
        return
    if not isinstance(before["start"], int) or not isinstance(before["end"], int):
        return
    if all(before[name] == state.get(name) for name in _SPAN):
        return
    spans[claim_id] = before


def judged_span(tx: Tx, claim: Claim, revision: int) -> dict[str, Any] | None:
    """The span `claim` had when its verdict was flagged (on revision `revision`),
    folded from its events: its creation, then each change's `after`, up to the last event that
    set the flag. None when an event since gave the claim another speaker (a speaker is the
    desk's to give back)."""
    events = tx.session.scalars(select(Event).where(Event.claim_id == claim.id).order_by(Event.seq))
    state: dict[str, Any] = {}
    judged: dict[str, Any] | None = None
    for event in events:
        after = json.loads(event.payload).get("after") or {}
        if after.get("verdict_revision") == revision:
            judged = {name: state.get(name) for name in _SPAN}
            if "speaker" in after:
                judged = None  # this flag moved the line to someone else
        elif judged is not None and "speaker" in after:
            judged = None
        state.update(after)
    if judged is None or not isinstance(judged["start"], int) or not isinstance(judged["end"], int):
        return None
    return judged


def _judged_before_moves(tx: Tx, claim: Claim) -> list[dict[str, Any]]:
    """The spans a flagged verdict's words had between the decision and the flag, before
    re-anchoring moved them (their context changed, their words not), latest first: the flag
    records only the span it found, so an article put back as it was when judged, past a
    neighbouring sentence cut before the flag, left the verdict flagged (review268). Only the
    words judged (the flag's quote); none from before the decision (that context was never
    judged), a pin (`claim edit`) or a span set another way, nor when a speaker was given."""
    events = tx.session.scalars(select(Event).where(Event.claim_id == claim.id).order_by(Event.seq))
    state: dict[str, Any] = {}
    held: list[dict[str, Any]] = []
    spans: list[dict[str, Any]] = []
    for event in events:
        after = json.loads(event.payload).get("after") or {}
        sets_span = any(name in after for name in _SPAN)
        if after.get("verdict_revision") == claim.verdict_revision:
            quote = None if "speaker" in after else state.get("quote")
            spans = [span for span in reversed(held) if span["quote"] == quote]
        elif (
            "speaker" in after
            or "status" in after
            or _pinned_anew(event.action, after)
            or (sets_span and event.action != REANCHORED)
        ):
            held = []
            spans = [] if "speaker" in after else spans
        elif sets_span:
            held.append({name: state.get(name) for name in _SPAN})
        state.update(after)
    return [s for s in spans if isinstance(s["start"], int) and isinstance(s["end"], int)]
