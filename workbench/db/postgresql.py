"""PostgreSQL specifics: the append lock for the audit chain, and append-only triggers."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.selectable import SelectBase

# An arbitrary constant naming "the audit chain" among advisory locks ("wbchain" in ASCII).
EVENT_APPEND_LOCK = 0x7762636861696E


def configure(engine: Engine) -> None:
    """Nothing to set per connection: READ COMMITTED and server defaults suit us."""
    del engine


def lock_event_appends(conn: Connection) -> None:
    """Held to the end of the transaction: one writer at a time extends the chain."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENT_APPEND_LOCK})


MIGRATION_LOCK = EVENT_APPEND_LOCK + 1


def lock_migrations(conn: Connection) -> None:
    """DDL from two processes at once would collide: one migrates, the other waits."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


APPEND_ONLY_DDL = [
    """
    CREATE OR REPLACE FUNCTION workbench_events_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
    END;
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION workbench_events_append_only()",
    "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION workbench_events_append_only()",
]
DROP_APPEND_ONLY_DDL = [
    "DROP TRIGGER IF EXISTS events_no_update ON events",
    "DROP TRIGGER IF EXISTS events_no_truncate ON events",
    "DROP FUNCTION IF EXISTS workbench_events_append_only()",
]


TRGM_INDEXES = {
    "ix_claims_text_trgm": ("claims", "text"),
    "ix_claims_quote_trgm": ("claims", "quote"),
    "ix_notes_body_trgm": ("notes", "body"),
    "ix_evidence_title_trgm": ("evidence", "title"),
}


def create_search_index(conn: Connection) -> None:
    """pg_trgm GIN indexes make ILIKE '%...%' an index scan for 3+ characters.

    Without the extension (no privilege to create it, or not installed) search still works,
    as a plain scan: the database refusing is expected; any other error is a bug and propagates.
    """
    savepoint = conn.begin_nested()
    try:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        for name, (table, column) in TRGM_INDEXES.items():
            conn.execute(text(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)"))
    except DBAPIError:
        savepoint.rollback()
    else:
        savepoint.commit()


def drop_search_index(conn: Connection) -> None:
    for name in TRGM_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def search_claim_ids(query: str) -> SelectBase | None:
    """None: ILIKE (the portable search) is what the pg_trgm indexes serve."""
    del query
    return None
