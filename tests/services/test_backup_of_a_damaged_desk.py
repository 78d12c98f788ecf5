"""trial96: `workbench backup` copied a damaged SQLite desk without a word.

With the claims table's root page zeroed, `backup b.db` printed `backed up to b.db: 32
events, head ...` and exit 0: the backup API copies pages as they are, and the head read back
from the copy reads the events alone. A desk's backup is what it falls back on, and this one
was as damaged as the desk. With the events' root page zeroed instead, the head could not be
read back: exit 1, `database error: database disk image is malformed`, and the damaged copy
was left under b.db, the name a backup script's rotation takes for a good backup.
Now the copy is checked (`PRAGMA quick_check`) before it takes its name: damaged, it is refused
in one line (exit 1, kind damaged) with SQLite's first problems, and never left under the name
asked for. When the desk itself is damaged, the copy is the data there is, kept as
FILE.damaged (never over a file); when only the copy is (the disk under it), it is removed.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import small_desk, zero_page, zero_root_page
from tests.inprocess import err_line, run_cli
from workbench.domain.errors import DamagedRecord
from workbench.services import backup as backup_service
from workbench.services.backup import backup
from workbench.services.context import Workbench

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's backup API writes a file")


_desk = small_desk


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".b.db", "b.db")))


@pytest.mark.parametrize("table", ["claims", "events"])
def test_a_backup_of_a_damaged_desk_is_refused_and_kept_aside(
    wb: Workbench, tmp_path: Path, table: str
) -> None:
    path, env = _desk(wb)
    out = tmp_path / "backups"
    out.mkdir()
    root = zero_root_page(path, table)
    target = out / "b.db"
    r = run_cli(["backup", str(target)], env=env)
    assert r.crash is None, r.crash
    assert r.out == "", r.out
    err_line(r, 1, f"the database file {path} is damaged: SQLite's check finds Page {root}")
    assert f"no backup was written to {target}" in r.err, r.err
    assert f"kept as {target}.damaged" in r.err, r.err
    assert "restore it from a backup" in r.err, r.err
    # Never under the name asked for; the damaged copy beside it, named as damaged.
    assert _left(out) == ["b.db.damaged"]
    with closing(sqlite3.connect(out / "b.db.damaged")) as copy:
        assert copy.execute("PRAGMA quick_check(1)").fetchone() != ("ok",)
    j = run_cli(["backup", str(out / "c.db"), "--json"], env=env)
    assert j.code == 1 and j.out == "", j
    error = json.loads(j.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_database", error


def test_a_damaged_copy_is_never_kept_over_a_file(wb: Workbench, tmp_path: Path) -> None:
    path, _ = _desk(wb)
    zero_root_page(path, "claims")
    aside = tmp_path / "b.db.damaged"
    aside.write_text("an older one, the user's")
    with pytest.raises(DamagedRecord, match=r"not kept: .*b\.db\.damaged exists"):
        backup(wb, str(tmp_path / "b.db"))
    assert aside.read_text() == "an older one, the user's"
    assert _left(tmp_path) == ["b.db.damaged"]


def test_a_copy_damaged_as_it_was_written_is_removed_and_the_desk_said_intact(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk checks intact, the copy does not (the disk under it): the copy is worth
    nothing, and the desk needs no restore."""
    _desk(wb)
    real = backup_service._copy

    def copy_then_damage(url: str, tmp: str, target: str, *args: Any) -> Any:
        done = real(url, tmp, target, *args)
        with closing(sqlite3.connect(tmp)) as conn:
            root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'claims'")
            page = root.fetchone()[0]
        zero_page(Path(tmp), page)
        return done

    monkeypatch.setattr(backup_service, "_copy", copy_then_damage)
    with pytest.raises(DamagedRecord) as refused:
        backup(wb, str(tmp_path / "b.db"))
    said = refused.value.message
    assert "the copy written for" in said and "the database itself checks intact" in said, said
    assert refused.value.reason == "damaged_copy" and refused.value.hint is None
    assert _left(tmp_path) == []


def test_an_io_error_checking_the_copy_is_one_line_and_leaves_nothing(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review105: an error of SQLite's from the copy's check other than damage (a failing
    disk's I/O error) escaped as sqlite3.OperationalError, a traceback. It is a storage error
    now, naming the file asked for, and no copy is left."""
    _desk(wb)

    def failing(conn: object) -> tuple[str, ...]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup_service, "quick_check", failing)
    target = tmp_path / "b.db"
    with pytest.raises(Exception) as caught:
        backup(wb, str(target))
    assert not isinstance(caught.value, sqlite3.Error), repr(caught.value)
    assert "disk I/O error" in str(caught.value) and str(target) in str(caught.value)
    assert _left(tmp_path) == []
