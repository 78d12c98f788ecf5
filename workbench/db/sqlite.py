"""SQLite specifics: pragmas, and write transactions that take the lock up front."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "workbench_write"


def configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the driver so that BEGIN is ours to issue.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A deferred transaction that later writes must upgrade its lock, and SQLite answers
        # "database is locked" at once instead of waiting. BEGIN IMMEDIATE waits (busy_timeout)
        # for the write lock before reading anything, so concurrent writers queue up.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def lock_event_appends(conn: Connection) -> None:
    """Nothing to do: BEGIN IMMEDIATE already holds the database's single write lock."""
    del conn


APPEND_ONLY_DDL = [
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END",
]
DROP_APPEND_ONLY_DDL = [
    "DROP TRIGGER IF EXISTS events_no_update",
    "DROP TRIGGER IF EXISTS events_no_delete",
]
