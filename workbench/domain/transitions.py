"""The verification workflow, decided in one place.

Every status move a person can ask for (set a status, which may reopen a settled claim or, with
review.required on, propose a verdict; approve or reject a proposed verdict) is decided by
`decide`: given the claim's state and the request, it returns the action to record and the
changes to apply, or raises `TransitionRefused` saying which rule stands in the way. Services
look the claim up, call `decide` and apply the decision; they hold no workflow rules of their own.
Changing what a claim says (`check_edit`) is a workflow rule too: not once it is judged.

Why the rules: a verdict without a reason (and, for a factual verdict, without evidence) cannot
be defended to an editor later; reopening a settled claim silently would erase why it was
settled; `in_review` is entered only by proposing a verdict and left only by a second person's
approval or by a rejection, so nobody signs off their own work. A verdict flagged for re-review
(its quote changed after it was given) is confirmed as any verdict is given: stated again with a
reason, on the evidence, and proposed for sign-off when review is required.
A proposal is judged on the record as it was proposed: evidence added after it (by anyone), or
a note by anyone but the approver, is something the proposer did not weigh, so approval waits
until the proposal is rejected and the verdict proposed again on the full record (a new-user
trial approved "false" over a "supports" item and a "STOP" note added after the proposal).

A claim picked out by mistake (not a claim at all, a duplicate, the wrong span) is withdrawn:
neither open nor a verdict, never published. Closing it as `unverifiable` instead published it
as "Unproven" and counted it as the desk's work (a user trial). Withdrawing needs a reason, as
reopening a verdict does, and for the same cause: it takes a claim out of the desk's work and
out of publication, and the trail must say why. It is refused for a claim in review (a proposal
is left only by approval or rejection: reject it first, and nobody's proposal vanishes
unanswered) and for one already withdrawn (nothing would change, and a second reason would
read as a second decision). A verdict may be withdrawn: that un-publishes it, which reopening
it already does on the same bar (a reason, one person). Restoring it (`claim status ID
unverified|in_progress`) needs a reason too; a verdict is not given straight on a withdrawn
claim, nor are its words edited: it is restored first, so the trail records that it is a claim
after all before anything is judged on it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from workbench.domain.actions import (
    APPROVED,
    EVIDENCE_ADDED,
    IMPORTED,
    NOTE_ADDED,
    REJECTED,
    REVIEW_REQUESTED,
    STATUS_CHANGED,
)
from workbench.domain.errors import TransitionRefused, give, step
from workbench.domain.limits import has_visible
from workbench.domain.reviewers import Registered, Tie, one_reviewer
from workbench.domain.status import (
    EVIDENCE_STATUSES,
    FINAL_STATUSES,
    Status,
    listed,
    same_person_key,
)


class Move(StrEnum):
    SET = "set"  # set a status: may reopen, or propose a verdict under review
    APPROVE = "approve"
    REJECT = "reject"
    WITHDRAW = "withdraw"  # take back a claim picked out by mistake (a reason required)


class Refusal(StrEnum):
    """Why a move is refused: stable names a script can test for."""

    REVIEW_NOT_SETTABLE = "review_not_settable"
    PENDING_REVIEW = "pending_review"
    VERDICT_NEEDS_NOTE = "verdict_needs_note"
    REOPEN_NEEDS_NOTE = "reopen_needs_note"
    VERDICT_NEEDS_EVIDENCE = "verdict_needs_evidence"
    NOTE_WITHOUT_CHANGE = "note_without_change"
    NOT_IN_REVIEW = "not_in_review"
    OWN_VERDICT = "own_verdict"
    # PostgreSQL: the approver's session uses the database role the verdict was proposed from.
    OWN_ROLE = "own_role"
    QUOTE_CHANGED = "quote_changed"
    REJECT_NEEDS_NOTE = "reject_needs_note"
    CLAIM_JUDGED = "claim_judged"
    ADDED_SINCE_PROPOSAL = "added_since_proposal"
    WITHDRAW_NEEDS_REASON = "withdraw_needs_reason"
    ALREADY_WITHDRAWN = "already_withdrawn"
    RESTORE_NEEDS_NOTE = "restore_needs_note"
    # A verdict, or an edit of its words, on a withdrawn claim: restore it first.
    CLAIM_WITHDRAWN = "claim_withdrawn"


_ADDED_KIND = {EVIDENCE_ADDED: "evidence", NOTE_ADDED: "note"}
# The actions `added_since_proposal` reads (a service may read only these events; an import's
# is a proposal when the claim came in in_review: `proposal_action`).
RECORD_ACTIONS: tuple[str, ...] = (REVIEW_REQUESTED, IMPORTED, EVIDENCE_ADDED, NOTE_ADDED)


def proposal_action(action: str, payload: Mapping[str, object]) -> str:
    """The action as the sign-off reads it: a claim imported in review (review.required on: an
    unverifiable or opinion row comes in proposed by the importer) was proposed by that
    event, as `claim status` proposes by claim.review_requested (trial49: an imported
    proposal escaped both the check of notes and evidence added since and the check of
    roles)."""
    if action != IMPORTED:
        return action
    after = payload.get("after")
    proposed = isinstance(after, Mapping) and after.get("status") == Status.IN_REVIEW.value
    return REVIEW_REQUESTED if proposed else action


CLEARED_PROPOSAL: Mapping[str, str | None] = {
    "proposed_status": None,
    "proposed_by": None,
    "proposed_note": None,
}


@dataclass(frozen=True, slots=True)
class Addition:
    """An evidence item or a note added to a claim after its latest proposal."""

    kind: str  # "evidence" or "note"
    id: int
    by: str

    def __str__(self) -> str:
        return f"{self.kind} #{self.id} by {self.by}"

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "by": self.by}


def added_since_proposal(events: Iterable[tuple[str, str, str]]) -> tuple[Addition, ...]:
    """The evidence and notes added after the claim's latest proposal, from its events
    (action, actor, entity_id) in order; () when it was never proposed. A note written with a
    status move is in that move's event, not a note.added one: the proposal's reason is part of
    the proposal, and a rejection or approval ends the review."""
    added: list[Addition] | None = None
    for action, actor, entity_id in events:
        if action == REVIEW_REQUESTED:
            added = []
        elif added is not None and action in _ADDED_KIND:
            added.append(Addition(_ADDED_KIND[action], int(entity_id), actor))
    return tuple(added or ())


def unseen_by(additions: Iterable[Addition], approver: str) -> tuple[Addition, ...]:
    """What the proposal did not weigh and the approver did not write: every evidence item,
    and notes by anyone else (the approver's own note is their reading of the record)."""
    mine = same_person_key(approver)
    return tuple(a for a in additions if a.kind != "note" or same_person_key(a.by) != mine)


@dataclass(frozen=True, slots=True)
class ClaimState:
    """What the workflow needs to know about a claim."""

    id: int
    status: Status
    evidence_count: int = 0
    proposed_status: Status | None = None
    proposed_by: str | None = None
    # The revision a verdict (or a proposed one) was given on, when the quote has changed since
    # (flagged for re-review); None otherwise.
    verdict_revision: int | None = None
    # Evidence and notes added since the claim's latest proposal (filled in for an approval).
    added_since_proposal: tuple[Addition, ...] = ()


@dataclass(frozen=True, slots=True)
class Request:
    move: Move
    actor: str
    target: Status | None = None  # for Move.SET
    note: str | None = None
    review_required: bool = False
    # The registered people's display names and addresses (at least the proposer's and the
    # actor's), for an approval (and a move on a claim in review, told whether the verdict is
    # the actor's): a name is also the person whose display name it is like, or whose address
    # it is (reviewers.one_reviewer).
    people: Registered = field(default_factory=Registered)


@dataclass(frozen=True, slots=True)
class Decision:
    """`action` None: the claim is already where it was asked to go; nothing is recorded."""

    action: str | None
    changes: Mapping[str, str | None] = field(default_factory=dict)
    note: str | None = None

    @property
    def changed(self) -> bool:
        return self.action is not None


def _has_text(note: str | None) -> bool:
    return has_visible(note)


def refuse(claim: ClaimState, reason: Refusal, message: str, **hint: object) -> TransitionRefused:
    remedy = None
    if hint.get("give"):
        remedy = give(str(hint["give"]))
    elif hint.get("step"):
        remedy = step(str(hint["step"]), claim_id=claim.id)
    return TransitionRefused(message, reason=reason.value, hint=remedy)


def decide(claim: ClaimState, request: Request) -> Decision:
    if request.move == Move.SET:
        if request.target is None:
            raise ValueError("Move.SET needs a target status")
        if request.target == Status.WITHDRAWN:
            # `claim status ID withdrawn --note ...`: the same move as `claim withdraw`.
            return _decide_withdraw(claim, request, reason_field="note")
        return _decide_set(claim, request.target, request)
    if request.move == Move.WITHDRAW:
        return _decide_withdraw(claim, request, reason_field="reason")
    if request.move == Move.APPROVE:
        return _decide_approve(claim, request)
    return _decide_reject(claim, request)


def _decide_withdraw(claim: ClaimState, request: Request, *, reason_field: str) -> Decision:
    """Take back a claim picked out by mistake: from any status but in_review, with a reason
    (kept as the note of the status change). `reason_field` names the input the reason is
    given by, for the hint (`claim withdraw --reason`, `claim status --note`)."""
    if not _has_text(request.note):
        raise refuse(
            claim,
            Refusal.WITHDRAW_NEEDS_REASON,
            "withdrawing a claim needs a reason (not a claim, a duplicate of which one, the "
            "wrong span)",
            give=reason_field,
        )
    if claim.status == Status.WITHDRAWN:
        raise refuse(
            claim,
            Refusal.ALREADY_WITHDRAWN,
            f"claim #{claim.id} is already withdrawn, so the reason was not saved",
            step="add_note",
        )
    if claim.status == Status.IN_REVIEW:
        raise _pending_review(claim, request)
    return Decision(STATUS_CHANGED, {"status": Status.WITHDRAWN.value}, request.note)


def _decide_set(claim: ClaimState, target: Status, request: Request) -> Decision:
    current, note = claim.status, request.note
    # A verdict flagged for re-review (its quote changed), stated again with a reason, is the
    # new decision on the current text that clears the flag.
    confirming = current == target in FINAL_STATUSES and claim.verdict_revision is not None
    if confirming and not _has_text(note):
        raise refuse(
            claim,
            Refusal.VERDICT_NEEDS_NOTE,
            f"claim #{claim.id} is flagged for re-review: confirming {target.value} on the "
            "changed quote is a new verdict and needs a reason",
            give="note",
        )
    if current == target and not confirming:
        if _has_text(note):
            # The status stays, so no event; but a typed reason must not vanish silently.
            raise refuse(
                claim,
                Refusal.NOTE_WITHOUT_CHANGE,
                f"claim #{claim.id} is already {target.value}, so the note was not saved",
                step="add_note",
            )
        return Decision(action=None)
    if target == Status.IN_REVIEW:
        raise refuse(
            claim,
            Refusal.REVIEW_NOT_SETTABLE,
            "in_review is not set directly: a verdict is proposed and a second reviewer "
            "approves it",
            step="propose",
        )
    if current == Status.IN_REVIEW:
        raise _pending_review(claim, request)
    if current == Status.WITHDRAWN:
        _check_restore(claim, target, note)
    if target in FINAL_STATUSES and not _has_text(note):
        raise refuse(
            claim,
            Refusal.VERDICT_NEEDS_NOTE,
            f"status {target.value!r} is a verdict and needs a reason",
            give="note",
        )
    if current in FINAL_STATUSES and target not in FINAL_STATUSES and not _has_text(note):
        raise refuse(
            claim,
            Refusal.REOPEN_NEEDS_NOTE,
            f"reopening a claim that is {current.value!r} needs a reason",
            give="note",
        )
    if target in EVIDENCE_STATUSES and claim.evidence_count < 1:
        raise refuse(
            claim,
            Refusal.VERDICT_NEEDS_EVIDENCE,
            f"status {target.value!r} needs at least one evidence item",
            step="add_evidence",
        )
    if target in FINAL_STATUSES and request.review_required:
        proposal = {
            "status": Status.IN_REVIEW.value,
            "proposed_status": target.value,
            "proposed_by": request.actor,
            "proposed_note": (note or "").strip(),
        }
        return Decision(REVIEW_REQUESTED, proposal, note)
    return Decision(STATUS_CHANGED, {"status": target.value}, note)


def _check_restore(claim: ClaimState, target: Status, note: str | None) -> None:
    """A withdrawn claim comes back open (unverified or in_progress), with a reason: a verdict
    is given once it is a claim again, never in the same breath as the restoring."""
    if target in FINAL_STATUSES:
        raise refuse(
            claim,
            Refusal.CLAIM_WITHDRAWN,
            f"claim #{claim.id} is withdrawn: it gets no verdict until it is restored",
            step="restore",
        )
    if not _has_text(note):
        raise refuse(
            claim,
            Refusal.RESTORE_NEEDS_NOTE,
            f"restoring withdrawn claim #{claim.id} needs a reason",
            give="note",
        )


def _pending_review(claim: ClaimState, request: Request) -> TransitionRefused:
    """A claim in review changes status only by review. The facts say who proposed the verdict
    and whether that is the person acting, by the rules `claim approve` holds them to (their
    display name and address too, as `request` gives them: review264): they cannot approve it
    (a second reviewer approves or rejects it), but may withdraw it by rejecting it themselves."""
    proposer, verdict = claim.proposed_by, claim.proposed_status
    facts: dict[str, object] = {"claim_id": claim.id}
    message = f"claim #{claim.id} is in review"
    if proposer is not None:
        own = one_reviewer(proposer, request.actor, request.people) is not None
        facts |= {"proposed_by": proposer, "own_proposal": own}
        message += f" ({verdict.value if verdict else 'a verdict'} proposed by {proposer})"
    return TransitionRefused(
        message, reason=Refusal.PENDING_REVIEW.value, hint=step("review", **facts)
    )


def _not_in_review(claim: ClaimState) -> TransitionRefused:
    return refuse(
        claim,
        Refusal.NOT_IN_REVIEW,
        f"claim #{claim.id} is not in review (it is {claim.status.value})",
    )


# At most this many additions are named in a refusal (its message is one line).
_NAMED = 5


def _decide_approve(claim: ClaimState, request: Request) -> Decision:
    if claim.status != Status.IN_REVIEW or claim.proposed_status is None:
        raise _not_in_review(claim)
    proposer = claim.proposed_by
    one = None if proposer is None else one_reviewer(proposer, request.actor, request.people)
    if one is not None:
        # Name the proposer as stored; an approver whose name only looks like theirs (or is its
        # pinyin, or their display name) is told so, or `ɑlice proposed this verdict` would
        # misstate who did. A pair by the email rule, one `user add` has refused since trial254
        # registered before it (fix259: maria@example.org approved maria's verdict), is named
        # with the address that ties them.
        who = (
            f"{proposer} proposed this verdict"
            if one.tie == Tie.SAME_NAME
            else f"{request.actor} is too like {proposer}, who proposed this verdict"
        )
        tie = f" ({one.fact})" if one.tie == Tie.EMAIL else ""
        raise refuse(
            claim, Refusal.OWN_VERDICT, f"{who}{tie}; a different reviewer must approve it"
        )
    if claim.verdict_revision is not None:
        # The proposal judged a quote the document no longer says: approving it would publish a
        # verdict on text nobody checked. Back to the checker, who checks the new text.
        raise refuse(
            claim,
            Refusal.QUOTE_CHANGED,
            f"claim #{claim.id}'s quote changed after the verdict was proposed (on the words of "
            f"revision {claim.verdict_revision}): reject it with a note, so that the new text is "
            "checked",
            step="reject",
        )
    unseen = unseen_by(claim.added_since_proposal, request.actor)
    if unseen:
        # Evidence and notes do not change the claim row, so --if-version cannot catch them.
        named = [str(a) for a in unseen[:_NAMED]]
        if len(unseen) > _NAMED:
            named.append(f"{len(unseen) - _NAMED} more")
        raise TransitionRefused(
            f"claim #{claim.id} had {listed(tuple(named))} added after its "
            f"verdict ({claim.proposed_status.value}) was proposed; the proposal did not weigh "
            f"{'it' if len(unseen) == 1 else 'them'}",
            reason=Refusal.ADDED_SINCE_PROPOSAL.value,
            hint=step(
                "repropose",
                claim_id=claim.id,
                verdict=claim.proposed_status.value,
            ),
        )
    changes = {"status": claim.proposed_status.value, **CLEARED_PROPOSAL}
    return Decision(APPROVED, changes, request.note)


def _decide_reject(claim: ClaimState, request: Request) -> Decision:
    if not _has_text(request.note):
        raise refuse(
            claim, Refusal.REJECT_NEEDS_NOTE, "rejecting a verdict needs a reason", give="note"
        )
    if claim.status != Status.IN_REVIEW:
        raise _not_in_review(claim)
    changes = {"status": Status.IN_PROGRESS.value, **CLEARED_PROPOSAL}
    return Decision(REJECTED, changes, request.note)


# What a claim says: its text, its type and who says it. A verdict, given or proposed, judged
# exactly these; `claim edit` changes them (the event is claim.edited).
WORDING = ("text", "type", "speaker")
# Where a claim is pinned: `claim edit --quote/--start/--end` pins it anew in the latest
# revision, exactly (the same event). A verdict judged these words too.
PIN = ("start", "end", "quote", "prefix", "suffix", "revision", "anchor_state", "anchor_score")
SPAN_PART = "span"


def edited_parts(fields: Collection[str]) -> tuple[str, ...]:
    """What an edit changes, as a person names it: the wording fields among `fields`, then
    "span" if any of the pin's fields is among them."""
    parts = tuple(name for name in WORDING if name in fields)
    return (*parts, SPAN_PART) if any(name in fields for name in PIN) else parts


def check_edit(claim: ClaimState, fields: Collection[str], *, what: str | None = None) -> None:
    """Refuse changing what a claim says once a verdict is given or proposed on it. `what`
    names the change with its verb when the fields' names are not what the person typed (a
    kind tag changes what the speaker is: `speaker_kind.kind_tags_said`).

    The verdict stands for the words it was given on: a corrected figure under a "verified"
    would publish a rating nobody gave. The speaker counts too: "X said Y" is what was checked
    (an attribution claim is about exactly that), and ClaimReview publishes the speaker as the
    author of the claim reviewed. Reopening the claim first (a reason kept) and judging the new
    words again keeps the trail honest; an unverified or in_progress claim is edited freely.
    """
    wording = edited_parts(fields)
    if not wording:
        return
    what = what or f"{listed(tuple(wording))} {'is' if len(wording) == 1 else 'are'}"
    if claim.status == Status.IN_REVIEW:
        raise refuse(
            claim,
            Refusal.CLAIM_JUDGED,
            f"claim #{claim.id} is in review: its {what} what the proposed verdict judged and "
            "cannot change until the proposal is rejected (back to in_progress)",
            step="reject",
        )
    if claim.status == Status.WITHDRAWN:
        # What was taken back stays as it was taken back: restored first, then corrected.
        raise refuse(
            claim,
            Refusal.CLAIM_WITHDRAWN,
            f"claim #{claim.id} is withdrawn: its {what} what was taken back and cannot "
            "change unless it is restored",
            step="restore",
        )
    if claim.status in FINAL_STATUSES:
        raise refuse(
            claim,
            Refusal.CLAIM_JUDGED,
            f"claim #{claim.id} has a verdict ({claim.status.value}): its {what} what was "
            "judged and cannot change while the verdict stands",
            step="reopen",
        )
