"""Alembic environment: the workbench's own database and metadata.

Run by the application with a connection in `config.attributes["connection"]`, or from the command
line (`alembic upgrade head`), where the URL comes from `-x db=...`, WORKBENCH_DB or the default.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from workbench.db.backend import is_backend_only, version_schema
from workbench.db.engine import get_engine
from workbench.db.models import Base
from workbench.db.url import resolve_url

config = context.config
if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _compared(name: str | None, type_: str, parent: object) -> bool:
    """What autogenerate compares with the models: not the search indexes, nor the version
    table, which Alembic leaves out by itself only where it is unqualified (schema None), not
    where `version_table_schema` names the desk's schema."""
    del parent
    return not is_backend_only(name) and not (type_ == "table" and name == "alembic_version")


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # PostgreSQL: the version table in the desk's schema, the search_path's first that is
        # there, named: unqualified, Alembic found one in any later schema of the path and
        # took an empty desk2025 of `desk2025,public` for public's desk (fix287).
        version_table_schema=version_schema(connection),
        include_name=_compared,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = resolve_url(context.get_x_argument(as_dictionary=True).get("db"))
    with get_engine(url).connect() as conn:
        run(conn)
        conn.commit()
