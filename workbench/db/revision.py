"""Is the database at the schema this code expects? Answered without importing Alembic."""

from __future__ import annotations

from sqlalchemy import Engine, text

# The newest migration in migrations/versions. A test checks it against Alembic's own head, so
# adding a migration without updating this line fails the suite.
HEAD_REVISION = "0007_read_indexes"


def current_revision(engine: Engine) -> str | None:
    """The schema revision, or None for a database with no schema yet.

    Anything else (not a database, unreachable server) raises: it must not pass for "empty".
    """
    with engine.connect() as conn:
        # The dialect's own check: one catalogue query, without building an Inspector.
        if not engine.dialect.has_table(conn, "alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_current(engine: Engine) -> None:
    """Migrate a new or older database; the common case costs one small query."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from workbench.db.migrate import upgrade

    upgrade(engine)
