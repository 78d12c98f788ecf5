"""The board's totals come from one aggregate (board_counts, perf269) while its lists come from
claim_query: two statements of the same rules (open, in review, overdue, flagged), held equal
here on a desk where each rule's edge is present (review274)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import PG_URL
from workbench.services import queries, workflow
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.queries import ClaimFilter, list_claims, stats
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content
from workbench.services.workflow import assign, set_due

DAY = dt.date(2030, 6, 15)
OLD = "甲说营收4009亿元。乙说员工三万人。丙说门店五千家。丁说成立十年。戊说利润九亿。"
NEW = OLD.replace("4009亿", "4010亿").replace("三万", "四万")


def test_every_total_counts_its_list(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workflow, "today", lambda: DAY)
    monkeypatch.setattr(queries, "today", lambda: DAY)
    doc = add_document(wb, OLD.encode(), meta=DocumentMeta(title="t")).document.id
    quotes = ["营收4009亿元", "员工三万人", "门店五千家", "成立十年", "利润九亿"]
    flagged, flagged_gone, late, due_today, gone_late = (
        add_claim(wb, doc, q, SpanRequest(quote=q)).id for q in quotes
    )
    assign(wb, [flagged, late], "王芳")
    assign(wb, [flagged_gone, due_today, gone_late], "bob")
    for cid in (flagged, flagged_gone):
        set_status(wb, cid, "in_progress")
        add_evidence(wb, cid, EvidenceInput(stance="refutes", citation="annual report"))
        set_status(wb, cid, "misleading", note="half the story")
    set_due(wb, [late, gone_late], (DAY - dt.timedelta(days=1)).isoformat())
    set_due(wb, [due_today], DAY.isoformat())
    update_document(wb, doc, Content(NEW, "text", "v2.txt"))  # flags both verdicts
    withdraw(wb, flagged_gone, reason="a duplicate")
    withdraw(wb, gone_late, reason="not a claim")
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    set_status(Workbench(url=wb.url, actor="bob"), due_today, "unverifiable", note="no record")

    board = stats(wb, limit=100)

    def ids(**kw: object) -> list[int]:
        return [c.id for c in list_claims(wb, ClaimFilter(**kw))]  # type: ignore[arg-type]

    lists = {
        "oldest_open": ids(open=True, sort="created"),
        "awaiting_approval": ids(statuses=["in_review"], sort="created"),
        "overdue": ids(overdue=True, sort="due"),
        "flagged": ids(flagged=True),
    }
    assert lists["overdue"] == [late]
    assert lists["flagged"] == [flagged]  # (withdrawing took its flag away)
    assert lists["awaiting_approval"] == [due_today]
    for name, expected in lists.items():
        shown = getattr(board, name)
        assert (shown.total, [c.id for c in shown.claims]) == (len(expected), expected), name
    loads = {k: v.to_json() for k, v in board.by_owner.items()}
    assert loads["王芳"] == {"to_check": 1, "awaiting_approval": 0, "flagged": 1, "total": 2}
    assert loads["bob"] == {"to_check": 0, "awaiting_approval": 1, "flagged": 0, "total": 1}
    assert board.by_status["withdrawn"] == 2
    assert board.by_assignee == {"bob": 1, "王芳": 2}
