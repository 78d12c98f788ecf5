"""Migrations are the schema: they build it, match the models, and go both ways."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from workbench.db.engine import get_engine
from workbench.db.migrate import alembic_config, database_revision, head_revision, upgrade
from workbench.db.revision import HEAD_REVISION, current_revision, ensure_current
from workbench.domain.errors import SchemaError


def test_head_constant_matches_alembic() -> None:
    assert head_revision() == HEAD_REVISION


def test_upgrade_from_empty_then_no_drift(empty_db_url: str) -> None:
    engine = get_engine(empty_db_url)
    assert current_revision(engine) is None
    ensure_current(engine)
    assert database_revision(engine) == HEAD_REVISION
    names = set(inspect(engine).get_table_names())
    assert {"documents", "claims", "notes", "events"} <= names
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.check(config)  # raises when the models and the migrations disagree


def test_downgrade_to_base_and_back(empty_db_url: str) -> None:
    engine = get_engine(empty_db_url)
    upgrade(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert "claims" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION


def test_database_from_the_future_is_refused(db_url: str) -> None:
    engine = get_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zzzz_future'"))
    with pytest.raises(SchemaError, match="newer workbench"):
        ensure_current(engine)
