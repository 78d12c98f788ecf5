"""A revision the newest migrations leave unchanged on a backend is worked with as it is
(review62: 0014 rebuilds SQLite's search index and does nothing on PostgreSQL, yet every
command on a shared desk at 0013, reads too, was refused until its owner ran `db upgrade`)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.inprocess import ok, run_cli
from workbench.db.engine import get_engine
from workbench.db.revision import CURRENT_ON, HEAD_REVISION, is_current


def test_only_listed_revisions_are_current_and_only_on_their_backend() -> None:
    assert is_current(HEAD_REVISION, "sqlite") and is_current(HEAD_REVISION, "postgresql")
    assert is_current("0013_event_identity", "postgresql")
    assert not is_current("0013_event_identity", "sqlite")
    assert not is_current("0012_withdrawn", "postgresql") and not is_current(None, "postgresql")
    assert all(HEAD_REVISION not in kept for kept in CURRENT_ON.values())


@pytest.mark.skipif(not PG_URL, reason="the listed revision is PostgreSQL's")
def test_a_postgresql_desk_at_0013_is_read_and_written_and_upgraded_on_purpose(
    db_url: str,
) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    ok(run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env))
    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0013_event_identity'"))
    ok(run_cli(["doc", "list"], env=env))
    ok(run_cli(["claim", "add", "1", "--text", "revenue", "--quote", "营收一百亿元"], env=env))
    status = run_cli(["db", "status"], env=env)
    assert "0013_event_identity" in status.out + status.err
    ok(run_cli(["db", "upgrade"], env=env))
    with get_engine(db_url).connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
