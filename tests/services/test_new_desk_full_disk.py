"""review290: a new desk's first write on a full disk. SQLite makes the file as it opens it,
then cannot write its first page (`PRAGMA journal_mode = WAL`): the write was refused in one
line, but a 0-byte file stayed, and the next command called it "an empty file, not a workbench
database ... restore it from a backup", a desk that never was. A set-up that fails before it
began leaves the folder as the write found it.

The full disk is SQLite's own answer, injected where the file is opened; tests/cli has the
same on a real full tmpfs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import NotFound, StorageError
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a new SQLite file")


def _full_disk_for(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the file `name` makes it (as SQLite does), then fails as a full disk does."""
    connect = sqlite3.connect

    def full_disk(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = connect(database, *args, **kwargs)
        if Path(str(database)).name == name:
            conn.close()
            raise sqlite3.OperationalError("database or disk is full")
        return conn

    # (SQLAlchemy's driver calls sqlite3.dbapi2's: the same function, another name)
    monkeypatch.setattr(sqlite3, "connect", full_disk)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", full_disk)


def test_a_new_desk_whose_first_write_meets_a_full_disk_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.db"
    _full_disk_for(target.name, monkeypatch)
    with pytest.raises(StorageError, match="database or disk is full"):
        add_document(Workbench.open(str(target), "t"), b"hello")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.undo()
    # The next read says no desk is there, not that one was emptied.
    with pytest.raises(NotFound, match=r"^no database at ") as refused:
        Workbench.open(str(target), "t").reader()
    assert "empty file" not in str(refused.value)


def test_an_empty_file_the_user_had_stays_when_the_first_write_meets_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.db"
    target.write_bytes(b"")
    _full_disk_for(target.name, monkeypatch)
    with pytest.raises(StorageError, match="database or disk is full"):
        add_document(Workbench.open(str(target), "t"), b"hello")
    assert target.exists() and target.stat().st_size == 0


def test_a_link_to_a_new_desk_is_left_a_link_when_the_first_write_meets_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "real.db"
    link = tmp_path / "new.db"
    link.symlink_to(target)
    _full_disk_for(target.name, monkeypatch)
    with pytest.raises(StorageError, match="database or disk is full"):
        add_document(Workbench.open(str(link), "t"), b"hello")
    assert link.is_symlink() and not target.exists()


def test_an_empty_file_put_in_its_place_meanwhile_is_not_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review304: the clean-up removed whatever 0-byte file was at the path when the set-up
    failed. Another command starting the same new desk (or the user's `touch`) may have put
    its own there by then, not yet written; it is not this command's to remove."""
    target = tmp_path / "new.db"
    connect = sqlite3.connect
    theirs: list[tuple[int, int]] = []

    def replaced_then_full(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = connect(database, *args, **kwargs)
        if Path(str(database)).name == target.name:
            conn.close()
            # Another file put at the path between this command's open and its failure.
            target.unlink()
            target.write_bytes(b"")
            st = target.stat()
            theirs.append((st.st_dev, st.st_ino))
            raise sqlite3.OperationalError("database or disk is full")
        return conn

    monkeypatch.setattr(sqlite3, "connect", replaced_then_full)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", replaced_then_full)
    with pytest.raises(StorageError, match="database or disk is full"):
        add_document(Workbench.open(str(target), "t"), b"hello")
    st = target.stat()
    assert theirs and (st.st_dev, st.st_ino) == theirs[0] and st.st_size == 0


def test_a_new_desk_is_made_as_sqlite_makes_it_with_nothing_left_beside_it(
    tmp_path: Path,
) -> None:
    """review304: the new file is made before SQLite opens it (to know it is this command's),
    through a hidden temporary name: the desk gets SQLite's mode (0644 less the umask), and
    the hidden name goes."""
    target = tmp_path / "new.db"
    umask = os.umask(0o027)
    try:
        add_document(Workbench.open(str(target), "t"), b"hello")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
