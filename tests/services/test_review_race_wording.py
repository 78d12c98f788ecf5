"""The refusal a second reviewer gets when the claim was reviewed before their command."""

from __future__ import annotations

import pytest

from tests.services.test_signoff import proposed
from workbench.domain.errors import TransitionRefused
from workbench.services import review
from workbench.services.context import Workbench


@pytest.mark.parametrize("second", ["approve", "reject"])
def test_a_reviewer_who_lost_the_race_is_told_who_reviewed_the_claim(
    wb: Workbench, second: str
) -> None:
    """Two reviewers approving one claim at once: the one who waited for the write lock was
    told "claim #N is not in review (it is unverifiable)", when from their side it was in
    review a moment before. The refusal now says who approved it, and when."""
    cid = proposed(wb, "alice")
    review.approve(Workbench(url=wb.url, actor="bob"), cid)
    late = Workbench(url=wb.url, actor="carol")
    with pytest.raises(TransitionRefused) as refused:
        if second == "approve":
            review.approve(late, cid)
        else:
            review.reject(late, cid, note="not so fast")
    message = str(refused.value)
    assert message.startswith(
        f"claim #{cid} is not in review (it is unverifiable): bob approved it at "
    )
    assert message.endswith(" UTC") and "\n" not in message
    assert refused.value.reason == "not_in_review"


def test_a_claim_sent_back_says_so(wb: Workbench) -> None:
    cid = proposed(wb, "alice")
    review.reject(Workbench(url=wb.url, actor="bob"), cid, note="source too weak")
    with pytest.raises(TransitionRefused, match="bob sent its verdict back at "):
        review.approve(Workbench(url=wb.url, actor="carol"), cid)


def test_a_claim_never_proposed_is_refused_as_before(
    wb: Workbench, document_with_claims: object
) -> None:
    """Only a review as the claim's latest change is named: otherwise the refusal is as it was."""
    from typing import Any, cast

    cid = cast(Any, document_with_claims)().claims[0]
    with pytest.raises(TransitionRefused) as refused:
        review.approve(Workbench(url=wb.url, actor="carol"), cid)
    assert str(refused.value) == f"claim #{cid} is not in review (it is unverified)"


def test_a_claim_sent_back_says_so_and_what_puts_it_in_review_again(wb: Workbench) -> None:
    """rr2: a sent-back claim is open again, and its refusal named who sent it back but, since
    98af8fce read the latest status move (a note after the send-back had hidden it, and the
    refusal then gave the step), no longer what puts it back in review: proposing a verdict.
    Both are said now; an approved verdict still gets no step (it stood, reviewed)."""
    from workbench.services.notes import add_note

    cid = proposed(wb, "alice")
    review.reject(Workbench(url=wb.url, actor="bob"), cid, note="source too weak")
    add_note(Workbench(url=wb.url, actor="alice"), cid, "looking for a better source")
    with pytest.raises(TransitionRefused, match="bob sent its verdict back at ") as refused:
        review.approve(Workbench(url=wb.url, actor="carol"), cid)
    assert refused.value.hint is not None
    assert refused.value.hint.facts["step"] == "propose_first"
    assert "\n" not in str(refused.value)
