"""Dispatch to the one module that holds a backend's specifics."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from workbench.db import postgresql, sqlite
from workbench.db.guards import Guard, expected
from workbench.db.search import claim_ids_where, like_pattern
from workbench.db.search_indexes import MissingIndexes
from workbench.db.sql import Sql, join

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Connection, Table
    from sqlalchemy.orm import QueryableAttribute


def module_for(dialect_name: str) -> ModuleType:
    return postgresql if dialect_name == "postgresql" else sqlite


def module_for_url(url: str) -> ModuleType:
    """The backend of a resolved URL (workbench.db.url.resolve_url)."""
    return postgresql if url.startswith("postgres") else sqlite


def lock_event_appends(conn: Connection, actor: str | None = None) -> None:
    """The desk's write lock, to the transaction's end; `actor`: the workbench name writing,
    for a writer waiting behind this one to be told (where the backend can say it)."""
    module_for(conn.dialect.name).lock_event_appends(conn, actor)


def machine_identity(conn: Connection) -> str:
    """Who the machine says is acting: the OS account (SQLite) or the session's role."""
    name: str = module_for(conn.dialect.name).machine_identity(conn)
    return name


def lock_migrations(conn: Connection) -> None:
    """The migrations' lock, to the transaction's end; a wait for it told to the transaction's
    listener (workbench.db.lock_wait) as a write's is."""
    module_for(conn.dialect.name).lock_migrations(conn)


def sets_up_where_named(conn: Connection) -> bool:
    """Whether tables created now go where the URL names (PostgreSQL: the search_path's first
    schema, which the server passes over when it is not there)."""
    return bool(module_for(conn.dialect.name).sets_up_where_named(conn))


def no_set_up_here(conn: Connection) -> tuple[str, str] | None:
    """Why `db upgrade` would set no desk up where the URL leads (PostgreSQL: a schema that is
    not there, or one this role may not create tables in), as (reason, words), or None when it
    would."""
    why: tuple[str, str] | None = module_for(conn.dialect.name).no_set_up_here(conn)
    return why


def version_schema(conn: Connection) -> str | None:
    """The schema of the desk's version table, for Alembic (PostgreSQL: the one the
    search_path resolves to; SQLite: None, the file's one)."""
    found: str | None = module_for(conn.dialect.name).version_schema(conn)
    return found


def tables_here(conn: Connection) -> tuple[str, list[str]]:
    """Where the URL leads (PostgreSQL: the schema; SQLite: "", the file) and its tables."""
    found: tuple[str, list[str]] = module_for(conn.dialect.name).tables_here(conn)
    return found


def read_only_session(conn: Connection) -> bool:
    """Whether the server keeps this session's transactions read-only (PostgreSQL: a standby,
    or default_transaction_read_only on), so that a write would be refused; asked before a
    derived write that has its own words for that (the similar-claims index's catch-up)."""
    return bool(module_for(conn.dialect.name).read_only_session(conn))


def upgrades_on_use(dialect_name: str) -> bool:
    """Whether an ordinary command may bring an older schema up to date (SQLite, one person's
    file), or only `workbench db upgrade` may (PostgreSQL, a desk's shared database)."""
    return bool(module_for(dialect_name).UPGRADES_ON_USE)


def sets_up_in_write(conn: Connection) -> bool:
    """Whether a database without the workbench's tables gets them in the transaction of the
    write that needs them, so that a refused write rolls them back (PostgreSQL; a SQLite file
    holding another program's tables), or in one of their own before it (a new SQLite file: a
    refused write takes the file back, services.new_database). Asked of such a database only."""
    return bool(module_for(conn.dialect.name).sets_up_in_write(conn))


def bound_waits(conn: Connection) -> None:
    """A write's bounds on how long it waits for a lock (where the backend sets them per
    transaction; SQLite's busy timeout is the connection's)."""
    module_for(conn.dialect.name).bound_waits(conn)


def binds_roles(dialect_name: str) -> bool:
    """Whether a registered name can be bound to the login role a person acts from."""
    return bool(module_for(dialect_name).BINDS_ROLES)


def login_role_exists(conn: Connection, name: str) -> bool:
    """Whether the server has a login role `name` (only where `binds_roles`)."""
    return bool(postgresql.login_role_exists(conn, name))


def owns_tables(conn: Connection) -> bool:
    """Whether the session's role is the desk's owner (only where `binds_roles`)."""
    return bool(postgresql.owns_tables(conn))


def lacks_privilege(dialect_name: str, exc: BaseException) -> bool:
    """Whether the server refused `exc`'s statement for want of a privilege or ownership."""
    return bool(module_for(dialect_name).lacks_privilege(exc))


def refused_privilege(exc: BaseException) -> bool:
    """Whether any backend's server refused `exc`'s statement for want of a privilege (asked
    where the backend is not at hand: a driver's error is only ever its own backend's)."""
    return bool(postgresql.lacks_privilege(exc) or sqlite.lacks_privilege(exc))


def schema_owner(conn: Connection) -> str | None:
    """Who may change the schema (PostgreSQL: the tables' owner), or None where nobody but
    the file's owner can (SQLite)."""
    owner: str | None = module_for(conn.dialect.name).schema_owner(conn)
    return owner


def create_append_only_triggers(conn: Connection) -> None:
    from sqlalchemy import text

    for statement in module_for(conn.dialect.name).APPEND_ONLY_DDL:
        conn.execute(text(statement))


def missing_append_only_triggers(conn: Connection) -> list[str]:
    """The append-only triggers on `events` that are gone (dropped by hand, or disabled)."""
    module = module_for(conn.dialect.name)
    present = module.existing_triggers(conn)
    return [name for name in module.APPEND_ONLY_TRIGGERS if name not in present]


def guards_of(conn: Connection, revision: str | None) -> list[Guard]:
    """The guard triggers on `events` a schema at `revision` has installed."""
    return expected(module_for(conn.dialect.name).GUARDS, revision)


def missing_guards(conn: Connection, revision: str | None) -> list[Guard]:
    """The guard triggers on `events` (append-only; on PostgreSQL also the identity trigger)
    that a schema at `revision` installed and that are gone now: dropped by hand, lost in a
    restore, or disabled."""
    present = module_for(conn.dialect.name).existing_triggers(conn)
    return [g for g in guards_of(conn, revision) if g.name not in present]


def restore_guards(conn: Connection, revision: str | None) -> list[str]:
    """Put back each missing guard trigger (a disabled one is dropped and made again, enabled);
    returns their names. Only the tables' owner may: the server refuses anyone else."""
    from sqlalchemy import text

    missing = missing_guards(conn, revision)
    for guard in missing:
        for statement in guard.restore:
            conn.execute(text(statement))
    return [g.name for g in missing]


def missing_search_indexes(conn: Connection, owner: str | None) -> MissingIndexes:
    """The search indexes kept outside the models that the desk lacks (PostgreSQL: 0003's
    trigram indexes, lost in a restore or with the extension's schema), why, and how to add
    them; `owner`: the role that runs `db upgrade`. SQLite names none (services.search_index
    sees to its FTS5 index)."""
    found: MissingIndexes = module_for(conn.dialect.name).missing_search_indexes(conn, owner)
    return found


def restore_search_indexes(conn: Connection) -> list[str]:
    """Put back each missing search index that can be made now (PostgreSQL: where pg_trgm is
    installed and its schema open to this role); returns their names. Only the tables' owner
    may: the server refuses anyone else."""
    names: list[str] = module_for(conn.dialect.name).restore_search_indexes(conn)
    return names


def drop_append_only_triggers(conn: Connection) -> None:
    """For tests that tamper with the trail (migration 0002 created the triggers)."""
    from sqlalchemy import text

    for statement in module_for(conn.dialect.name).DROP_APPEND_ONLY_DDL:
        conn.execute(text(statement))


def reset_id_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """After rows were inserted with their ids (a restore), new rows must get the next ones."""
    module_for(conn.dialect.name).reset_id_sequences(conn, tables)


def insert_returning_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Many rows into `table` (ids left to the database), and the ids they got, in order."""
    ids: list[int] = module_for(conn.dialect.name).insert_returning_ids(conn, table, rows)
    return ids


def writer_handover(dialect_name: str) -> float:
    """Seconds a long run of write transactions (the similarity index's catch-up) waits between
    two, so that a writer waiting for the lock gets it: SQLite's waiters poll (every 100 ms at
    most, sqlite3_busy_timeout), and one committing and beginning again at once starved them
    (a colleague's `claim tag` waited out the whole catch-up); PostgreSQL queues them."""
    return float(module_for(dialect_name).WRITER_HANDOVER)


def statistics_refreshed(conn: Connection, tables: Sequence[Table]) -> None:
    """Tell the planner what `tables` now hold, after the workbench itself wrote many of their
    rows at once (the similarity index's catch-up, a restore): PostgreSQL plans by statistics
    that autovacuum gathers later, or never where it is off, and planned a read of a few
    claims' postings out of millions as a sequential scan of them all meanwhile. A help, never
    a condition: a table the server cannot analyze now (locked, not the role's) is left as it
    was, without a word and without refusing the write it follows."""
    module_for(conn.dialect.name).statistics_refreshed(conn, tables)


def reads_row_by_row(conn: Connection) -> bool:
    """Whether a statement whose rows are asked for one at a time holds one row at a time
    (the driver steps through the result: SQLite), rather than a fetched result or batch."""
    return bool(module_for(conn.dialect.name).READS_ROW_BY_ROW)


def byte_length(
    conn: Connection, column: ColumnElement[Any] | QueryableAttribute[Any]
) -> ColumnElement[int]:
    """An expression for the bytes `column`'s value takes, read without handing it over."""
    found: ColumnElement[int] = module_for(conn.dialect.name).byte_length(column)
    return found


def is_backend_only(name: str | None) -> bool:
    """Schema objects the models do not describe (the search indexes, which migration 0003
    creates with its own DDL): Alembic must not drop them."""
    return bool(name) and (str(name).startswith("claim_fts") or str(name).endswith("_trgm"))


def search_claim_ids(dialect_name: str, query: str) -> Sql:
    """A statement giving the ids of claims whose text, quote, notes or evidence titles
    contain `query`, in any case and in any form of its characters (workbench.domain.forms).

    A query with no character of several forms (plain Chinese, say) is the plain search: SQLite
    answers from its FTS5 trigram index when the query is long enough for trigrams; every other
    case (short queries, PostgreSQL, where pg_trgm indexes serve ILIKE) is a LIKE search. Any
    other query adds its other spellings, asked of the same indexes, each backend its way
    (workbench.domain.search_needle says how). A query with a place where a space may stand
    or not (between Chinese and Latin: `search_needle.spacings`), or with an ellipsis (typed as
    three full stops or not: `search_needle.ellipsis_spellings`), is each of its spellings.
    """
    from workbench.domain.search_needle import needle, spellings

    module = module_for(dialect_name)
    arms: list[Sql] = []
    across = []  # the spellings with a character of several forms, asked of the module at once
    for one in spellings(query):
        folded = needle(one, module.trigram_reads)
        if folded is not None:
            across.append(folded)
            continue
        found: Sql | None = module.search_claim_ids(one)
        arms.append(found if found is not None else like_claim_ids(module, one))
    if across:
        arms.append(module.folded_claim_ids(across))
    return join(" UNION ", arms)


def like_claim_ids(module: ModuleType, query: str) -> Sql:
    """The portable search: a case-insensitive substring match, wildcards taken literally.

    ILIKE on both backends: on SQLite it is lower() LIKE lower(), with lower() folding every
    script (workbench.db.sqlite registers it), so "É" finds "é" there too; a query of uncased
    characters only (Chinese, digits) needs no folding and runs on SQLite's own LIKE.
    """
    pattern = like_pattern(query)

    def matches(column: object) -> Sql:
        found: Sql = module.ilike(column, pattern)
        return found

    return claim_ids_where(matches)
