"""The status an imported claim comes in at, and what is said of it (`arrival`)."""

from __future__ import annotations

import pytest

from workbench.domain.actions import REVIEW_REQUESTED
from workbench.domain.arrival import arrival
from workbench.domain.status import Status


@pytest.mark.parametrize("asked", [Status.UNVERIFIABLE, Status.OPINION])
def test_a_verdict_proposed_by_the_importer_is_said(asked: Status) -> None:
    # A trial: with review.required on, an opinion row became a proposal, unsaid.
    came = arrival(asked, "a reason", "rosa", review=True, carrier="a claims table")
    assert came.decision.action == REVIEW_REQUESTED
    assert came.decision.changes["status"] == "in_review"
    assert came.notice == (
        f"{asked.value} comes in proposed (in_review) by rosa: it awaits a second reviewer's "
        "approval (review.required is on)"
    )


@pytest.mark.parametrize("asked", [Status.UNVERIFIABLE, Status.OPINION])
def test_without_review_the_verdict_comes_in_as_given_unsaid(asked: Status) -> None:
    came = arrival(asked, "a reason", "rosa", review=False, carrier="a claims table")
    assert came.decision.changes["status"] == asked.value and came.notice is None


@pytest.mark.parametrize("review", [False, True])
@pytest.mark.parametrize("asked", [Status.VERIFIED, Status.FALSE, Status.MISLEADING])
def test_a_verdict_on_evidence_comes_in_open_review_or_not(asked: Status, review: bool) -> None:
    came = arrival(asked, "a reason", "rosa", review=review, carrier="a claims table")
    assert came.decision.changes["status"] == "in_progress"
    assert came.notice is not None and "carries no evidence" in came.notice


@pytest.mark.parametrize("asked", [Status.UNVERIFIED, Status.IN_PROGRESS])
def test_an_open_status_comes_in_as_given_unsaid(asked: Status) -> None:
    came = arrival(asked, None, "rosa", review=True, carrier="a claims table")
    assert came.notice is None
