"""pgscale: a desk restored from a bundle into PostgreSQL is planned by statistics of its rows.

The restore writes every table in one transaction; nothing told the server what they held, so
until autovacuum came by (never, on a server where it is off) the planner read them as tables
it had no statistics of. On bench/desk.py's year desk with its statistics taken away (as a
restore leaves them), `claim list`'s read of its page's latest events (`events.claim_id IN (50
ids)`) scanned all 1,006,718 events: 0.17-0.34 s of the server's for a page the claim_id index
serves in a millisecond; `report` 0.35 s, `export claims --doc` 0.16 s the same way. SQLite's
planner reads no statistics until ANALYZE has run once: nothing is asked of it there.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.db.migrate import upgrade
from workbench.services.bundle import import_bundle
from workbench.services.bundle_export import export_bundle
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.notes import add_note

TEXT = "甲市今年新增岗位三千个。乙市失业率下降两个百分点。丙市房价上涨百分之五。"


def test_a_restored_desk_leaves_the_server_statistics_of_its_rows(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    doc = add_document(wb, TEXT.encode()).document.id
    for quote in TEXT.split("。")[:3]:
        claim = add_claim(wb, doc, f"{quote}。", SpanRequest(quote=quote)).id
        add_note(wb, claim, "查过了")
    bundle = io.BytesIO()
    export_bundle(wb, bundle)
    path = tmp_path / "desk.zip"
    path.write_bytes(bundle.getvalue())
    target_url = empty_db_url  # the same backend as `wb`'s
    upgrade(get_engine(target_url))
    import_bundle(Workbench(url=target_url, actor="tester"), str(path))
    with get_engine(target_url).connect() as conn:
        if conn.dialect.name != "postgresql":
            found = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
            )
            assert found.all() == []
            return
        rows = {
            name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()  # noqa: S608
            for name in ("events", "claims", "notes", "documents")
        }
        counted = dict(
            conn.execute(
                text(
                    "SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                    "AND c.relname IN ('events', 'claims', 'notes', 'documents')"
                )
            ).all()
        )
        described = conn.execute(
            text(
                "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() "
                "AND tablename = 'events' AND attname = 'claim_id'"
            )
        ).scalar_one()
    assert rows["events"] > 6 and rows["claims"] == 3
    assert counted == {name: float(n) for name, n in rows.items()}
    assert described == 1


def test_a_restore_is_not_refused_for_a_table_the_server_is_vacuuming(
    wb: Workbench, tmp_path: Path, empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rpgscale: the restore's ANALYZE waited for each table's SHARE UPDATE EXCLUSIVE lock,
    which another session's VACUUM or ANALYZE (a maintenance job, autovacuum) or CREATE INDEX
    holds: the whole restore sat on the desk's writer lock for the lock wait, then was refused
    as locked by another writer and undone, every row of it, for the sake of statistics."""
    import workbench.db.sqlite as sqlite_backend

    if not empty_db_url.startswith("postgresql"):
        pytest.skip("a table's maintenance lock is PostgreSQL's")
    doc = add_document(wb, TEXT.encode()).document.id
    claim = add_claim(wb, doc, "甲市今年新增岗位三千个。", SpanRequest(quote="甲市")).id
    add_note(wb, claim, "查过了")
    bundle = io.BytesIO()
    export_bundle(wb, bundle)
    path = tmp_path / "desk.zip"
    path.write_bytes(bundle.getvalue())
    upgrade(get_engine(empty_db_url))
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 300)  # the wait, shortened
    with get_engine(empty_db_url).connect() as vacuuming:
        vacuuming.execute(text("LOCK TABLE notes IN SHARE UPDATE EXCLUSIVE MODE"))
        import_bundle(Workbench(url=empty_db_url, actor="tester"), str(path))
        vacuuming.rollback()
    with get_engine(empty_db_url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM notes")).scalar_one() == 1
