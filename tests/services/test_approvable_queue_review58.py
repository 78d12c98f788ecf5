"""review58: `claim list --approvable` ("claims in review whose verdict you may approve") listed
claims that `claim approve` then refused for that very person: a proposal with evidence added
since by someone else (refused: the proposal did not weigh it), and on PostgreSQL one
proposed from the approver's own database role while review.distinct_roles is on (its
default). The queue compared the proposer's name only, where the sign-off has more rules."""

from __future__ import annotations

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import TransitionRefused
from workbench.services import review
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.settings import set_config


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def test_the_sign_off_queue_left_out_a_proposal_its_approver_was_refused(wb: Workbench) -> None:
    doc = add_document(wb, "MiniMax在2021年底创业，2023年估值25亿美元。".encode()).document.id
    claim = add_claim(wb, doc, "valued 2.5bn", SpanRequest(quote="估值25亿美元")).id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    add_evidence(_as(wb, "maria"), claim, EvidenceInput(citation="filing", stance="supports"))
    set_status(_as(wb, "maria"), claim, "verified", note="filing says so")
    # Evidence by a third person after the proposal: the approval must be refused.
    add_evidence(_as(wb, "carol"), claim, EvidenceInput(citation="later", stance="refutes"))
    bob = _as(wb, "bob")
    with pytest.raises(TransitionRefused):
        review.approvals(bob, [claim])
    queue = list_claims(bob, ClaimFilter(approvable_by="bob"))
    assert claim not in [c.id for c in queue], "listed as approvable, then refused"


def test_the_queue_asked_the_approval_its_rule_for_each_claim(wb: Workbench) -> None:
    """The approver's own note since the proposal leaves a claim approvable, as the approval
    reads it; a proposal made from the approver's own PostgreSQL role (review.distinct_roles on,
    the default, every test session sharing one role) is left out there, as it is refused."""
    from workbench.services.notes import add_note

    doc = add_document(wb, "MiniMax在2021年底创业，2023年估值25亿美元。".encode()).document.id
    claim = add_claim(wb, doc, "valued 2.5bn", SpanRequest(quote="估值25亿美元")).id
    set_config(wb, "review.required", "true")
    add_evidence(_as(wb, "maria"), claim, EvidenceInput(citation="filing", stance="supports"))
    set_status(_as(wb, "maria"), claim, "verified", note="filing says so")
    bob = _as(wb, "bob")
    add_note(bob, claim, "read the filing too")
    listed = claim in [c.id for c in list_claims(bob, ClaimFilter(approvable_by="bob"))]
    if PG_URL:
        assert not listed, "proposed from this session's role: approve refuses it"
        with pytest.raises(TransitionRefused, match="database role"):
            review.approvals(bob, [claim])
        set_config(wb, "review.distinct_roles", "false")
        assert claim in [c.id for c in list_claims(bob, ClaimFilter(approvable_by="bob"))]
    else:
        assert listed
    assert [c.id for c in list_claims(_as(wb, "maria"), ClaimFilter(approvable_by="maria"))] == []
    review.approvals(bob, [claim])
