"""Engines, one per URL per process, configured by the backend's own module."""

from __future__ import annotations

import logging
from functools import cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

from workbench.db import postgresql, sqlite
from workbench.domain.errors import InvalidInput, StorageError

# SQLAlchemy's own log records are for a host program that sets logging up. With none set up,
# Python's last resort printed them on stderr: a Ctrl-C landing as a connection closed showed
# the pool's "Exception closing connection" and a traceback above the one line an interrupt
# is (fix135). A handler that drops them silences that last resort only: a host's own
# handlers (on the root logger) still hear every record.
# psycopg's likewise: its executemany runs in pipeline mode, and a restore a table's constraint
# refused printed "error ignored terminating <psycopg.Pipeline ...>: pipeline aborted" above
# the one line of its refusal on some runs (rrestore).
for _name in ("sqlalchemy", "psycopg"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@cache
def get_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # One short-lived command, one connection: pooling would only keep the file open.
        engine = create_engine(url, poolclass=NullPool)
        sqlite.configure(engine)
    elif url.startswith("postgresql"):
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ImportError:
            raise StorageError(
                "PostgreSQL needs the psycopg driver: pip install 'claim-workbench[postgres]'"
            ) from None
        postgresql.configure(engine)
    else:
        from workbench.db.url import safe_url

        raise InvalidInput(
            f"unsupported database URL {safe_url(url)!r}: use a SQLite file or PostgreSQL"
        )
    return engine


def write_engine(url: str) -> Engine:
    """The same engine, marked so that SQLite begins its transactions with the write lock."""
    return get_engine(url).execution_options(**{sqlite.WRITE_OPTION: True})
