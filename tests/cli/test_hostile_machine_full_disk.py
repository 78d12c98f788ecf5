"""trial96: outputs written to a full or read-only disk.

`workbench backup /mnt/full/b.db` on a full disk ended in a Python traceback: SQLite's backup
API answered "database or disk is full" (sqlite3.OperationalError) and nothing turned it into a
line. And a backup into a read-only folder named the temporary file it had tried to make
(`error: Read-only file system: /mnt/ro/.b.db.mc8e9qhc`), a name the user never gave. Both are
said as every output's refusal is (review290): `cannot write PATH: WHY`.

The full disk is simulated by SQLite's own limit (max_page_count) on the copy, the read-only
folder by the error the system gives; nothing here needs a mount.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import err_line, run_cli
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's backup API writes a file")


def test_a_backup_to_a_full_disk_is_refused_in_one_line_and_leaves_nothing(
    wb: Workbench, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_document(wb, "一段话。".encode())
    target = tmp_path / "b.db"
    connect = sqlite3.connect

    def full_disk(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = connect(database, *args, **kwargs)
        if Path(str(database)).name.startswith(f".{target.name}."):
            # The copy may not grow past one page: SQLite's SQLITE_FULL, as on a full disk.
            conn.execute("PRAGMA max_page_count = 1")
        return conn

    monkeypatch.setattr(sqlite3, "connect", full_disk)
    r = run_cli(["backup", str(target)], env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})
    assert r.crash is None, r.crash
    err_line(r, 1, f"cannot write {target}: No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".b.db")) == []
    assert not target.exists()


def test_a_backup_to_a_read_only_folder_names_the_file_asked_for(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    target = tmp_path / "b.db"

    def read_only(*args: Any, **kwargs: Any) -> Any:
        name = str(tmp_path / f".{target.name}.mc8e9qhc")
        raise OSError(errno.EROFS, "Read-only file system", name)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    r = run_cli(["backup", str(target)], env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})
    err_line(r, 1, f"cannot write {target}: Read-only file system")
