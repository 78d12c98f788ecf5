"""Second-reviewer sign-off: a proposed verdict is applied only by a different person."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select

from workbench.db import tables
from workbench.db.models import Event
from workbench.db.sql import eq
from workbench.domain.actions import APPROVED, REJECTED
from workbench.domain.clock import as_read
from workbench.domain.errors import TransitionRefused, step
from workbench.domain.reviewers import Registered
from workbench.domain.settings import REVIEW_REQUIRED
from workbench.domain.sign_off import (
    VERDICT_ACTIONS,
    ProposalRecord,
    decide_approval,
    proposal_record,
)
from workbench.domain.stale_figures import stale_figures
from workbench.domain.status import FINAL_STATUSES, OPEN_STATUSES, holds_verdict
from workbench.domain.transitions import ClaimState, Move, Refusal, Request, decide
from workbench.services.claim_updates import (
    apply_decision,
    check_version,
    claim_state,
    version_problem,
)
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.revisions import unpublished_judged_quote
from workbench.services.settings import setting_value
from workbench.services.sign_off_reads import record_events, registered_for_sign_off, sign_off_role
from workbench.services.views import ClaimView, StatusChange


@mutation
def approve(
    wb: Workbench, claim_id: int, *, note: str | None = None, expected_version: int | None = None
) -> ClaimView:
    return _review(wb, claim_id, Move.APPROVE, note, expected_version).claim


@mutation
def approvals(
    wb: Workbench,
    claim_ids: Sequence[int],
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> list[StatusChange]:
    """Apply proposed verdicts, in one transaction: all of them or, when one is refused (the
    refusal names it), none (trial52: a desk approving a batch approved them one command at a
    time). `expected_version` goes with one claim only. Each change says what the approver is
    to be told as the proposer was: the figures the claim's text still gives that its quote no
    longer does (trial52: the approver was told nothing, and ClaimReview published 3.4 percent
    as True), and a quote no current text holds."""
    if (problem := version_problem(claim_ids, expected_version)) is not None:
        raise problem
    ids = list(dict.fromkeys(claim_ids))
    with transaction(wb, write=True) as tx:
        return [
            _approval_in(tx, claim_id, note, expected_version, len(ids) > 1) for claim_id in ids
        ]


def _approval_in(
    tx: Tx, claim_id: int, note: str | None, expected_version: int | None, batch: bool
) -> StatusChange:
    """One approval of a batch. A refusal that does not say which claim it is about (the
    approver's own proposal, the session's own role) is given its ID in a batch, or an editor
    approving twenty cannot tell which to leave out (trial57)."""
    try:
        return _review_in(tx, claim_id, Move.APPROVE, note, expected_version)
    except TransitionRefused as refused:
        if not batch or f"claim #{claim_id}" in str(refused):
            raise
        raise TransitionRefused(
            f"claim #{claim_id}: {refused}", reason=refused.reason, hint=refused.hint
        ) from refused


@mutation
def reject(
    wb: Workbench, claim_id: int, *, note: str, expected_version: int | None = None
) -> ClaimView:
    """Send a proposed verdict back to in_progress, saying why."""
    return _review(wb, claim_id, Move.REJECT, note, expected_version).claim


def _review(
    wb: Workbench, claim_id: int, move: Move, note: str | None, expected_version: int | None
) -> StatusChange:
    with transaction(wb, write=True) as tx:
        return _review_in(tx, claim_id, move, note, expected_version)


def _review_in(
    tx: Tx, claim_id: int, move: Move, note: str | None, expected_version: int | None
) -> StatusChange:
    claim = get_claim_row(tx, claim_id)
    check_version(claim, expected_version)
    request = Request(move, tx.actor, note=note)
    state = claim_state(claim)
    try:
        if move == Move.APPROVE:
            request = replace(request, people=sign_off_people(tx, claim.proposed_by, tx.actor))
            decision = decide_approval(state, request, record(tx, claim_id), session_role(tx))
        else:
            decision = decide(state, request)
    except TransitionRefused as refused:
        if refused.reason == Refusal.NOT_IN_REVIEW.value:
            meanwhile = _reviewed_meanwhile(tx, claim_id, refused)
            if meanwhile is not refused and state.status not in OPEN_STATUSES:
                raise meanwhile from None  # approved: it stands, reviewed; no step to give
            # Open (never proposed, or sent back): proposing a verdict puts it in review.
            raise _what_puts_it_in_review(tx, state, meanwhile) from None
        raise
    previous = claim.status
    # The words the verdict was first given on, when a proposal confirmed it after a revision
    # flagged it (the proposal cleared the flag; the approval publishes it).
    judged = unpublished_judged_quote(tx, claim) if move == Move.APPROVE else None
    apply_decision(tx, claim, decision)
    view = ClaimView.of(claim)
    published = move == Move.APPROVE and holds_verdict(claim.status)
    return StatusChange(
        claim=view,
        changed=decision.changed,
        previous=previous,
        stale_figures=(
            stale_figures(claim.text, judged, claim.quote)
            if judged is not None and published
            else []
        ),
        quote_gone=published and view.quote_gone,
    )


def _reviewed_meanwhile(tx: Tx, claim_id: int, refused: TransitionRefused) -> TransitionRefused:
    """`refused` (not in review), saying who reviewed the claim when the latest move of its
    status is a review: two reviewers approving at once, the one who waited for the lock was
    told only that the claim "is not in review (it is false)", though it was a moment before
    (review57). A note or evidence added since does not hide it (rnewuser: an approved
    verdict, a note after it and review.required turned off was told it had no review)."""
    latest = tx.session.execute(
        select(Event.action, Event.actor, Event.at)
        .where(Event.claim_id == claim_id, Event.action.in_(VERDICT_ACTIONS))
        .order_by(Event.seq.desc())
        .limit(1)
    ).first()
    if latest is None or latest.action not in (APPROVED, REJECTED):
        return refused
    done = "approved it" if latest.action == APPROVED else "sent its verdict back"
    at = as_read(latest.at)
    return TransitionRefused(
        f"{refused}: {latest.actor} {done} at {at} UTC", reason=refused.reason, hint=refused.hint
    )


def _what_puts_it_in_review(
    tx: Tx, claim: ClaimState, refused: TransitionRefused
) -> TransitionRefused:
    """`refused` (not in review, nobody reviewed it meanwhile) with the step that puts a claim
    in review (newuser: a fresh desk's verdict stood when given, and `claim approve` said only
    "claim #1 is not in review (it is false)"): an open claim's verdict is proposed, which is a
    proposal only with review.required on; a verdict given while it is off had no review."""
    if refused.hint is not None:
        return refused
    required = setting_value(tx, REVIEW_REQUIRED)
    if claim.status in OPEN_STATUSES:
        hint = step("propose_first", claim_id=claim.id, review_required=required)
    elif not required and claim.status in FINAL_STATUSES:
        hint = step("review_off")
    else:
        return refused
    return TransitionRefused(str(refused), reason=refused.reason, hint=hint)


def sign_off_people(tx: Tx, *names: str | None) -> Registered:
    """The registered people among `names` as the sign-off reads them (their display names and
    addresses, reviewers.Registered): read once, by key (sign_off_reads.registered_for_sign_off, as
    `claim show` reads an approval's), for an approval or a move on a claim in review. A person
    an earlier version stored in another normal form (`陈 静`) is found under either."""
    with tx.reading() as conn:
        return registered_for_sign_off(conn, {n for n in names if n})


def record(tx: Tx, claim_id: int) -> ProposalRecord:
    """The claim's ProposalRecord, read from its events in this transaction (the trail orders
    them: ids and clocks need not), as `claim list --approvable` reads it."""
    with tx.reading() as conn:
        events = record_events(conn, eq(tables.events.c.claim_id, claim_id))
    return proposal_record(events.get(claim_id, []))


def session_role(tx: Tx) -> str | None:
    """sign_off_reads.sign_off_role in this transaction."""
    with tx.reading() as conn:
        return sign_off_role(conn)
