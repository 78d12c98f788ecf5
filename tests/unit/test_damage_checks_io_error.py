"""review112: SQLite's whole-file checks (`quick_check`, the search index's spot check), which
`audit verify` and `backup` run, re-raised an SQLite error that is not damage (a failing disk's
"disk I/O error") as the driver's own sqlite3.OperationalError: the front end catches
SQLAlchemy's errors, not the driver's, so it was a traceback. It is a storage error now, one
line, as the same error is on any other read."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from workbench.db.damage import index_read_check, quick_check
from workbench.domain.errors import StorageError


class _FailingDisk(sqlite3.Connection):
    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        raise sqlite3.OperationalError("disk I/O error")


@pytest.mark.parametrize("check", [quick_check, index_read_check])
def test_an_io_error_in_a_check_is_a_storage_error(check: Any) -> None:
    conn = sqlite3.connect(":memory:", factory=_FailingDisk)
    try:
        with pytest.raises(StorageError) as caught:
            check(conn)
    finally:
        conn.close()
    assert "disk I/O error" in caught.value.message
