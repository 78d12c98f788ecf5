"""Is the database at the schema this code expects? Answered without importing Alembic (and,
on the read paths, without SQLAlchemy: `reader_revision`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.db.backend import (
    module_for,
    schema_owner,
    sets_up_in_write,
    sets_up_where_named,
    upgrades_on_use,
)
from workbench.db.head import HEAD_REVISION, is_current
from workbench.db.sql import select_all
from workbench.db.tables import alembic_version
from workbench.domain.errors import SCHEMA_BEHIND, SchemaError, step

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from workbench.db.lock_wait import Listener
    from workbench.db.reader import Reader


def current_revision(engine: Engine) -> str | None:
    """The schema revision, or None for a database with no schema yet.

    Anything else (not a database, unreachable server) raises: it must not pass for "empty".
    """
    from sqlalchemy import text

    with engine.connect() as conn:
        # One catalogue query, the backend's (DESK_HERE), asked by reads and writes alike: the
        # desk's own schema only (PostgreSQL: not one found further along the search_path,
        # nor one after a first schema the path names and the server passed over).
        module = module_for(conn.dialect.name)
        if not module.desk_here(conn.execute(text(module.DESK_HERE.text)).one()):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def reader_revision(reader: Reader) -> str | None:
    """`current_revision`, asked on a read path's own connection."""
    if not reader.module.desk_here(reader.raw(reader.module.DESK_HERE)[0]):
        return None
    found = reader.scalar(select_all(alembic_version))
    return None if found is None else str(found)


class NoTables(Exception):
    """The database has none of the workbench's tables, and the command may not set them up
    (a read), or not there (a write whose search_path's first schema is not there: the
    server would create them in the next one). services.context refuses it, naming where it
    looked: workbench.db.no_desk."""


class SetUpInWrite(Exception):
    """The database has no workbench tables, and the write that met it is to set them up in its
    own transaction (`sets_up_in_write`: the DDL is transactional), so that a refusal leaves
    the database as it was: services.context.transaction runs migrate.set_up_in first in it."""


def ensure_current(
    engine: Engine,
    *,
    upgrade: bool = False,
    create: bool = True,
    in_write: bool = False,
    created: Callable[[], None] | None = None,
    upgraded: Callable[[str], None] | None = None,
    on_lock_wait: Listener | None = None,
) -> str | None:
    """Bring the database to the schema this code needs, where that is the command's to do;
    the common case (current already) costs one small query.

    An empty database gets its tables when `create` says so (a write) and they would go where
    the URL names (`sets_up_where_named`, asked of an empty database only); else NoTables is
    raised. When a write transaction follows (`in_write`) and the backend sets up in it,
    SetUpInWrite is raised instead, for that transaction to set it up. An older schema is
    migrated where the backend upgrades on use (SQLite: one person's file) or when `upgrade`
    asks for it (`workbench db upgrade`); on a shared database (PostgreSQL) it is refused
    instead, naming both revisions and who upgrades it.
    A newer schema is refused either way (migrate.upgrade). Returns the revision an older
    schema was upgraded from here (None: nothing to upgrade, or the tables were created), for
    the front end to say: a file changed under its owner is said. `created` is called when the
    tables are created here (not by another process meanwhile), as they begin to be made:
    migrate.upgrade; `upgraded` is told the revision an older schema was upgraded from the
    moment the upgrade is known committed, a stop landing in its commit included; `on_lock_wait`
    a wait for the lock the upgrade takes (migrate.upgrade)."""
    current = current_revision(engine)
    if current is None:
        where_named, in_its_write = _set_up(engine) if create else (False, False)
        if not where_named:
            raise NoTables
        if in_write and in_its_write:
            # Not here, committed before the write's change is checked: in its transaction,
            # so that a refusal rolls it back (fix98).
            raise SetUpInWrite
    if current == HEAD_REVISION or (not upgrade and is_current(current, engine.dialect.name)):
        return None
    from workbench.db.migrate import is_known
    from workbench.db.migrate import upgrade as migrate

    # An older schema on a shared database is refused here; a newer one goes to migrate,
    # whose refusal names it (is_known only tells the two apart, it reads the migrations).
    behind = current is not None and not upgrade and not upgrades_on_use(engine.dialect.name)
    if behind and is_known(str(current)):
        raise _behind(engine, str(current))
    return migrate(engine, created=created, upgraded=upgraded, on_lock_wait=on_lock_wait)


def _set_up(engine: Engine) -> tuple[bool, bool]:
    """For a database without tables: whether they would go where the URL names, and whether
    a write sets them up in its own transaction (one connection for both questions)."""
    with engine.connect() as conn:
        return sets_up_where_named(conn), sets_up_in_write(conn)


def _behind(engine: Engine, current: str) -> SchemaError:
    """The refusal of an older shared schema, naming its owner: the person to ask, since the
    role that met it is often not the one that may change it."""
    with engine.connect() as conn:
        owner = schema_owner(conn)
    return SchemaError(
        f"the database's schema is at revision {current} and this workbench needs "
        f"{HEAD_REVISION} (a shared database's schema is upgraded on purpose, not by any "
        "command that meets it)",
        hint=step("upgrade_schema", **({"owner": owner} if owner else {})),
        reason=SCHEMA_BEHIND,
    )
