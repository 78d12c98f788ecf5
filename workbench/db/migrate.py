"""Running Alembic from inside the application (only imported when the schema is behind)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

import workbench
from workbench.db.backend import (
    bound_waits,
    lacks_privilege,
    lock_migrations,
    schema_owner,
    version_schema,
)
from workbench.db.lock_wait import Listener, listened
from workbench.db.sqlite import WRITE_OPTION
from workbench.db.url import safe_url
from workbench.domain.errors import UPGRADE_NOT_PERMITTED, SchemaError, StorageError, step


def migrations_dir() -> Path:
    """Inside the wheel the migrations are package data; in a checkout they sit at the top."""
    package = Path(workbench.__file__).resolve().parent
    packaged = package / "_migrations"
    if (packaged / "env.py").is_file():
        return packaged
    return package.parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise SchemaError(f"migrations have {len(heads)} heads; expected exactly one")
    return heads[0]


def is_known(revision: str) -> bool:
    """Whether this version's migrations know the revision (else the database is newer)."""
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(
    engine: Engine,
    revision: str = "head",
    *,
    created: Callable[[], None] | None = None,
    upgraded: Callable[[str], None] | None = None,
    on_lock_wait: Listener | None = None,
) -> str | None:
    """Migrate under the write lock, so that processes starting at once migrate only once.
    Returns the revision an existing schema was upgraded from (None: the tables were created,
    or another process had already migrated); `created` is called when the tables are
    created here, not by another process while this one waited for the lock: under the lock,
    before they are made, so that a stop or a refusal part way knows the set-up was its own.

    A role the server refuses the change (not the tables' owner, no CREATE on the schema) is
    told so in one line naming the revisions and the privilege, not with the bare driver error.

    `upgraded` is told the revision an existing schema was upgraded from once that is
    committed: when the commit returns, or, for a stop (Ctrl-C, a kill) that lands inside it,
    when the database, asked, holds the revision asked for (a stop after the driver committed
    leaves a change that stands: fix173).

    `on_lock_wait` is told a wait for the lock (SQLite's write lock, PostgreSQL's migrations'
    lock) as a write's listener is (workbench.db.lock_wait): it was silent (fix206).
    """
    config = alembic_config()
    target = head_revision() if revision == "head" else revision
    start: str | None = None
    migrated = False
    try:
        try:
            writes = listened(engine.execution_options(**{WRITE_OPTION: True}), on_lock_wait)
            with writes.begin() as conn:
                lock_migrations(conn)
                start = revision_in(conn)
                if start is None and created is not None:
                    created()  # first, before the migrations are read
                if revision == "head" and start == target:
                    return None  # another process did it while we waited for the lock
                config.attributes["connection"] = conn
                try:
                    command.upgrade(config, revision)
                except CommandError as exc:
                    raise SchemaError(
                        f"cannot migrate this database ({exc}); is it from a newer workbench?"
                    ) from None
                migrated = True
        except BaseException as exc:
            stopped = migrated and not isinstance(exc, Exception)
            if stopped and start is not None and upgraded and _reached(engine, target):
                upgraded(start)
            raise
    except DBAPIError as exc:
        if not lacks_privilege(engine.dialect.name, exc):
            raise
        where = safe_url(engine.url.render_as_string(hide_password=False))
        change = (
            f"cannot create the workbench's tables in {where}"
            if start is None
            else f"cannot upgrade the schema of {where} from {start} to {target}"
        )
        raise not_permitted(engine, exc, change) from None
    if start is not None and upgraded is not None:
        upgraded(start)
    return start


def _reached(engine: Engine, target: str) -> bool:
    """Whether the database's schema is at `target`, asked on a connection of its own after a
    stop landed in the commit of the migration to it (False: it cannot be asked now)."""
    try:
        return database_revision(engine) == target
    except Exception:
        return False


def set_up_in(conn: Connection) -> bool:
    """Set an empty database up inside `conn`'s transaction, the write's own, which commits it
    with the write's change or rolls it back with its refusal (revision.SetUpInWrite: fix98).
    Under the migrations' lock, held to that transaction's end: another write meeting the same
    empty database meanwhile waits for it (within the write's lock wait), then finds the desk
    this one committed, or sets it up itself if this one was refused. Returns whether the
    tables were created here (False: another process's were there once the lock was had)."""
    from workbench.db.head import is_current

    bound_waits(conn)
    lock_migrations(conn)
    found = revision_in(conn)
    if found is not None:
        if is_current(found, conn.dialect.name):
            return False
        # Set up meanwhile by another release's workbench: refused as ensure_current would.
        raise SchemaError(
            f"the database was set up meanwhile at schema revision {found}, which this "
            f"workbench does not work with (it needs {head_revision()})"
        )
    config = alembic_config()
    config.attributes["connection"] = conn
    try:
        command.upgrade(config, "head")
    except DBAPIError as exc:
        if not lacks_privilege(conn.dialect.name, exc):
            raise
        where = safe_url(conn.engine.url.render_as_string(hide_password=False))
        change = f"cannot create the workbench's tables in {where}"
        raise not_permitted(conn.engine, exc, change) from None
    return True


def not_permitted(engine: Engine, exc: DBAPIError, change: str) -> StorageError:
    """The refusal of a schema change (`change` says which) that the session's role may not
    make: that role, the server's own words for what it lacks, and who owns the schema (asked
    on a connection of its own: the change's transaction is aborted)."""
    from workbench.db.backend import machine_identity

    with engine.connect() as conn:
        role, owner = machine_identity(conn), schema_owner(conn)
    # The server's first line ("must be owner of table claims"); details follow on others.
    lacking = str(exc.orig).strip().splitlines()[0]
    return StorageError(
        f"{change}: the role {role} lacks the privilege ({lacking})",
        hint=step("upgrade_schema", **({"owner": owner} if owner else {})),
        reason=UPGRADE_NOT_PERMITTED,
    )


def revision_in(conn: Connection) -> str | None:
    """The desk's revision as Alembic reads it, from the version table where migrations/env.py
    puts it (PostgreSQL: the desk's own schema, not a later one's on the search_path)."""
    opts = {"version_table_schema": version_schema(conn)}
    return MigrationContext.configure(conn, opts=opts).get_current_revision()


def database_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return revision_in(conn)
