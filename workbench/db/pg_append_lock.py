"""PostgreSQL: taking a desk's append lock, and saying who holds it to a writer that waits.

A write names itself where every session may read it: its transaction's application_name
(pg_stat_activity shows it to any role, where the query, the client and the times are shown
only to the same role or pg_read_all_stats), set to the workbench name writing until the
transaction ends. A writer that finds the lock taken waits a moment silently (most writes are
short), then reads who holds it from pg_locks, tells its listener, and waits out the rest of
its bound; run out, it is refused naming that writer (trial196: 30 s of silence, then a
refusal naming nobody).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.db.pg_locks import (
    DESK_LOCK_CLASS,
    DESK_LOCK_KEYS,
    LOCK_NOT_AVAILABLE,
    MIGRATION_LOCK,
    MIGRATION_LOCK_KEYS,
    advisory_lock_sql,
    lock_timeout_sql,
    lock_wait_ms,
    read_only_said,
    sqlstate,
)
from workbench.domain.errors import DATABASE_LOCKED, READ_ONLY_SERVER, Conflict, StorageError
from workbench.domain.identity import hidden_at
from workbench.domain.lock_wait import (
    MIGRATIONS_LOCK,
    WRITE_LOCK,
    LockHolder,
    LockKind,
    WaitBegan,
    WaitEnded,
    stayed_locked,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

# How a write's application_name says it is the workbench's, and whose: the name follows,
# Python-escaped (the server keeps printable ASCII only, and a Chinese name would be "???").
APP_PREFIX = "workbench:"
# The server cuts an application_name to NAMEDATALEN - 1 bytes.
APP_NAME_MAX = 63

# The session holding an advisory lock, if any still does: its row of pg_locks, by the key
# space (`objsubid` 2: two int keys; 1: one bigint key, shown in two halves) and its keys.
_HOLDER = """
SELECT a.application_name, a.usename
FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = {objsubid:d}
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND {held}
LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class _Lock:
    """An advisory lock a transaction takes: its keys as the lock functions bind them, its
    row of pg_locks (the key space, `objsubid`, and the row's keys, `held`), the
    parameters of both, and which lock a wait for it is told as (`kind`). Its statements are
    built from these, one builder each."""

    keys: str
    objsubid: int
    held: str
    params: dict[str, object]
    kind: LockKind

    def take(self, *, named: bool = False) -> str:
        """The statement trying it without waiting (true: got); `named`: naming the write
        (`:app`) in the same round trip, for as long as its transaction lasts."""
        return advisory_lock_sql(self.keys, wait=False, naming=named)

    @property
    def wait(self) -> str:
        """The statement waiting for it (within lock_timeout)."""
        return advisory_lock_sql(self.keys)

    @property
    def holder(self) -> str:
        """The statement finding the session holding it."""
        return _HOLDER.format(objsubid=self.objsubid, held=self.held)


# The desk's append lock: two keys, the class and the desk (its events table's oid).
_APPEND = _Lock(
    DESK_LOCK_KEYS,
    2,
    "l.classid::bigint = :desk_lock AND l.objid = 'events'::regclass::oid",
    {"desk_lock": DESK_LOCK_CLASS},
    WRITE_LOCK,
)
# The migrations' lock (`db upgrade`, a first write setting a desk up): one key, a bigint.
_MIGRATIONS = _Lock(
    MIGRATION_LOCK_KEYS,
    1,
    "l.classid::bigint = (:key >> 32) AND l.objid::bigint = (:key & 4294967295)",
    {"key": MIGRATION_LOCK},
    MIGRATIONS_LOCK,
)


def app_name(actor: str) -> str:
    """The application_name a write by `actor` runs under."""
    return APP_PREFIX + actor.encode("unicode_escape").decode("ascii")


# The server keeps an application_name's printable ASCII only. Before PostgreSQL 16 it writes
# '?' for each other byte, which cannot be read back; from 16, '\xNN' (`_BYTE_ESCAPES`:
# those of bytes past ASCII, read back; a control character's is left as the server wrote it).
ESCAPING_SERVER = (16,)
_BYTE_ESCAPES = re.compile(r"(?:\\x[89a-f][0-9a-f])+")
# An escape cut short at the name's end by the server's 63 bytes.
_CUT_ESCAPE = re.compile(r"\\(?:x[0-9a-f]?)?$")


def holder_of(application_name: str | None, role: str | None, *, lossy: bool) -> LockHolder:
    """The holder a session's application_name and role say: a workbench write's name, read
    back (a name the server cut short ends in '…'), or the program it says it is: read back
    from a server that escapes what it does not keep, said with what its '?' may be by one
    that makes it '?' (`lossy`: before PostgreSQL 16; review215: "(??????)" of a program
    named 夜间, said as its name)."""
    cut = application_name is not None and len(application_name.encode()) >= APP_NAME_MAX
    if application_name and application_name.startswith(APP_PREFIX):
        name = _write_name(application_name[len(APP_PREFIX) :])
        if name is not None:
            return LockHolder(name + ("…" if cut else ""), role, None)
    if not application_name:
        return LockHolder(None, role, None)
    if lossy:
        # (a '?' of the program's own cannot be told from a letter lost: said as the server
        # shows it, with what a '?' may be)
        return LockHolder(None, role, application_name, program_unread="?" in application_name)
    return LockHolder(None, role, _unescaped(application_name, cut=cut))


def _write_name(escaped: str) -> str | None:
    """The name a write's application_name escapes after its prefix (`app_name`), read back;
    None where no write's is: any session may call itself 'workbench:...', and one whose
    escapes no write sets ('\\N{nope}': UnicodeDecodeError, a writer behind it refused as
    bad UTF-8), that says no name, or a character no name may hold (ESC of
    'workbench:\\x1b[2J', written to the terminal) is a program's, said as the server shows it
    (review227)."""
    try:
        name = escaped.encode("ascii").decode("unicode_escape")
    except UnicodeError:
        # An escape cut in two at the server's 63 bytes: the name's start, not a wrong letter.
        try:
            name = escaped[: escaped.rfind("\\")].encode("ascii").decode("unicode_escape")
        except UnicodeError:
            return None
    return name if name and hidden_at(name) is None else None


def _unescaped(program: str, *, cut: bool) -> str:
    """A program's name as a server from PostgreSQL 16 keeps it, its bytes outside ASCII
    written '\\xNN', read back; bytes that are no UTF-8 left as the server wrote them. `cut`: the
    server cut the name at 63 bytes (its end, inside a letter or an escape, left out; '…')."""
    if cut:
        program = _CUT_ESCAPE.sub("", program)

    def back(escapes: re.Match[str]) -> str:
        raw = bytes.fromhex(escapes[0].replace("\\x", ""))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            # Only a letter the cut left incomplete is left out (the decoding's first fault
            # is at the end, for want of bytes): any other byte that is no UTF-8 (a name in
            # GBK) leaves the run as written, never read as other letters (review227: "ͬҹ…"
            # of a GBK name, its bad bytes dropped, the rest misread).
            at_end = cut and escapes.end() == len(program)
            if at_end and exc.end == len(raw) and exc.reason == "unexpected end of data":
                return raw[: exc.start].decode("utf-8")
            return escapes[0]

    return _BYTE_ESCAPES.sub(back, program) + ("…" if cut else "")


def take_lock(conn: Connection, kind: LockKind, actor: str | None = None) -> None:
    """The lock `kind` to the transaction's end, within its lock_timeout (set already:
    postgresql.bound_waits or configure): the desk's append lock (WRITE_LOCK; `actor`, the
    write's name, set as its application_name in the same round trip) or the migrations' lock
    (MIGRATIONS_LOCK: two processes' DDL at once would collide, one migrates, the other
    waits). A wait past the notice threshold is told to the write's listener, either lock's
    alike (fix206: `db upgrade` behind another's, or behind a first write setting the desk up,
    waited its whole bound without a word)."""
    from sqlalchemy import text

    lock = _APPEND if kind == WRITE_LOCK else _MIGRATIONS
    # Only a write is named: a migration's transaction takes no writer's name (its holder is
    # found by the migrations' lock itself), whatever a caller passes.
    app = app_name(actor) if actor is not None and lock is _APPEND else None
    params = lock.params if app is None else {**lock.params, "app": app}
    if conn.execute(text(lock.take(named=app is not None)), params).scalar():
        return
    _wait_for(conn, lock)


def _wait_for(conn: Connection, lock: _Lock) -> None:
    """Wait for `lock`, found taken, within the write's bound: silently a moment, then told to
    the transaction's listener naming who holds it; run out, refused naming them."""
    from workbench.db.lock_wait import ask_before_waiting, listener_of, notice_after_ms

    # Asked only by a write that found the lock taken: a free desk's write costs nothing more.
    cap = _server_limits(conn)
    bound, quiet = lock_wait_ms(), max(notice_after_ms(), 1)  # (lock_timeout 0: no bound)
    # A wait that cannot outlast the silence is never told: a bound no longer than it, or a
    # server's statement_timeout that cuts one wait statement to no longer (review215: under
    # 500 ms, "up to 0.9 s…" was said after 0.45 s). One silent wait, then the refusal.
    if bound <= quiet or cap(quiet) < quiet:
        if not _wait_quietly(conn, lock, cap(bound)):
            raise Conflict(stayed_locked(_holder(conn, lock)), reason=DATABASE_LOCKED)
        return
    first, rest = quiet, cap(bound - quiet)
    if _wait_quietly(conn, lock, first):
        return
    if lock.kind == WRITE_LOCK:
        # After the silent moment only, as on SQLite: the read cannot see what the holder has
        # not committed, and the owner's `user add tim`, which tim's write a moment early
        # waits for, ends within it (review345). A wait never told is never cut short.
        ask_before_waiting(conn)
    # Read whoever listens or not: the refusal names the holder too.
    holder = _holder(conn, lock)
    tell = listener_of(conn)
    if tell is not None:
        tell(WaitBegan(first + rest, holder, who_known=True, lock=lock.kind))
    if not _wait_quietly(conn, lock, rest):
        # Whoever holds it now: the writer named as the wait began may have finished, and
        # another taken the lock before this write's turn came.
        raise Conflict(stayed_locked(_holder(conn, lock) or holder), reason=DATABASE_LOCKED)
    if tell is not None:
        tell(WaitEnded())


# Whether the session's transactions are read-only, and its statement_timeout in ms (0: none).
_LIMITS = (
    "SELECT current_setting('transaction_read_only') = 'on', "
    "(SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout')"
)


def _server_limits(conn: Connection) -> Callable[[int], int]:
    """What the server allows a write that must wait for the lock, asked before it waits.

    A server read-only for the session refuses the write's first change whoever holds the
    lock: refused now (fix206: behind a held lock a write waited out the whole bound, then was
    refused as "stayed locked; try the command again", which no retry gets past). And a wait
    is one statement: a statement_timeout shorter than it (a DBA's, for the role or the
    database) cancelled it early, after a notice saying "up to 30 s", in the words of a
    statement the administrator should let run longer. Returned: each wait's bound cut to
    nine tenths of statement_timeout, so that it runs out as a lock wait does (naming the
    writer) before the server cancels it, and the notice says that bound. (A DBA's own
    lock_timeout is not one: every write sets its own, `bound_waits`.)"""
    from sqlalchemy import text

    read_only, timeout = conn.execute(text(_LIMITS)).one()
    if read_only:
        url = conn.engine.url.render_as_string(hide_password=False)
        raise StorageError(read_only_said(url), reason=READ_ONLY_SERVER)
    if not timeout:
        return lambda ms: ms
    most = max(int(timeout) * 9 // 10, 1)
    return lambda ms: most if ms == 0 else min(ms, most)


def _wait_quietly(conn: Connection, lock: _Lock, ms: int) -> bool:
    """Wait for the lock `ms` at most, in a savepoint; whether it was got. Not got, the
    transaction is as before (the savepoint rolled back, its lock_timeout with it) and can
    still ask who holds the lock."""
    from sqlalchemy.exc import OperationalError

    try:
        with conn.begin_nested():
            _lock(conn, lock, ms)
    except OperationalError as exc:
        if not _ran_out(exc):
            raise
        return False
    _set_lock_timeout(conn)
    return True


def _lock(conn: Connection, lock: _Lock, ms: int) -> None:
    from sqlalchemy import text

    conn.execute(text(lock_timeout_sql(ms)))
    conn.execute(text(lock.wait), lock.params)


def _set_lock_timeout(conn: Connection) -> None:
    """The write's own bound again, for every later lock wait of it (a row another session
    holds)."""
    from sqlalchemy import text

    conn.execute(text(lock_timeout_sql()))


def _ran_out(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None)
    return orig is not None and sqlstate(orig) == LOCK_NOT_AVAILABLE


def _holder(conn: Connection, lock: _Lock) -> LockHolder | None:
    """The session holding `lock` now; None when none does (it let go as it was asked)."""
    from sqlalchemy import text

    # The server keeps one snapshot of pg_stat_activity per transaction: a second look would
    # see the sessions as they were at the first.
    conn.execute(text("SELECT pg_stat_clear_snapshot()"))
    row = conn.execute(text(lock.holder), lock.params).first()
    if row is None:
        return None
    # (the server's version, read by the dialect as it connected: no statement)
    version = conn.dialect.server_version_info or ()
    return holder_of(row[0], row[1], lossy=version < ESCAPING_SERVER)
