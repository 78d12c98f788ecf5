"""PostgreSQL specifics."""

from __future__ import annotations

from sqlalchemy import Engine


def configure(engine: Engine) -> None:
    """Nothing to set per connection yet: READ COMMITTED and server-side defaults suit us."""
    del engine
