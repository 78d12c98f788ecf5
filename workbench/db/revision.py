"""Is the database at the schema this code expects? Answered without importing Alembic (and,
on the read paths, without SQLAlchemy: `reader_revision`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.db.sql import select_all
from workbench.db.tables import alembic_version

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from workbench.db.reader import Reader

# The newest migration in migrations/versions. A test checks it against Alembic's own head, so
# adding a migration without updating this line fails the suite.
HEAD_REVISION = "0009_revision_sha256"


def current_revision(engine: Engine) -> str | None:
    """The schema revision, or None for a database with no schema yet.

    Anything else (not a database, unreachable server) raises: it must not pass for "empty".
    """
    from sqlalchemy import text

    with engine.connect() as conn:
        # The dialect's own check: one catalogue query, without building an Inspector.
        if not engine.dialect.has_table(conn, "alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def reader_revision(reader: Reader) -> str | None:
    """`current_revision`, asked on a read path's own connection."""
    if not reader.raw(reader.module.table_exists(alembic_version.name)):
        return None
    found = reader.scalar(select_all(alembic_version))
    return None if found is None else str(found)


def ensure_current(engine: Engine) -> None:
    """Migrate a new or older database; the common case costs one small query."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from workbench.db.migrate import upgrade

    upgrade(engine)
