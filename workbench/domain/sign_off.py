"""Who stands behind a claim's verdict, read from its audit trail.

A verdict is either given by one person (`claim status`, with review.required off, or an
import) or proposed by one and approved by another. The claim row keeps only the verdict; the
trail keeps who did what, so the sign-off is read from the claim's events in order. An editor
needs it because the setting can change: on a SQLite file `--as` is taken on trust, and a
new-user trial turned review.required off, gave its own verdict and turned it on again; the
verdict then read like any other. `claim show` and the ClaimReview export say which verdicts no
second person approved.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from workbench.domain.actions import (
    APPROVED,
    CLAIM_ADDED,
    FLAGGED_FOR_REVIEW,
    IMPORTED,
    REANCHORED,
    REJECTED,
    REVIEW_REQUESTED,
    STATUS_CHANGED,
)
from workbench.domain.clock import behind
from workbench.domain.errors import TransitionRefused
from workbench.domain.people import current_form
from workbench.domain.reviewers import Registered, one_reviewer
from workbench.domain.status import FINAL_VALUES, WITHDRAWN_VALUE, Status, holds_verdict
from workbench.domain.transitions import (
    Addition,
    ClaimState,
    Decision,
    Refusal,
    Request,
    added_since_proposal,
    decide,
    proposal_action,
)

# The actions that can set or clear a verdict (all others leave it as it is).
VERDICT_ACTIONS: tuple[str, ...] = (
    CLAIM_ADDED,
    IMPORTED,
    STATUS_CHANGED,
    REVIEW_REQUESTED,
    APPROVED,
    REJECTED,
)

# A claim's event as these rules read it: (seq, actor, action, payload).
Event = tuple[int, str, str, Mapping[str, Any]]


def _verdict_moves(events: Iterable[Event]) -> Iterator[tuple[Event, str]]:
    """The events of VERDICT_ACTIONS that set the status, in order, each with the status it
    set; one that left the status alone is passed over."""
    for event in events:
        _seq, _actor, action, payload = event
        if action not in VERDICT_ACTIONS:
            continue
        after = payload.get("after") or {}
        status = after.get("status")
        if status is not None:
            yield event, status


def _proposer(payload: Mapping[str, Any]) -> str | None:
    """Who proposed the verdict an approval approves, as the approval recorded it."""
    before = payload.get("before") or {}
    proposer: str | None = before.get("proposed_by")
    return proposer


def approval_names(events: Iterable[Event]) -> set[str]:
    """Who approved, and who proposed what they approved, in a claim's events: the people whose
    addresses `sign_off` reads an approval by."""
    names: set[str] = set()
    for _seq, actor, action, payload in events:
        if action == APPROVED:
            names.add(actor)
            if isinstance(proposer := _proposer(payload), str):  # (a forged one may not be)
                names.add(proposer)
    return names


@dataclass(frozen=True, slots=True)
class SignOff:
    """The current verdict's `status`, who gave (or proposed) it, and who approved it (None:
    no second person did)."""

    status: str
    given_by: str
    approved_by: str | None
    seq: int

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "given_by": self.given_by, "approved_by": self.approved_by}


def sign_off(events: Iterable[Event], people: Registered | None = None) -> SignOff | None:
    """The sign-off of a claim's verdict from its events (seq, actor, action, payload) in
    order; None when the claim has no verdict now. An approval by one the one-reviewer rule
    reads as its proposer (`reviewers.one_reviewer`: by name, or with `people` by display name
    or address too) leaves the verdict with no second reviewer."""
    known = people or Registered()
    current: SignOff | None = None
    for (seq, actor, action, payload), status in _verdict_moves(events):
        if status not in FINAL_VALUES:
            current = None
        elif action == APPROVED:
            proposer = _proposer(payload) or actor
            # An approval by the proposer (by name, or a name the same-person rule reads as
            # theirs) is no second person's: the workflow refuses it, so one in the trail was
            # written around it (trial55: by SQL, and `claim show` read "approved by maria").
            # Judged by the registrations in force then (`Registered.as_of`), as the trail is.
            then = known.as_of(seq, proposer, actor)
            second = None if one_reviewer(proposer, actor, then) else actor
            current = SignOff(status, proposer, second, seq)
        else:
            current = SignOff(status, actor, None, seq)
    return current


def _held_and_now(events: Iterable[Event]) -> tuple[str | None, str | None]:
    """The last final verdict a claim held (its status value; None: never one) and its status
    now, from its events (seq, actor, action, payload) in order."""
    held: str | None = None
    now: str | None = None
    for _event, status in _verdict_moves(events):
        now = status
        if status in FINAL_VALUES:
            held = status
    return held, now


# FLAGGED_FOR_REVIEW: a verdict flagged for re-review (`doc update`: its quote changed): its
# status stays, but the ClaimReview export withholds it from then on. REANCHORED: a claim
# re-anchored to a new revision: when it puts back the span a flagged verdict was given on, it
# clears the flag, and the export publishes the verdict again.
# The actions after which a claim's ClaimReview may differ: those that set its status, a flag
# that withholds its verdict, and a re-anchoring, which may clear the flag (what `export
# claimreview --after` selects claims by; `last_verdict_move` says which of them did).
REVIEW_MOVES: tuple[str, ...] = (*VERDICT_ACTIONS, FLAGGED_FOR_REVIEW, REANCHORED)


def last_verdict_move(events: Iterable[Event]) -> int | None:
    """The seq of the last event that set a claim's status (a verdict given, approved,
    corrected, withdrawn or reopened), flagged its verdict for re-review or cleared that flag,
    from its events (seq, actor, action, payload) in order; None when none did. What `export
    claimreview --after` selects a claim by: its position in the trail, which no writer's
    clock sets (trial99). A flag sets no status, but the export withholds the verdict from
    then on: a partner who holds its review must hear of it (review119); and when a revision
    gives the judged words back (`claim.reanchored` clearing `verdict_revision`), the export
    publishes it again, which the partner who took it down must hear of too."""
    last: int | None = None
    for event in events:
        seq, _actor, action, payload = event
        if (
            action == FLAGGED_FOR_REVIEW
            or _flag_cleared(payload)
            or next(_verdict_moves((event,)), None) is not None
        ):
            last = seq
    return last


def _flag_cleared(payload: Mapping[str, Any]) -> bool:
    """Whether a change's payload clears a verdict's flag (`verdict_revision` set before,
    null after)."""
    before, after = payload.get("before"), payload.get("after")
    return (
        isinstance(before, Mapping)
        and isinstance(after, Mapping)
        and before.get("verdict_revision") is not None
        and "verdict_revision" in after
        and after["verdict_revision"] is None
    )


def verdict_before(events: Iterable[Event]) -> str | None:
    """For a claim withdrawn or open again now, the last verdict it held before (its status
    value), from its events (seq, actor, action, payload) in order; None when it held none or
    holds one now. Its review may have gone out and stays wherever it was loaded: `claim show`
    and the ClaimReview export say so (`withdrawn_verdict` and `reopened_verdict` tell the two
    cases apart)."""
    held, now = _held_and_now(events)
    return held if now is not None and now not in FINAL_VALUES else None


def rated_before_opinion(events: Iterable[Event]) -> str | None:
    """For a claim judged an opinion now, the last verdict other than an opinion it held
    before (its status value), from its events (seq, actor, action, payload) in order; None
    when it held none or is no opinion now. That verdict was rated and may have gone out as a
    ClaimReview, which an opinion does not replace: the export says to take it down."""
    rated: str | None = None
    now: str | None = None
    for _event, status in _verdict_moves(events):
        now = status
        if status in FINAL_VALUES and status != Status.OPINION.value:
            rated = status
    return rated if now == Status.OPINION.value else None


def withdrawn_verdict(events: Iterable[Event]) -> str | None:
    """For a claim withdrawn now, the last verdict it held before (its status value), from its
    events (seq, actor, action, payload) in order; None when it held none or is not withdrawn.
    A verdict once held may have been published (trial73: a review that went out was then
    said to be "never published"), so exports and `claim show` say it was withdrawn after it."""
    held, now = _held_and_now(events)
    return held if now == WITHDRAWN_VALUE else None


def reopened_verdict(events: Iterable[Event]) -> str | None:
    """For a claim open now (reopened: unverified, in progress or in review again), the last
    verdict it held before, from its events as `withdrawn_verdict` reads them; None when it held
    none or holds one now. Its review may have gone out, and stays up wherever it was loaded
    while the claim is checked again: the ClaimReview export says so rather than "no final
    verdict yet", the words of a claim never judged."""
    held, now = _held_and_now(events)
    return held if now is not None and now not in FINAL_VALUES and now != WITHDRAWN_VALUE else None


def reason_note(events: Iterable[Event], notes: Sequence[tuple[int, str]]) -> int | None:
    """The note an export publishes for a claim (the claims table's `note`, a Web Annotation's
    `commenting` body): the id of one of `notes` (id, author; in id order), or None.

    - A claim with a verdict, or a verdict proposed (in review): the note given with that
      verdict, the reason its giver wrote (`claim status ID false --note ...`). For an approved
      proposal that is the proposal's note, not the approver's ("Agreed.", "同意"); a verdict
      confirmed after its quote changed takes the confirmation's note.
    - Such a verdict with no note recorded with it (older trails, a seed's verdict): the last
      note by the person who gave (proposed) it, under any form of their name
      (people.current_form); else none. An approver's or anyone else's note
      never stands in for the reason.
    - A claim with no verdict (unverified, in progress, a proposal rejected): its latest note,
      where its check stands.
    - A withdrawn claim: the reason given with its withdrawal (a note written after it does
      not stand in for it), which an import of the claims table needs to withdraw it again.

    `events` are the claim's (seq, actor, action, payload) in order; only the actions that set
    a verdict are read (VERDICT_ACTIONS), as `sign_off` reads them."""
    judged = False
    reason: int | None = None
    giver: str | None = None
    for (_seq, actor, action, payload), status in _verdict_moves(events):
        if action == APPROVED:
            # The proposal's reason and proposer stand: the approver only agrees.
            giver = _proposer(payload) or giver
            judged = True
            continue
        if status in FINAL_VALUES or action == REVIEW_REQUESTED or status == WITHDRAWN_VALUE:
            written = payload.get("note")
            reason = written.get("id") if isinstance(written, Mapping) else None
            giver, judged = actor, True
        else:
            judged, reason, giver = False, None, None
    ids = {note_id for note_id, _author in notes}
    if not judged:
        return notes[-1][0] if notes else None
    if reason in ids:
        return reason
    if giver is None:
        return None
    # The giver's notes by the name's form today: 王 芳, as an earlier version stored her
    # verdict, wrote 王芳's notes. Not same_person: a name that only reads like hers (wang
    # fang) may be another person, whose note must not be published as her reason.
    given_by = current_form(giver)
    by_giver = [note_id for note_id, author in notes if current_form(author) == given_by]
    return by_giver[-1] if by_giver else None


def public_reason(events: Iterable[Event], notes: Iterable[tuple[int, str, bool]]) -> int | None:
    """`reason_note` among the published notes only, `notes` given as (id, author, internal):
    the note an export publishes is never an internal one (`note add --internal`, the desk's
    own: review100), and an internal note, however late or by whom, never stands in for a
    verdict's reason or an open claim's latest note. What every published view asks."""
    return reason_note(events, [(i, author) for i, author, internal in notes if not internal])


def verdict_reasons(events: Iterable[Event]) -> frozenset[int]:
    """The ids of the notes written with a claim's verdicts: each given (a final status, by
    `claim status`, an approval or an import) or proposed (in review), from its events (seq,
    actor, action, payload) in order. What a view that withholds the verdict (flagged for
    re-review) leaves out with it: a reason says the verdict in all but its word, and an
    approver's note may give one too (review100)."""
    found: set[int] = set()
    for (_seq, _actor, _action, payload), status in _verdict_moves(events):
        if holds_verdict(status):
            written = payload.get("note")
            if isinstance(written, Mapping) and isinstance(written.get("id"), int):
                found.add(written["id"])
    return frozenset(found)


# A claim's event of RECORD_ACTIONS as the approval reads it, in order: (action, actor,
# entity_id, payload as stored (JSON text), machine).
RecordEvent = tuple[str, str, str, str, str | None]


@dataclass(frozen=True, slots=True)
class ProposalRecord:
    """What happened to a claim since its latest proposal, as an approval weighs it: the
    evidence and notes added since, and the database role (events.machine) it was proposed
    from (None: no proposal event, or the latest was an import that proposed nothing)."""

    added: tuple[Addition, ...]
    proposed_from: str | None


def proposal_record(events: Iterable[RecordEvent]) -> ProposalRecord:
    """The ProposalRecord of a claim from its RECORD_ACTIONS events in order."""
    moves: list[tuple[str, str, str]] = []
    proposed_from = None
    for action, actor, entity_id, payload, machine in events:
        # An import is a proposal when the claim came in in review; its payload says so.
        read = proposal_action(action, json.loads(payload)) if action == IMPORTED else action
        if action in (REVIEW_REQUESTED, IMPORTED):
            proposed_from = machine if read == REVIEW_REQUESTED else None
        moves.append((read, actor, entity_id))
    return ProposalRecord(added_since_proposal(moves), proposed_from)


def decide_approval(
    claim: ClaimState, request: Request, record: ProposalRecord, session_role: str | None
) -> Decision:
    """The approval's rule, whole: `decide` with what was added since the proposal, then, when
    `session_role` is given (PostgreSQL with review.distinct_roles on: the role the server
    authenticated this session as), a proposal made from that same role is refused. `claim
    approve` applies it, and `claim list --approvable` asks it of every claim it lists
    (review58: the queue checked names only, and listed claims the approval then refused)."""
    decision = decide(replace(claim, added_since_proposal=record.added), request)
    # The names differ (decide checked); on PostgreSQL the roles must too. On SQLite the OS
    # account recorded is only what the process says about itself: the names alone decide.
    if session_role is not None and record.proposed_from == session_role:
        raise TransitionRefused(
            f"the verdict was proposed from database role {session_role!r}, the role this "
            "session uses; the second reviewer must connect with their own role (a desk whose "
            "people share one role has its owner set review.distinct_roles to false)",
            reason=Refusal.OWN_ROLE.value,
        )
    return decision


# A claim's event as `trail_time` reads it: (seq, at, action, payload).
TimedEvent = tuple[int, str, str, Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class RanAhead:
    """A verdict's time that the claim's own trail shows was ahead: stamped `at`, at seq
    `seq`, it is dated `dated`, the time of the verdict move at `proved_by` (a later event
    written at an earlier time, no earlier than the claim's first event)."""

    seq: int
    at: str
    dated: str
    proved_by: int


def trail_time(events: Sequence[TimedEvent], seq: int, at: str) -> RanAhead | None:
    """Whether the claim's event at `seq` (stamped `at`) was stamped by a clock that ran ahead,
    as the claim's events (seq, at, action, payload; in order) show it, and the time the trail
    supports for it; None when they do not show it. A verdict move of the claim written after
    it (a reopening, a verdict given again: `_verdict_moves`) stamped more than CLOCK_TOLERANCE
    earlier, yet not before the claim's first event (its addition), shows it:
    the clocks agree before and after it, so it is the one that jumped (a verdict given at
    2099 on a claim added and reopened in 2026). It is then dated by the earliest such move.
    A move behind the claim's first event too (a clock fallen back to 2001) shows nothing of
    the verdict's clock: that one is behind (`review_dates` dates it no earlier than the
    review it corrects). A move followed by another verdict move not behind the verdict
    shows nothing either: the clocks after it agree with the verdict's, so the move's clock
    was the one behind (a verdict given on 3 December, reopened on a laptop reading 2
    December, judged again on 5 December: review133). Only verdict moves are read, which
    `export claimreview --after` selects a claim by. Read from the trail alone, never from
    today, so every export dates a review the same way."""
    if not events:
        return None
    floor = events[0][1]
    moves = [
        (later_seq, later_at)
        for later_seq, later_at, action, payload in events
        if later_seq > seq
        and next(_verdict_moves(((later_seq, "", action, payload),)), None) is not None
    ]
    # The last move as late as the verdict: a move before it shows nothing of its clock.
    agreeing = max((m for m, m_at in moves if not behind(m_at, at)), default=seq)
    found: tuple[int, str] | None = None
    for later_seq, later_at in moves:
        if later_seq <= agreeing or not behind(later_at, at) or later_at < floor:
            continue
        if found is None or later_at < found[1]:
            found = (later_seq, later_at)
    if found is None:
        return None
    return RanAhead(seq, at, found[1], found[0])
