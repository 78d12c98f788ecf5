"""Taking back a SQLite database that a refused write set up.

A write that finds no database (no file, or an empty one) sets it up before its change is
checked. When the change is then refused, keeping what was set up would hide a lost desk: the
next read would answer from an empty desk (`0 events`, `no claims match`) where it said the
file was gone or empty (trial88: a desk file deleted while a colleague's script kept writing).

Taking it back removes or empties a file, so it is done only when nobody else can be using it:
a file another process has open, or is writing to, or has written to, or that is no longer the
one this command set up, is kept, and why is said (review89: a colleague's command that had the
new file open committed its first rows into the removed file, and was told they were saved).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import quote

from workbench.db.backend import is_backend_only
from workbench.db.models import Base
from workbench.db.url import sqlite_file
from workbench.new_file import BESIDE_A_DATABASE, file_identity


class SetUp(Protocol):
    """What of a Workbench a take-back reads and resets (a protocol, not an import of the
    context module, which calls this one: no import cycle)."""

    url: str
    created: bool
    found_empty_file: bool
    created_file: tuple[int, int] | None
    kept_because: str | None
    _ready: bool


# How long a take-back waits for the file's lock. Another connection on it means the file is
# not this command's to take back, so there is no point in waiting for it to finish.
LOCK_WAIT_S = 0.5


def take_back(wb: SetUp) -> None:
    """Leave the file a refused write set up as the write found it: absent, or empty. Its
    transaction was rolled back, so it holds at most the schema. Kept, with the reason in
    `wb.kept_because`, when that cannot be made sure of."""
    path = sqlite_file(wb.url)
    if not wb.created or path is None:
        return
    kept = _kept_because(os.path.realpath(path), wb.created_file, wb.found_empty_file)
    if kept is not None:
        wb.kept_because = kept
        return
    # Nothing was created after all, and the next use sets the database up again.
    wb.created = False
    wb._ready = False


def _kept_because(path: str, made: tuple[int, int] | None, leave_empty: bool) -> str | None:
    """Take the file at `path` back, or say why not. Done on a connection of its own that
    holds the file exclusively meanwhile: leaving WAL mode is refused while any other
    connection has the file open, and BEGIN EXCLUSIVE while any other reads or writes it; the
    mode is asked again under the lock (one opened in between puts WAL mode back).
    Only path operations touch the file besides SQLite (opening and closing a descriptor of
    our own would drop SQLite's POSIX locks on it)."""
    here = file_identity(path)
    if here is None:
        return None  # gone already: as the write found it
    if made is None or here != made:
        return "the file there is no longer the one this command set up"
    try:
        conn = sqlite3.connect(f"file:{quote(path)}?mode=rw", uri=True, timeout=LOCK_WAIT_S)
    except sqlite3.Error as exc:
        return f"it could not be opened again ({exc})"
    try:
        conn.isolation_level = None
        # Another program's database put at the path meanwhile (the file a Ctrl-C's take-back
        # notes is the one there at the Ctrl-C): left as it is, its journal mode too, before
        # anything is changed (review133: one holding a contacts table was removed).
        try:
            foreign = _foreign_tables(conn)
        except sqlite3.Error as exc:
            return f"it could not be read ({exc})"
        if foreign:
            return f"it holds tables the workbench does not make ({few_tables(foreign)})"
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                return "another process has it open"
            conn.execute("BEGIN EXCLUSIVE")
            # Asked again under the lock: a connection opened in between sets WAL mode again
            # (every workbench connection does), and in WAL mode the lock keeps nobody out.
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "delete":
                conn.execute("ROLLBACK")
                return "another process has it open"
        except sqlite3.OperationalError:
            return "another process has it open"
        except sqlite3.Error as exc:
            return f"it could not be read ({exc})"
        try:
            # A set-up interrupted part way (Ctrl-C) left some tables only: none holds a row.
            present = {
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            written = any(
                # (the names are the models' own, never input)
                conn.execute(f'SELECT 1 FROM "{table.name}" LIMIT 1').fetchone()  # noqa: S608
                for table in Base.metadata.sorted_tables
                if table.name in present
            )
        except sqlite3.Error as exc:
            return f"it could not be read ({exc})"
        if written:
            conn.execute("ROLLBACK")
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA journal_mode = WAL")  # as every workbench connection
            return "another process wrote to it meanwhile"
        if file_identity(path) != made:
            return "the file there is no longer the one this command set up"
        # Emptied first, under the lock: a connection opened on it before the removal (which
        # would write on into the removed file) finds no tables and fails instead.
        try:
            os.truncate(path, 0)
            if not leave_empty:
                os.remove(path)
        except OSError as exc:
            return f"it could not be removed ({exc.strerror})"
        for name in (path + s for s in BESIDE_A_DATABASE):
            with contextlib.suppress(OSError):
                os.remove(name)
        return None
    finally:
        conn.close()


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of the file at `conn` that no set-up of the workbench makes: `foreign_tables`."""
    return foreign_tables(
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    )


def foreign_tables(names: Iterable[str]) -> list[str]:
    """Of a database's table `names`, those no set-up of the workbench makes, sorted: the
    models', Alembic's, the search index's and SQLite's own are its."""
    made = set(Base.metadata.tables) | {"alembic_version"}
    return sorted(
        name
        for name in names
        if name not in made and not name.startswith("sqlite_") and not is_backend_only(name)
    )


def few_tables(tables: list[str]) -> str:
    """`tables` named for a person: the first three, then how many more (trial168: a file of
    five other tables was said by three, as if those were all)."""
    shown = ", ".join(tables[:3])
    return f"{shown} and {len(tables) - 3:,} more" if len(tables) > 3 else shown
