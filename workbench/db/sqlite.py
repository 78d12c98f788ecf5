"""SQLite specifics: pragmas, and write transactions that take the lock up front."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, Integer, event, literal_column, select, table, text
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


def lock_migrations(conn: Connection) -> None:
    """Nothing to do: the migration runs in a BEGIN IMMEDIATE transaction."""
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


# One FTS5 row per searchable piece of a claim: its text and quote, each note, each evidence
# title. The trigram tokenizer matches any 3+ character substring, which is what CJK text needs
# (no word boundaries to tokenise on). Triggers keep it in step with the tables.
SEARCH_DDL = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5("
    "claim_id UNINDEXED, kind UNINDEXED, body, tokenize='trigram')",
    "CREATE TRIGGER claim_fts_claim_ai AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.id, 'claim', new.text || char(10) || new.quote); END",
    "CREATE TRIGGER claim_fts_claim_au AFTER UPDATE OF text, quote ON claims BEGIN "
    "DELETE FROM claim_fts WHERE claim_id = old.id AND kind = 'claim'; "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.id, 'claim', new.text || char(10) || new.quote); END",
    "CREATE TRIGGER claim_fts_note_ai AFTER INSERT ON notes BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) VALUES (new.claim_id, 'note', new.body); END",
    "CREATE TRIGGER claim_fts_evidence_ai AFTER INSERT ON evidence "
    "WHEN new.title IS NOT NULL BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.claim_id, 'evidence', new.title); END",
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "SELECT id, 'claim', text || char(10) || quote FROM claims",
    "INSERT INTO claim_fts(claim_id, kind, body) SELECT claim_id, 'note', body FROM notes",
]
DROP_SEARCH_DDL = [
    "DROP TRIGGER IF EXISTS claim_fts_claim_ai",
    "DROP TRIGGER IF EXISTS claim_fts_claim_au",
    "DROP TRIGGER IF EXISTS claim_fts_note_ai",
    "DROP TRIGGER IF EXISTS claim_fts_evidence_ai",
    "DROP TABLE IF EXISTS claim_fts",
]
TRIGRAM_MIN = 3


def create_search_index(conn: Connection) -> None:
    for statement in SEARCH_DDL:
        conn.exec_driver_sql(statement)


def drop_search_index(conn: Connection) -> None:
    for statement in DROP_SEARCH_DDL:
        conn.exec_driver_sql(statement)


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
