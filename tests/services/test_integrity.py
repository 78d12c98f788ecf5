"""What verify, replay and db status notice beyond the chain: changed archived files, dropped
append-only triggers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from tests.inprocess import run_cli
from workbench.db.backend import drop_append_only_triggers, missing_append_only_triggers
from workbench.db.engine import get_engine
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.database import schema_status, upgrade_schema
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.replay import replay


def test_changed_archived_file_fails_replay(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    cid = add_claim(wb, doc, "founded", SpanRequest(quote="2021年底")).id
    page = tmp_path / "page.html"
    page.write_bytes(b"<p>founded in December 2021</p>")
    add_evidence(wb, cid, EvidenceInput(stance="supports", file=str(page)))
    assert replay(wb).consistent
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("UPDATE blobs SET data = :d"), {"d": b"<p>founded in 2019</p>"})
    report = replay(wb)
    assert not report.consistent
    assert any("changed inside the database" in d.message for d in report.differences)


def test_dropped_trigger_is_reported_and_restored(wb: Workbench) -> None:
    with get_engine(wb.url).begin() as conn:
        assert missing_append_only_triggers(conn) == []
        drop_append_only_triggers(conn)
    status = schema_status(wb)
    assert status.missing_triggers and status.to_json()["missing_triggers"]
    r = run_cli(["db", "status"], env={"WORKBENCH_DB": wb.url, "WORKBENCH_USER": "t"})
    assert r.code == 1 and "MISSING" in r.out and "db upgrade" in r.out
    assert upgrade_schema(wb) == (list(status.missing_triggers), [])
    assert schema_status(wb).missing_triggers == ()
    r = run_cli(["db", "status"], env={"WORKBENCH_DB": wb.url, "WORKBENCH_USER": "t"})
    assert r.code == 0 and "append-only" in r.out
