"""The status an imported claim comes in at: one rule for every file a claim can arrive by (a
claims table, a Web Annotation collection), decided by the workflow as `claim status` decides.

Some claims cannot come in at the status their file gives, and come in open instead, their note
kept. An export writes a claim in review as `in_review` with its proposal's reason, but not the
verdict proposed nor who proposed it; a proposal made anew by the importer would not be the
proposer's. A verdict that rests on evidence (verified, false, misleading) cannot come in
either: a file carries no evidence, and taking its word for it let a verdict with none behind it
be approved and published. Refusing such claims lost the claims of a desk's spreadsheet; opening
them keeps the claim and its reasoning, and the checker sets the verdict again once the evidence
is added.

With review.required on, a verdict that needs no evidence (unverifiable, opinion) comes in
proposed, in_review, by the person importing, and waits for a second reviewer's approval as a
verdict set by `claim status` would: said for each such claim, as a claim that comes in open is,
so a desk does not take it for settled.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.actions import REVIEW_REQUESTED
from workbench.domain.status import EVIDENCE_STATUSES, FINAL_STATUSES, Status
from workbench.domain.transitions import ClaimState, Decision, Move, Request, decide

ARRIVES_OPEN_AS = Status.IN_PROGRESS


@dataclass(frozen=True, slots=True)
class Arrival:
    """How a new claim comes in: the workflow's decision (its `changes` are the status fields
    the claim arrives with; no action: it stays unverified) and why it comes in otherwise than
    its file asked (None: as asked)."""

    decision: Decision
    notice: str | None = None


def _arrives_open(status: Status, carrier: str, flagged: bool = False) -> str | None:
    """Why a claim asking for `status` comes in as ARRIVES_OPEN_AS (None: it comes in as asked).
    `flagged`: the file says the verdict was flagged for re-review (its quote changed after
    it was given), which the desk it came from withheld from publishing; taken as final, the
    desk it comes to published it (review49)."""
    if flagged and status in FINAL_STATUSES:
        return (
            f"{status.value} comes in as {ARRIVES_OPEN_AS.value} (it was flagged for re-review: "
            "its quote changed after the verdict): decide it again on the current text"
        )
    if status == Status.IN_REVIEW:
        return (
            f"in_review comes in as {ARRIVES_OPEN_AS.value} ({carrier} does not carry the "
            "proposal): propose the verdict again"
        )
    if status in EVIDENCE_STATUSES:
        return (
            f"{status.value} comes in as {ARRIVES_OPEN_AS.value} ({carrier} carries no "
            "evidence): add evidence, then set the verdict again"
        )
    return None


def arrival(
    asked: Status,
    note: str | None,
    actor: str,
    *,
    review: bool,
    carrier: str,
    flagged: bool = False,
    withheld: bool = False,
) -> Arrival:
    """The status a new claim asking for `asked` (with `note`) comes in at, imported by `actor`
    with review.required `review` from a file `carrier` names ("a claims table"), its verdict
    `flagged` for re-review there or not. `withheld`: the file left out a verdict flagged for
    re-review (a Web Annotation export publishes such a claim's span without its status); it
    comes in open as a flagged verdict does, not unverified, as if no one had checked it yet.
    Raises TransitionRefused as `claim status` would: a verdict needs its reason, even one that
    comes in open."""
    notice = _arrives_open(asked, carrier, flagged)
    if withheld and asked == Status.UNVERIFIED:
        notice = (
            f"comes in as {ARRIVES_OPEN_AS.value} (its verdict, flagged for re-review, was left "
            f"out of {carrier}: its quote changed after the verdict): decide it again on the "
            "current text"
        )
    status = asked if notice is None else ARRIVES_OPEN_AS
    if asked in EVIDENCE_STATUSES:
        # The verdict arrives open, but must still be one the workflow would take were its
        # evidence here: a verdict needs its reason.
        decide(
            ClaimState(id=0, status=Status.UNVERIFIED, evidence_count=1),
            Request(Move.SET, actor, target=asked, note=note),
        )
    # A claim arriving unverified keeps its note as a plain note: nothing to decide. Any other
    # status is the workflow's decision on a new claim, as `claim status` would take it.
    if status == Status.UNVERIFIED:
        return Arrival(Decision(action=None), notice)
    request = Request(Move.SET, actor, target=status, note=note, review_required=review)
    decision = decide(ClaimState(id=0, status=Status.UNVERIFIED), request)
    if decision.action == REVIEW_REQUESTED:
        notice = proposed_notice(asked, actor)
    return Arrival(decision, notice)


def proposed_notice(asked: Status, actor: str) -> str:
    """What is said of a claim whose verdict `asked` comes in proposed by `actor` (review.required
    on): the same words for every such row, so an import's notices collapse into one line."""
    return (
        f"{asked.value} comes in proposed (in_review) by {actor}: it awaits a second reviewer's "
        "approval (review.required is on)"
    )
