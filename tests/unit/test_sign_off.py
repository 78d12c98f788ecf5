"""Who gave a claim's verdict and who approved it, read from its events."""

from __future__ import annotations

from typing import Any

from workbench.domain.sign_off import SignOff, sign_off


def _ev(seq: int, actor: str, action: str, **payload: Any) -> tuple[int, str, str, Any]:
    return (seq, actor, action, payload)


def test_a_verdict_given_directly_has_no_approver() -> None:
    events = [
        _ev(1, "maria", "claim.added", after={"status": "unverified"}),
        _ev(2, "maria", "claim.status_changed", after={"status": "verified"}),
    ]
    assert sign_off(events) == SignOff("verified", "maria", None, 2)


def test_an_approved_verdict_names_its_proposer_and_approver() -> None:
    events = [
        _ev(1, "maria", "claim.added", after={"status": "unverified"}),
        _ev(2, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(3, "maria", "note.added", after={"body": "x"}),
        _ev(4, "lin", "claim.approved", before={"proposed_by": "maria"}, after={"status": "false"}),
        _ev(5, "lin", "claim.assigned", before={"assignee": None}, after={"assignee": "lin"}),
    ]
    assert sign_off(events) == SignOff("false", "maria", "lin", 4)


def test_reopening_a_verdict_clears_its_sign_off_and_a_new_one_counts() -> None:
    approved = [
        _ev(1, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(
            2,
            "lin",
            "claim.approved",
            before={"proposed_by": "maria"},
            after={"status": "verified"},
        ),
    ]
    reopened = [*approved, _ev(3, "maria", "claim.status_changed", after={"status": "in_progress"})]
    assert sign_off(reopened) is None
    # The trial's path: review turned off, a verdict given alone, review turned on again.
    again = [*reopened, _ev(4, "maria", "claim.status_changed", after={"status": "verified"})]
    assert sign_off(again) == SignOff("verified", "maria", None, 4)
    # A rejected proposal leaves no verdict.
    rejected = [
        *reopened,
        _ev(5, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(6, "lin", "claim.rejected", after={"status": "in_progress"}),
    ]
    assert sign_off(rejected) is None


def test_an_imported_verdict_has_no_approver() -> None:
    events = [_ev(1, "bot", "claim.imported", after={"status": "misleading"})]
    assert sign_off(events) == SignOff("misleading", "bot", None, 1)
    assert sign_off([]) is None
