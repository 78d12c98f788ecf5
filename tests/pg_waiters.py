"""Who waits for a desk's append lock on PostgreSQL, as tests that must act while a command
waits there read it (a sleep instead failed on a loaded machine: the command had not yet asked
for the lock)."""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from workbench.db.pg_locks import DESK_LOCK_CLASS

# The waiters for the append lock of the desk the session's search path finds: its class and
# its events table's oid, two int keys (objsubid 2), in this database only (xdist's workers
# share the server, and another test's wait must not count).
_WAITERS = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    " AND objsubid = 2 AND database = (SELECT oid FROM pg_database"
    " WHERE datname = current_database())"
    " AND classid::bigint = :desk_lock AND objid = 'events'::regclass::oid"
)


def append_lock_waiters(conn: Connection | Session) -> int:
    """How many sessions wait for the desk's append lock (0 when none does)."""
    return int(conn.execute(_WAITERS, {"desk_lock": DESK_LOCK_CLASS}).scalar() or 0)
