"""The driver's error as a command's transaction commits: a PostgreSQL connection lost (a
server restarted, a network cut) or a SQLite file's I/O failing. The change may have been made
all the same: the commit is the database's, and the error may come after it took it.

It was said as refused, exit 1, whatever had happened: a script retrying on 1 added the note a
second time. Now the trail is asked on a connection of its own: a change it holds stands (exit
0, as any), one it lacks is refused as before, and when the database cannot be asked the
message says that nobody knows, and how to see (reason `commit_unknown`). Deterministic: the
error is raised from the driver's commit itself (the dialect's `do_commit`) on the first commit
that adds events to the trail, after or before the driver committed.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_stopped_around_the_commit import _document, _events_now, at_commit
from tests.conftest import PG_URL
from tests.inprocess import ok

LOST = "server closed the connection unexpectedly"


def lost_at_commit(
    monkeypatch: pytest.MonkeyPatch, url: str | None, *, after: bool
) -> AbstractContextManager[list[int]]:
    """The driver's OperationalError from the commit of the first transaction that adds events
    to the trail of `url`: just `after` the driver committed it, or instead of committing it
    (then rolled back, as a connection lost before the server took the COMMIT)."""

    def lose(dialect: Any, dbapi_connection: Any) -> None:
        if not after:
            dbapi_connection.rollback()
        raise dialect.loaded_dbapi.OperationalError(LOST)

    return at_commit(monkeypatch, url, lose, after=after)


def _note_added(cli: Any, tmp_path: Path) -> None:
    _document(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))


def _note_lost_unasked(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, after: bool
) -> Any:
    """`note add 1 ... --json` whose connection is lost at COMMIT (`after` the driver
    committed, or instead), on a database that then cannot be asked (the server gone)."""
    from sqlalchemy import create_engine

    import workbench.db.engine

    unreachable = create_engine(f"sqlite:///{tmp_path / 'gone' / 'x.db'}")
    get_engine = workbench.db.engine.get_engine
    with lost_at_commit(monkeypatch, db_url, after=after) as delivered:
        # Only what is asked once the error came meets a database that cannot be reached.
        monkeypatch.setattr(
            workbench.db.engine,
            "get_engine",
            lambda *a, **k: unreachable if delivered else get_engine(*a, **k),
        )
        result = cli("note", "add", "1", "checked the bureau's release", "--json")
        monkeypatch.setattr(workbench.db.engine, "get_engine", get_engine)
    assert delivered, "the error was never raised"
    return result


def _notes(cli: Any) -> list[Any]:
    return list(json.loads(ok(cli("note", "list", "1", "--json")).out))


def test_a_change_the_database_took_before_the_connection_was_lost_stands(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`note add` whose COMMIT the server took, the connection lost before its answer came:
    it said `error: database error: server closed the connection…` (exit 1) over a note that
    was there, and a retry added it twice."""
    _note_added(cli, tmp_path)
    with lost_at_commit(monkeypatch, db_url, after=True) as delivered:
        result = cli("note", "add", "1", "checked the bureau's release")
    assert delivered, "the error was never raised"
    assert result.code == 0, (result.code, result.err)
    assert "note #1" in result.out + result.err, (result.out, result.err)
    assert len(_notes(cli)) == 1


def test_a_change_the_database_never_took_is_refused_and_not_there(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection lost before the server took the COMMIT: refused as before (exit 1,
    the driver's words), and nothing written."""
    _note_added(cli, tmp_path)
    with lost_at_commit(monkeypatch, db_url, after=False) as delivered:
        result = cli("note", "add", "1", "checked the bureau's release")
    assert delivered, "the error was never raised"
    assert result.code == 1, (result.code, result.err)
    assert LOST in result.err and "commit_unknown" not in result.err, result.err
    assert _notes(cli) == []


@pytest.mark.parametrize("after", [True, False], ids=["took", "never_took"])
def test_a_database_that_cannot_be_asked_says_nobody_knows_and_how_to_see(
    cli: Any,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    after: bool,
) -> None:
    """The server gone for good (it cannot be asked either): a plain refusal had a script
    retry a change that may stand. The refusal names the case (reason `commit_unknown`) and
    the event (seq and hash) the trail holds if it stood."""
    _note_added(cli, tmp_path)
    seq = json.loads(ok(cli("audit", "head", "--json")).out)["seq"]
    result = _note_lost_unasked(cli, db_url, tmp_path, monkeypatch, after=after)
    assert result.code == 1, (result.code, result.err)
    error = json.loads(result.err)["error"]
    assert error["kind"] == "storage" and error["reason"] == "commit_unknown", error
    assert LOST in error["message"], error
    assert f"the trail's event {seq + 1} has hash " in error["message"], error
    assert f"`workbench audit export --after-seq {seq}`" in error["message"], error
    assert len(_notes(cli)) == (1 if after else 0)


@pytest.mark.parametrize("after", [True, False], ids=["took", "never_took"])
def test_a_first_write_that_sets_the_desk_up_is_not_said_unknown_when_it_can_be_asked(
    tmp_path: Path, empty_db_url: str, monkeypatch: pytest.MonkeyPatch, after: bool
) -> None:
    """The first write into an empty PostgreSQL schema (or an empty SQLite file that was there)
    sets the desk up in its own transaction: lost before the server took the COMMIT, the trail
    it asks about is not there at all, and the answer is plain (nothing was set up, nothing
    written). It was said as `commit_unknown` ("the database could not be asked ... see whether
    `workbench audit head` shows seq 1"), where `audit head` finds no desk; taken, it stands."""
    from tests.conftest import PG_URL, run_in_process

    if not PG_URL:
        Path(empty_db_url.removeprefix("sqlite:///")).touch()
    article = tmp_path / "b.txt"
    article.write_text("另一篇文章。\n", encoding="utf-8")
    env = {"WORKBENCH_DB": empty_db_url, "WORKBENCH_USER": "tester"}
    with lost_at_commit(monkeypatch, empty_db_url, after=after) as delivered:
        result = run_in_process(["doc", "add", str(article), "--json"], env=env)
    assert delivered, "the error was never raised"
    shown = run_in_process(["doc", "list", "--json"], env=env)
    if after:
        assert result.code == 0, (result.code, result.err)
        assert shown.code == 0 and len(json.loads(shown.out)) == 1, shown.err
        return
    assert result.code == 1, (result.code, result.err)
    assert LOST in result.err and "commit_unknown" not in result.err, result.err
    assert shown.code == 1 and json.loads(shown.err)["error"]["reason"] == "no_desk", shown.err


@pytest.mark.skipif(not PG_URL, reason="a server that is still committing as the client hears")
def test_a_commit_the_server_is_still_making_is_waited_for_not_said_refused(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection lost while the server was still making the COMMIT it had received (a
    synchronous standby's acknowledgement awaited, a slow disk's flush): the trail, asked at
    once on a new connection, did not show the event yet, and the command was refused (exit 1,
    "nothing written") over a change that then stood; a script retrying on 1 made it twice.
    The transaction still holds the desk's append lock until it ends: asked under that lock,
    the answer waits for the commit and is the database's own. (Simulated: the command's
    events, rolled back on its connection, are committed 1.5 s later by another transaction
    holding the append lock, as the server finishing the COMMIT would.)"""
    import threading
    import time

    from sqlalchemy.engine.default import DefaultDialect

    from workbench.db.engine import get_engine
    from workbench.db.pg_locks import DESK_LOCK_CLASS

    _note_added(cli, tmp_path)
    seq = json.loads(ok(cli("audit", "head", "--json")).out)["seq"]
    commit = DefaultDialect.do_commit
    finishing: list[threading.Thread] = []

    def do_commit(self: Any, dbapi_connection: Any) -> None:
        if finishing or _events_now(dbapi_connection) <= seq:
            commit(self, dbapi_connection)
            return
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT * FROM events WHERE seq > %s ORDER BY seq", (seq,))
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        cursor.close()
        dbapi_connection.rollback()
        other = get_engine(db_url).raw_connection()
        with other.cursor() as cur:
            cur.execute(
                "SELECT pg_advisory_xact_lock(%s, 'events'::regclass::oid::int)",
                (DESK_LOCK_CLASS,),
            )
            # (the columns are the events table's own, read from it above)
            insert = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: E501, S608
            cur.executemany(insert, rows)

        def finish() -> None:
            time.sleep(1.5)
            other.commit()
            other.close()

        finishing.append(threading.Thread(target=finish))
        finishing[0].start()
        raise self.loaded_dbapi.OperationalError(LOST)

    monkeypatch.setattr(DefaultDialect, "do_commit", do_commit)
    try:
        result = cli("note", "add", "1", "checked the bureau's release")
    finally:
        monkeypatch.setattr(DefaultDialect, "do_commit", commit)
        for thread in finishing:
            thread.join()
    assert finishing, "the error was never raised"
    head = json.loads(ok(cli("audit", "head", "--json")).out)["seq"]
    assert head == seq + 1
    assert result.code == 0, (result.code, result.err)


@pytest.mark.parametrize("after", [True, False], ids=["took", "never_took"])
def test_the_way_to_see_whether_an_unknown_commit_stood_holds_on_a_desk_others_write_to(
    cli: Any,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    after: bool,
) -> None:
    """commit_unknown said the change stood "if `workbench audit head` shows seq N or later":
    on a shared desk another writer's next event takes seq N when this change never landed,
    and the head then showed N over a change that was not there: the editor, as told, did not
    make it again, and it was lost. The refusal names the event this change would be (its seq
    and hash), and the command that shows what the trail holds at that seq."""
    import re

    _note_added(cli, tmp_path)
    result = _note_lost_unasked(cli, db_url, tmp_path, monkeypatch, after=after)
    error = json.loads(result.err)["error"]
    assert error["reason"] == "commit_unknown", error
    ok(cli("note", "add", "1", "a colleague's note, written meanwhile"))
    named = re.search(
        r"the trail's event (\d+) has hash ([0-9a-f]{64}): "
        r"`workbench audit export --after-seq (\d+)` shows that event first",
        error["message"],
    )
    assert named, error["message"]
    seq, hash_, after_seq = int(named[1]), named[2], int(named[3])
    assert after_seq == seq - 1
    # (the first line is the export's header, the events follow)
    lines = ok(cli("audit", "export", "--after-seq", str(after_seq))).out.splitlines()
    first = json.loads(lines[1])
    assert first["seq"] == seq
    assert (first["hash"] == hash_) is after, (first, hash_)
