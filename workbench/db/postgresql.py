"""PostgreSQL specifics: the append lock for the audit chain, and append-only triggers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, Table, text
from sqlalchemy.sql.selectable import SelectBase

# An arbitrary constant naming "the audit chain" among advisory locks ("wbchain" in ASCII).
EVENT_APPEND_LOCK = 0x7762636861696E


def configure(engine: Engine) -> None:
    """Nothing to set per connection: READ COMMITTED and server defaults suit us."""
    del engine


def lock_event_appends(conn: Connection) -> None:
    """Held to the end of the transaction: one writer at a time extends the chain."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENT_APPEND_LOCK})


def machine_identity(conn: Connection) -> str:
    """The role the server authenticated this session as: what a typed --as cannot change."""
    return str(conn.execute(text("SELECT session_user")).scalar_one())


MIGRATION_LOCK = EVENT_APPEND_LOCK + 1


def reset_id_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """Rows restored with their ids leave each serial's sequence behind: move it to max(id)."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"),
                {"t": table.name, "c": column.name},
            ).scalar()
            if sequence is None:
                continue
            conn.execute(
                text(
                    f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") '  # noqa: S608
                    f'FROM "{table.name}"), 0) + 1, false)'
                ),
                {"s": sequence},
            )


def lock_migrations(conn: Connection) -> None:
    """DDL from two processes at once would collide: one migrates, the other waits."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


# The append-only triggers on events, by name, and the function they call are migration 0002's
# (frozen there). The same DDL is kept here for the repair: `db status` reports a missing trigger
# and `db upgrade` recreates it.
APPEND_ONLY_FUNCTION = """
    CREATE OR REPLACE FUNCTION workbench_events_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
    END;
    $$ LANGUAGE plpgsql
    """
APPEND_ONLY_TRIGGERS = {
    "events_no_update": "CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION workbench_events_append_only()",
    "events_no_truncate": "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION workbench_events_append_only()",
}
APPEND_ONLY_DDL = [APPEND_ONLY_FUNCTION, *APPEND_ONLY_TRIGGERS.values()]


def existing_triggers(conn: Connection) -> set[str]:
    """Enabled triggers on this schema's events table (a disabled one protects nothing)."""
    rows = conn.execute(
        text(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass('events') "
            "AND NOT tgisinternal AND tgenabled <> 'D'"
        )
    )
    return {str(r[0]) for r in rows}


DROP_APPEND_ONLY_DDL = [
    *(f"DROP TRIGGER IF EXISTS {name} ON events" for name in APPEND_ONLY_TRIGGERS),
    "DROP FUNCTION IF EXISTS workbench_events_append_only()",
]


def search_claim_ids(query: str) -> SelectBase | None:
    """None: ILIKE (the portable search) is what the pg_trgm indexes (migration 0003) serve."""
    del query
    return None
