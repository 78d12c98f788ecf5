"""A SQLite file found damaged: how SQLite says so, how the workbench asks it to look, and the
one refusal every command gives for it (as workbench.db.url.cannot_open is the one for a file
that cannot be opened, full disks and read-only folders included).

SQLite finds damage only on the pages it reads, and says so with SQLITE_CORRUPT ("database
disk image is malformed") or, for a damaged first page, SQLITE_NOTADB: either is restored from
a backup, not retried, unlike a full disk or an I/O error (trial96: both were `storage`). A
command that reads none of the damaged pages goes on as if nothing were wrong (trial96: with
the claims table's root page zeroed, `audit verify` said OK and `backup` copied the damage,
while `claim list` failed), so the commands that vouch for a file (`audit verify`, `backup`)
have SQLite read all of it (`quick_check`). PostgreSQL has no such check short of reading every
table and index: a server's damage is said by the server, when a statement meets it.
"""

from __future__ import annotations

import sqlite3

from workbench.domain.errors import (
    DAMAGED_DATABASE,
    DAMAGED_SEARCH_INDEX,
    DamagedRecord,
    StorageError,
    step,
)

# SQLite's answers for a file whose bytes are not, or no longer, a database's.
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
# How many of SQLite's problems a refusal names: the first says where the damage is, the rest
# are mostly its consequences (pages that no table reaches any more).
SHOWN = 3


# A virtual table's data found inconsistent: SQLite's one virtual table in a desk is the
# search index (FTS5's claim_fts, derived from the tables: `db upgrade` rebuilds it).
SQLITE_CORRUPT_VTAB = sqlite3.SQLITE_CORRUPT | 1 << 8


def is_index_damage(exc: object) -> bool:
    """Whether a driver's error is FTS5 finding the search index's own records damaged
    (SQLITE_CORRUPT_VTAB: "vtable constructor failed: claim_fts" for a structure record it
    cannot read), the file's pages being sound as far as that error says."""
    return getattr(exc, "sqlite_errorcode", None) == SQLITE_CORRUPT_VTAB


# SQLITE_ERROR with no extended code. On a statement of the workbench's own on the search
# index, which holds on a sound one, it is FTS5 finding its own tables not as it made them: its
# settings record emptied ("invalid fts5 file format (found 0, expected 4)"), one of its tables
# gone ("no such table: main.claim_fts_content", "vtable constructor failed") (review112).
_BARE_ERROR = sqlite3.SQLITE_ERROR


def index_error(exc: object) -> bool:
    """Whether a driver's error, met on a statement on the search index, says the index is
    damaged (`is_index_damage`, or SQLITE_ERROR from tables FTS5 cannot use)."""
    return is_index_damage(exc) or getattr(exc, "sqlite_errorcode", None) == _BARE_ERROR


def is_damage(exc: object) -> bool:
    """Whether a driver's error is SQLite saying the file is damaged (SQLITE_CORRUPT, its
    extended codes, or SQLITE_NOTADB), as opposed to a full disk, an I/O error or a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _DAMAGE_CODES


def unreadable(exc: sqlite3.Error) -> StorageError:
    """A check's SQLite error that is no damage (a failing disk's "disk I/O error"): a storage
    error, one line, as the same error is on any other read; the driver's own error was a
    traceback (review112: the front end catches SQLAlchemy's errors, not sqlite3's)."""
    return StorageError(f"database error while checking the file: {exc}")


def quick_check(conn: object) -> tuple[str, ...]:
    """SQLite's first problems with the database `conn` (a sqlite3 connection, as a SQLAlchemy
    connection's dbapi_connection is one) has open (SHOWN at most), or () when it finds none.

    `PRAGMA quick_check` reads every page: the b-trees' structure, each row's NOT NULL and
    CHECK constraints. It does not compare the indexes with their tables, which
    `integrity_check` adds at about five times the cost (1.5 s against 0.3 s on a 220 MB desk
    of 20,000 claims and 200,000 events), for damage a read of a page already finds.

    SQLite gives its findings in one row, then, while its budget of problems is not spent,
    goes on to read the damaged table's rows and fails with "database disk image is
    malformed"; Python's cursor reads a row ahead and loses the row. So it is asked for no more
    problems than it is likely to find (SHOWN, then 1); failing even so, its own words are the
    problem (the damage is where the b-trees' check does not look)."""
    assert isinstance(conn, sqlite3.Connection)
    said = ""
    for budget in (SHOWN, 1):
        try:
            rows = conn.execute(f"PRAGMA quick_check({budget})").fetchall()
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise unreadable(exc) from None
            said = str(exc)
            continue
        found = [
            line
            for (text,) in rows
            for line in str(text).splitlines()
            # ("*** in database main ***": the attached database the lines below are about)
            if line.strip() and not line.startswith("*** ")
        ]
        return () if found == ["ok"] else tuple(found[:SHOWN])
    return (said,)


def damaged(path: str | None, said: object) -> DamagedRecord:
    """The refusal of a command that met a damaged page of the SQLite file `path` (None: the
    file is not known where the error was caught), `said` being SQLite's error: restore the
    desk from a backup. SQLITE_NOTADB ("file is not a database") is also what a file that was
    never a database gets (a text file given as --db): said as either."""
    file = f" {path}" if path else ""
    if "not a database" in str(said):
        return DamagedRecord(
            f"{path or 'the file'} is not a SQLite database, or its first page is damaged "
            f"(SQLite: {said})",
            reason=DAMAGED_DATABASE,
            hint=step("restore_backup", if_desk=True),
        )
    return DamagedRecord(
        f"the database file{file} is damaged (SQLite: {said})",
        reason=DAMAGED_DATABASE,
        hint=step("restore_backup"),
    )


def damage_found(path: str, problems: tuple[str, ...], also: str = "") -> DamagedRecord:
    """The refusal of a file whose quick_check found `problems`; `also` adds what else is
    known of it (that its audit chain holds, say)."""
    return DamagedRecord(
        f"the database file {path} is damaged: SQLite's check finds {'; '.join(problems)}" + also,
        reason=DAMAGED_DATABASE,
        hint=step("restore_backup"),
    )


def index_damaged(path: str | None, said: object, also: str = "") -> DamagedRecord:
    """The refusal of a command that met SQLite's search index (FTS5's claim_fts) of the file
    `path` damaged, `said` being SQLite's words (`also`: what else is known of the file): `db
    upgrade` rebuilds it from the tables, where a restore would lose every change since the
    backup (review105)."""
    file = f" {path}" if path else ""
    return DamagedRecord(
        f"the search index of the database file{file} is damaged (SQLite: {said})" + also,
        reason=DAMAGED_SEARCH_INDEX,
        hint=step("rebuild_search_index"),
    )


def index_read_check(conn: object) -> str | None:
    """What is wrong with the search index of the database `conn` (a sqlite3 connection) has
    open, as far as a read finds it, or None. `quick_check` reads FTS5's tables as b-trees,
    not as an index, and FTS5's own check is an INSERT (the write lock, which a read such as
    `audit verify` does not take): so the index is opened (its structure record read, which
    fails for one FTS5 cannot read) and asked, by its first three characters, for the first
    row of its own that has three (an index read as empty finds nothing), with its rank (the
    records of its totals a write reads). A spot check, in milliseconds: `db upgrade` runs
    the whole one."""
    from workbench.db.sqlite import SEARCH_INDEX, fts_phrase

    assert isinstance(conn, sqlite3.Connection)
    try:
        there = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (SEARCH_INDEX,)
        ).fetchone()
        if there is None:
            return None  # (gone: `audit replay` says so, and `db upgrade` creates it again)
        row = conn.execute(
            "SELECT rowid, substr(body, 1, 3) FROM claim_fts WHERE length(body) >= 3 LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        # bm25() reads the index's averages record and the row's token counts (docsize),
        # which every write to it reads too: gone, every write is refused (review112).
        found = conn.execute(
            "SELECT bm25(claim_fts) FROM claim_fts WHERE claim_fts MATCH ? AND rowid = ?",
            (fts_phrase(str(row[1])), row[0]),
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        if index_error(exc) or is_damage(exc):
            return str(exc)
        raise unreadable(exc) from None
    return None if found else f"the index does not find its own row {row[0]} by its words"


# SQLITE_CONSTRAINT with no extended code: none of the desk's own constraints (UNIQUE, NOT NULL,
# CHECK, a foreign key, a guard trigger's RAISE) fails so, but a write to a search index whose
# structure record FTS5 reads as empty does.
_BARE_CONSTRAINT = sqlite3.SQLITE_CONSTRAINT


# How long FTS5's check waits for the write lock it takes: sqlite3's own busy timeout.
_CHECK_WAIT_SECONDS = 5.0


def _index_check(path: str, *, wait: bool = True) -> str | None:
    """SQLite's words when FTS5's own check finds the search index of the file `path` damaged;
    None when it is sound or not there, or the check cannot be run (a writer holds the lock
    meanwhile: the error is then said as SQLite gave it). The check is a write: `wait` for the
    lock _CHECK_WAIT_SECONDS, or not at all (a damaged index fails it as it opens the table,
    before any lock is asked for, so that answer is never lost to a lock)."""
    from contextlib import closing

    from workbench.db.sqlite import SEARCH_INDEX, SEARCH_INDEX_CHECK

    timeout = _CHECK_WAIT_SECONDS if wait else 0.0
    try:
        with closing(sqlite3.connect(path, isolation_level=None, timeout=timeout)) as conn:
            there = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (SEARCH_INDEX,)
            ).fetchone()
            if there is None:
                return None  # (SQLITE_ERROR: "no such table", which is no damage of it)
            conn.execute(SEARCH_INDEX_CHECK)
    except sqlite3.Error as exc:
        return str(exc) if index_error(exc) else None
    return None


def damage_refusal(
    url: str | None, exc: object, *, lock_held: bool = False
) -> DamagedRecord | None:
    """`damaged` for a driver's error on the database at `url` that is SQLite saying the file
    is damaged, `index_damaged` for one saying its search index is (FTS5's SQLITE_CORRUPT_VTAB;
    or a bare SQLITE_CONSTRAINT, or SQLITE_ERROR, that FTS5's check, asked on its own
    connection once the failed statement has rolled back, confirms), or None for any other
    error (which stays the caller's to word). `lock_held`: the error is met in a write
    transaction still open, whose write lock the check (a write) would wait out for sqlite3's
    busy timeout and then give up on: it is asked without waiting, which still finds an index
    FTS5 cannot open (its settings or structure record unreadable) and gives up on a sound one
    at once."""
    from workbench.db.url import sqlite_file

    path = sqlite_file(url) if url else None
    if is_index_damage(exc):
        return index_damaged(path, exc)
    if (
        getattr(exc, "sqlite_errorcode", None) in (_BARE_CONSTRAINT, _BARE_ERROR)
        and path is not None
    ):
        found = _index_check(path, wait=not lock_held)
        return None if found is None else index_damaged(path, f"{exc}; its check: {found}")
    if not is_damage(exc):
        return None
    return damaged(path, exc)
