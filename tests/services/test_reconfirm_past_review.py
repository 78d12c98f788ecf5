"""review191: with review.required on, a verdict flagged for re-review (its quote changed) is
confirmed by proposing it again for a second person's sign-off. trial185 made replay refuse a
`claim.status_changed` that gives a verdict while the setting is on, but only when the status
changes: a confirmation keeps the status and clears the flag, so a forged one (the editor's
own re-confirmation as a plain status change, no proposal, no approval, every later hash
recomputed) verified OK with 'workflow rules hold', and exports published the verdict on the
changed quote that no second person had seen."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PG_URL
from tests.services.test_verify_file_workflow_rules import rechained, write
from workbench.exports.events import export_text
from workbench.services import review
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content
from workbench.services.verify import verify_file

TEXT = "MiniMax在2021年底创业，2023年估值25亿美元。公司有员工500人。"


def _flagged_and_proposed(wb: Workbench) -> list[str]:
    """maria's verdict, approved by bob under review.required; the quote then changes (the
    verdict is flagged) and maria confirms it, which proposes it (the last event)."""
    doc = add_document(wb, TEXT.encode()).document.id
    claim = add_claim(wb, doc, "valuation", SpanRequest(quote="2023年估值25亿美元")).id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    maria, bob = Workbench(url=wb.url, actor="maria"), Workbench(url=wb.url, actor="bob")
    set_status(maria, claim, "unverifiable", note="查无记录")
    review.approve(bob, claim)
    update_document(wb, doc, Content(TEXT.replace("25亿", "26亿"), "text", "r.txt"), force=True)
    set_status(maria, claim, "unverifiable", note="改后仍查无记录")
    return export_text(wb, "jsonl").splitlines()


def _confirmed_straight(lines: list[str]) -> list[str]:
    """The proposal rewritten as the confirmation the workbench writes with review off (the
    status kept, the flag cleared), rechained."""
    last = json.loads(lines[-1])
    assert last["action"] == "claim.review_requested"
    payload = last["payload"]
    for side in ("before", "after"):
        for name in ("proposed_by", "proposed_note", "proposed_status"):
            payload[side].pop(name)
    payload["after"]["status"] = payload["before"]["status"]
    return rechained(lines, last["seq"], action="claim.status_changed", payload=payload)


def test_a_flagged_verdict_confirmed_straight_while_review_is_required_fails(
    wb: Workbench, tmp_path: Path
) -> None:
    """The forged confirmation verified OK; it is a refused move, named by its seq."""
    forged = _confirmed_straight(_flagged_and_proposed(wb))
    report = verify_file(write(tmp_path, forged))
    assert report.broken is None  # every hash was recomputed
    assert report.rule_break_count == 1, report.to_json()
    (found,) = report.rule_breaks
    assert found.seq == json.loads(forged[-1])["seq"]
    assert "review.required is on" in found.message
    # Named by the setting, not by a reason in parentheses: those name refusals of
    # docs/errors.md, and the workflow refuses no such move, it proposes it (review191).
    assert found.message.endswith("for a different person to approve"), found.message


def test_the_genuine_proposal_holds(wb: Workbench, tmp_path: Path) -> None:
    """The trail as the workbench wrote it (confirmation proposed) is no refused move."""
    report = verify_file(write(tmp_path, _flagged_and_proposed(wb)))
    assert report.ok, report.to_json()
