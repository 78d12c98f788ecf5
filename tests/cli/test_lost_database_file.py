"""A desk's SQLite file lost or emptied (deleted by mistake, truncated to nothing by a full disk
or a stray `>` redirect), and a colleague's script still writing to it: a disaster drill
(trial88).

A write that found no database used to set one up before the change itself was checked, and
kept it when the change was then refused (`note add 7 ...` on a desk with no claim #7 any
more). The desk's loss was then hidden: the next read answered from an empty desk (`0 events`,
`no claims match`) instead of saying the file is gone, and `audit head` gave a head of zeros
for someone to note. An emptied file was set up that way without a word. Now a refused write
leaves the file as it found it (absent, or empty), and a write that sets up an empty file says
so, as it does for a file it creates."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import NotFound
from workbench.services.context import Workbench
from workbench.services.notes import add_note

Main = Callable[..., Any]


def _desk(tmp_path: Path, workbench_main: Main) -> Path:
    db = tmp_path / "desk.db"
    r = workbench_main(["--db", str(db), "--as", "editor", "demo"])
    assert r.code == 0, r.err
    return db


def test_a_refused_write_to_a_deleted_database_creates_none(
    tmp_path: Path, workbench_main: Main
) -> None:
    """Was: the refused `note add` left a new, empty desk.db, and `audit head` then read it
    (0 events, exit 0). Now nothing is left, and the read still says the database is gone."""
    db = _desk(tmp_path, workbench_main)
    db.unlink()
    r = workbench_main(["--db", str(db), "--as", "editor", "note", "add", "7", "循环笔记"])
    assert r.code == 1 and r.err.startswith("error: no claim #7"), r.err
    assert "created a new workbench database" not in r.err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("desk.db")) == []
    r = workbench_main(["--db", str(db), "audit", "head"])
    assert r.code == 1 and "no database at" in r.err, r.err


def test_a_refused_write_to_an_emptied_database_file_leaves_it_empty(
    tmp_path: Path, workbench_main: Main
) -> None:
    """Was: the refused `claim tag` turned the emptied file into an empty desk, silently, and
    `audit head` then said `0 events`. Now the file stays empty, and reads still refuse it."""
    db = _desk(tmp_path, workbench_main)
    db.write_bytes(b"")
    r = workbench_main(["--db", str(db), "--as", "editor", "claim", "tag", "7", "经济"])
    assert r.code == 1 and "no claim #7" in r.err, r.err
    assert db.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("desk.db")) == ["desk.db"]
    r = workbench_main(["--db", str(db), "audit", "head"])
    assert r.code == 1 and "is an empty file: no desk is set up in it yet" in r.err, r.err


READS = [
    ["claim", "list"],
    ["claim", "show", "1"],
    ["doc", "list"],
    ["stats"],
    ["audit", "head"],
    ["audit", "verify"],
    ["audit", "replay"],
    ["audit", "export", "-o", "trail.jsonl"],
    ["export", "bundle", "desk.zip"],
    ["report", "1", "-o", "page.html"],
    ["backup", "copy.db"],
    ["user", "list"],
    ["config", "list"],
]


@pytest.mark.parametrize("read", READS, ids=" ".join)
def test_a_truncated_desk_is_refused_by_every_read_with_the_backup_hint(
    tmp_path: Path,
    workbench_main: Main,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_template: Path,
    read: list[str],
) -> None:
    """`: > desk.db` on a real desk: a read must never show it as an empty desk (trial88).
    Each says, in one line, that no desk is set up in the file (or it was emptied) and how
    to restore it if it is the desk's; the file stays empty, nothing is written beside it."""
    db = tmp_path / "desk.db"
    shutil.copyfile(sqlite_template, db)  # a desk (set up, at the head revision)
    db.write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["--db", str(db), *read])
    assert r.code == 1, (r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith(f"error: {db} is an empty file: no desk is set up in it yet")
    assert "; if it is the desk's file, restore it from a backup: " in lines[0]
    assert db.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]


def test_a_write_that_sets_up_an_emptied_file_says_so(tmp_path: Path, workbench_main: Main) -> None:
    """A write that succeeds on an empty file makes it a new desk: said, as for a new file
    (was: said nothing, so the lost desk went unnoticed)."""
    db = tmp_path / "desk.db"
    db.write_bytes(b"")
    r = workbench_main(["--db", str(db), "--as", "editor", "doc", "add", "-"], input="第一篇。")
    assert r.code == 0, r.err
    assert r.err == "created a new workbench database at ./desk.db\n"  # (cwd: tmp_path)


def test_a_library_write_refused_on_a_missing_file_leaves_none(tmp_path: Path) -> None:
    """The rule is the service layer's: a refused write takes back the database it set up."""
    db = tmp_path / "gone.db"
    wb = Workbench.open(str(db), "editor")
    with pytest.raises(NotFound):
        add_note(wb, 7, "循环笔记")
    assert not db.exists()
    assert not list(tmp_path.iterdir())
