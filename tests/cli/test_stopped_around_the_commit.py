"""Ctrl-C or a kill (SIGTERM) that lands right after a command's transaction committed, or
right before it does. Deterministic: the stop is delivered from the database driver's commit
itself (the dialect's `do_commit`), on the first commit that adds events to the trail, before
or after the driver commits; no sleep races a signal.

After the commit the change stands: the command says so and exits 0 (docs/errors.md), and a
SQLite file it created stays. Before it, nothing is committed: 130 (143), and a new file is
taken back.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL, run_in_process
from tests.inprocess import ok

ARTICLE = "深圳市统计局3月2日发布数据，2025年全市地区生产总值达到3.9万亿元。\n"


def _events_now(dbapi_connection: Any) -> int:
    """The trail's length as this connection sees it (0 where there is no trail yet). Asks
    whether the table is there first: a failed statement would abort a PostgreSQL
    transaction."""
    import sqlite3

    # (the pool's proxy for it, in `do_commit`)
    dbapi_connection = getattr(dbapi_connection, "driver_connection", dbapi_connection)
    exists = (
        "SELECT count(*) FROM sqlite_master WHERE name = 'events'"
        if isinstance(dbapi_connection, sqlite3.Connection)
        else "SELECT count(*) FROM (SELECT to_regclass('events') AS t) AS r WHERE t IS NOT NULL"
    )
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(exists)
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute("SELECT count(*) FROM events")
        return int(cursor.fetchone()[0])
    finally:
        cursor.close()


def _ctrl_c() -> None:
    raise KeyboardInterrupt


def _kill() -> None:
    # What the process's SIGTERM handler runs when the signal lands here.
    from workbench.cli.errors import _terminated

    _terminated(signal.SIGTERM, None)


STOPS = {"ctrl_c": (_ctrl_c, 130), "sigterm": (_kill, 143)}


def _baseline(url: str | None) -> int:
    """The trail's length before the command (0 where it is to create the database)."""
    if url is None:
        return 0
    from workbench.db.engine import get_engine

    raw = get_engine(url).raw_connection()
    try:
        return _events_now(raw.driver_connection)
    finally:
        raw.close()


@contextmanager
def at_commit(
    monkeypatch: pytest.MonkeyPatch,
    url: str | None,
    deliver: Callable[[Any, Any], None],
    *,
    after: bool = True,
) -> Iterator[list[int]]:
    """Call `deliver(dialect, dbapi_connection)` once, from the driver's commit of the first
    transaction that adds events to the trail of `url`: just `after` the driver committed it,
    or just before. Yields a list that holds one item once it was delivered."""
    from sqlalchemy.engine.default import DefaultDialect

    commit = DefaultDialect.do_commit
    baseline = _baseline(url)
    delivered: list[int] = []

    def do_commit(self: Any, dbapi_connection: Any) -> None:
        # (asked on the transaction's own connection, before its commit: it sees its rows)
        writes_events = not delivered and _events_now(dbapi_connection) > baseline
        if writes_events and not after:
            delivered.append(1)
            deliver(self, dbapi_connection)
        commit(self, dbapi_connection)
        if writes_events and after:
            delivered.append(1)
            deliver(self, dbapi_connection)

    monkeypatch.setattr(DefaultDialect, "do_commit", do_commit)
    try:
        yield delivered
    finally:
        monkeypatch.setattr(DefaultDialect, "do_commit", commit)


def stopping(
    monkeypatch: pytest.MonkeyPatch, url: str | None, how: str, *, after: bool = True
) -> AbstractContextManager[list[int]]:
    """Deliver the stop `how` once, from the driver's commit (`at_commit`)."""
    stop = STOPS[how][0]
    return at_commit(monkeypatch, url, lambda _dialect, _conn: stop(), after=after)


def _stood(result: Any, delivered: list[int], first: str) -> None:
    assert delivered, "the stop was never delivered"
    assert result.code == 0, (result.code, result.err)
    assert "nothing half-written" not in result.err, result.err
    assert "warning: the change" in result.err and first in result.err, result.err
    assert "but the command was stopped before it finished" in result.err, result.err
    assert "Traceback" not in result.err, result.err


def _document(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))


@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_note_stopped_right_after_its_commit_stands_and_says_so(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Ctrl-C (or a kill) landing as `note add`'s transaction committed, before the command
    heard of it, said "interrupted; nothing half-written was committed" (exit 130, or 143)
    with the note committed: a script retrying on 130 added it twice."""
    _document(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))
    with stopping(monkeypatch, db_url, how) as delivered:
        result = cli("note", "add", "1", "checked the bureau's release")
    _stood(result, delivered, "note.added: note #1")
    notes = json.loads(ok(cli("note", "list", "1", "--json")).out)
    assert len(notes) == 1, notes


@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_note_stopped_right_before_its_commit_is_rolled_back(
    cli: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """(Holds) a stop before the commit: 130 (143), nothing committed."""
    _document(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))
    with stopping(monkeypatch, db_url, how, after=False) as delivered:
        result = cli("note", "add", "1", "checked the bureau's release")
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "warning" not in result.err and "Traceback" not in result.err, result.err
    assert json.loads(ok(cli("note", "list", "1", "--json")).out) == []


COMMANDS: dict[str, tuple[list[str], str]] = {
    "doc add": (["doc", "add", "{article}"], "document.added: document #2"),
    "config set": (["config", "set", "review.required", "true"], "setting"),
    "user add": (["user", "add", "alice"], "user"),
    "claim add": (["claim", "add", "1", "--text", "GDP", "--quote", "达到3.9万亿元"], "claim #1"),
}


@pytest.mark.parametrize("how", sorted(STOPS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_commands_stopped_right_after_their_commit_stand_and_say_so(
    cli: Any,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    how: str,
) -> None:
    """Every command's commit is told to the front end as it lands: `doc add`, `config set`,
    `user add`, `claim add` stopped right after theirs said nothing was committed."""
    _document(cli, tmp_path)
    args, first = COMMANDS[command]
    article = tmp_path / "b.txt"
    article.write_text("另一篇文章。\n", encoding="utf-8")
    args = [a.replace("{article}", str(article)) for a in args]
    with stopping(monkeypatch, db_url, how) as delivered:
        result = cli(*args)
    _stood(result, delivered, first)


def _bundle(cli: Any, tmp_path: Path) -> Path:
    _document(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))
    bundle = tmp_path / "desk.bundle"
    ok(cli("export", "bundle", str(bundle)))
    return bundle


@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_bundle_restore_stopped_right_after_its_commit_stands_and_says_so(
    cli: Any,
    tmp_path: Path,
    empty_db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """`import bundle` stopped right after its commit exited 130 (143) saying nothing
    half-written was committed, though the bundle was restored: its commit was never told
    to the front end (its events are the bundle's, written without `record`)."""
    bundle = _bundle(cli, tmp_path)
    env = {"WORKBENCH_DB": empty_db_url, "WORKBENCH_USER": "tester"}
    with stopping(monkeypatch, None, how) as delivered:
        result = run_in_process(["import", "bundle", str(bundle)], env=env)
    _stood(result, delivered, "the changes were made")
    shown = run_in_process(["claim", "list", "--json"], env=env)
    assert shown.code == 0, shown.err
    assert len(json.loads(shown.out)) == 1, shown.out


@pytest.mark.skipif(bool(PG_URL), reason="a new SQLite file")
@pytest.mark.parametrize("how", sorted(STOPS))
@pytest.mark.parametrize("command", ["import bundle", "doc add"])
def test_a_new_file_stopped_right_after_its_first_commit_is_kept(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, how: str
) -> None:
    """A write that created its SQLite file, stopped right after its commit: the file was taken
    back as a refused write's is, found holding rows and kept "because another process wrote to
    it meanwhile" (no other process did), and the command exited 130 saying nothing
    half-written was committed, with the bundle restored."""
    bundle = _bundle(cli, tmp_path)
    new = tmp_path / "new" / "desk.db"
    new.parent.mkdir()
    article = tmp_path / "b.txt"
    article.write_text("另一篇文章。\n", encoding="utf-8")
    args = (
        ["import", "bundle", str(bundle)]
        if command == "import bundle"
        else ["doc", "add", str(article)]
    )
    env = {"WORKBENCH_DB": str(new), "WORKBENCH_USER": "tester"}
    with stopping(monkeypatch, None, how) as delivered:
        result = run_in_process(args, env=env)
    _stood(result, delivered, "the change")
    assert "meanwhile" not in result.err, result.err
    assert new.exists() and new.stat().st_size > 0
    shown = run_in_process(["doc", "list", "--json"], env=env)
    assert shown.code == 0, shown.err


@pytest.mark.skipif(bool(PG_URL), reason="a new SQLite file")
@pytest.mark.parametrize("how", sorted(STOPS))
def test_a_new_file_stopped_right_before_its_first_commit_is_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """(Holds) stopped before its first commit, a write that created its file takes it back."""
    new = tmp_path / "desk.db"
    article = tmp_path / "b.txt"
    article.write_text("另一篇文章。\n", encoding="utf-8")
    env = {"WORKBENCH_DB": str(new), "WORKBENCH_USER": "tester"}
    with stopping(monkeypatch, None, how, after=False) as delivered:
        result = run_in_process(["doc", "add", str(article)], env=env)
    assert delivered
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert not new.exists(), result.err
    assert "Traceback" not in result.err, result.err


# The first database connection the command closes is closed, and Ctrl-C lands as it is.
CTRL_C_AS_A_CONNECTION_CLOSES = """
from sqlalchemy.engine.default import DefaultDialect
close = DefaultDialect.do_close
closed = []
def do_close(self, dbapi_connection):
    close(self, dbapi_connection)
    if not closed:
        closed.append(1)
        raise KeyboardInterrupt
DefaultDialect.do_close = do_close
from workbench.cli import main
main()
"""


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's connections close as each is given back")
def test_ctrl_c_while_a_connection_closes_prints_no_traceback(
    cli: Any, db_url: str, tmp_path: Path
) -> None:
    """Ctrl-C landing while a command closed its database connection printed SQLAlchemy's
    "Exception closing connection <sqlite3.Connection ...>" and a traceback above the one
    line promised (the pool logs it, and Python prints a log record nobody handles). Needs
    the real process: pytest handles every log record itself."""
    import os
    import subprocess
    import sys

    import workbench

    _document(cli, tmp_path)
    clone = str(Path(workbench.__file__).resolve().parent.parent)
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": clone}
    args = ["claim", "add", "1", "--text", "GDP", "--quote", "达到3.9万亿元"]
    r = subprocess.run(
        [sys.executable, "-c", CTRL_C_AS_A_CONNECTION_CLOSES, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert r.returncode in (0, 130), (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "Exception closing" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


# The command runs to its end; then a kill and a Ctrl-C land as the process exits (as
# `timeout` or a second Ctrl-C can, while the interpreter shuts down: some 100 ms after a
# command on this machine). Sent from the process itself: no sleep races them.
STOPPED_AS_THE_PROCESS_EXITS = """
import os, signal
from workbench.cli import main
try:
    main()
finally:
    os.kill(os.getpid(), signal.SIGTERM)
    os.kill(os.getpid(), signal.SIGINT)
"""


@pytest.mark.skipif(bool(PG_URL), reason="the process's exit, not the database")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["note", "add", "1", "checked the bureau's release"], 0),
        (["note", "add", "99", "no such claim"], 1),
    ],
    ids=["done", "refused"],
)
def test_a_stop_landing_as_the_process_exits_leaves_the_commands_outcome(
    cli: Any, db_url: str, tmp_path: Path, args: list[str], code: int
) -> None:
    """A kill or Ctrl-C landing once the command had finished, as the process exited, changed
    what it had said: a note added and confirmed was then 'stopped before it finished'
    (or, once the interpreter had put the default handlers back, killed: exit 143 or 130,
    which says nothing was committed, and a script added the note again); a refusal's exit 1
    became 143. The command's outcome is decided: the process exits with it."""
    import os
    import subprocess
    import sys

    import workbench

    _document(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))
    clone = str(Path(workbench.__file__).resolve().parent.parent)
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": clone}
    r = subprocess.run(
        [sys.executable, "-c", STOPPED_AS_THE_PROCESS_EXITS, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "stopped" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    if code == 0:
        assert r.stdout.startswith("added note #1"), r.stdout
    else:
        assert r.stderr.startswith("error: no claim #99"), r.stderr
