"""Migrations are the schema: they build it, match the models, and go both ways."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from workbench.db.engine import get_engine
from workbench.db.migrate import alembic_config, database_revision, head_revision, upgrade
from workbench.db.revision import HEAD_REVISION, current_revision, ensure_current
from workbench.domain.errors import SchemaError

# Packages a revision must not import: the application, which moves on while revisions stay put.
LIVE_CODE = {"workbench", "__import__"}


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


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
            names.add("__import__")
    return names


def test_revisions_are_frozen_history() -> None:
    """A revision that imports live code changes what it does whenever that code changes: each
    carries its own copy of what it needs (DDL, the hash recipe as it was)."""
    versions = Path(__file__).resolve().parents[2] / "migrations" / "versions"
    revisions = sorted(versions.glob("*.py"))
    assert revisions
    offending = {
        path.name: sorted(m for m in _imported_modules(path) if m.split(".")[0] in LIVE_CODE)
        for path in revisions
    }
    assert {name: mods for name, mods in offending.items() if mods} == {}


def test_the_frozen_check_sees_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "0099_sample.py"
    sample.write_text(
        "import os\nfrom workbench.domain import chain\nimport workbench.db.backend as b\n"
        "def f():\n    from workbench import x\n",
        encoding="utf-8",
    )
    assert {"workbench.domain", "workbench.db.backend", "workbench"} <= _imported_modules(sample)
