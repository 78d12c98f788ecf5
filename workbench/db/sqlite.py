"""SQLite specifics: pragmas, write transactions that take the lock up front, and what the
read paths (workbench.db.reader, on the `sqlite3` driver itself) need to know of SQLite.

SQLAlchemy is imported inside the functions that use it: the read commands import this module
and must not pay for it.
"""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
# ruff: noqa: S608
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from workbench.db.guards import Guard
from workbench.db.search_indexes import MissingIndexes
from workbench.db.sql import Sql, join, param
from workbench.domain.forms import fold_text, forms_of, takes_selector

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Connection, Engine, Table
    from sqlalchemy.orm import QueryableAttribute

    from workbench.domain.search_needle import Needle

BUSY_TIMEOUT_MS = 30_000
# SQLite waits for a lock in its own busy handler, in C, where Python's signal handlers do not
# run: a writer waiting out BUSY_TIMEOUT_MS in one BEGIN IMMEDIATE heard Ctrl-C (or `kill`) only
# when the 30 s were over (trial96). It waits in steps this long instead, back in Python between
# them, each still sleeping no longer than SQLite's 100 ms (WRITER_HANDOVER).
LOCK_STEP_MS = 250
WRITE_OPTION = "workbench_write"


def prepare(dbapi_conn: sqlite3.Connection) -> None:
    """Every connection, the engine's and the read paths' alike, is set up here."""
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
    # A search's exact comparison across forms, for a needle too long for a GLOB pattern
    # (_folded_match); deterministic, as lower() is.
    dbapi_conn.create_function("fold_forms", 1, _fold_forms, deterministic=True)


def configure(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        prepare(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A deferred transaction that later writes must upgrade its lock, and SQLite answers
        # "database is locked" at once instead of waiting. BEGIN IMMEDIATE waits (busy_timeout)
        # for the write lock before reading anything, so concurrent writers queue up.
        if conn.get_execution_options().get(WRITE_OPTION):
            _begin_immediate(conn)
        else:
            conn.exec_driver_sql("BEGIN")


def _begin_immediate(conn: Connection) -> None:
    """BEGIN IMMEDIATE, waiting for the write lock up to BUSY_TIMEOUT_MS in LOCK_STEP_MS steps
    (a signal is acted on between two); the last step's "database is locked" is the refusal.
    A wait past `lock_wait.WAIT_NOTICE_MS` is told to the write's listener, once, and its end
    too (never when the bound is no longer: the wait is over as it would be told); a file
    cannot say who holds its lock."""
    import time

    from sqlalchemy.exc import OperationalError

    from workbench.db.lock_wait import ask_before_waiting, listener_of, notice_after_ms
    from workbench.domain.lock_wait import WaitBegan, WaitEnded

    # A bound no longer than the silence: a wait never told, as on PostgreSQL (pg_append_lock),
    # not said at the moment it runs out (review215).
    tell = listener_of(conn) if notice_after_ms() < BUSY_TIMEOUT_MS else None
    notice_s = notice_after_ms() / 1000
    began = time.monotonic()
    deadline = began + BUSY_TIMEOUT_MS / 1000
    told = asked = False
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {min(LOCK_STEP_MS, BUSY_TIMEOUT_MS)}")
    try:
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                break
            except OperationalError as exc:
                if not is_busy(exc.orig):
                    raise
                waited = time.monotonic() - began
                if not asked and notice_s < BUSY_TIMEOUT_MS / 1000 and waited >= notice_s:
                    # Once the wait has lasted the silent moment only: a free desk's write, and
                    # one behind a short write, asks nothing more; and the read cannot see what
                    # the holder has not committed: the owner's `user add tim`, which tim's
                    # write a moment early waits for, ends within it (review345).
                    asked = True
                    ask_before_waiting(conn)
                # Told before the bound is looked at: on a loaded machine one step can outlast
                # the whole bound, and a wait that long is said before its refusal.
                if tell is not None and not told and waited >= notice_s:
                    told = True
                    tell(WaitBegan(BUSY_TIMEOUT_MS, None, who_known=False))
                if time.monotonic() >= deadline:
                    raise
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if told and tell is not None:
        tell(WaitEnded())


def is_busy(exc: BaseException | None) -> bool:
    """Whether SQLite answered SQLITE_BUSY (another connection holds the lock)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_BUSY


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _fold_forms(value: Any) -> Any:
    """`value` lower-cased, each character as the search compares it (workbench.domain.forms)."""
    return fold_text(value.lower()) if isinstance(value, str) else value


def lock_event_appends(conn: Connection, actor: str | None = None) -> None:
    """Nothing to do: BEGIN IMMEDIATE already holds the database's single write lock (and a
    file has nowhere to say whose write holds it)."""
    del conn, actor


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


def insert_returning_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """One executemany, then the ids it gave. SQLite does not promise RETURNING rows in VALUES
    order, so SQLAlchemy would send one INSERT per row to learn them (most of a bulk import's
    time). It need not: a write transaction holds the database's only write lock (BEGIN
    IMMEDIATE), and an INTEGER PRIMARY KEY left out takes one more than the largest, so the rows
    get consecutive ids ending at the largest one after."""
    if not rows:
        return []
    from sqlalchemy import func, insert, select

    conn.execute(insert(table), rows)
    last = conn.execute(select(func.max(table.c.id))).scalar_one()
    return list(range(last - len(rows) + 1, last + 1))


# The driver steps through a result as its rows are asked for: a statement read a row at a time
# holds one row, however long its values (workbench.db.paging).
READS_ROW_BY_ROW = True
# Longer than the longest wait between a waiting writer's tries (100 ms; see
# backend.writer_handover).
WRITER_HANDOVER = 0.12


# octet_length() came with SQLite 3.43.
OCTET_LENGTH = sqlite3.sqlite_version_info >= (3, 43)


def statistics_refreshed(conn: Connection, tables: Sequence[Table]) -> None:
    """Nothing (backend.statistics_refreshed): SQLite's planner reads no statistics until
    ANALYZE has run once, and from then on every statement's plan would follow its
    sqlite_stat1 rows, which no plan here was chosen under."""


def byte_length(column: ColumnElement[Any] | QueryableAttribute[Any]) -> ColumnElement[int]:
    """How many bytes `column`'s value takes (text in UTF-8), to size a page of long values
    before reading them (workbench.db.paging's `keyset_pages`, which SQLite, reading row by
    row, needs only when asked for pages). A blob's length is read from its record header; a
    text's, before SQLite 3.43's octet_length(), from the text cast to a blob (read in SQLite,
    not handed to Python)."""
    from sqlalchemy import LargeBinary, cast, func

    if isinstance(column.type, LargeBinary):
        return func.length(column)
    if OCTET_LENGTH:
        return func.octet_length(column)
    return func.length(cast(column, LargeBinary))


def byte_length_sql(column: str) -> str:
    """`byte_length` of a text column as the driver's read paths spell it (workbench.db.sql;
    workbench.db.paging's `driver_rows`)."""
    return f"octet_length({column})" if OCTET_LENGTH else f"length(CAST({column} AS BLOB))"


# One person's file: every command brings it to the schema it needs, as it always has. Nobody
# else's workbench opens it, and whoever can write the file can change its tables.
UPGRADES_ON_USE = True
# A file has no login roles: `--as` is taken on trust (docs/identity.md).
BINDS_ROLES = False


def lacks_privilege(exc: BaseException) -> bool:
    """SQLite has no roles or grants (a read-only file is the operating system's refusal)."""
    del exc
    return False


def schema_owner(conn: Connection) -> str | None:
    """No owner but the file's: nobody else to name."""
    del conn
    return None


def version_schema(conn: Connection) -> str | None:
    """A file has one schema: Alembic's version table goes unqualified."""
    del conn
    return None


def sets_up_where_named(conn: Connection) -> bool:
    """A file has one schema: tables go where the URL says."""
    del conn
    return True


def no_set_up_here(conn: Connection) -> tuple[str, str] | None:
    """Nothing stops `db upgrade` setting a desk up in a file it may write (`db status`)."""
    del conn
    return None


def read_only_session(conn: Connection) -> bool:
    """No server mode makes a SQLite session read-only: a file that cannot be written is
    refused where the write meets it (workbench.db.url.cannot_open)."""
    del conn
    return False


def tables_here(conn: Connection) -> tuple[str, list[str]]:
    """The file's tables (`db status` of a file without the workbench's); the place is the
    file, which the caller names."""
    from sqlalchemy import text

    names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars()
    return "", list(names)


def bound_waits(conn: Connection) -> None:
    """Nothing to do: the busy timeout bounds every wait, set on each connection (prepare)."""
    del conn


def sets_up_in_write(conn: Connection) -> bool:
    """Whether a write sets the database up in its own transaction: yes, in a file that was
    there, not empty, with none of our tables (fix98: set up first, a refused write left our
    tables beside another program's, or in a file that is a database with no table at all,
    `PRAGMA journal_mode=WAL`'s 4096 bytes). Told by the file, not by its tables: a new file's
    connection has already written its first page too (WAL mode). A new or empty file is not
    asked (Workbench.engine): it gets its tables first, and a refused write takes the file back
    instead (services.new_database), which it needs anyway: the file itself was made."""
    del conn
    return True


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
# SQLite has no roles: the append-only triggers are its only guards (no identity trigger).
GUARDS = tuple(
    Guard(
        name,
        "0002_audit_chain",
        "events are append-only",
        "anyone who can write the file can edit or delete the audit trail in place",
        (f"DROP TRIGGER IF EXISTS {name}", ddl),
    )
    for name, ddl in APPEND_ONLY_TRIGGERS.items()
)


def existing_triggers(conn: Connection) -> set[str]:
    rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {str(r[0]) for r in rows}


DROP_APPEND_ONLY_DDL = [f"DROP TRIGGER IF EXISTS {name}" for name in APPEND_ONLY_TRIGGERS]


def missing_search_indexes(conn: Connection, owner: str | None) -> MissingIndexes:
    """None to name: the search index is the FTS5 table claim_fts, which `audit replay` holds
    against the tables and `db upgrade` rebuilds (services.search_index)."""
    del conn, owner
    return MissingIndexes()


def restore_search_indexes(conn: Connection) -> list[str]:
    """Nothing: `db upgrade` rebuilds the FTS5 index on its own (services.search_index)."""
    del conn
    return []


# Search reads the FTS5 trigram table claim_fts (created by migration 0003; its triggers, which
# keep it in step with claims, notes and evidence titles, are migration 0014's). Trigrams need 3+
# characters.
TRIGRAM_MIN = 3
SEARCH_INDEX = "claim_fts"
# What claim_fts holds, derived from the tables alone: one row per claim (its text and quote),
# per note and per evidence title (claim_id, kind, body), each at the rowid (`slot`) computed
# from its source row, as migration 0014's triggers write it: the id times 4, plus 0 for a
# claim, 1 for a note, 2 for an evidence title. FTS5 finds a row only by rowid or by MATCH, so a
# claim's row must be found by its rowid: by `claim_id`, an UNINDEXED column, a change to one
# claim's words read the whole index (review61).
SEARCH_ROWS = (
    "SELECT id * 4 AS slot, id AS claim_id, 'claim' AS kind, text || char(10) || quote AS body"
    " FROM claims"
    " UNION ALL SELECT id * 4 + 1, claim_id, 'note', body FROM notes"
    " UNION ALL SELECT id * 4 + 2, claim_id, 'evidence', title FROM evidence"
    " WHERE title IS NOT NULL"
)


def search_index_ddl(name: str) -> str:
    """claim_fts's definition, under `name` (a blank one in temp: services.search_index)."""
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5("
        "claim_id UNINDEXED, kind UNINDEXED, body, tokenize='trigram')"
    )


SEARCH_INDEX_DDL = search_index_ddl(SEARCH_INDEX)
# The ordinary tables FTS5 keeps claim_fts in (`claim_fts_data`...: its structure record and
# segments, their index, each row's text and token count, and its settings: the file format's
# version, which FTS5 reads before anything else).
SEARCH_INDEX_SHADOWS = ("data", "idx", "content", "docsize", "config")
# FTS5's own check of claim_fts: its structure, every segment, every row's tokens against the
# text it holds. An INSERT that writes nothing, but an INSERT: it takes the write lock.
SEARCH_INDEX_CHECK = "INSERT INTO claim_fts(claim_fts) VALUES('integrity-check')"
# FTS5's rebuild of its index from the text it holds, its in-memory structure included.
SEARCH_INDEX_REBUILD = "INSERT INTO claim_fts(claim_fts) VALUES('rebuild')"
# The triggers that keep claim_fts in step, as migration 0014 created them (restored by name
# when one is gone: services.search_index). An insert replaces a row already at its rowid: only
# a row put there by hand can be, and derived data must not fail a write.
SEARCH_TRIGGERS = {
    "claim_fts_claim_ai": "CREATE TRIGGER claim_fts_claim_ai AFTER INSERT ON claims BEGIN "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4, new.id, 'claim', new.text || char(10) || new.quote); END",
    "claim_fts_claim_au": "CREATE TRIGGER claim_fts_claim_au AFTER UPDATE OF text, quote ON claims "
    "BEGIN DELETE FROM claim_fts WHERE rowid = old.id * 4; "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4, new.id, 'claim', new.text || char(10) || new.quote); END",
    "claim_fts_note_ai": "CREATE TRIGGER claim_fts_note_ai AFTER INSERT ON notes BEGIN "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4 + 1, new.claim_id, 'note', new.body); END",
    "claim_fts_evidence_ai": "CREATE TRIGGER claim_fts_evidence_ai AFTER INSERT ON evidence "
    "WHEN new.title IS NOT NULL BEGIN "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4 + 2, new.claim_id, 'evidence', new.title); END",
}


def fts_phrase(query: str) -> str:
    """The query as one FTS5 phrase: quotes doubled, so user text is never FTS syntax."""
    return '"' + query.replace('"', '""') + '"'


def search_claim_ids(query: str) -> Sql | None:
    """Claim ids from the FTS5 trigram index, or None when the query is too short for it."""
    if len(query) < TRIGRAM_MIN:
        return None
    return "SELECT claim_id FROM claim_fts WHERE claim_fts MATCH " + param(fts_phrase(query))


def trigram_reads(ch: str) -> bool:
    """Whether the FTS5 trigram index holds `ch` in its trigrams: every character."""
    del ch
    return True


def folded_claim_ids(needles: Sequence[Needle]) -> Sql:
    """Claim ids for a query with characters of several forms, in each of its spellings
    (`search_needle.spellings`): FTS5 reads every character, so no two narrow alike."""
    return join(" UNION ", [_folded_claim_ids(needle) for needle in needles])


def _folded_claim_ids(needle: Needle) -> Sql:
    """Claim ids for a query with characters of several forms (workbench.domain.search_needle):
    from the FTS5 trigram index, the query as typed, and the rows holding its other spellings
    (an FTS5 query: an AND of ORs of phrases) compared exactly; with nothing for the index to
    narrow by, every row compared, as a query too short for trigrams always was."""
    from workbench.db.search import claim_ids_where

    if not needle.groups:
        return claim_ids_where(lambda column: _folded_match(column, needle))
    narrowed = " AND ".join(
        "(" + " OR ".join(map(fts_phrase, group)) + ")" for group in needle.groups
    )
    found = (
        "SELECT claim_id FROM claim_fts WHERE claim_fts MATCH "
        + param(narrowed)
        + " AND "
        # `+body`: a comparison of the expression, not a constraint on the column, which FTS5
        # would take over: 3.40's trigram table answers GLOB itself, and gets a [class] wrong.
        + _folded_match("+body", needle)
    )
    if not needle.typed:
        return found
    # UNION ALL: `claim_id IN (...)` takes each id once anyway.
    return (
        "SELECT claim_id FROM claim_fts WHERE claim_fts MATCH "
        + param(fts_phrase(needle.text))
        + " UNION ALL "
        + found
    )


# SQLite refuses a GLOB pattern longer than this (SQLITE_MAX_LIKE_PATTERN_LENGTH, in bytes).
GLOB_PATTERN_LIMIT = 50_000
# Past this many, the forms of a needle's first character make one GLOB, not one each.
MAX_SPLIT_FORMS = 8


def _folded_match(expression: object, needle: Needle) -> Sql:
    """Whether `expression` holds the needle in any case and any forms of its characters: GLOB,
    in C, with a class for each character of the needle lower-cased, of every character that
    lower() (Python's, as `prepare` registers it) makes one of its forms: `ai` is
    `*[aAａＡ][iIｉＩ]*`, `，公司` is `*[,，、﹐...]公司*`. Not lower() LIKE or GLOB: lower() is
    called in Python for every row (0.61 s for `ai` over a 100,000-claim desk's claims, notes
    and titles). One GLOB for each form of the first character (`*a[iIｉＩ]*`, `*A[iIｉＩ]*`, ...):
    GLOB skips to a literal first character in a tight loop but tries a class at every position
    (`ai` took 0.61 s as one class, 0.33 s as four; `#4` 0.54 s and 0.23 s). A needle whose
    pattern SQLite would refuse as too long (thousands of characters) is compared by
    `fold_forms`, in Python.

    A needle with a pictograph, which a stored text may follow with a variation selector the
    search ignores (`forms.takes_selector`; GLOB has no "maybe one"), is compared by
    `fold_forms`, on the rows whose GLOB has a `*` after each pictograph: a comparison in C
    that lets through every row holding it, and few others."""
    lowered = needle.text.lower()
    drawn = [takes_selector(ch) for ch in lowered]
    classes = [_any_case(forms_of(ch)) for ch in lowered]
    globs = [_glob_class(c) + ("*" if d else "") for c, d in zip(classes, drawn, strict=True)]
    rest = "".join(globs[1:]) + "*"
    first = classes[0]
    heads = [(f,) for f in first] if len(first) <= MAX_SPLIT_FORMS else [first]
    patterns = ["*" + _glob_class(head) + ("*" if drawn[0] else "") + rest for head in heads]
    folded = f"instr(fold_forms({expression}), fold_forms(" + param(needle.text) + ")) > 0"
    if len(patterns[0].encode()) > GLOB_PATTERN_LIMIT:
        return folded
    globbed = "(" + join(" OR ", [f"{expression} GLOB " + param(p) for p in patterns]) + ")"
    return "(" + globbed + " AND " + folded + ")" if any(drawn) else globbed


# Characters whose lowercase is a character that does not give them back as its uppercase or
# titlecase: the Kelvin sign lowers to k, whose uppercase is K (a test checks every code point).
IRREGULAR_UPPER = {
    "k": "\u212a",
    "\u00df": "\u1e9e",
    "\u00e5": "\u212b",
    "\u03b8": "\u03f4",
    "\u03c9": "\u2126",
}


def _any_case(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Every character whose lowercase (one character) is one of `forms` (themselves lower-case
    or uncased), in a fixed order."""
    out = dict.fromkeys(forms)
    for ch in forms:
        for other in (ch.upper(), ch.title(), IRREGULAR_UPPER.get(ch, "")):
            if len(other) == 1 and other.lower() == ch:
                out[other] = None
    return tuple(out)


def _glob_class(forms: tuple[str, ...]) -> str:
    """One character of a GLOB pattern matching any of `forms`. In brackets ] is itself first,
    - last, ^ anywhere but first; * ? [ alone are bracketed, as GLOB has no escape character."""
    if len(forms) == 1:
        (ch,) = forms
        return f"[{ch}]" if ch in "*?[" else ch
    inner = sorted(forms, key=lambda ch: (ch != "]", ch == "-", ch == "^"))
    return "[" + "".join(inner) + "]"


def ilike(expression: object, pattern: str) -> Sql:
    """A case-insensitive LIKE (backslash escapes): lower() LIKE lower(), with the lower() that
    `prepare` registers, folding every script.

    A pattern of uncased characters only (Chinese text, digits, punctuation) means the same
    without lower(): no character folds into one of them or out of one, so SQLite's own LIKE
    (exact outside ASCII) gives the same rows without calling Python for every row: a
    2-character `claim list --search` at 100,000 claims went from 0.70 s to 0.28 s of CPU."""
    if all(_never_folded(ch) for ch in pattern):
        return f"{expression} LIKE " + param(pattern) + " ESCAPE '\\'"
    return f"lower({expression}) LIKE lower(" + param(pattern) + ") ESCAPE '\\'"


# Unicode categories of letters of caseless scripts, numbers, punctuation, symbols and spaces:
# those of their characters that have no case mapping either way are no character's lowercase
# (a test checks it against every code point; circled letters and Roman numerals have case).
UNCASED_CATEGORIES = frozenset(
    {"Lo", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs"}
)


def _never_folded(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) in UNCASED_CATEGORIES and ch.lower() == ch == ch.upper()


# ---- the read paths' connection (workbench.db.reader) --------------------------------------

NAME = "sqlite"
# What a LIMIT says for "no limit": SQLite wants one before an OFFSET.
NO_LIMIT = "-1"


def missing_database(exc: BaseException) -> str | None:
    """None: a missing SQLite file is found before any connection (it would be created)."""
    return None


def dbapi() -> ModuleType:
    return sqlite3


def connect(url: str) -> sqlite3.Connection:
    """A connection set up as the engine's are (the URL is resolve_url's sqlite:///PATH)."""
    from workbench.db.url import sqlite_file

    path = sqlite_file(url)
    conn = sqlite3.connect(path if path is not None else ":memory:")
    try:
        prepare(conn)
    except BaseException:
        conn.close()
        raise
    return conn


# A SQLite transaction reads as of one moment already (postgresql.ONE_SNAPSHOT's rule).
ONE_SNAPSHOT = None


def begin_read(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN")


def statement(text: str) -> str:
    """The driver's spelling of workbench.db.sql's text: `?` is sqlite3's own placeholder."""
    return text


# Whether the file holds a desk (its version table), in one row: `desk_here`.
DESK_HERE = Sql(
    "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version')"
)


def desk_here(row: Sequence[Any]) -> bool:
    """Whether DESK_HERE's row finds a desk (a file has one schema: nowhere else to look)."""
    return bool(row[0])


def bind(value: Any) -> Any:
    """A parameter as SQLAlchemy stored it: naive UTC text for timestamps, ISO text for dates
    (so that comparisons with stored values compare like with like)."""
    if isinstance(value, dt.datetime):
        # Not strftime: glibc's %Y writes the year 999 as `999`, which sorts after `2026`
        # (`claim list --updated-since 0999-01-01` listed nothing); SQLAlchemy writes `0999`.
        naive = value.astimezone(dt.UTC).replace(tzinfo=None)
        return naive.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_datetime(value: Any) -> dt.datetime | None:
    """Stored naive UTC text as an aware UTC datetime (as workbench.db.types.UTCDateTime)."""
    if value is None:
        return None
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


def read_date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)
