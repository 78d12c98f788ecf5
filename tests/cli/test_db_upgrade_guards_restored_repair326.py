"""`workbench db upgrade` restoring the guard triggers on `events`, through the real CLI: it
says the audit event it wrote, `audit export` holds it (as a desk event: no claim's or
document's), `audit verify` and `audit replay` pass over it, and a second upgrade writes none.

Was: the triggers that keep the trail append-only dropped and put back left no trace in the
trail an editor signs off."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from workbench.db.backend import drop_append_only_triggers, module_for
from workbench.db.engine import get_engine

Run = Callable[..., Any]


def _guards_dropped(cli: Run, db_url: str) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    with get_engine(db_url).begin() as conn:
        drop_append_only_triggers(conn)


def test_db_upgrade_records_the_guards_it_restored(cli: Run, db_url: str) -> None:
    _guards_dropped(cli, db_url)
    # Each backend's own (SQLite: no_update, no_delete; PostgreSQL: no_update, no_truncate).
    dropped = list(module_for(get_engine(db_url).dialect.name).APPEND_ONLY_TRIGGERS)
    r = cli("--as", "owner", "db", "upgrade")
    assert r.code == 0, r.err
    assert f"restored the triggers {', '.join(dropped)} on events" in r.out, r.out
    assert "recorded in the audit trail as event 3 (desk.guards_restored)" in r.out, r.out
    r = cli("audit", "export", "--format", "jsonl")
    assert r.code == 0, r.err
    events = [json.loads(line) for line in r.out.splitlines() if '"seq"' in line]
    last = events[-1]
    assert (last["seq"], last["action"], last["actor"]) == (3, "desk.guards_restored", "owner")
    assert (last["entity_type"], last["entity_id"], last["claim_id"]) == ("desk", "guards", None)
    assert last["payload"]["triggers"] == dropped
    # Asked for by name (a prefix too), as any action the trail records.
    r = cli("audit", "export", "--format", "jsonl", "--action", "desk.*")
    assert r.code == 0, r.err
    assert '"desk.guards_restored"' in r.out
    # Not a claim's event: its history does not hold it.
    r = cli("audit", "export", "--format", "jsonl", "--claim", "1")
    assert r.code == 0 and "desk.guards_restored" not in r.out
    r = cli("audit", "verify")
    assert r.code == 0 and r.out.startswith("OK 3 events"), r.out + r.err
    r = cli("audit", "replay")
    assert r.code == 0 and r.out.startswith("consistent"), r.out + r.err
    # Nothing left to restore: no line, no second event.
    r = cli("--as", "owner", "db", "upgrade")
    assert r.code == 0 and "restored" not in r.out and "recorded" not in r.out, r.out
    r = cli("audit", "verify")
    assert r.code == 0 and r.out.startswith("OK 3 events"), r.out


def test_a_full_export_holding_the_event_verifies(cli: Run, db_url: str, tmp_path: Any) -> None:
    """`audit verify --file` holds a full export's events to replay's rules: the restore is
    one it knows."""
    _guards_dropped(cli, db_url)
    assert cli("db", "upgrade").code == 0
    out = tmp_path / "trail.jsonl"
    assert cli("audit", "export", "--format", "jsonl", "-o", str(out)).code == 0
    r = cli("audit", "verify", "--file", str(out))
    assert r.code == 0 and r.out.startswith("OK 3 events"), r.out + r.err
