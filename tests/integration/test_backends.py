"""Backend settings the rest of the code relies on."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine, write_engine
from workbench.db.url import resolve_url, safe_url


def test_sqlite_pragmas(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    with get_engine(db_url).connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_sqlite_write_transactions_take_the_lock_up_front(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    with write_engine(db_url).connect() as writer, writer.begin():
        writer.execute(text("SELECT 1"))
        # Another connection cannot start writing while this transaction holds the lock.
        other = get_engine(db_url).raw_connection()
        try:
            other.execute("PRAGMA busy_timeout = 0")  # type: ignore[attr-defined]
            with pytest.raises(Exception, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # type: ignore[attr-defined]
        finally:
            other.close()


def test_urls(tmp_path: object) -> None:
    assert resolve_url("x.db").startswith("sqlite:////")
    assert resolve_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert safe_url("postgresql+psycopg://u:secret@h/d") == "postgresql+psycopg://u@h/d"


def test_bulk_ids_come_from_the_tables_sequence_in_row_order(postgres_url: str) -> None:
    """PostgreSQL's bulk insert draws ids from the table's sequence, then inserts: the ids come
    back in the rows' order; a table whose id has no sequence (a schema the migrations did not
    build) is refused in one line, not a TypeError."""
    from sqlalchemy import Column, Integer, MetaData, Table, Text

    from workbench.db.postgresql import insert_returning_ids
    from workbench.domain.errors import StorageError

    meta = MetaData()
    serial = Table("bulk_serial", meta, Column("id", Integer, primary_key=True), Column("v", Text))
    plain = Table("bulk_plain", meta, Column("id", Integer, primary_key=True, autoincrement=False))
    engine = get_engine(postgres_url)
    with engine.begin() as conn:
        meta.create_all(conn)
        ids = insert_returning_ids(conn, serial, [{"v": "a"}, {"v": "b"}, {"v": "c"}])
        rows = conn.execute(text("SELECT id, v FROM bulk_serial ORDER BY id")).all()
        assert [tuple(r) for r in rows] == list(zip(ids, "abc", strict=True))
        assert ids == sorted(ids) and len(set(ids)) == 3
        with pytest.raises(StorageError, match="no sequence"):
            insert_returning_ids(conn, plain, [{}, {}])
