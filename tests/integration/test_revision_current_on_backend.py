"""A revision the newest migrations leave unchanged on a backend is worked with as it is
(review62: 0014 rebuilds SQLite's search index and does nothing on PostgreSQL, yet every
command on a shared desk at 0013, reads too, was refused until its owner ran `db upgrade`).
0015 adds notes.internal on every backend, which this code reads: a shared desk at 0013 or 0014
is upgraded by its owner first. 0016 only adds trigram search indexes on PostgreSQL, so a desk
at 0015 is worked with there as it is (fix303)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.inprocess import ok, run_cli
from workbench.db.engine import get_engine
from workbench.db.head import CURRENT_ON, HEAD_REVISION, is_current
from workbench.db.migrate import alembic_config


def test_only_listed_revisions_are_current_and_only_on_their_backend() -> None:
    assert is_current(HEAD_REVISION, "sqlite") and is_current(HEAD_REVISION, "postgresql")
    # notes.internal (0015) is read on every backend.
    for older in ("0014_search_rowids", "0013_event_identity"):
        assert not is_current(older, "postgresql") and not is_current(older, "sqlite")
    assert not is_current("0012_withdrawn", "postgresql") and not is_current(None, "postgresql")
    # 0016 makes search indexes alone, and on PostgreSQL alone (fix303).
    assert is_current("0015_internal_notes", "postgresql")
    assert not is_current("0015_internal_notes", "sqlite")
    assert all(HEAD_REVISION not in kept for kept in CURRENT_ON.values())


@pytest.mark.skipif(not PG_URL, reason="a shared desk is PostgreSQL's")
def test_a_postgresql_desk_at_0014_is_refused_until_upgraded_on_purpose(db_url: str) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    ok(run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env))
    engine = get_engine(db_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0014_search_rowids")
    refused = run_cli(["doc", "list"], env=env)
    assert refused.code == 1 and "db upgrade" in refused.err, refused
    ok(run_cli(["db", "upgrade"], env=env))
    ok(run_cli(["doc", "list"], env=env))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
