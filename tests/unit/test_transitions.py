"""The workflow decided in one place: every move (set, reopen, propose, approve, reject)."""

from __future__ import annotations

import dataclasses

import pytest

from workbench.domain.actions import APPROVED, REJECTED, REVIEW_REQUESTED, STATUS_CHANGED
from workbench.domain.errors import TransitionRefused, give, step
from workbench.domain.status import FINAL_STATUSES, Status
from workbench.domain.transitions import ClaimState, Move, Refusal, Request, check_edit, decide

OPEN = ClaimState(id=7, status=Status.IN_PROGRESS, evidence_count=1)
PROPOSED = ClaimState(
    id=7,
    status=Status.IN_REVIEW,
    evidence_count=1,
    proposed_status=Status.FALSE,
    proposed_by="Maria",
)


def refusal(claim: ClaimState, request: Request) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as refused:
        decide(claim, request)
    return refused.value


def test_a_plain_move_changes_the_status() -> None:
    decision = decide(OPEN, Request(Move.SET, "ana", target=Status.UNVERIFIED))
    assert (decision.action, dict(decision.changes)) == (STATUS_CHANGED, {"status": "unverified"})
    assert decision.changed and decision.note is None


def test_the_same_status_is_no_change_but_a_note_is_not_dropped() -> None:
    unchanged = decide(OPEN, Request(Move.SET, "ana", target=Status.IN_PROGRESS))
    assert not unchanged.changed and unchanged.changes == {}
    refused = refusal(OPEN, Request(Move.SET, "ana", target=Status.IN_PROGRESS, note="why"))
    assert refused.reason == Refusal.NOTE_WITHOUT_CHANGE
    assert refused.hint == step("add_note", claim_id=7)


@pytest.mark.parametrize("verdict", sorted(FINAL_STATUSES))
def test_a_verdict_needs_a_note(verdict: Status) -> None:
    refused = refusal(OPEN, Request(Move.SET, "ana", target=verdict, note="  "))
    assert refused.reason == Refusal.VERDICT_NEEDS_NOTE and refused.hint == give("note")
    assert "needs a reason" in refused.message and "--" not in refused.message
    # A reason of characters that draw nothing is no reason (a new-user trial gave U+200B).
    for hidden in ("\u200b", " \u2060 ", "\u3164"):
        refused = refusal(OPEN, Request(Move.SET, "ana", target=verdict, note=hidden))
        assert refused.reason == Refusal.VERDICT_NEEDS_NOTE


def test_a_factual_verdict_needs_evidence_an_opinion_does_not() -> None:
    bare = ClaimState(id=3, status=Status.IN_PROGRESS, evidence_count=0)
    refused = refusal(bare, Request(Move.SET, "ana", target=Status.FALSE, note="n"))
    assert refused.reason == Refusal.VERDICT_NEEDS_EVIDENCE
    assert refused.hint == step("add_evidence", claim_id=3)
    assert decide(bare, Request(Move.SET, "ana", target=Status.OPINION, note="n")).changed


def test_reopening_needs_a_note() -> None:
    settled = ClaimState(id=1, status=Status.VERIFIED, evidence_count=1)
    refused = refusal(settled, Request(Move.SET, "ana", target=Status.IN_PROGRESS))
    assert refused.reason == Refusal.REOPEN_NEEDS_NOTE
    reopened = decide(settled, Request(Move.SET, "ana", target=Status.IN_PROGRESS, note="new"))
    assert reopened.changes == {"status": "in_progress"} and reopened.note == "new"


def test_with_review_on_a_verdict_is_proposed() -> None:
    request = Request(Move.SET, "Maria", target=Status.FALSE, note=" wrong ", review_required=True)
    decision = decide(OPEN, request)
    assert decision.action == REVIEW_REQUESTED
    assert dict(decision.changes) == {
        "status": "in_review",
        "proposed_status": "false",
        "proposed_by": "Maria",
        "proposed_note": "wrong",
    }
    # Open moves are not reviewed.
    back = Request(Move.SET, "Maria", target=Status.UNVERIFIED, review_required=True)
    assert decide(OPEN, back).action == STATUS_CHANGED


def test_in_review_is_entered_and_left_only_through_review() -> None:
    refused = refusal(OPEN, Request(Move.SET, "ana", target=Status.IN_REVIEW))
    assert refused.reason == Refusal.REVIEW_NOT_SETTABLE and refused.hint == step(
        "propose", claim_id=7
    )
    refused = refusal(PROPOSED, Request(Move.SET, "ana", target=Status.VERIFIED, note="n"))
    assert refused.reason == Refusal.PENDING_REVIEW
    assert refused.hint == step("review", claim_id=7, proposed_by="Maria", own_proposal=False)
    assert refused.message == "claim #7 is in review (false proposed by Maria)"


def test_the_proposer_is_told_it_is_their_proposal_and_may_withdraw_it() -> None:
    """A trial: the proposer, trying to change their mind, was told to approve or reject the
    claim, and approving their own verdict is refused. The refusal says it is theirs (by the
    same rule as approval: a look-alike is the same person); rejecting it withdraws it."""
    for me in ("maria", "\uff2daria"):
        refused = refusal(PROPOSED, Request(Move.SET, me, target=Status.IN_PROGRESS, note="n"))
        assert refused.reason == Refusal.PENDING_REVIEW
        assert refused.hint == step("review", claim_id=7, proposed_by="Maria", own_proposal=True)
    withdrawn = decide(PROPOSED, Request(Move.REJECT, "Maria", note="I'll look again"))
    assert withdrawn.action == REJECTED and withdrawn.changes["status"] == "in_progress"


def test_approval_needs_a_second_person() -> None:
    refused = refusal(PROPOSED, Request(Move.APPROVE, " maria "))
    assert refused.reason == Refusal.OWN_VERDICT
    assert str(refused).startswith("Maria proposed this verdict; a different reviewer")
    decision = decide(PROPOSED, Request(Move.APPROVE, "Jun", note="agreed"))
    assert decision.action == APPROVED and decision.note == "agreed"
    assert dict(decision.changes) == {
        "status": "false",
        "proposed_status": None,
        "proposed_by": None,
        "proposed_note": None,
    }


def test_rejection_needs_a_reason_and_returns_the_claim_to_work() -> None:
    assert refusal(PROPOSED, Request(Move.REJECT, "Jun")).reason == Refusal.REJECT_NEEDS_NOTE
    decision = decide(PROPOSED, Request(Move.REJECT, "Jun", note="source is a parody"))
    assert decision.action == REJECTED and decision.changes["status"] == "in_progress"


@pytest.mark.parametrize("move", [Move.APPROVE, Move.REJECT])
def test_only_a_claim_in_review_can_be_approved_or_rejected(move: Move) -> None:
    refused = refusal(OPEN, Request(move, "Jun", note="n"))
    assert refused.reason == Refusal.NOT_IN_REVIEW
    assert refused.message == "claim #7 is not in review (it is in_progress)"


def test_a_look_alike_approver_is_named_as_too_like_the_proposer() -> None:
    """The message names who proposed the verdict (the stored proposer), not the approver."""
    claim = dataclasses.replace(PROPOSED, proposed_by="alice")
    refused = refusal(claim, Request(Move.APPROVE, "\u0251lice"))
    assert refused.reason == Refusal.OWN_VERDICT
    assert str(refused).startswith(
        "\u0251lice is too like alice, who proposed this verdict; a different reviewer"
    )


FLAGGED = ClaimState(id=2, status=Status.MISLEADING, evidence_count=1, verdict_revision=1)


def test_the_same_verdict_with_a_reason_confirms_a_flagged_claim() -> None:
    """A flagged verdict (its quote changed) is confirmed by stating it again with a reason:
    the new decision that clears the flag, recorded as any verdict is."""
    request = Request(Move.SET, "wang", target=Status.MISLEADING, note="still half true")
    decision = decide(FLAGGED, request)
    assert decision.action == STATUS_CHANGED and dict(decision.changes) == {"status": "misleading"}
    assert decision.note == "still half true"
    refused = refusal(FLAGGED, Request(Move.SET, "wang", target=Status.MISLEADING))
    assert refused.reason == Refusal.VERDICT_NEEDS_NOTE and refused.hint == give("note")
    assert "flagged for re-review" in refused.message and "--" not in refused.message


def test_confirming_a_flagged_verdict_goes_through_review_and_needs_evidence() -> None:
    request = Request(
        Move.SET, "wang", target=Status.MISLEADING, note="still", review_required=True
    )
    decision = decide(FLAGGED, request)
    assert decision.action == REVIEW_REQUESTED
    assert decision.changes["status"] == "in_review"
    assert decision.changes["proposed_status"] == "misleading"
    bare = dataclasses.replace(FLAGGED, evidence_count=0)
    refused = refusal(bare, Request(Move.SET, "wang", target=Status.MISLEADING, note="n"))
    assert refused.reason == Refusal.VERDICT_NEEDS_EVIDENCE


def test_a_settled_verdict_that_is_not_flagged_is_not_confirmed_again() -> None:
    settled = dataclasses.replace(FLAGGED, verdict_revision=None)
    refused = refusal(settled, Request(Move.SET, "wang", target=Status.MISLEADING, note="n"))
    assert refused.reason == Refusal.NOTE_WITHOUT_CHANGE
    assert not decide(settled, Request(Move.SET, "wang", target=Status.MISLEADING)).changed


def test_a_proposal_flagged_in_review_is_not_confirmed_by_status() -> None:
    """In review, the flag is settled by the reviewer (reject, then check the new text)."""
    flagged = dataclasses.replace(PROPOSED, verdict_revision=1)
    refused = refusal(flagged, Request(Move.SET, "ana", target=Status.IN_REVIEW, note="n"))
    assert refused.reason == Refusal.NOTE_WITHOUT_CHANGE
    assert not decide(flagged, Request(Move.SET, "ana", target=Status.IN_REVIEW)).changed


# --- withdrawing a claim picked out by mistake, and restoring it ----------------------------

WITHDRAWN = ClaimState(id=7, status=Status.WITHDRAWN, evidence_count=1)


def withdrawal(reason: str | None = "a duplicate of #3") -> Request:
    return Request(Move.WITHDRAW, "ana", note=reason)


@pytest.mark.parametrize(
    "status", [s for s in Status if s not in (Status.IN_REVIEW, Status.WITHDRAWN)]
)
def test_any_claim_but_one_in_review_is_withdrawn_with_its_reason(status: Status) -> None:
    claim = ClaimState(id=7, status=status, evidence_count=1)
    decision = decide(claim, withdrawal())
    assert (decision.action, dict(decision.changes)) == (STATUS_CHANGED, {"status": "withdrawn"})
    assert decision.note == "a duplicate of #3"
    # `claim status ID withdrawn --note ...` is the same move, on the same rules.
    same = decide(claim, Request(Move.SET, "ana", target=Status.WITHDRAWN, note="a dup"))
    assert (same.action, dict(same.changes)) == (STATUS_CHANGED, {"status": "withdrawn"})


@pytest.mark.parametrize("reason", [None, "", "  \n"])
def test_withdrawing_needs_a_reason(reason: str | None) -> None:
    refused = refusal(OPEN, withdrawal(reason))
    assert refused.reason == Refusal.WITHDRAW_NEEDS_REASON
    assert refused.hint == give("reason") and "--" not in refused.message
    by_status = refusal(OPEN, Request(Move.SET, "ana", target=Status.WITHDRAWN, note=reason))
    assert by_status.reason == Refusal.WITHDRAW_NEEDS_REASON and by_status.hint == give("note")


def test_a_withdrawn_claim_is_not_withdrawn_again() -> None:
    refused = refusal(WITHDRAWN, withdrawal())
    assert refused.reason == Refusal.ALREADY_WITHDRAWN
    assert refused.hint == step("add_note", claim_id=7)
    again = Request(Move.SET, "ana", target=Status.WITHDRAWN, note="still a duplicate")
    assert refusal(WITHDRAWN, again).reason == Refusal.ALREADY_WITHDRAWN


def test_a_claim_in_review_is_withdrawn_only_once_its_proposal_is_rejected() -> None:
    refused = refusal(PROPOSED, withdrawal())
    assert refused.reason == Refusal.PENDING_REVIEW
    assert refused.hint == step("review", claim_id=7, proposed_by="Maria", own_proposal=False)
    rejected = decide(PROPOSED, Request(Move.REJECT, "ed", note="a duplicate, not a claim"))
    back = dataclasses.replace(PROPOSED, status=Status(rejected.changes["status"] or ""))
    assert decide(back, withdrawal()).changes == {"status": "withdrawn"}


@pytest.mark.parametrize("target", [Status.UNVERIFIED, Status.IN_PROGRESS])
def test_a_withdrawn_claim_is_restored_open_with_a_reason(target: Status) -> None:
    refused = refusal(WITHDRAWN, Request(Move.SET, "ana", target=target, note=" "))
    assert refused.reason == Refusal.RESTORE_NEEDS_NOTE and refused.hint == give("note")
    restored = decide(WITHDRAWN, Request(Move.SET, "ana", target=target, note="a claim after all"))
    assert (restored.action, dict(restored.changes)) == (STATUS_CHANGED, {"status": target.value})
    assert restored.note == "a claim after all"


@pytest.mark.parametrize("verdict", sorted(FINAL_STATUSES))
@pytest.mark.parametrize("review", [False, True])
def test_a_withdrawn_claim_gets_no_verdict_until_restored(verdict: Status, review: bool) -> None:
    request = Request(Move.SET, "ana", target=verdict, note="why", review_required=review)
    refused = refusal(WITHDRAWN, request)
    assert refused.reason == Refusal.CLAIM_WITHDRAWN
    assert refused.hint == step("restore", claim_id=7)


def test_a_withdrawn_claims_words_are_not_edited() -> None:
    with pytest.raises(TransitionRefused) as refused:
        check_edit(WITHDRAWN, ["text"])
    assert refused.value.reason == Refusal.CLAIM_WITHDRAWN
    assert refused.value.hint == step("restore", claim_id=7)
    check_edit(WITHDRAWN, ["tags"])  # desk fields are not its words
