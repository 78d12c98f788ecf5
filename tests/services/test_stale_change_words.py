"""review200: a stale --if-version refusal named each change since by the columns its event
records: a colleague's verdict proposed and approved read "proposed_by and proposed_note and
proposed_status and status by cy, proposed_by and proposed_note and proposed_status and status
by ed", and an editor's doc update that moved the claim "anchor_score and anchor_state and end
and prefix and revision and start by ed". Each is named as the person did it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import Conflict
from workbench.services.claims import get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.review import approve
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content
from workbench.services.workflow import set_priority

TEXT = "只有四家公司。单次高达1500万美金。"
MakeDoc = Callable[..., Any]


def as_(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def refusal(wb: Workbench, cid: int, seen: int) -> str:
    with pytest.raises(Conflict) as stale:
        set_priority(as_(wb, "ana"), [cid], "low", expected_version=seen)
    return stale.value.message


def test_a_verdict_proposed_and_approved_is_named_so(
    wb: Workbench, document_with_claims: MakeDoc
) -> None:
    cid = int(document_with_claims(TEXT, ["只有四家公司"]).claims[0])
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")  # the tests connect as one role
    add_evidence(wb, cid, EvidenceInput(citation="年报 p.3", stance="supports"))
    seen = get_claim(wb, cid).version
    set_status(as_(wb, "cy"), cid, "verified", note="官方数据")
    approve(as_(wb, "ed"), cid)
    message = refusal(wb, cid, seen)
    assert "proposed_" not in message, message
    assert message.endswith(": verdict verified proposed by cy, verdict approved by ed"), message


def test_a_claim_moved_by_a_document_update_is_named_so(
    wb: Workbench, document_with_claims: MakeDoc
) -> None:
    made = document_with_claims(TEXT, ["只有四家公司"])
    cid = int(made.claims[0])
    seen = get_claim(wb, cid).version
    update_document(as_(wb, "ed"), made.doc, Content("前言。" + TEXT, "text", "v2.txt"))
    message = refusal(wb, cid, seen)
    assert "anchor_" not in message and "prefix" not in message, message
    assert message.endswith(": span moved to revision 2 by ed"), message
