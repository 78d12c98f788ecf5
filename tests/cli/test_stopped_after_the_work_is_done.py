"""Ctrl-C or a kill (SIGTERM) landing once a command's work is done but not as a commit of
events: a backup's copy put in place under FILE, `db upgrade`'s migration committed; and one
landing while the workbench asks whether a commit landed. Delivered from inside the code (the
file's placing, the driver's commit, the question), no sleeps, as in
test_stopped_around_the_commit.py.

Done work stands: the command says what was done and exits 0. A commit it could not ask about
is said as not known, with how to see, never as "nothing half-written was committed"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine.default import DefaultDialect

from tests.cli.test_stopped_around_the_commit import STOPS, stopping
from tests.conftest import PG_URL, run_in_process
from tests.inprocess import ok
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import database_revision, upgrade

ARTICLE = "深圳市统计局3月2日发布数据，2025年全市地区生产总值达到3.9万亿元。\n"
OLDER = "0008_similar_meta"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))


@pytest.mark.skipif(bool(PG_URL), reason="a SQLite file's copy (PostgreSQL: pg_dump)")
@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_backup_stopped_once_its_copy_is_in_place_says_it_was_written(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """`workbench backup FILE` stopped once its copy was linked under FILE exited 130 (143)
    saying nothing half-written was committed; the retry a script makes on that then said
    "file exists". The copy is written and whole: said, with the command that checks it,
    exit 0."""
    from workbench.services import backup

    _desk(cli, tmp_path)
    stop = STOPS[how][0]
    place = backup.place_new
    delivered: list[int] = []

    def place_then_stop(tmp: str, target: Path) -> None:
        place(tmp, target)
        delivered.append(1)
        stop()

    monkeypatch.setattr(backup, "place_new", place_then_stop)
    target = tmp_path / "copy.db"
    result = cli("backup", str(target))
    monkeypatch.setattr(backup, "place_new", place)
    assert delivered
    assert result.code == 0, (result.code, result.err)
    assert "nothing half-written" not in result.err and "Traceback" not in result.err
    assert f"warning: the backup was written to {target}" in result.err, result.err
    assert f"workbench --db {target} audit verify" in result.err, result.err
    assert "but the command was stopped before it finished" in result.err, result.err
    assert target.exists()
    checked = run_in_process(["--db", str(target), "audit", "verify"])
    assert checked.code == 0, checked.err


def _stop_as_the_schema_reaches_head(monkeypatch: pytest.MonkeyPatch, how: str) -> list[int]:
    """Deliver the stop `how` just after the driver committed the transaction that brought
    alembic_version to the head (asked on its own connection, before its commit)."""
    stop = STOPS[how][0]
    commit = DefaultDialect.do_commit
    delivered: list[int] = []

    def do_commit(self: Any, dbapi_connection: Any) -> None:
        at_head = False
        if not delivered:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT version_num FROM alembic_version")
                row = cursor.fetchone()
                at_head = row is not None and row[0] == HEAD_REVISION
            except Exception:  # no table: nothing of the upgrade's
                at_head = False
            finally:
                cursor.close()
        commit(self, dbapi_connection)
        if at_head:
            delivered.append(1)
            stop()

    monkeypatch.setattr(DefaultDialect, "do_commit", do_commit)
    return delivered


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_once_the_upgrade_committed_says_it_was_made(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """`workbench db upgrade` stopped right after its migration committed exited 130 (143),
    having printed "upgraded the database schema" or not, and saying nothing half-written
    was committed: the schema is upgraded, which older workbenches now refuse. Said as a
    change that stands; the guard triggers and search index still to see to, the stop keeps
    its code and says to run it again (review177)."""
    upgrade(get_engine(empty_db_url), OLDER)
    code = STOPS[how][1]
    delivered = _stop_as_the_schema_reaches_head(monkeypatch, how)
    result = run_in_process(
        ["--db", empty_db_url, "db", "upgrade"], env={"WORKBENCH_USER": "tester"}
    )
    monkeypatch.setattr(DefaultDialect, "do_commit", DefaultDialect.do_commit)
    assert delivered
    assert result.code == code, (result.code, result.err)
    assert "nothing half-written" not in result.err and "Traceback" not in result.err
    assert (
        f"interrupted once the database schema was upgraded from {OLDER} to {HEAD_REVISION} "
        "(that stands)"
    ) in result.err, result.err
    assert "run `workbench db upgrade` again to finish" in result.err, result.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


def _stopped_in_the_commit(
    cli: Any,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    landed: Callable[[Any, Any], bool | None],
) -> tuple[Any, dict[str, Any]]:
    """`note add` stopped (`how`) inside its commit, the question whether it landed answered
    by `landed`: its result, said as not known with the event to look for, and the trail's
    head after it."""
    from workbench.services import context

    _desk(cli, tmp_path)
    monkeypatch.setattr(context, "_landed", landed)
    with stopping(monkeypatch, db_url, how) as delivered:
        result = cli("note", "add", "1", "checked the bureau's release")
    assert delivered
    head = json.loads(ok(cli("audit", "head", "--json")).out)
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "nothing half-written" not in result.err and "Traceback" not in result.err
    assert "whether the change was made is not known" in result.err, result.err
    assert f"event {head['seq']} has hash {head['head']}" in result.err, result.err
    return result, head


@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_stop_while_asking_whether_the_commit_landed_says_it_is_not_known(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A stop landing inside `note add`'s commit has the workbench ask the database whether
    the commit landed; a second Ctrl-C (or a kill) landing while it asked said
    "interrupted; nothing half-written was committed", and the note stood. Whether it was
    made is not known to the command: said so, with the event to look for, as reason
    commit_unknown says it."""
    stop = STOPS[how][0]

    def asked(wb: Any, tx: Any) -> bool | None:
        stop()
        return None

    result, head = _stopped_in_the_commit(cli, db_url, tmp_path, monkeypatch, how, asked)
    assert f"`workbench audit export --after-seq {head['seq'] - 1}`" in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1, result.err

    with stopping(monkeypatch, db_url, how) as delivered:
        result = cli("note", "add", "1", "a second look", "--json")
    assert delivered
    error = json.loads(result.err)["error"]
    assert (error["kind"], error["reason"]) == ("aborted", "commit_unknown"), error
    assert "whether the change was made is not known" in error["message"], error


@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_stop_in_the_commit_of_a_database_that_cannot_be_asked_says_it_is_not_known(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A stop landing inside `note add`'s commit, and the database then not answering the
    question whether it landed (a server gone): said "interrupted; nothing half-written was
    committed" though the note stood. Not known: said so, with the event to look for."""
    _stopped_in_the_commit(cli, db_url, tmp_path, monkeypatch, how, lambda wb, tx: None)


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_before_its_guards_and_index_says_to_run_it_again(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """`workbench db upgrade` stopped after its migration committed but while it still had
    the guard triggers and the search index to see to exited 0, "the database schema was
    upgraded": a script's `timeout 60 workbench db upgrade || alert` took it as done, and an
    index out of step stayed so (searches missing claims). The upgrade stands and is said;
    the command is not done: the stop's own code, and how to finish (running it again is
    safe: it leaves a current schema as it is)."""
    from workbench.services import search_index

    upgrade(get_engine(empty_db_url), OLDER)
    stop, code = STOPS[how]
    delivered: list[int] = []

    def rebuild_then_stop(wb: Any) -> Any:
        delivered.append(1)
        stop()

    monkeypatch.setattr(search_index, "rebuild_index", rebuild_then_stop)
    result = run_in_process(
        ["--db", empty_db_url, "db", "upgrade"], env={"WORKBENCH_USER": "tester"}
    )
    assert delivered
    assert result.code == code, (result.code, result.err)
    assert "nothing half-written" not in result.err and "Traceback" not in result.err
    assert f"the database schema was upgraded from {OLDER} to {HEAD_REVISION}" in result.err
    assert "run `workbench db upgrade` again to finish" in result.err, result.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_once_it_finished_says_the_upgrade_once(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """`workbench db upgrade` stopped right after it had done all its work (the upgrade, the
    guards, the index) said the upgrade twice on stderr: "upgraded the database schema from
    A to B", the line every command's upgrade gets, and "warning: the database schema was
    upgraded from A to B, but the command was stopped before it finished" (which came first
    depended on the stop: Ctrl-C or a kill). The stop's line says it, once, exit 0."""
    from workbench.services import database

    upgrade(get_engine(empty_db_url), OLDER)
    stop = STOPS[how][0]
    finish = database.upgrade_database
    delivered: list[int] = []

    def finish_then_stop(wb: Any) -> Any:
        done = finish(wb)
        delivered.append(1)
        stop()
        return done

    monkeypatch.setattr(database, "upgrade_database", finish_then_stop)
    result = run_in_process(
        ["--db", empty_db_url, "db", "upgrade"], env={"WORKBENCH_USER": "tester"}
    )
    assert delivered
    assert result.code == 0, (result.code, result.err)
    assert result.err == (
        f"warning: the database schema was upgraded from {OLDER} to {HEAD_REVISION}, "
        "but the command was stopped before it finished\n"
    ), result.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_before_its_index_says_the_upgrade_once(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The same upgrade stopped before it saw to the search index said "upgraded the
    database schema from A to B" and then "interrupted once the database schema was upgraded
    from A to B (that stands), ...": one fact twice. The stop's line says it, once."""
    from workbench.services import search_index

    upgrade(get_engine(empty_db_url), OLDER)
    stop, code = STOPS[how]

    def stop_instead(wb: Any) -> Any:
        stop()

    monkeypatch.setattr(search_index, "rebuild_index", stop_instead)
    result = run_in_process(
        ["--db", empty_db_url, "db", "upgrade"], env={"WORKBENCH_USER": "tester"}
    )
    assert result.code == code, (result.code, result.err)
    (line,) = result.err.splitlines()
    assert line.startswith(
        f"interrupted once the database schema was upgraded from {OLDER} to {HEAD_REVISION}"
    ), result.err
