"""A write on a SQLite file of another program's (its own tables, none of the workbench's) set
the workbench's tables up in it, committed before the change itself was checked, and a refused
write kept them there (fix98): the file was left with fifteen tables of ours beside its own, and
the next read, which fix90 had made refuse such a file, reported an empty desk in it instead. A
write that is made still sets the desk up there, as every write does
(tests/cli/test_read_on_foreign_sqlite_file.py); a refused one now rolls the set-up back with
its change, and the file keeps only its own tables and rows.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result, run_in_process
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench
from workbench.services.notes import add_note

REFUSED = [
    ("note", "add", "7", "循环笔记"),
    ("claim", "add", "1", "--text", "一句话", "--quote", "一句话"),
    ("claim", "tag", "7", "经济"),
]


def _run(db: Path, *args: str, input: str | None = None) -> Result:
    return run_in_process(["--db", str(db), "--as", "editor", *args], input=input)


def _foreign_file(tmp_path: Path) -> Path:
    db = tmp_path / "mine.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('汤')")
    conn.commit()
    conn.close()
    return db


def _contents(db: Path) -> tuple[list[str], list[str]]:
    """The file's schema objects (tables, indexes, triggers) and its own table's rows."""
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
        rows = [r[0] for r in conn.execute("SELECT name FROM recipes")]
        return names, rows
    finally:
        conn.close()


@pytest.mark.parametrize("args", REFUSED, ids=lambda a: " ".join(a[:2]))
def test_a_refused_write_leaves_another_programs_file_as_it_was(tmp_path: Path, args: Any) -> None:
    """Was: the file kept the workbench's tables, and `audit head` said `0 events`. Now it keeps
    only its own, and the read still says it holds no workbench tables."""
    db = _foreign_file(tmp_path)
    r = _run(db, *args)
    assert r.code == 1 and r.err.startswith("error: no "), r.err
    assert _contents(db) == (["recipes"], ["汤"])
    r = _run(db, "audit", "head")
    assert r.code == 1 and "holds no workbench tables" in r.err, r.out + r.err


def test_a_library_write_refused_on_another_programs_file_adds_nothing(tmp_path: Path) -> None:
    """The rule is the service layer's, as for a missing file (test_lost_database_file)."""
    db = _foreign_file(tmp_path)
    with pytest.raises(NotFound):
        add_note(Workbench.open(str(db), "editor"), 7, "循环笔记")
    assert _contents(db) == (["recipes"], ["汤"])


def test_a_write_that_is_made_sets_the_desk_up_beside_the_files_own_tables(
    tmp_path: Path,
) -> None:
    """The set-up commits with the write that needed it; the file's own table is untouched."""
    db = _foreign_file(tmp_path)
    r = _run(db, "doc", "add", "-", input="第一篇。")
    assert r.code == 0, r.err
    names, rows = _contents(db)
    assert {"recipes", "events", "claims", "alembic_version"} <= set(names) and rows == ["汤"]
    r = _run(db, "audit", "head")
    assert r.code == 0 and r.out.startswith("1 event,"), r.out + r.err
