"""The library's `backup` onto the desk it copies: refused as a file that cannot be written,
judged where the desk is, whatever folder the caller is in now (r3exits)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from workbench.services.backup import backup
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a SQLite file; PostgreSQL prints pg_dump")


@pytest.fixture
def opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workbench:
    """A desk opened by a relative name in a/, as `Workbench.open("desk.db")` is."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    wb = Workbench.open("desk.db", actor="ann")
    add_document(wb, b"A text.\n")
    return wb


@pytest.mark.parametrize("name", ["desk.db", "desk.db-wal", "desk.db-journal"])
def test_onto_the_desk_is_a_file_that_cannot_be_written(opened: Workbench, name: str) -> None:
    """An OSError, as every file a backup cannot write (the CLI's file_error): it was
    InvalidInput, where `export bundle` onto the desk is a file_error (r3exits)."""
    before = Path("desk.db").read_bytes()
    with pytest.raises(OSError, match="the database this command works on"):
        backup(opened, name)
    assert Path("desk.db").read_bytes() == before


def test_after_a_chdir_the_desk_is_where_it_was_opened(opened: Workbench) -> None:
    """Opened as `desk.db` in a/, the desk stays a/desk.db after the caller moves to b/: its
    files are refused by any name, and b/desk.db-journal, no file of it, is an ordinary
    backup. The name as given was judged in the new folder: that backup was refused as "the
    journal file of the database this command works on (.../b/desk.db)", a file that is not
    there (r3exits)."""
    os.chdir("../b")
    for name in ("../a/desk.db", "../a/desk.db-wal", "../a/desk.db-journal"):
        with pytest.raises(OSError, match=r"/a/desk\.db\)"):
            backup(opened, name)
    done = backup(opened, "desk.db-journal")
    assert done.path == "desk.db-journal" and Path("desk.db-journal").stat().st_size > 0
