"""A Reader's statements fail as one-line refusals, whichever driver its connection is on: the
read paths' own (sqlite3, psycopg2) or a write's (sqlite3, psycopg 3, `Tx.reading`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import ModuleType

import pytest

from tests.conftest import PG_URL
from workbench.db.reader import Reader
from workbench.db.sql import Sql
from workbench.domain.errors import Conflict, StorageError
from workbench.services.context import Workbench, reading, transaction


@contextmanager
def _in_a_write(wb: Workbench) -> Iterator[Reader]:
    with transaction(wb, write=True) as tx, tx.reading() as reader:
        yield reader


Opener = Callable[[Workbench], AbstractContextManager[Reader]]
# A read's own reader, and a write's (its transaction's connection, the engine's driver).
READERS: dict[str, Opener] = {"read": reading, "write": _in_a_write}


def _driver_of(kind: str) -> ModuleType:
    if not PG_URL:
        return sqlite3
    if kind == "read":
        import psycopg2

        return psycopg2
    import psycopg

    return psycopg


@pytest.mark.parametrize("kind", READERS)
def test_a_reader_knows_the_errors_of_its_connections_driver(wb: Workbench, kind: str) -> None:
    driver = _driver_of(kind)
    with READERS[kind](wb) as reader:
        assert reader.error is driver.Error
        assert reader.operational_error is driver.OperationalError


@pytest.mark.parametrize("kind", READERS)
def test_a_failing_statement_in_a_reader_is_a_storage_refusal(wb: Workbench, kind: str) -> None:
    with pytest.raises(StorageError, match="database error") as refused, READERS[kind](wb) as r:
        r.raw(Sql("SELECT * FROM no_such_table"))
    assert "no_such_table" in str(refused.value)


@pytest.mark.parametrize("kind", READERS)
def test_a_lock_held_too_long_in_a_reader_is_a_conflict_to_retry(wb: Workbench, kind: str) -> None:
    """The driver's operational error about a lock (sqlite3's "database is locked" after the
    busy timeout) is the conflict every other path reports, whichever driver raised it."""
    with pytest.raises(Conflict, match="try the command again"), READERS[kind](wb) as reader:
        raise reader.operational_error("database is locked")


def test_an_error_in_a_writes_reader_does_not_wait_on_its_own_lock(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare SQLITE_ERROR is asked of FTS5's own check (workbench.db.damage: is the search
    index damaged?) on a connection of its own, a check that writes. Met by the reader of a
    write transaction, which holds the file's write lock until the refusal unwinds it, that
    connection waited out sqlite3's busy timeout on this command's own lock (5 s), then gave
    up: the refusal was the plain one, five seconds late (found as the suite's slowest
    service test). The reader of a write asks it without waiting for the lock (a damaged
    index fails it before any lock: test_a_damaged_search_index_met_by_a_reader_is_told_as_
    index_damage); a read's reader waits as before (its own transaction holds no write
    lock)."""
    from workbench.db import damage

    asked: list[bool] = []
    real = damage._index_check

    def counted(path: str, *, wait: bool = True) -> str | None:
        asked.append(wait)
        return real(path, wait=wait)

    monkeypatch.setattr(damage, "_index_check", counted)
    with pytest.raises(StorageError, match="no_such_table"), _in_a_write(wb) as reader:
        reader.raw(Sql("SELECT * FROM no_such_table"))
    assert asked == ([] if PG_URL else [False])
    with pytest.raises(StorageError, match="no_such_table"), reading(wb) as reader:
        reader.raw(Sql("SELECT * FROM no_such_table"))
    assert asked == ([] if PG_URL else [False, True])


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is an FTS5 table")
@pytest.mark.parametrize("kind", READERS)
def test_a_damaged_search_index_met_by_a_reader_is_told_as_index_damage(
    wb: Workbench, kind: str
) -> None:
    """A search index whose settings record was emptied makes SQLite say a bare SQLITE_ERROR
    ("invalid fts5 file format") on each statement that opens it, which FTS5's own check
    confirms (workbench.db.damage). Met by the reader of a write, the check was left out (it
    is a write, and the write's own lock held it up for the busy timeout when the index was
    sound), and the refusal became "database error: ..." (storage, to try again) where it had
    said the index is damaged and `db upgrade` rebuilds it (review112). A damaged index fails
    the check as it opens, before any lock: a write's reader asks it without waiting, so the
    same refusal comes from either reader (found reviewing that change)."""
    from contextlib import closing

    from tests.damaged_file import small_desk
    from workbench.domain.errors import DAMAGED_SEARCH_INDEX, DamagedRecord, step

    path, _ = small_desk(wb)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM claim_fts_config")
        conn.commit()
    with pytest.raises(DamagedRecord) as refused, READERS[kind](wb) as reader:
        reader.raw(Sql("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'founded'"))
    assert refused.value.reason == DAMAGED_SEARCH_INDEX
    assert "invalid fts5 file format" in str(refused.value)
    assert refused.value.hint == step("rebuild_search_index")  # `workbench db upgrade`
