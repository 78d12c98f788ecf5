"""A desk begun before 8fdf8467 (schema 0001..0005) recorded whoever acted as `--as`,
WORKBENCH_USER or the OS account gave the name, stripped and nothing more: a name copied from
a right-to-left page with its isolates (U+2067 ... U+2069) was stored so, in the rows and in the
events, whose hashes hold it for good. `db upgrade` keeps it, and every later release's
`export bundle` writes it: that bundle must still restore (test_first_release_trail: such a desk
moves by bundle; docs/backup.md: a bidi control a release recorded restores, shown escaped)."""

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
from workbench.services.chain_head import chain_head
from workbench.services.context import Workbench
from workbench.services.replay import replay

# As a first-release desk stored a name pasted from a right-to-left page.
RTL_NAME = "\u2067\u05d0\u05d5\u05dc\u05d2\u05d4\u2069"


def _renamed(value: Any) -> Any:
    if isinstance(value, str):
        return RTL_NAME if value == "olga" else value
    if isinstance(value, dict):
        return {k: _renamed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v) for v in value]
    return value


def _first_release_desk(url: str) -> Workbench:
    engine = get_engine(url)
    upgrade(engine, "0001_foundation")
    trail, tables = _old_trail(first_release=True)
    trail = [
        {
            **ev,
            "actor": _renamed(ev["actor"]),
            "payload": canonical_json(_renamed(json.loads(ev["payload"]))),
        }
        for ev in trail
    ]
    tables = _renamed(tables)
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


def test_a_first_release_actor_with_bidi_isolates_moves_by_bundle(
    empty_db_url: str, tmp_path: Path
) -> None:
    wb = _first_release_desk(empty_db_url)
    assert replay(wb).consistent
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "desk.zip"
    path.write_bytes(buf.getvalue())
    target = Workbench(url=f"sqlite:///{tmp_path / 'moved.db'}", actor="tester")
    import_bundle(target, str(path))
    assert chain_head(target).hash == chain_head(wb).hash
