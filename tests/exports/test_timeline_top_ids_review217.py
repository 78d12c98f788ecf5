"""The Markdown timeline reads its claims a range of ids at a time (trial211). On PostgreSQL a
claim's id is a 32-bit integer, and a claim whose id is within the range's width of the top
(a sequence set forward by a tool inserting with its own ids) made the range's end past
2**31 - 1: `audit export --format md` failed, "database error: integer out of range", where
it wrote the claim's heading before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.inprocess import ok
from workbench.db.engine import get_engine
from workbench.defaults import INT_MAX

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="SQLite's ids are 64-bit: a range past 2**31 - 1 is no error there"
)


def test_claims_with_ids_near_the_top_are_headed(cli: Callable[..., Any], db_url: str) -> None:
    ok(cli("doc", "add", "-", input="甲公司估值40亿美元。乙公司成立于2021年。"))
    ok(cli("claim", "add", "1", "--text", "valued 4bn", "--quote", "估值40亿美元"))
    with get_engine(db_url).begin() as conn:
        conn.execute(
            text("SELECT setval(pg_get_serial_sequence('claims', 'id'), :v)"), {"v": INT_MAX - 2}
        )
    ok(cli("claim", "add", "1", "--text", "founded 2021", "--quote", "乙公司成立于2021年"))
    ok(cli("claim", "status", str(INT_MAX - 1), "in_progress"))
    r = cli("audit", "export", "--format", "md")
    assert r.code == 0, r.err
    headings = [line for line in r.out.splitlines() if line.startswith("## Claim")]
    assert headings == ["## Claim #1: valued 4bn", f"## Claim #{INT_MAX - 1}: founded 2021"]
    assert "- **Status now:** in_progress (version 2)" in r.out
