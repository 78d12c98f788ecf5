"""A refused write on a SQLite file that is a database with no tables at all leaves it so.

fix98 sets the desk up inside the write that meets a file of another program's, so that a
refusal rolls the set-up back; `sqlite.sets_up_in_write` told such a file by its having a table.
A file that is a SQLite database but holds no table (made by `sqlite3 desk.db 'PRAGMA
journal_mode=WAL'` or `PRAGMA user_version = 1`, or one whose tables were all dropped: 4096
bytes, not empty) has none, so it was set up first, in a transaction of its own, as a new
file is; but it is no new file (it was not empty), so nothing took it back either. A refused
`note add` then left the workbench's tables in it, and the next read, which had said the file
holds no workbench tables, reported `0 events`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Result, run_in_process
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench
from workbench.services.notes import add_note

PRAGMAS = ["PRAGMA journal_mode = WAL", "PRAGMA user_version = 7"]


def _run(db: Path, *args: str, input: str | None = None) -> Result:
    return run_in_process(["--db", str(db), "--as", "editor", *args], input=input)


def _tableless_file(tmp_path: Path, pragma: str) -> Path:
    db = tmp_path / "blank.db"
    conn = sqlite3.connect(db)
    conn.execute(pragma)
    conn.commit()
    conn.close()
    assert db.stat().st_size > 0
    return db


def _objects(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    finally:
        conn.close()


@pytest.mark.parametrize("pragma", PRAGMAS)
def test_a_refused_write_leaves_a_tableless_database_file_without_tables(
    tmp_path: Path, pragma: str
) -> None:
    """Was: 56 objects of the workbench's in the file, and `audit head` said `0 events`."""
    db = _tableless_file(tmp_path, pragma)
    r = _run(db, "audit", "head")
    assert r.code == 1 and "holds no workbench tables" in r.err, r.out + r.err
    r = _run(db, "note", "add", "7", "循环笔记")
    assert r.code == 1 and r.err.startswith("error: no claim #7"), r.err
    assert _objects(db) == []
    assert db.exists()
    r = _run(db, "audit", "head")
    assert r.code == 1 and "holds no workbench tables" in r.err, r.out + r.err


def test_a_library_write_refused_on_a_tableless_file_adds_nothing(tmp_path: Path) -> None:
    db = _tableless_file(tmp_path, PRAGMAS[1])
    with pytest.raises(NotFound):
        add_note(Workbench.open(str(db), "editor"), 7, "循环笔记")
    assert _objects(db) == []


def test_a_write_that_is_made_sets_a_tableless_file_up(tmp_path: Path) -> None:
    db = _tableless_file(tmp_path, PRAGMAS[0])
    r = _run(db, "doc", "add", "-", input="第一篇。")
    assert r.code == 0, r.err
    assert {"events", "claims", "alembic_version"} <= set(_objects(db))
    r = _run(db, "audit", "head")
    assert r.code == 0 and r.out.startswith("1 event,"), r.out + r.err
