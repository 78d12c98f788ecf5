"""Taking back a SQLite database that a refused write set up.

A write that finds no database (no file, or an empty one) sets it up before its change is
checked. When the change is then refused, keeping what was set up would hide a lost desk: the
next read would answer from an empty desk (`0 events`, `no claims match`) where it said the
file was gone or empty (trial88: a desk file deleted while a colleague's script kept writing).
"""

from __future__ import annotations

import contextlib
import os
from typing import Protocol

from sqlalchemy import func, select

from workbench.db.engine import get_engine
from workbench.db.models import Base
from workbench.db.url import sqlite_file


class SetUp(Protocol):
    """What of a Workbench a take-back reads and resets (a protocol, not an import of the
    context module, which calls this one: no import cycle)."""

    url: str
    created: bool
    found_empty_file: bool
    _ready: bool


JOURNALS = ("-journal", "-wal", "-shm")


def take_back(wb: SetUp) -> None:
    """Leave the file a refused write set up as the write found it: absent, or empty. Its
    transaction was rolled back, so it holds at most the schema; if any table holds rows,
    someone else wrote to it meanwhile, and it is theirs now. Connections are not pooled for
    SQLite (db.engine), so none is left open on it."""
    path = sqlite_file(wb.url)
    if not wb.created or path is None:
        return
    if os.path.exists(path) and os.path.getsize(path) > 0:
        with get_engine(wb.url).connect() as conn:
            for table in Base.metadata.sorted_tables:
                if conn.execute(select(func.count()).select_from(table)).scalar_one():
                    return
    for name in (path + s for s in JOURNALS):
        with contextlib.suppress(FileNotFoundError):
            os.remove(name)
    if wb.found_empty_file:
        with contextlib.suppress(FileNotFoundError):
            os.truncate(path, 0)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)
    # Nothing was created after all, and the next use sets the database up again.
    wb.created = False
    wb._ready = False
