"""A refused write takes back the SQLite file it set up (services.new_database, trial88): here,
what it must never take back, with another process really on the file (review89).

The take-back removed the file (and its -wal and -shm) when a count of each table, made
without any lock, found no rows. Another process that had the new file open lost its work
without a word: a writer whose first rows were not yet committed (invisible to the count), or a
connection opened before the removal, committed into the removed file and said it had. Now the
take-back removes nothing while any other connection has the file open or holds its lock, and
counts under the write lock; a file it cannot judge (replaced meanwhile, not a database) is
kept, and the refusal is still the one the user gets."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import workbench.services.new_database as new_database
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench
from workbench.services.notes import add_note

# The other process: opens the desk as every workbench connection does (WAL), then writes a
# first row when told, and says whether its commit went through.
OTHER = r"""
import os, sqlite3, sys, time
db, mode, signals = sys.argv[1:4]

def wait(name):
    deadline = time.monotonic() + 60
    while not os.path.exists(os.path.join(signals, name)):
        if time.monotonic() > deadline:
            sys.exit(3)
        time.sleep(0.01)

def mark(name):
    open(os.path.join(signals, name), "w").close()

ROW = "INSERT INTO settings VALUES ('other.key', 'v', 'other', '2024-01-01 00:00:00')"
wait("created")
c = sqlite3.connect(db, isolation_level=None, timeout=60)
c.execute("PRAGMA journal_mode = WAL")
if mode == "mid-write":
    c.execute("BEGIN IMMEDIATE")
    c.execute(ROW)
    mark("ready")
    time.sleep(1.5)
    c.execute("COMMIT")
else:  # "open": a connection made, idle, writes after the take-back
    c.execute("SELECT count(*) FROM settings").fetchall()
    mark("ready")
    wait("taken")
    c.execute("BEGIN IMMEDIATE")
    c.execute(ROW)
    c.execute("COMMIT")
print("committed")
"""


def _wait(path: Path) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert time.monotonic() < deadline, f"the other process never wrote {path.name}"
        time.sleep(0.01)


def _rows_at(db: Path) -> int:
    """The other process's rows in the file now at the path (0: none, or no file)."""
    if not db.exists() or db.stat().st_size == 0:
        return 0
    with sqlite3.connect(db) as c:
        return int(c.execute("SELECT count(*) FROM settings").fetchone()[0])


def _refused_while_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    db = tmp_path / "desk.db"
    signals = tmp_path / "signals"
    signals.mkdir()
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER, str(db), mode, str(signals)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    real: Callable[[new_database.SetUp], None] = new_database.take_back

    def take_back_with_other_on_it(wb: new_database.SetUp) -> None:
        (signals / "created").touch()
        _wait(signals / "ready")
        real(wb)
        (signals / "taken").touch()

    monkeypatch.setattr(new_database, "take_back", take_back_with_other_on_it)
    wb = Workbench.open(str(db), "editor")
    with pytest.raises(NotFound):
        add_note(wb, 7, "循环笔记")
    out, err = other.communicate(timeout=90)
    return db, subprocess.CompletedProcess(other.args, other.returncode, out, err)


@pytest.mark.slow
def test_a_take_back_keeps_a_file_another_process_is_writing_its_first_rows_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the other writer's rows, not yet committed, were not counted; the file, its -wal
    and -shm were removed, and the writer then committed into the removed file and said so.
    Now the file is kept, and holds the other process's row."""
    db, other = _refused_while_other(tmp_path, monkeypatch, "mid-write")
    assert other.returncode == 0 and other.stdout == "committed\n", other.stderr
    assert _rows_at(db) == 1


@pytest.mark.slow
def test_a_take_back_keeps_a_file_another_process_has_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a connection opened on the new file before the take-back (a colleague's command
    between its connect and its write, a reader) kept writing into the removed file: its
    commit went through, to nowhere. Now the file is kept while another connection has it."""
    db, other = _refused_while_other(tmp_path, monkeypatch, "open")
    assert other.returncode == 0 and other.stdout == "committed\n", other.stderr
    assert _rows_at(db) == 1


def test_a_take_back_keeps_a_file_put_in_the_new_ones_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a file moved into the path after the write set up its own (a restore with `mv`,
    here one that is no database) was read as if it were that one: SQLAlchemy's 'file is not a
    database' escaped in place of the refusal. Now the refusal stands and the file is kept
    as it is."""
    db = tmp_path / "desk.db"
    real = new_database.take_back
    theirs = tmp_path / "theirs.txt"
    theirs.write_bytes(b"not a database, someone's file\n")

    def replaced_first(wb: new_database.SetUp) -> None:
        os.replace(theirs, db)
        real(wb)

    monkeypatch.setattr(new_database, "take_back", replaced_first)
    wb = Workbench.open(str(db), "editor")
    with pytest.raises(NotFound):
        add_note(wb, 7, "循环笔记")
    assert db.read_bytes() == b"not a database, someone's file\n"


def test_the_cli_says_why_it_kept_the_file_it_set_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file kept is said in one line, and the refusal is still the error."""
    from tests.inprocess import run_cli

    db = tmp_path / "desk.db"
    real = new_database.take_back
    readers: list[sqlite3.Connection] = []

    def with_a_reader(wb: new_database.SetUp) -> None:
        reader = sqlite3.connect(db)
        reader.execute("SELECT count(*) FROM events").fetchall()
        readers.append(reader)
        real(wb)

    monkeypatch.setattr(new_database, "take_back", with_a_reader)
    monkeypatch.chdir(tmp_path)
    r = run_cli(["--db", str(db), "--as", "editor", "note", "add", "7", "循环笔记"])
    readers[0].close()
    assert r.code == 1, r.err
    assert r.err.splitlines() == [
        "created a new workbench database at ./desk.db, kept: another process has it open",
        "error: no claim #7; `workbench claim list` shows them",
    ], r.err
    assert db.exists()


def test_a_take_back_through_a_link_removes_the_file_not_the_link(tmp_path: Path) -> None:
    """A sqlite:/// URL naming a link to a file not there yet: SQLite creates the file the
    link points to. Was: the take-back removed the link and left that file, set up, behind.
    Now the file is removed and the link left as it was found."""
    target = tmp_path / "real.db"
    link = tmp_path / "desk.db"
    link.symlink_to(target)
    wb = Workbench(url=f"sqlite:///{link}", actor="editor")
    with pytest.raises(NotFound):
        add_note(wb, 7, "循环笔记")
    assert link.is_symlink() and not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]


# The other process of the window test: waits for the take-back to have left WAL mode, then
# opens the file as every workbench connection does (WAL again) and holds it open; writes its
# first row once the take-back is over, and says whether its commit went through.
IN_THE_WINDOW = r"""
import os, sqlite3, sys, time
db, signals = sys.argv[1:3]

def wait(name):
    deadline = time.monotonic() + 60
    while not os.path.exists(os.path.join(signals, name)):
        if time.monotonic() > deadline:
            sys.exit(3)
        time.sleep(0.01)

wait("left-wal")
c = sqlite3.connect(db, isolation_level=None, timeout=60)
c.execute("PRAGMA journal_mode = WAL")
c.execute("SELECT count(*) FROM settings").fetchall()
open(os.path.join(signals, "ready"), "w").close()
wait("taken")
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO settings VALUES ('other.key', 'v', 'other', '2024-01-01 00:00:00')")
c.execute("COMMIT")
print("committed")
"""


class _PausedBeforeTheLock(sqlite3.Connection):
    """The take-back's own connection, made to let the other process in between its leaving
    WAL mode and its taking the exclusive lock (where a real one may come in too)."""

    signals: Path

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "BEGIN EXCLUSIVE":
            (self.signals / "left-wal").touch()
            _wait(self.signals / "ready")
        return super().execute(sql, *args)


@pytest.mark.slow
def test_a_take_back_keeps_a_file_opened_between_leaving_wal_and_taking_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a connection opened on the new file after the take-back had switched it out of WAL
    mode and before it took the exclusive lock set WAL mode again; BEGIN EXCLUSIVE in WAL mode
    keeps nobody out, the count found no rows, and the file was emptied and removed, its -wal
    and -shm too, while that connection had them open: its first write failed with 'database
    disk image is malformed', and the file was gone.
    Now the take-back checks, under the lock, that the file is still out of WAL mode (nobody
    else on it), and keeps the file otherwise."""
    db = tmp_path / "desk.db"
    signals = tmp_path / "signals"
    signals.mkdir()
    other = subprocess.Popen(
        [sys.executable, "-c", IN_THE_WINDOW, str(db), str(signals)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    real_connect = sqlite3.connect
    real: Callable[[new_database.SetUp], None] = new_database.take_back
    _PausedBeforeTheLock.signals = signals

    def paused_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real_connect(*args, **kwargs, factory=_PausedBeforeTheLock)

    def take_back_paused(wb: new_database.SetUp) -> None:
        with monkeypatch.context() as patched:
            patched.setattr(sqlite3, "connect", paused_connect)
            real(wb)
        (signals / "taken").touch()

    monkeypatch.setattr(new_database, "take_back", take_back_paused)
    wb = Workbench.open(str(db), "editor")
    with pytest.raises(NotFound):
        add_note(wb, 7, "循环笔记")
    out, err = other.communicate(timeout=90)
    assert other.returncode == 0 and out == "committed\n", err
    assert wb.kept_because == "another process has it open"
    assert _rows_at(db) == 1


def test_a_write_that_found_the_desk_set_up_meanwhile_does_not_take_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two commands started at once on a new desk file (a script adding articles in parallel):
    both found no file, one set the desk up while the other waited for the lock. The one that
    waited counted itself the file's creator ("created a new workbench database at ..."), and
    when its own change was refused (no claim #1) it took back the desk the other had just
    set up: the other's change then failed with 'database error: no such table: users'. A
    write that found the desk set up by another process made nothing to take back."""
    import workbench.db.revision as revision
    from workbench.services.documents import add_document

    db = tmp_path / "desk.db"
    first = Workbench.open(str(db), "editor")
    second = Workbench.open(str(db), "editor")
    real = revision.ensure_current
    raced: list[int] = []

    def set_up_meanwhile(*args: Any, **kwargs: Any) -> str | None:
        # The second command found no file; the first sets the desk up before it goes on.
        if not raced:
            raced.append(1)
            first.engine(write=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(revision, "ensure_current", set_up_meanwhile)
    second.engine(write=True)
    monkeypatch.setattr(revision, "ensure_current", real)
    assert first.created
    assert not second.created, "the second command did not create the desk"
    with pytest.raises(NotFound):
        add_note(second, 1, "循环笔记")
    assert db.exists()
    added = add_document(first, "深圳市统计局发布数据。\n")
    assert added.created and added.document.id == 1


def _stopped_while_waiting(
    monkeypatch: pytest.MonkeyPatch, first: Workbench, stop: BaseException
) -> None:
    """`second`'s ensure_current (the point where a command waits for the lock of another
    setting the same new file up) ends in `stop` once `first` has set the desk up."""
    import workbench.db.revision as revision

    real = revision.ensure_current

    def set_up_meanwhile(*args: Any, **kwargs: Any) -> str | None:
        monkeypatch.setattr(revision, "ensure_current", real)
        first.engine(write=True)  # the other command's set-up, committed while we waited
        raise stop

    monkeypatch.setattr(revision, "ensure_current", set_up_meanwhile)


def test_a_ctrl_c_while_waiting_for_another_commands_set_up_keeps_its_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two commands started at once on a new desk file; Ctrl-C on the one waiting while the
    other set the desk up. The stopped one took the file back as if it had set it up: it said
    "created a new workbench database at ..., kept: another process has it open" of a file it
    never made, and once the other's set-up had committed (before its write connected) it
    removed the other's new desk, whose change then failed. A command stopped while it waited
    made nothing, and takes nothing back."""
    from workbench.services.documents import add_document

    db = tmp_path / "desk.db"
    first = Workbench.open(str(db), "editor")
    second = Workbench.open(str(db), "editor")
    _stopped_while_waiting(monkeypatch, first, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        second.engine(write=True)
    assert not second.created and second.kept_because is None
    assert db.exists() and db.stat().st_size > 0, "the other command's desk was taken back"
    added = add_document(first, "深圳市统计局发布数据。\n")
    assert added.created and added.document.id == 1


def test_a_lock_wait_refused_as_another_command_set_the_desk_up_keeps_its_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As above, the wait ending in the database's refusal instead (SQLite's "database is
    locked" as the other committed): the refused command took the other's new desk back."""
    from sqlalchemy.exc import OperationalError

    from workbench.domain.errors import StorageError
    from workbench.services.documents import add_document

    db = tmp_path / "desk.db"
    first = Workbench.open(str(db), "editor")
    second = Workbench.open(str(db), "editor")
    locked = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    _stopped_while_waiting(monkeypatch, first, locked)
    with pytest.raises(StorageError):
        second.engine(write=True)
    assert not second.created and second.kept_because is None
    assert db.exists() and db.stat().st_size > 0, "the other command's desk was taken back"
    added = add_document(first, "深圳市统计局发布数据。\n")
    assert added.created and added.document.id == 1
