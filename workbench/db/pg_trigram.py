"""PostgreSQL's trigram search indexes of a desk: which are missing, why, and their repair.

Migration 0003 made them (and 0016 where 0003 could not); its DDL is frozen there, so the
repair keeps its own. They go missing where no migration runs again: a dump restored into a
database whose pg_trgm is in another schema than the dump names (pg_restore: `operator class
"desk1.gin_trgm_ops" does not exist`), or the extension's schema dropped CASCADE with them.
Search works without them, as a scan of every row; `db status` says they are missing and how
to add them, and the owner's `db upgrade` puts them back, as it does a missing guard trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.db.pg_options import identifier
from workbench.db.search_indexes import MissingIndexes

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Migration 0003's indexes, by name: (table, column), each on the operator class gin_trgm_ops.
TRIGRAM_INDEXES = {
    "ix_claims_text_trgm": ("claims", "text"),
    "ix_claims_quote_trgm": ("claims", "quote"),
    "ix_notes_body_trgm": ("notes", "body"),
    "ix_evidence_title_trgm": ("evidence", "title"),
}

# Why they are missing, in stable words (docs/json.md, `db status`'s `indexes_reason`).
DB_UPGRADE = "db_upgrade"  # the extension is there for the owner: its `db upgrade` adds them
EXTENSION_SCHEMA_CLOSED = "extension_schema_closed"  # its schema is not the owner's to use
CREATE_EXTENSION = "create_extension"  # not installed; this role may install it
NO_EXTENSION = "no_extension"  # not installed; this role may not install it
EXTENSION_UNAVAILABLE = "extension_unavailable"  # the server has none to install

# The extension's schema, its owner, and whether `role` may use it (the opclass is named in
# it; a schema of another desk's owner may be closed to this desk's). Roles are named as
# regrole writes them (quoted where the name needs it), as schema_owner gives the desk's.
_EXTENSION = (
    "SELECT n.nspname, n.nspowner::regrole::text,"
    " has_schema_privilege(CAST(:role AS regrole), n.oid, 'USAGE')"
    " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
    " WHERE e.extname = 'pg_trgm'"
)
# Whether the server has pg_trgm to install, and whether this session's role may install it
# here: a superuser may; otherwise a trusted extension (pg_trgm since PostgreSQL 13) needs
# CREATE on the database, and CREATE on the schema it lands in (current_schema()).
_INSTALLABLE = (
    "SELECT (SELECT bool_or(v.trusted) FROM pg_available_extension_versions v"
    "  WHERE v.name = 'pg_trgm'),"
    " (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user),"
    " has_database_privilege(current_database(), 'CREATE')"
    " AND has_schema_privilege(current_schema(), 'CREATE'),"
    " current_database()"
)


def missing_trigram_indexes(conn: Connection) -> list[str]:
    """The indexes of TRIGRAM_INDEXES the desk's schema (current_schema()) lacks, sorted: by
    name, as 0016 looks, not an index of that name in a later schema of the search_path."""
    from sqlalchemy import text

    have = set(
        conn.execute(
            text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        ).scalars()
    )
    return sorted(name for name in TRIGRAM_INDEXES if name not in have)


def _extension(conn: Connection, role: str) -> tuple[str, str, bool] | None:
    from sqlalchemy import text

    row = conn.execute(text(_EXTENSION), {"role": role}).one_or_none()
    return None if row is None else (str(row[0]), str(row[1]), bool(row[2]))


def trigram_indexes(conn: Connection, owner: str | None) -> MissingIndexes:
    """What `db status` says of the desk's trigram indexes; `owner`: the desk's owner, the
    role that runs `db upgrade` and in whose name the indexes are made."""
    from sqlalchemy import text

    missing = missing_trigram_indexes(conn)
    if not missing:
        return MissingIndexes()
    role = owner or str(
        conn.execute(
            text("SELECT oid::regrole::text FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )
    upgrade = f"the desk's owner (role {role}) runs `workbench db upgrade`"
    found = _extension(conn, role)
    if found is not None:
        schema, schema_owner, usable = found
        if usable:
            words = f"pg_trgm in schema {identifier(schema)} serves them: {upgrade} to add them"
            return MissingIndexes(tuple(missing), DB_UPGRADE, words)
        words = (
            f"pg_trgm is in schema {identifier(schema)}, which the desk's owner (role {role}) "
            f"may not use: the schema's owner (role {schema_owner}) runs `GRANT USAGE ON SCHEMA "
            f"{identifier(schema)} TO {role}`, then {upgrade}"
        )
        return MissingIndexes(tuple(missing), EXTENSION_SCHEMA_CLOSED, words)
    trusted, superuser, may_create, database = conn.execute(text(_INSTALLABLE)).one()
    if trusted is None:
        words = "the server has no pg_trgm to install (PostgreSQL's contrib modules)"
        return MissingIndexes(tuple(missing), EXTENSION_UNAVAILABLE, words)
    if superuser or (trusted and may_create):
        words = (
            f"pg_trgm is not installed in database {database}: `CREATE EXTENSION pg_trgm` "
            f"(this role may), then {upgrade}"
        )
        return MissingIndexes(tuple(missing), CREATE_EXTENSION, words)
    words = (
        f"pg_trgm is not installed in database {database}, and this role may not install it: "
        f"the database's administrator installs it, then {upgrade}"
    )
    return MissingIndexes(tuple(missing), NO_EXTENSION, words)


def restore_trigram_indexes(conn: Connection) -> list[str]:
    """Make each missing trigram index, its operator class named in pg_trgm's schema (the
    desk's search_path need not name it); returns their names. None without the extension or
    where this role may not use its schema: search works without them, and `db status` says
    why. Only the tables' owner may: the server refuses anyone else."""
    from sqlalchemy import text

    missing = missing_trigram_indexes(conn)
    if not missing:
        return []
    role = str(
        conn.execute(
            text("SELECT oid::regrole::text FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )
    found = _extension(conn, role)
    if found is None or not found[2]:
        return []
    opclass = f"{identifier(found[0])}.gin_trgm_ops"
    for name in missing:
        table, column = TRIGRAM_INDEXES[name]
        conn.execute(text(f"CREATE INDEX {name} ON {table} USING gin ({column} {opclass})"))
    return missing
