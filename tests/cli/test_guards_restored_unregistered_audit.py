"""Who may be named as having put the guards back (`desk.guards_restored`), decided: any name the
upgrade runs as, registered or not, on a desk whose people are registered. The repair is the
tables' owner's (their OS account or database role, named in the event's `machine`), who need
not be a reviewer, and a desk whose triggers were dropped must not wait on a registration to get
them back; every other change there is refused to a name nobody registered. The writer records
such a restore, and `audit replay`, `audit verify` and a bundle's restore take it as the
workbench's own: they agree. (Replay holds no event's actor to the registered people: that is
the writer's check, by its release's reading of names; docs/events.md.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.conftest import run_in_process
from tests.inprocess import ok
from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.db.models import Event


def test_a_restore_by_an_unregistered_name_is_recorded_and_replays(
    db_url: str, tmp_path: Path, empty_db_url: str
) -> None:
    def run(actor: str, *args: str) -> Any:
        return run_in_process(["--db", db_url, "--as", actor, *args])

    article = tmp_path / "a.txt"
    article.write_text("The mayor said the bridge cost 4 million.\n", encoding="utf-8")
    ok(run("maria", "user", "add", "maria"))
    ok(run("maria", "doc", "add", str(article)))
    refused = run_in_process(["--db", db_url, "--as", "dba", "doc", "add", str(article)])
    assert refused.code == 1 and "dba" in refused.err, refused.err
    with get_engine(db_url).begin() as conn:
        drop_append_only_triggers(conn)
    upgraded = ok(run("dba", "db", "upgrade"))
    assert "desk.guards_restored" in upgraded.out, upgraded.out
    with get_engine(db_url).connect() as conn:
        actor, action = conn.execute(
            select(Event.actor, Event.action).order_by(Event.seq.desc()).limit(1)
        ).one()
    assert (actor, action) == ("dba", "desk.guards_restored")
    assert ok(run("maria", "audit", "verify")).out.startswith("OK ")
    replayed = json.loads(ok(run("maria", "audit", "replay", "--json")).out)
    assert replayed["consistent"] is True, replayed
    ok(run("maria", "audit", "export", "-o", str(tmp_path / "trail.jsonl")))
    ok(run("maria", "audit", "verify", "--file", str(tmp_path / "trail.jsonl")))
    ok(run("maria", "export", "bundle", str(tmp_path / "desk.zip")))
    ok(run_in_process(["--db", empty_db_url, "import", "bundle", str(tmp_path / "desk.zip")]))
