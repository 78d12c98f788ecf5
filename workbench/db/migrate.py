"""Running Alembic from inside the application (only imported when the schema is behind)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

import workbench
from workbench.db.backend import lock_migrations
from workbench.db.sqlite import WRITE_OPTION
from workbench.domain.errors import SchemaError


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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate under the write lock, so that processes starting at once migrate only once."""
    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        lock_migrations(conn)
        if revision == "head" and MigrationContext.configure(conn).get_current_revision() == (
            head_revision()
        ):
            return  # another process did it while we waited for the lock
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, revision)
        except CommandError as exc:
            raise SchemaError(
                f"cannot migrate this database ({exc}); is it from a newer workbench?"
            ) from None


def database_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
