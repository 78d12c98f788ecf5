"""review215: `kill` (SIGTERM) of a `--json` write waiting for another writer's lock.

A script's `note add --json`, waiting behind a colleague's write, was stopped by its own
`timeout`: it exited 143 with nothing on stderr, where Ctrl-C in the same place gives the
error object (kind `aborted`) that docs/json.md promises a script reading stderr, and a stop
the workbench could not settle (`commit_unknown`, an unfinished `db upgrade`) gives one at 143
too. Now a kill under `--json` gives the same object, exit 143; without `--json` a kill stays
quiet (docs/errors.md).

No timings are asserted: the signal is sent once the command is seen waiting (PostgreSQL: its
session's advisory lock not granted in pg_locks; SQLite: its BEGIN IMMEDIATE answered busy).
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.inprocess import run_cli
from tests.integration.test_writer_lock_wait_notice import held_by_another_program, one_claim
from workbench.db.engine import get_engine

# Long enough that the wait is still on when the signal lands (it is sent as soon as the
# command is seen waiting).
LONG_WAIT_MS = 20_000


def is_postgres(url: str) -> bool:
    return url.startswith("postgres")


@contextmanager
def killed_once_waiting(url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """SIGTERM to this process (the in-process CLI's) once its write waits for the lock."""
    if not is_postgres(url):
        import workbench.db.sqlite as sqlite_backend

        busy = sqlite_backend.is_busy

        def busy_then_killed(exc: BaseException | None) -> bool:
            found = busy(exc)
            if found:
                os.kill(os.getpid(), signal.SIGTERM)
            return found

        monkeypatch.setattr(sqlite_backend, "is_busy", busy_then_killed)
        yield
        return
    from sqlalchemy import create_engine

    from tests.pg_waiters import append_lock_waiters

    main = threading.main_thread().ident
    assert main is not None
    stop = threading.Event()

    def watch() -> None:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                while not stop.is_set():
                    # This desk's append lock only (its class, its events table's oid in the
                    # URL's schema): another test's wait in the same database (xdist's
                    # workers share it) sent the kill before this command waited, or before
                    # it ran at all.
                    waiting = append_lock_waiters(conn)
                    conn.rollback()
                    if waiting:
                        signal.pthread_kill(main, signal.SIGTERM)
                        return
                    stop.wait(0.05)
        finally:
            engine.dispose()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join(30)


@pytest.fixture
def long_waits(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", LONG_WAIT_MS)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)
    get_engine(db_url).dispose()


@pytest.mark.usefixtures("long_waits")
def test_a_json_write_killed_while_waiting_leaves_the_error_object(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`note add --json` killed behind another writer: exit 143 and an empty stderr; now the
    error object, kind `aborted`, as Ctrl-C gives (130), and nothing written."""
    claim = one_claim(db_url)
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"}
    with held_by_another_program(db_url), killed_once_waiting(db_url, monkeypatch):
        outcome = run_cli(["note", "add", str(claim), "等锁", "--json"], env=env)
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 128 + signal.SIGTERM, (outcome.code, outcome.out, outcome.err)
    assert outcome.out == "", outcome.out
    error: dict[str, Any] = json.loads(outcome.err)["error"]
    assert error["kind"] == "aborted", error
    assert error["message"] == "interrupted; nothing half-written was committed", error
    monkeypatch.undo()
    notes = json.loads(run_cli(["note", "list", str(claim), "--json"], env=env).out)
    assert notes == [], notes


@pytest.mark.usefixtures("long_waits")
def test_a_write_killed_while_waiting_without_json_stays_quiet(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Unchanged) without --json a kill says nothing after the wait's notice: 143."""
    claim = one_claim(db_url)
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"}
    with held_by_another_program(db_url), killed_once_waiting(db_url, monkeypatch):
        outcome = run_cli(["note", "add", str(claim), "等锁"], env=env)
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 128 + signal.SIGTERM, (outcome.code, outcome.out, outcome.err)
    assert [line for line in outcome.err.splitlines() if not line.startswith("waiting")] == []


class _FullDisk(io.TextIOBase):
    """stderr on a full disk (`2>/dev/full`, a log on a full volume): every write refused."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.usefixtures("long_waits")
def test_a_json_write_killed_with_stderr_unwritable_still_exits_143(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`note add --json 2>/dev/full` killed behind another writer exited 1, the code of a
    refusal, where it exited 143 before its kill said the error object: the object that cannot
    be written is lost, the kill's 143 stands (review227)."""
    from click.testing import CliRunner

    from workbench.cli import main

    claim = one_claim(db_url)
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"}
    code: object = None
    with (
        held_by_another_program(db_url),
        killed_once_waiting(db_url, monkeypatch),
        CliRunner().isolation(env=env),
    ):
        sys.stderr = _FullDisk()
        try:
            main(["note", "add", str(claim), "等锁", "--json"])
        except SystemExit as exc:
            code = exc.code
    assert code == 128 + signal.SIGTERM, code
    monkeypatch.undo()
    notes = json.loads(run_cli(["note", "list", str(claim), "--json"], env=env).out)
    assert notes == [], notes
