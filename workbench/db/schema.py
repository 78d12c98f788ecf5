"""Is the database at the schema this code expects? Answered without importing Alembic."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

# The newest migration in migrations/versions. A test checks it against Alembic's own head, so
# adding a migration without updating this line fails the suite.
HEAD_REVISION = "0003_workflow"


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def ensure_current(engine: Engine) -> None:
    """Migrate a new or older database; the common case costs one small query."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from workbench.db.migrate import upgrade

    upgrade(engine)
