"""review290: a new desk's first write on a full disk. SQLite makes the file as it opens it,
then cannot write its first page (`PRAGMA journal_mode = WAL`): the write is refused in one
line and the 0-byte file stays, as a `touch` would leave it (nothing is removed: fix298's and
review304's clean-up had a race and still left the file on vfat/exFAT or after a kill -9). The
next read said "an empty file, not a workbench database ... restore it from a backup", as if a
desk had been lost: it now says first that no desk is set up in it yet, keeping the backup
hint for a desk that was emptied; the next write sets it up.

The full disk is SQLite's own answer, injected where the file is opened; tests/cli has the
same on a real full tmpfs."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import NO_DESK, NotFound, StorageError, step
from workbench.services.context import Workbench
from workbench.services.doc_list import list_documents
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


NOT_SET_UP = (
    "is an empty file: no desk is set up in it yet (a first write that failed before setting "
    "it up leaves one, as `touch` does), or it was emptied; a read does not set one up (a "
    "write or `workbench db upgrade` does)"
)


def test_a_first_write_that_meets_a_full_disk_leaves_a_file_read_as_not_set_up_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.db"
    _full_disk_for(target.name, monkeypatch)
    with pytest.raises(StorageError, match="database or disk is full"):
        add_document(Workbench.open(str(target), "t"), b"hello")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]
    assert target.stat().st_size == 0
    monkeypatch.undo()
    with pytest.raises(NotFound) as refused:
        Workbench.open(str(target), "t").reader()
    assert str(refused.value) == f"{target} {NOT_SET_UP}"
    assert refused.value.reason == NO_DESK
    assert refused.value.hint == step("restore_backup", if_desk=True)
    assert target.stat().st_size == 0  # the read set nothing up
    # With room again, the next write sets the desk up in it.
    add_document(Workbench.open(str(target), "t"), b"hello")
    assert len(list_documents(Workbench.open(str(target), "t"))) == 1


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
    monkeypatch.undo()
    assert link.is_symlink() and target.stat().st_size == 0
    with pytest.raises(NotFound, match=re.escape(NOT_SET_UP)):
        Workbench.open(str(link), "t").reader()
