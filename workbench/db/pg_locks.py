"""PostgreSQL's locks as both their takers read them: the desk's append lock and the
migrations' lock (their keys, and the statements taking them), how long a writer waits for
one, how the server's error says why a statement ended, and the refusal of a write on a
server read-only for the session.

Its own module so that postgresql (the backend, whose `lock_event_appends` and
`lock_migrations` take the locks for a write) and pg_append_lock (which takes them, waits, and
names who holds them) both read one copy without importing each other
(tests/unit/test_import_graph.py).
"""

from __future__ import annotations

# An arbitrary constant naming "the audit chain" among advisory locks ("wbchain" in ASCII): the
# append lock's one key until it was keyed by desk (review57); MIGRATION_LOCK counts from it.
EVENT_APPEND_LOCK = 0x7762636861696E
MIGRATION_LOCK = EVENT_APPEND_LOCK + 1
# The append lock's first key ("wbch"), in the two-key space of advisory locks (which never
# meets the one-key space of EVENT_APPEND_LOCK and MIGRATION_LOCK); the second is the desk's.
DESK_LOCK_CLASS = 0x77626368
# The append lock's keys as its statements bind them: the class, and the desk the session's
# search path finds (its events table's oid).
DESK_LOCK_KEYS = ":desk_lock, 'events'::regclass::oid::int"
# The migrations' lock's one key, a bigint (MIGRATION_LOCK).
MIGRATION_LOCK_KEYS = ":key"


def advisory_lock_sql(keys: str, *, wait: bool = True, naming: bool = False) -> str:
    """The statement taking the advisory lock of `keys` to the transaction's end: waiting
    for it (within lock_timeout), or, `wait` false, trying it without waiting (true: got);
    `naming`: also naming the write (`:app`) as its application_name, for as long as the
    transaction lasts, in the same round trip."""
    take = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    named = ", set_config('application_name', :app, true)" if naming else ""
    return f"SELECT {take}({keys}){named}"


# The append lock of the desk the session's search path finds, waited for.
APPEND_LOCK_SQL = advisory_lock_sql(DESK_LOCK_KEYS)

# SQLSTATEs: lock_not_available (lock_timeout ran out), idle_in_transaction_session_timeout.
LOCK_NOT_AVAILABLE = "55P03"
IDLE_TIMEOUT = "25P03"
# The server's words as it ends a session for idle_in_transaction_session_timeout.
_IDLE_ENDED = "idle-in-transaction timeout"


def lock_wait_ms() -> int:
    """How long a writer waits for the append lock: SQLite's busy timeout, the workbench's one
    bound on a writer's wait, so both backends refuse after the same time."""
    from workbench.db import sqlite

    return int(sqlite.BUSY_TIMEOUT_MS)


def lock_timeout_sql(ms: int | None = None) -> str:
    """The statement bounding every lock wait of the transaction to `ms` (0: no bound), by
    default the writer's own bound (`lock_wait_ms`): one spelling for every transaction's
    (postgresql.configure, begin_read, bound_waits) and each step of a wait told
    (pg_append_lock). SET takes no bound parameters: the value is an int, written as one."""
    return f"SET LOCAL lock_timeout = {int(lock_wait_ms() if ms is None else ms):d}"


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a driver's error `exc`, where it has one."""
    code = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    if code is None and _IDLE_ENDED in str(exc):
        # psycopg2 reads the server's FATAL as the connection lost, with no SQLSTATE.
        return IDLE_TIMEOUT
    return str(code) if code is not None else None


def read_only_said(url: str | None) -> str:
    """The refusal of a write on a server read-only for this session: said after the server
    refused the write (postgresql.read_only_refusal), and before it is asked to write
    (pg_append_lock: a write that would wait for the lock first)."""
    from workbench.db.pg_options import read_only_set_by

    if (set_by := read_only_set_by(url)) is not None:
        return (
            "the database server is read-only for this connection: "
            f"{set_by} set default_transaction_read_only on, so nothing was written; "
            "remove it there to make changes"
        )
    return (
        "the database server is read-only for this connection (a standby, or "
        "default_transaction_read_only set for the role or database), so nothing was written; "
        "make changes through the primary server, or ask its administrator"
    )
