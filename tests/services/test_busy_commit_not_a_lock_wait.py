"""SQLite's SQLITE_BUSY is not always another writer's lock: a COMMIT while one of the
connection's own write statements is still in progress ("cannot commit transaction - SQL
statements in progress", an INSERT ... RETURNING read in part) answers it too. In a transaction
it is no lock wait run out: said in the driver's words (kind storage), not as "the database
stayed locked by another writer; try the command again" with reason database_locked, which a
retrying script would retry for ever (review257: refactor250 read a transaction's error by
SQLite's code as well as by its words)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.domain.errors import Conflict, StorageError
from workbench.services.storage_errors import database_errors


def _commit_with_a_write_in_progress(path: Path) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            conn.commit()
            rows = conn.exec_driver_sql("INSERT INTO t VALUES (1), (2) RETURNING x")
            rows.fetchone()  # the second row unread: the INSERT is still in progress
            conn.commit()
    finally:
        engine.dispose()


def test_the_driver_answers_sqlite_busy_to_that_commit(tmp_path: Path) -> None:
    """(What the refusal below is about: SQLITE_BUSY, words that say no lock.)"""
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError) as raised:
        _commit_with_a_write_in_progress(tmp_path / "t.db")
    orig = raised.value.orig
    assert isinstance(orig, sqlite3.OperationalError)
    assert orig.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
    assert "locked" not in str(orig)


def test_a_busy_commit_of_the_connections_own_is_no_lock_wait(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as refused, database_errors():
        _commit_with_a_write_in_progress(tmp_path / "t.db")
    assert not isinstance(refused.value, Conflict)
    assert refused.value.reason is None
    assert str(refused.value) == (
        "database error: cannot commit transaction - SQL statements in progress"
    )
