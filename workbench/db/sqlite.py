"""SQLite specifics: pragmas, and write transactions that take the lock up front."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Table,
    event,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.sql.selectable import SelectBase

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
        # SQLite's lower() (and so ILIKE) folds ASCII only: "É" would not find "é" as it does
        # on PostgreSQL. Python's folds every script; deterministic, so indexes may use it.
        dbapi_conn.create_function("lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A deferred transaction that later writes must upgrade its lock, and SQLite answers
        # "database is locked" at once instead of waiting. BEGIN IMMEDIATE waits (busy_timeout)
        # for the write lock before reading anything, so concurrent writers queue up.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def lock_event_appends(conn: Connection) -> None:
    """Nothing to do: BEGIN IMMEDIATE already holds the database's single write lock."""
    del conn


def machine_identity(conn: Connection) -> str:
    """The OS account running this process (its effective uid, not $USER, which anyone sets).

    A SQLite file has no login: this is only who the operating system says runs the command.
    """
    del conn
    import os

    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):  # Windows, or a uid with no passwd entry (containers)
        uid = getattr(os, "geteuid", None)
        return f"uid:{uid()}" if uid is not None else "os-user:unknown"


def reset_id_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """Nothing to do: an INTEGER PRIMARY KEY takes max(id) + 1 by itself."""
    del conn, tables


def lock_migrations(conn: Connection) -> None:
    """Nothing to do: the migration runs in a BEGIN IMMEDIATE transaction."""
    del conn


# The append-only triggers on events, by name, are migration 0002's (frozen there). The same DDL
# is kept here for the repair: `db status` reports a missing trigger and `db upgrade` recreates it.
APPEND_ONLY_TRIGGERS = {
    "events_no_update": "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END",
    "events_no_delete": "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END",
}
APPEND_ONLY_DDL = list(APPEND_ONLY_TRIGGERS.values())


def existing_triggers(conn: Connection) -> set[str]:
    rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {str(r[0]) for r in rows}


DROP_APPEND_ONLY_DDL = [f"DROP TRIGGER IF EXISTS {name}" for name in APPEND_ONLY_TRIGGERS]


# Search reads the FTS5 trigram table claim_fts (created, with the triggers that keep it in step
# with claims, notes and evidence titles, by migration 0003). Trigrams need 3+ characters.
TRIGRAM_MIN = 3


def fts_phrase(query: str) -> str:
    """The query as one FTS5 phrase: quotes doubled, so user text is never FTS syntax."""
    return '"' + query.replace('"', '""') + '"'


def search_claim_ids(query: str) -> SelectBase | None:
    """Claim ids from the FTS5 trigram index, or None when the query is too short for it."""
    if len(query) < TRIGRAM_MIN:
        return None
    return (
        select(literal_column("claim_id", Integer))
        .select_from(table("claim_fts"))
        .where(text("claim_fts MATCH :fts_query").bindparams(fts_query=fts_phrase(query)))
    )
