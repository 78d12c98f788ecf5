"""rr309: a new desk's file is made through a hidden second name (new_database.make_new,
review304) that must never outlive the command, whichever step a Ctrl-C stops: making its
mode, linking it into place, SQLite's open, the clean-up of a set-up that never began (a
second Ctrl-C while the first is being handled), the set-up itself. The stop is injected as
KeyboardInterrupt at each step, as Python raises it there."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from workbench.services import new_database
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a new SQLite file")


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _stopped_at(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """`module.name` raises KeyboardInterrupt (a Ctrl-C there) once, then works."""
    real = getattr(module, name)
    calls: list[bool] = []

    def stop(*args: Any, **kwargs: Any) -> Any:
        if not calls:
            calls.append(True)
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, stop)


@pytest.mark.parametrize("step", ["fchmod", "link"])
def test_a_stop_while_the_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "new.db"
    _stopped_at(monkeypatch, os, step)
    with pytest.raises(KeyboardInterrupt):
        add_document(Workbench.open(str(target), "t"), b"hello")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_stop_as_sqlite_opens_the_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.db"
    connect = sqlite3.connect

    def stopped(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(str(database)).name == target.name:
            raise KeyboardInterrupt
        conn: sqlite3.Connection = connect(database, *args, **kwargs)
        return conn

    monkeypatch.setattr(sqlite3, "connect", stopped)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", stopped)
    with pytest.raises(KeyboardInterrupt):
        add_document(Workbench.open(str(target), "t"), b"hello")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_second_stop_during_the_clean_up_leaves_no_hidden_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C pressed again while the first stop's clean-up runs: the hidden name, a second
    name of the desk's file, was left (its removal came after the clean-up)."""
    target = tmp_path / "new.db"
    connect = sqlite3.connect

    def stopped(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(str(database)).name == target.name:
            raise KeyboardInterrupt
        conn: sqlite3.Connection = connect(database, *args, **kwargs)
        return conn

    monkeypatch.setattr(sqlite3, "connect", stopped)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", stopped)
    _stopped_at(monkeypatch, new_database, "take_back_unbegun")
    with pytest.raises(KeyboardInterrupt):
        add_document(Workbench.open(str(target), "t"), b"hello")
    monkeypatch.undo()
    assert _hidden(tmp_path) == []


def test_a_stop_once_the_set_up_began_leaves_no_hidden_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.db"
    _stopped_at(monkeypatch, new_database, "take_back")

    from workbench.db import revision

    ensure = revision.ensure_current

    def stopped_after_begun(*args: Any, **kwargs: Any) -> Any:
        ensure(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(revision, "ensure_current", stopped_after_begun)
    with pytest.raises(KeyboardInterrupt):
        add_document(Workbench.open(str(target), "t"), b"hello")
    monkeypatch.undo()
    assert _hidden(tmp_path) == []


def test_on_a_drive_without_hard_links_the_desk_is_made_by_sqlite_with_nothing_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """vfat/exFAT refuse link() (EPERM) and may refuse chmod: make_new gives the file up, and
    SQLite makes it as before review304."""
    import errno

    def no_links(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "fchmod", no_links)
    target = tmp_path / "new.db"
    add_document(Workbench.open(str(target), "t"), b"hello")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]
    assert target.stat().st_size > 0


def test_the_hidden_name_is_gone_once_the_set_up_begins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop Python never sees (kill -9, a power cut, the OOM killer) runs no clean-up: the
    hidden name then stays, a second name of the desk's file for good (its data, its size,
    kept by `rm desk.db`). It is needed only until the set-up begins (take_back_unbegun); it
    lived on through the whole set-up, the longest step."""
    from workbench.db import revision

    target = tmp_path / "new.db"
    seen: list[list[str]] = []
    ensure = revision.ensure_current

    def looked_after(*args: Any, **kwargs: Any) -> Any:
        result = ensure(*args, **kwargs)
        seen.append(_hidden(tmp_path))
        return result

    monkeypatch.setattr(revision, "ensure_current", looked_after)
    add_document(Workbench.open(str(target), "t"), b"hello")
    assert seen == [[]]
