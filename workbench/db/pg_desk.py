"""Where a PostgreSQL URL leads, as the desk's checks ask it: whether the schema its
search_path resolves to holds a desk, a desk later on the path or elsewhere in the database,
why a write or `db upgrade` would set none up there, and the words that say so (`db status`,
workbench.db.no_desk's refusals). workbench.db.postgresql, the backend's module, hands on
what workbench.db.backend and workbench.db.revision ask of every backend.
"""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
# ruff: noqa: S608
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.db.pg_options import first_schema, identifier, passed_over, search_path_option
from workbench.db.sql import Sql, param
from workbench.domain.errors import UPGRADE_NOT_PERMITTED

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Why `db status` finds no desk that `db upgrade` would set up (no_set_up_here; docs/json.md):
# the search_path's schema is not there, or not open to the role; the role may not create
# tables in it (UPGRADE_NOT_PERMITTED: the reason its refusal carries, docs/errors.md).
NO_SCHEMA = "no_schema"
SCHEMA_NOT_OPEN = "schema_not_open"
# Why `db status` finds no desk that `db upgrade` would set up: `$user` led to an empty schema
# of the role's, and a desk is in a later schema of the path (`forks_a_desk`; docs/json.md).
DESK_LATER_ON_PATH_REASON = "desk_later_on_path"
# Why `db status` of an empty schema names another: the database holds a desk in a schema the
# search_path does not reach (a restore reached without its options; docs/json.md).
DESK_IN_ANOTHER_SCHEMA = "desk_in_another_schema"


# A desk is the workbench's tables in the schema the session's search_path resolves to
# (current_schema(): the first of its schemas that is there and open to the role), where a
# first write or `db upgrade` creates them. Never a desk in a later schema of the path: with
# `desk2025,public` (public after it for pg_trgm) an empty desk2025 was taken for the desk in
# public, whose revision `db upgrade` reported, and which `doc add` wrote into (fix287). So
# every "is there a desk here" question names that schema, not the path (to_regclass and
# pg_table_is_visible search the whole path); Alembic's version table is qualified with it
# too (migrations/env.py, `version_schema`).
DESK_VERSION_TABLE = (
    "SELECT c.oid FROM pg_catalog.pg_class c"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema() AND c.relname = 'alembic_version'"
)
# Whether this session's URL reaches a desk, in one row: its version table in current_schema(),
# the search_path as set and the schema it resolves to, for `desk_here`.
DESK_HERE = Sql(
    f"SELECT EXISTS ({DESK_VERSION_TABLE}), current_setting('search_path'), current_schema()"
)


def desk_here(row: Sequence[Any]) -> bool:
    """Whether DESK_HERE's row finds a desk: its version table in the schema the search_path
    resolves to, and that schema the one the path names first. A first schema the server
    passed over (not there, or not open to this role: `typo,public`) leaves the desk after it
    unreached, as it leaves a write there nothing to set up (`sets_up_where_named`): trial308's
    `typo,public` read and wrote public's desk, which a URL naming `typo` never means. `$user`
    passed over is the server's default path, `"$user", public`: public's desk is meant."""
    found, search_path, schema = row
    return bool(found) and passed_over(str(search_path), schema) is None


# The first schema after current_schema() on the search_path (as the server resolves it:
# schemas there and open to the role, `$user` expanded) that holds a desk, and the path from
# it on (public kept for pg_trgm), as an array: the names as they are, for the refusals to
# quote as a URL needs them (workbench.db.no_desk); no row when none does.
DESK_LATER_ON_PATH = Sql(
    "SELECT s.name, ((current_schemas(false))[s.at:])::text[]"
    " FROM unnest(current_schemas(false)) WITH ORDINALITY AS s(name, at)"
    " JOIN pg_catalog.pg_namespace n ON n.nspname = s.name"
    " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = 'alembic_version'"
    " WHERE s.name <> current_schema() ORDER BY s.at LIMIT 1"
)


def desks_elsewhere(conn: Connection) -> list[str]:
    """The schemas of this database, other than the one the search_path resolves to, that hold
    a desk (its version table), by name: what `db status` of an empty schema names, so that a
    restore reached without its `?options=-csearch_path=...` is not taken for a new database."""
    from sqlalchemy import text

    found = conn.execute(
        text(
            "SELECT n.nspname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relname = 'alembic_version' AND c.relkind = 'r'"
            " AND n.nspname IS DISTINCT FROM current_schema() ORDER BY n.nspname"
        )
    ).scalars()
    return [str(name) for name in found]


def version_schema(conn: Connection) -> str | None:
    """The schema of the desk's version table (Alembic's `version_table_schema`): the one the
    search_path resolves to, None when none of its schemas is there."""
    from sqlalchemy import text

    found = conn.execute(text("SELECT current_schema()")).scalar()
    return None if found is None else str(found)


def desk_later_on_path(conn: Connection) -> tuple[str, list[str]] | None:
    """The schema after the desk's on the search_path that holds a desk of its own, and the
    search_path from it on (what a URL reaching that desk would name), if any."""
    from sqlalchemy import text

    found = conn.execute(text(DESK_LATER_ON_PATH.text)).first()
    return None if found is None else (str(found[0]), [str(name) for name in found[1]])


def forks_a_desk(
    conn: Connection, search_path: str, schema: str | None
) -> tuple[str, list[str]] | None:
    """The desk a set-up in `schema` would stand in front of, when the search_path did not
    name `schema` itself but reached it through `$user` (the server's default path, `"$user",
    public`): a person whose role has a schema of its own name, empty, used the desk in public
    that way, and a first write there would set a second desk up in their schema, which
    nobody else reads. A schema the path names is the person's choice: set up there (the
    README's rule). As `desk_later_on_path`; None when nothing stands behind, or the path
    named the schema."""
    if schema is None or not through_user(search_path):
        return None
    return desk_later_on_path(conn)


def through_user(search_path: str) -> bool:
    """Whether the search_path reaches its schema through `$user` (the server's default path)
    rather than naming it: where a desk later on the path is not forked (`forks_a_desk`)."""
    return first_schema(search_path) == "$user"


# Where a read that found no workbench tables looked, asked only then, for its refusal
# (workbench.db.no_desk): the database, the search_path as set (a URL's options, the role's
# default), the schema it resolves to (NULL: none of its schemas is there for this role), and
# whether the role may create tables in that schema.
WHERE_LOOKED = Sql(
    "SELECT current_database(), current_setting('search_path'), current_schema(),"
    " COALESCE(has_schema_privilege(current_schema(), 'CREATE'), false)"
)


def sets_up_where_named(conn: Connection) -> bool:
    """Whether tables created now would go in the schema the search_path names first. Not
    when the server passes that schema over (not there, or not open to this role) and would
    create them in the next one (fix93: `typo,public` set a desk up in public, beside others'
    data), nor when none of its schemas is there, nor when `$user` led to an empty schema of
    the role's with a desk after it (`forks_a_desk`). Asked only by a write that found no
    tables."""
    from sqlalchemy import text

    search_path, schema = conn.execute(
        text("SELECT current_setting('search_path'), current_schema()")
    ).one()
    if schema is None or passed_over(str(search_path), schema) is not None:
        return False
    return forks_a_desk(conn, str(search_path), schema) is None


def no_set_up_here(conn: Connection) -> tuple[str, str] | None:
    """Why `db upgrade` would set no desk up where this session's search_path leads (`db
    status` of a database without the workbench's tables), as (reason, words), or None when it
    would: the schema named first is not there (NO_SCHEMA) or not open to this role
    (SCHEMA_NOT_OPEN; the write is refused: workbench.db.no_desk), none of the path's schemas
    is (NO_SCHEMA), or the role may not create tables in the one it resolves to
    (UPGRADE_NOT_PERMITTED: a person's role under docs/identity.md's grants; the owner sets
    the desk up)."""
    from sqlalchemy import text

    database, search_path, schema, may_create = conn.execute(text(WHERE_LOOKED.text)).one()
    named = passed_over(str(search_path), schema)
    if named is not None:
        there = text("SELECT 1 FROM pg_namespace WHERE nspname = :name")
        if conn.execute(there, {"name": named}).first():
            return SCHEMA_NOT_OPEN, f"the schema {named} is not open to this role (no USAGE on it)"
        return NO_SCHEMA, (
            f"no schema {named} in database {database}: create it (CREATE SCHEMA "
            f"{identifier(named)}) or "
            "point --db at the desk's schema"
        )
    if schema is None:
        return NO_SCHEMA, f"no schema of the search_path {search_path} in database {database}"
    later = forks_a_desk(conn, str(search_path), schema)
    if later is not None:
        return DESK_LATER_ON_PATH_REASON, later_desk_words(schema, *later, search_path)
    if not may_create:
        return UPGRADE_NOT_PERMITTED, (
            f"this role may not create tables in schema {schema}: the role that owns it runs "
            "`workbench db upgrade`, or point --db at the desk's schema"
        )
    return None


def later_desk_words(schema: str, later: str, path_on: list[str], search_path: object) -> str:
    """What to put in the URL when the search_path reached the empty schema `schema` through
    `$user` and a desk stands in `later` after it, `path_on` the path from there (a write's
    refusal, `db status`'s why)."""
    return (
        f"the search_path {search_path} leads to schema {schema} (named after this role), "
        f"which holds no desk, and a desk is in schema {later} after it: name the schema in "
        f"--db, ?options={search_path_option(path_on)} to use that desk, or "
        f"{search_path_option([schema, *path_on])} to set a desk up in {schema}"
    )


def later_desk_said(later: str, path_on: list[str]) -> str:
    """A read's refusal's last words, when a desk stands later on the search_path: it is not
    read from here, and the URL that reaches it."""
    return (
        f"; a desk is in schema {later}, later on the search_path, and is not read from here: "
        f"?options={search_path_option(path_on)} in --db reaches it"
    )


def tables_here(conn: Connection) -> tuple[str, list[str]]:
    """The schema this session's search_path resolves to, and the names of its tables (`db
    status` of a schema without the workbench's: another program's tables, or none)."""
    from sqlalchemy import text

    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    names = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"), {"schema": schema}
    ).scalars()
    return str(schema), list(names)


def sets_up_in_write(conn: Connection) -> bool:
    """An empty schema gets its tables in the transaction of the write that needs them, not in
    one of their own committed first (fix98): a refused write then rolls the set-up back with
    its change (the server's DDL is transactional: tables, sequences, functions, an extension
    the migrations made in the schema), and leaves the schema as it found it, with any tables
    of the user's in it untouched. Left set up, the next read answered from an empty desk
    where it had said there was none."""
    del conn
    return True


def schema_exists(name: str) -> Sql:
    """Whether the database has a schema `name`, usable by this role or not (the catalogue
    lists every schema to every role)."""
    return "SELECT 1 FROM pg_namespace WHERE nspname = " + param(name)
