"""A refused batch approval names the claim it was refused for (trial57)."""

from __future__ import annotations

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import TransitionRefused
from workbench.services import review
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.settings import set_config


def test_a_batch_refused_for_the_approvers_own_proposal_names_that_claim(wb: Workbench) -> None:
    """Approving several claims, one of them proposed by the approver, was refused with "tom
    proposed this verdict; a different reviewer must approve it", naming no claim: the editor
    had to open each one to find it. The batch still approves none of them."""
    doc = add_document(wb, "MiniMax在2021年底创业，2023年估值25亿美元。".encode()).document.id
    first = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id
    second = add_claim(wb, doc, "valued 2.5bn", SpanRequest(quote="估值25亿美元")).id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    set_status(Workbench(url=wb.url, actor="maria"), first, "unverifiable", note="no record")
    set_status(Workbench(url=wb.url, actor="tom"), second, "unverifiable", note="查无记录")
    tom = Workbench(url=wb.url, actor="tom")
    with pytest.raises(TransitionRefused) as refused:
        review.approvals(tom, [first, second])
    assert str(refused.value).startswith(f"claim #{second}: tom proposed this verdict")
    assert refused.value.reason == "own_verdict"
    assert get_claim(wb, first).status == "in_review"
    # One claim: the command names it already, and the message is as it was.
    with pytest.raises(TransitionRefused) as alone:
        review.approvals(tom, [second])
    assert str(alone.value).startswith("tom proposed this verdict")
