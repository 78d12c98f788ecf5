"""A desk begun with the first release (schema 0001_foundation), upgraded to this one: its trail
as that release wrote it must still replay, and the desk must still move by bundle."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.integration.test_chain_migration import _old_trail, claims, documents, events, notes
from workbench.db.engine import get_engine
from workbench.db.migrate import upgrade
from workbench.domain.chain import canonical_json
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.verify import chain_head


def _as_the_first_release_wrote_it() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The trail of test_chain_migration, with the one difference the first release made: its
    `claim.status_changed` carried `status` and `version` in before/after, not `updated_at`
    (workbench/services/claims.py at 1b3d8b6; commit b071a6c added `updated_at` later). The
    claim's row, as that release left it, has the updated_at of the change."""
    trail, tables = _old_trail()
    for ev in trail:
        if ev["action"] == "claim.status_changed":
            payload = json.loads(ev["payload"])
            for side in ("before", "after"):
                payload[side].pop("updated_at")
            ev["payload"] = canonical_json(payload)
    return trail, tables


def _first_release_desk(url: str) -> Workbench:
    engine = get_engine(url)
    upgrade(engine, "0001_foundation")
    trail, tables = _as_the_first_release_wrote_it()
    with engine.begin() as conn:
        conn.execute(documents.insert(), tables["documents"])
        conn.execute(claims.insert(), tables["claims"])
        conn.execute(notes.insert(), tables["notes"])
        conn.execute(events.insert(), trail)
        if conn.dialect.name == "postgresql":
            for table in ("documents", "claims", "notes"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
    upgrade(engine)
    return Workbench(url=url, actor="tester")


def test_a_status_change_without_updated_at_replays(empty_db_url: str) -> None:
    """`workbench audit replay` on a desk begun with the first release and upgraded reported
    every claim whose status it had changed as a difference ("claim #1 updated_at: events say
    <the claim's creation>, table says <the change's time>", exit 1): the first release's
    `claim.status_changed` events carry no `updated_at`, and replay kept the creation time.
    docs/events.md says every shape ever written stays readable."""
    wb = _first_release_desk(empty_db_url)
    outcome = replay(wb)
    assert outcome.consistent, [d.message for d in outcome.differences]


def test_a_desk_begun_with_the_first_release_moves_by_bundle(
    empty_db_url: str, tmp_path: Path
) -> None:
    """`workbench import bundle` refused the bundle of such a desk, written by this very release
    ("the bundle's events and tables do not replay consistently: claim #1 updated_at: ...;
    nothing was imported"): the desk could not be moved to PostgreSQL or restored."""
    wb = _first_release_desk(empty_db_url)
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "desk.zip"
    path.write_bytes(buf.getvalue())
    target = Workbench(url=f"sqlite:///{tmp_path / 'moved.db'}", actor="tester")
    import_bundle(target, str(path))
    assert chain_head(target).hash == chain_head(wb).hash
