"""PostgreSQL specifics: the append lock for the audit chain, append-only triggers, and what
the read paths (workbench.db.reader, on psycopg2 itself) need to know of PostgreSQL.

The module workbench.db.backend dispatches to: pieces with a home of their own (pg_desk's
where a URL leads, pg_search's search statements, pg_trigram's indexes, pg_locks, pg_options)
are handed on from here.

SQLAlchemy and the drivers are imported inside the functions that use them: the read commands
import this module and must not pay for SQLAlchemy, and SQLite users not for a driver.

Two drivers, one per path. The engine (every write, and every command on SQLAlchemy) uses
psycopg 3. The lean read paths (`claim list`, `claim show`, `stats`, the board) use psycopg2,
whose import is a C extension: about 0.03 s of CPU against psycopg 3's 0.15-0.2 s (its pure
Python layer pulls in logging, inspect and typing_extensions), and for a read command on
PostgreSQL the driver's import is most of the process's own time (bench/bench_desk.py).
"""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
# ruff: noqa: S608
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from workbench.db.guards import Guard

# Where a URL leads (is a desk there, why would none be set up) is db/pg_desk.py's: what the
# backend and revision ask of every backend is handed on from here.
from workbench.db.pg_desk import DESK_HERE as DESK_HERE
from workbench.db.pg_desk import DESK_VERSION_TABLE
from workbench.db.pg_desk import desk_here as desk_here
from workbench.db.pg_desk import no_set_up_here as no_set_up_here
from workbench.db.pg_desk import sets_up_in_write as sets_up_in_write
from workbench.db.pg_desk import sets_up_where_named as sets_up_where_named
from workbench.db.pg_desk import tables_here as tables_here
from workbench.db.pg_desk import version_schema as version_schema
from workbench.db.pg_locks import (
    IDLE_TIMEOUT,
    LOCK_NOT_AVAILABLE,
    lock_timeout_sql,
    read_only_said,
    sqlstate,
)
from workbench.db.pg_options import client_value

# `claim list --search`'s statements are db/pg_search.py's, this backend's to
# workbench.db.backend.
from workbench.db.pg_search import folded_claim_ids as folded_claim_ids
from workbench.db.pg_search import ilike as ilike
from workbench.db.pg_search import search_claim_ids as search_claim_ids
from workbench.db.pg_search import trigram_reads as trigram_reads
from workbench.db.search_indexes import MissingIndexes
from workbench.domain.errors import DATABASE_LOCKED, Conflict
from workbench.domain.lock_wait import MIGRATIONS_LOCK, WRITE_LOCK, stayed_locked

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Connection, Engine, Table
    from sqlalchemy.orm import QueryableAttribute


# The locks' keys and statements, the wait's bound and the SQLSTATEs of the errors that say
# why a statement ended are db/pg_locks.py's, which pg_append_lock reads too.

# How long a write transaction may sit idle (the server waiting for the client's next
# statement) before the server ends it, its locks with it: a client stopped mid-command (a
# laptop asleep, a frozen ssh, Ctrl-Z) would otherwise hold the desk's append lock until TCP
# gave up, hours later, and every writer behind it would be refused until then. A workbench's
# own write is idle between statements only while it computes (a `doc update` re-anchoring
# 4,000 claims: some 35 s in all, in several gaps), so five minutes leaves a long command
# ample room and bounds what a stopped one costs the desk (docs/backup.md, "Writers wait").
IDLE_WRITE_MS = 300_000
# query_canceled: a statement that ran past statement_timeout, or was cancelled by someone.
QUERY_CANCELED = "57014"
# A write in a transaction the server keeps read-only (a standby; default_transaction_read_only).
READ_ONLY_TRANSACTION = "25006"


def configure(engine: Engine) -> None:
    """READ COMMITTED and server defaults suit us, but for the lock wait: every transaction,
    a read's too, waits for a lock at most `lock_wait_ms` (trial96: behind a session holding
    LOCK TABLE claims IN ACCESS EXCLUSIVE MODE, `audit verify` waited as long as it held it)."""
    from sqlalchemy import event

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(lock_timeout_sql())


def lock_event_appends(conn: Connection, actor: str | None = None) -> None:
    """Held to the end of the transaction: one writer at a time extends the chain.

    The lock is the desk's: keyed by its events table (the one this session's search path
    finds, where this transaction appends), so desks in two schemas of one database never wait
    for each other, and two URLs naming one schema share one lock. A writer waits for it at
    most `lock_wait_ms` (lock_timeout, which also bounds any later lock wait of the write, as
    SQLite's busy timeout does), then is refused as SQLite refuses, naming the writer that
    held it (pg_append_lock.take_lock, which also tells a wait as it goes on); and
    while the transaction holds it, the server ends it if its client goes quiet for
    IDLE_WRITE_MS. `actor` is put where a writer waiting behind this one reads who holds it.
    """
    from workbench.db.pg_append_lock import take_lock

    bound_waits(conn)
    take_lock(conn, WRITE_LOCK, actor)


def lock_migrations(conn: Connection) -> None:
    """The migrations' lock, to the transaction's end, within the transaction's lock_timeout;
    a wait for it told as a write's is (pg_append_lock.take_lock)."""
    from workbench.db.pg_append_lock import take_lock

    take_lock(conn, MIGRATIONS_LOCK)


def bound_waits(conn: Connection) -> None:
    """A write's bounds on this transaction: how long it waits for any lock, how long it may
    sit idle holding one (`lock_event_appends`). A write that sets a desk up sets them before
    it waits for the migrations' lock, which it then holds to its end (migrate.set_up_in)."""
    from sqlalchemy import text

    # SET takes no bound parameters; both values are integers of the workbench's.
    conn.execute(text(lock_timeout_sql()))
    conn.execute(text(f"SET LOCAL idle_in_transaction_session_timeout = {IDLE_WRITE_MS:d}"))


def lock_refusal(exc: BaseException, *, write: bool) -> Conflict | None:
    """The refusal of a command whose statement `exc` (the driver's error) ended for the
    desk's lock, a conflict to try again: it waited too long for another writer (a lock wait
    run out, DATABASE_LOCKED, which scripts retry on), or, a write, sat idle holding the lock
    until the server ended its transaction (after IDLE_WRITE_MS: no lock waited for, so no
    reason); else None."""
    code = sqlstate(exc)
    if code == LOCK_NOT_AVAILABLE:
        return Conflict(stayed_locked(None), reason=DATABASE_LOCKED)
    if code == IDLE_TIMEOUT and write:
        return Conflict(
            f"the server ended this command's transaction after it sat idle for "
            f"{IDLE_WRITE_MS // 1000} s holding the write lock; nothing was written; try the "
            "command again"
        )
    return None


def bound_refusal(
    exc: BaseException, *, write: bool, url: str | None = None, upgrade: bool = False
) -> str | None:
    """What to tell a command whose statement `exc` met a bound the server's administrator
    set for the role or the database, which trying again meets again (trial121): a statement
    past statement_timeout (it said only "canceling statement due to statement timeout",
    and `audit verify` called it a database it could not open), or a read idle past
    idle_in_transaction_session_timeout (a read sets no idle bound of its own, and the words
    were the write's, naming 300 s and a lock it never held), or a schema change of `db
    upgrade` (`upgrade`, with `write` False: it sets no idle bound of its own either); else
    None."""
    code = sqlstate(exc)
    if code == IDLE_TIMEOUT and not write:
        name = "idle_in_transaction_session_timeout"
        set_by = _set_by_client(name, url)
        where = f"set {f'by {set_by}' if set_by else 'for the role or the database'}"
        return (
            "the server ended this command's schema upgrade after it sat idle longer than "
            f"the server allows ({name}, {where}); nothing was changed; "
            if upgrade
            else "the server ended this command's read after it sat idle longer than the "
            f"server allows ({name}, {where}; output left unread, as in a paused pager, "
            "keeps a read waiting); nothing was written; "
        ) + (
            f"raise or remove it in {set_by}"
            if set_by
            else "ask the server's administrator to raise it"
        )
    if code == QUERY_CANCELED and "statement timeout" in str(exc):
        set_by = _set_by_client("statement_timeout", url)
        if set_by is not None:
            return (
                "the server cancelled a statement that ran longer than statement_timeout "
                f"allows, set by {set_by}; nothing was written; raise or remove it there"
            )
        return (
            "the server cancelled a statement that ran longer than it allows "
            "(statement_timeout, set for the role or the database); nothing was written; ask "
            "the server's administrator to raise it for this role"
        )
    return None


def _set_by_client(setting: str, url: str | None) -> str | None:
    """Where this client itself set the server's `setting` (the database URL's options, or
    PGOPTIONS, which libpq sends too): not the administrator's to raise (review140); None when
    it did not."""
    given = client_value(setting, url)
    return None if given is None else given[0]


def read_only_refusal(exc: BaseException, url: str | None = None) -> str | None:
    """What to tell a writer whose statement `exc` the server refused because it is read-only
    for this session (a hot standby, or default_transaction_read_only set for the role or the
    database: the server says "read-only transaction", of a transaction the person never
    opened; or set on by this client's own URL options or PGOPTIONS, trial145: no primary nor
    administrator to send them to); else None."""
    if sqlstate(exc) != READ_ONLY_TRANSACTION:
        return None
    return read_only_said(url)


def read_only_session(conn: Connection) -> bool:
    """Whether this session's transactions are read-only: a hot standby's always are, and so
    are those begun under default_transaction_read_only (the role's, the database's, the URL's
    options or PGOPTIONS). Asked in a transaction that did not itself ask to be read-only."""
    from sqlalchemy import text

    return bool(
        conn.execute(text("SELECT current_setting('transaction_read_only') = 'on'")).scalar()
    )


def machine_identity(conn: Connection) -> str:
    """The role the server authenticated this session as: what a typed --as cannot change."""
    from sqlalchemy import text

    return str(conn.execute(text("SELECT session_user")).scalar_one())


def login_role_exists(conn: Connection, name: str) -> bool:
    """Whether the server has a role `name` that can log in (a name bound to any other could
    never act)."""
    from sqlalchemy import text

    found = conn.execute(
        text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).scalar()
    return bool(found)


def owns_tables(conn: Connection) -> bool:
    """Whether the session's role is the desk's owner: the role owning the workbench's tables
    (of alembic_version in the desk's schema, as `schema_owner` names it), or one that may
    become it (a member of it, or a superuser)."""
    from sqlalchemy import text

    found = conn.execute(
        text(
            "SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c"
            f" WHERE c.oid = ({DESK_VERSION_TABLE})"
        )
    ).scalar()
    return bool(found)


# A desk's shared database: the role a person connects as is often not the owner of the tables,
# and one person's newer workbench upgrading the schema would lock the desk's older ones out.
# Its schema is upgraded on purpose (`workbench db upgrade`), never by an ordinary command;
# an empty database still gets its tables on first use (there is nobody to surprise).
UPGRADES_ON_USE = False
# Each person may log in with a role of their own, which a registered name can be bound to.
BINDS_ROLES = True

# SQLSTATE insufficient_privilege: "must be owner of table ...", "permission denied for ...".
INSUFFICIENT_PRIVILEGE = "42501"


def lacks_privilege(exc: BaseException) -> bool:
    """Whether `exc` (the driver's, or SQLAlchemy's wrapping of it) is the server refusing
    the session's role a privilege or an ownership it needs."""
    orig = getattr(exc, "orig", None) or exc
    return sqlstate(orig) == INSUFFICIENT_PRIVILEGE


def schema_owner(conn: Connection) -> str | None:
    """The role to ask for a schema upgrade: the owner of the workbench's tables (of
    alembic_version, in the desk's schema: current_schema()), or before there are any, the
    owner of the schema they would go in (its database's owner when that is
    pg_database_owner, PostgreSQL 15's owner of `public`)."""
    from sqlalchemy import text

    return conn.execute(
        text(
            "SELECT COALESCE("
            " (SELECT c.relowner::regrole::text FROM pg_class c"
            f"  WHERE c.oid = ({DESK_VERSION_TABLE})),"
            " (SELECT CASE WHEN n.nspowner = (SELECT oid FROM pg_roles"
            "   WHERE rolname = 'pg_database_owner') THEN d.datdba ELSE n.nspowner END"
            "   ::regrole::text"
            "  FROM pg_namespace n, pg_database d"
            "  WHERE n.nspname = current_schema() AND d.datname = current_database()))"
        )
    ).scalar()


def insert_returning_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """The rows with ids drawn from the table's own sequence, in the rows' order.

    The ids are taken first (one `nextval` per row, in one statement) and the rows then go in
    by a plain executemany, which psycopg pipelines with one small statement parsed once.
    `INSERT ... RETURNING` would go through SQLAlchemy's "insertmanyvalues": a statement of a
    thousand rows' placeholders a page, which psycopg parses afresh each time (it caches
    statements of at most 50 parameters); that parsing was most of a bulk import's CPU."""
    if not rows:
        return []
    from sqlalchemy import insert, text

    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
    ).scalar_one()
    if sequence is None:  # only a schema not built by the migrations (they make ids serial)
        from workbench.domain.errors import StorageError

        raise StorageError(
            f"table {table.name}'s id has no sequence: this schema was not built by "
            "`workbench db upgrade`"
        )
    drawn = conn.execute(
        text("SELECT nextval(:s) FROM generate_series(1, :n)"), {"s": sequence, "n": len(rows)}
    )
    # Sorted: numbers drawn while another session draws too need not come back in order.
    ids = sorted(drawn.scalars())
    conn.execute(insert(table), [row | {"id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


# psycopg fetches a whole result, or a server-side cursor's batch, whatever the size of its rows:
# long values are read in pages bounded by their bytes (workbench.db.paging).
READS_ROW_BY_ROW = False
# A lock's waiters are queued: none is starved (backend.writer_handover).
WRITER_HANDOVER = 0.0


def statistics_refreshed(conn: Connection, tables: Sequence[Table]) -> None:
    """ANALYZE `tables` (backend.statistics_refreshed), never at the cost of the write it
    follows: a table another session holds SHARE UPDATE EXCLUSIVE on (its VACUUM or ANALYZE,
    autovacuum's, CREATE INDEX) is skipped (SKIP_LOCKED, PostgreSQL 12), where waiting for it
    held the desk's writer lock for the whole lock bound and then refused the write, undone
    (rpgscale); so is a table the session's role does not own (a person's role on a desk
    with one for each: only the owner may ANALYZE). Each skip is a server WARNING, which the
    driver keeps to itself (psycopg 3 with no notice handler): nothing is printed."""
    from sqlalchemy import text

    preparer = conn.dialect.identifier_preparer
    names = ", ".join(preparer.format_table(t) for t in tables)
    conn.execute(text("ANALYZE (SKIP_LOCKED) " + names))


def byte_length(column: ColumnElement[Any] | QueryableAttribute[Any]) -> ColumnElement[int]:
    """How many bytes `column`'s value takes, to size a page of long values before reading
    them (workbench.db.paging): octet_length() reads a stored value's size from its TOAST
    header, without decompressing or fetching it."""
    from sqlalchemy import func

    return func.octet_length(column)


def byte_length_sql(column: str) -> str:
    """`byte_length` as the driver's read paths spell it (workbench.db.sql; workbench.db.paging's
    `driver_rows`)."""
    return f"octet_length({column})"


def reset_id_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """Rows restored with their ids leave each serial's sequence behind: move it to max(id)."""
    from sqlalchemy import text

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
                    f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") '
                    f'FROM "{table.name}"), 0) + 1, false)'
                ),
                {"s": sequence},
            )


# The append-only triggers on events, by name, and the function they call are migration 0002's
# (frozen there); the identity trigger and its function are migration 0013's. The same DDL is
# kept here for the repair: `db status` reports a missing trigger and `db upgrade` recreates it.
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
# Refuses an event whose `machine` is not the session's role, or whose actor is bound to another
# role or (once anyone is registered) is no registered name; the tables' owner is not held to
# it. Its search path is pinned where the function is made, so a caller's cannot redirect it.
IDENTITY_FUNCTION = """
CREATE OR REPLACE FUNCTION workbench_events_identity() RETURNS trigger
SET search_path FROM CURRENT
AS $$
DECLARE
    who text;
    bound text;
BEGIN
    IF pg_catalog.pg_has_role(
        session_user,
        (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID),
        'MEMBER'
    ) THEN
        RETURN NULL;
    END IF;
    SELECT i.machine INTO who FROM workbench_new_events i
        WHERE i.machine IS DISTINCT FROM session_user::text LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'an event records the role that writes it: % is not this session''s role %',
            who, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Once anyone is registered, an event's actor is a registered name as the workbench
    -- stores it (its normal form): `Cai` for the bound `cai` matched no row, and passed.
    SELECT i.actor, u.role INTO who, bound
        FROM workbench_new_events i LEFT JOIN users u ON u.name = i.actor
        WHERE (u.name IS NULL AND EXISTS (SELECT 1 FROM users))
           OR (u.role IS NOT NULL AND u.role <> session_user::text)
        LIMIT 1;
    IF FOUND AND bound IS NULL THEN
        RAISE EXCEPTION '% is not a registered name as the workbench stores it', who
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION '% acts from the role %, not from this session''s role %',
            who, bound, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
IDENTITY_TRIGGER = (
    "CREATE TRIGGER events_identity AFTER INSERT ON events "
    "REFERENCING NEW TABLE AS workbench_new_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION workbench_events_identity()"
)
_APPEND_ONLY = "events are append-only"
_EDITABLE = "anyone with a role on the desk can edit or delete the audit trail in place"
GUARDS = (
    *(
        Guard(
            name,
            "0002_audit_chain",
            _APPEND_ONLY,
            _EDITABLE,
            (APPEND_ONLY_FUNCTION, f"DROP TRIGGER IF EXISTS {name} ON events", ddl),
        )
        for name, ddl in APPEND_ONLY_TRIGGERS.items()
    ),
    Guard(
        "events_identity",
        "0013_event_identity",
        "each event is written from the role it records",
        "a person's role can write events as another role or another person's name",
        (IDENTITY_FUNCTION, "DROP TRIGGER IF EXISTS events_identity ON events", IDENTITY_TRIGGER),
    ),
)


def existing_triggers(conn: Connection) -> set[str]:
    """Triggers that fire on this schema's events table: enabled ('O', or 'A' always). A
    disabled one ('D') protects nothing, nor does one enabled for replication only ('R'),
    which an ordinary session never fires."""
    from sqlalchemy import text

    rows = conn.execute(
        text(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass('events') "
            "AND NOT tgisinternal AND tgenabled IN ('O', 'A')"
        )
    )
    return {str(r[0]) for r in rows}


def missing_search_indexes(conn: Connection, owner: str | None) -> MissingIndexes:
    """The trigram search indexes the desk lacks, why, and how to add them (db/pg_trigram)."""
    from workbench.db.pg_trigram import trigram_indexes

    return trigram_indexes(conn, owner)


def restore_search_indexes(conn: Connection) -> list[str]:
    """Put back the trigram search indexes the desk lacks, where pg_trgm serves them."""
    from workbench.db.pg_trigram import restore_trigram_indexes

    return restore_trigram_indexes(conn)


DROP_APPEND_ONLY_DDL = [
    *(f"DROP TRIGGER IF EXISTS {name} ON events" for name in APPEND_ONLY_TRIGGERS),
    "DROP FUNCTION IF EXISTS workbench_events_append_only()",
]


# ---- the read paths' connection (workbench.db.reader) --------------------------------------

NAME = "postgresql"
# OFFSET needs no LIMIT before it here.
NO_LIMIT = "ALL"


# SQLSTATE invalid_catalog_name: the database named does not exist.
MISSING_DATABASE = "3D000"


def missing_database(exc: BaseException) -> str | None:
    """The database's name, when `exc` (either driver's, or SQLAlchemy's wrapping of it)
    says the database the URL names does not exist on the server; else None. At connection
    time neither driver carries the SQLSTATE (libpq reports no result), so the server's
    message is read too: in English, as a server with lc_messages C or en_* words it."""
    import re

    orig = getattr(exc, "orig", None) or exc
    found = re.search(r'database "([^"]*)" does not exist', str(orig))
    if found is not None:
        return found[1]
    return "" if sqlstate(orig) == MISSING_DATABASE else None


def dbapi() -> ModuleType:
    from workbench.domain.errors import StorageError

    try:
        import psycopg2
        import psycopg2.extensions
    except ImportError:
        raise StorageError(
            "PostgreSQL's read commands need the psycopg2 driver: "
            "pip install 'claim-workbench[postgres]'"
        ) from None
    psycopg2.extensions.set_wait_callback(_wait_stoppably)
    return psycopg2


def _wait_stoppably(conn: Any) -> None:
    """psycopg2's wait for the server, in Python where libpq would wait in C: Ctrl-C (or a
    `kill`) on a read behind another session's lock acted only when the lock wait ran out, 30
    seconds later (psycopg 3, the writes' driver, waits in Python already). A stop cancels the
    statement and, once the server has answered, goes on as the stop it was (psycopg2 then
    closes the connection, which workbench.db.reader.close leaves be). A second stop
    while the server takes its time leaves at once, as does a stop while the connection is
    still being made (no statement to cancel: the driver refuses the cancel, and its words
    said the database could not be opened in the stop's place)."""
    from psycopg2.extensions import POLL_OK, POLL_READ, POLL_WRITE

    stopped: BaseException | None = None
    # libpq bounds only a connection it waits for itself: this wait keeps connect_timeout.
    bound = _connect_timeout(conn)
    while True:
        try:
            state = conn.poll()
        except Exception:
            if stopped is not None:
                raise stopped from None  # (the statement's error is the cancel's own)
            raise
        if state == POLL_OK:
            if stopped is not None:
                raise stopped
            return
        try:
            ready = state not in (POLL_READ, POLL_WRITE) or _ready(
                conn.fileno(), state == POLL_WRITE, bound
            )
        except BaseException as exc:
            if stopped is not None:
                raise
            stopped = exc
            try:
                conn.cancel()
            except Exception:
                raise exc from None  # (connecting: "asynchronous connection attempt underway")
            continue
        if not ready:
            # The server said nothing for connect_timeout seconds: libpq's own words.
            raise _connect_timed_out(conn)


def _ready(fd: int, write: bool, timeout: float | None) -> bool:
    """Wait until the server's socket `fd` can be read (or written), `timeout` seconds at most
    (None: no bound); whether it can. poll(), not select(): select() takes no descriptor past
    FD_SETSIZE (1,023), and a process holding more files open could read nothing."""
    import select

    if not hasattr(select, "poll"):  # (Windows: select() takes any socket)
        readable, writable, _ = select.select(
            [] if write else [fd], [fd] if write else [], [], timeout
        )
        return bool(readable or writable)
    poller = select.poll()
    poller.register(fd, select.POLLOUT if write else select.POLLIN)
    return bool(poller.poll(None if timeout is None else timeout * 1000))


def _connect_timeout(conn: Any) -> float | None:
    """libpq's connect_timeout of a connection still being made (the URL's, else
    PGCONNECT_TIMEOUT; at least 2 s, as libpq reads it), or None: no bound, or connected.
    Kept for each wait for the server, where libpq keeps it for each host it tries."""
    from psycopg2.extensions import STATUS_SETUP

    if conn.status != STATUS_SETUP:
        return None
    try:
        given = conn.info.dsn_parameters.get("connect_timeout")
        seconds = int(given) if given else 0
    except Exception:  # (libpq's to refuse, as it would)
        return None
    return float(max(seconds, 2)) if seconds > 0 else None


def _connect_timed_out(conn: Any) -> Exception:
    import psycopg2

    try:
        where = f'connection to server at "{conn.info.host}", port {conn.info.port} failed: '
    except Exception:
        where = ""
    return psycopg2.OperationalError(where + "timeout expired")


def connect(url: str) -> Any:
    """A psycopg2 connection to the database of `url` (resolve_url's postgresql+psycopg://...).

    The URL's query (options=-csearch_path=..., sslmode, ...) is libpq's own, as SQLAlchemy
    passes it on: given to libpq as a connection URI, it means the same to both drivers."""
    from workbench.db.url import libpq_uri

    return dbapi().connect(libpq_uri(url))


# A transaction that reads as of one moment, as a SQLite transaction does: PostgreSQL's
# default (READ COMMITTED) gives each statement its own snapshot, and a claim committed between
# a page of `claim list` and its count was counted and not shown (review55). READ ONLY: what
# reads this way never writes (a read command, a bundle, a replay). The first statement of its
# transaction.
ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"


def begin_read(conn: Any) -> None:
    """Begin a read command's transaction, of one snapshot (psycopg2 opens the transaction
    with this first statement)."""
    with conn.cursor() as cur:
        cur.execute(ONE_SNAPSHOT)
        # As the engine's transactions (configure): a read waits for a lock no longer than a
        # write (`claim list` behind a table locked by another session waited minutes).
        cur.execute(lock_timeout_sql())


def statement(text: str) -> str:
    """The driver's spelling of workbench.db.sql's text: %s placeholders, a literal % doubled."""
    return text.replace("%", "%%").replace("?", "%s")


def bind(value: Any) -> Any:
    """psycopg2 sends dates and aware datetimes with their types: nothing to convert."""
    return value


def read_datetime(value: Any) -> dt.datetime | None:
    """timestamptz in the session's zone, as UTC (as workbench.db.types.UTCDateTime)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)  # type: ignore[no-any-return]
    return value.astimezone(dt.UTC)  # type: ignore[no-any-return]


def read_date(value: Any) -> dt.date | None:
    return value  # type: ignore[no-any-return]
