"""`workbench db upgrade` stopped (Ctrl-C, a kill) before it changed anything: its migration's
transaction rolled back, or a current schema's guard check stopped. Killed, it exited 143 with
no line at all, where a stop after the migration committed says the upgrade stands and to run
it again (review177); stopped by Ctrl-C, it said the generic "nothing half-written was
committed". A script's log (`timeout 60 workbench db upgrade`) told nobody whether the schema
was left as it was. Now either stop says nothing was changed, and keeps its code; a stop once
tables were created, or guard triggers restored, says that stands (fix212). Delivered from
inside the code, no sleeps, as in test_stopped_after_the_work_is_done.py."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.cli.test_stopped_around_the_commit import STOPS
from tests.conftest import run_in_process
from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import database_revision, upgrade

OLDER = "0008_similar_meta"
NOTHING = (
    "interrupted before `db upgrade` changed anything: nothing was changed; run "
    "`workbench db upgrade` again\n"
)


def _db_upgrade(url: str) -> Any:
    return run_in_process(["--db", url, "db", "upgrade"], env={"WORKBENCH_USER": "tester"})


def _stop_in(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, how: str) -> list[int]:
    """`module.name` runs, then the stop `how` lands (inside the transaction that called it)."""
    real = getattr(module, name)
    delivered: list[int] = []

    def then_stop(*args: Any, **kwargs: Any) -> Any:
        got = real(*args, **kwargs)
        if not delivered:
            delivered.append(1)
            STOPS[how][0]()
        return got

    monkeypatch.setattr(module, name, then_stop)
    return delivered


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_in_its_migration_says_nothing_was_changed(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from workbench.db import migrate

    upgrade(get_engine(empty_db_url), OLDER)
    delivered = _stop_in(monkeypatch, migrate, "lock_migrations", how)
    result = _db_upgrade(empty_db_url)
    monkeypatch.undo()
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert result.err == NOTHING, result.err
    assert database_revision(get_engine(empty_db_url)) == OLDER


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_of_a_current_schema_stopped_says_nothing_was_changed(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from workbench.services import database

    assert _db_upgrade(empty_db_url).code == 0
    delivered = _stop_in(monkeypatch, database, "restore_guards", how)
    result = _db_upgrade(empty_db_url)
    monkeypatch.undo()
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert result.err == NOTHING, result.err


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_once_it_restored_a_guard_says_that_stands(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from workbench.services import search_index

    assert _db_upgrade(empty_db_url).code == 0
    with get_engine(empty_db_url).begin() as conn:
        drop_append_only_triggers(conn)
    delivered = _stop_in(monkeypatch, search_index, "rebuild_index", how)
    result = _db_upgrade(empty_db_url)
    monkeypatch.undo()
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "nothing" not in result.err and "Traceback" not in result.err, result.err
    assert "interrupted once the triggers " in result.err, result.err
    assert "on events were restored (that stands)" in result.err, result.err
    assert "run `workbench db upgrade` again to finish" in result.err, result.err


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_once_it_created_the_tables_says_that_stands(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from workbench.services import database

    delivered = _stop_in(monkeypatch, database, "restore_guards", how)
    result = _db_upgrade(empty_db_url)
    monkeypatch.undo()
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "nothing" not in result.err and "Traceback" not in result.err, result.err
    assert (
        "interrupted once the database's tables were created (that stands), before the guard "
        "triggers on events and the search index were seen to: run `workbench db upgrade` "
        "again to finish"
    ) in result.err, result.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION
    with get_engine(empty_db_url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 0


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_in_the_index_once_it_created_the_tables_says_guards_were_seen_to(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Stopped while the search index was rebuilt, after the tables were created and the
    guard triggers checked (committed), it said those were still to be "seen to": a person
    reading it would check the triggers by hand. Only the index is left."""
    from workbench.services import search_index

    delivered = _stop_in(monkeypatch, search_index, "rebuild_index", how)
    result = _db_upgrade(empty_db_url)
    monkeypatch.undo()
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "guard triggers" not in result.err, result.err
    assert (
        "interrupted once the database's tables were created (that stands), before the search "
        "index was seen to: run `workbench db upgrade` again to finish"
    ) in result.err, result.err


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_in_the_index_once_it_upgraded_says_guards_were_seen_to(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The same once an older schema was upgraded: the triggers were seen to, committed."""
    from workbench.services import search_index

    upgrade(get_engine(empty_db_url), OLDER)
    delivered = _stop_in(monkeypatch, search_index, "rebuild_index", how)
    result = _db_upgrade(empty_db_url)
    monkeypatch.undo()
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "guard triggers" not in result.err, result.err
    assert (
        f"interrupted once the database schema was upgraded from {OLDER} to {HEAD_REVISION} "
        "(that stands), before the search index was seen to: run `workbench db upgrade` "
        "again to finish"
    ) in result.err, result.err
