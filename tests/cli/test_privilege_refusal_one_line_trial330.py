"""trial330: a checker's role missing its grant on one table (a table added after the
grants were run) read `permission denied for table claim_tags ; its owner ...`: on the read
paths the server's message kept its line end, drawn as a space before the semicolon."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, run_in_process
from workbench.db.engine import get_engine


@pytest.mark.skipif(not PG_URL, reason="login roles and grants exist on PostgreSQL only")
def test_a_missing_grant_on_a_read_is_one_clean_line(
    db_url: str, person: Callable[[str], str]
) -> None:
    ana = person(db_url)
    role = ana.split("://", 1)[1].split("@", 1)[0]
    with get_engine(db_url).begin() as conn:
        conn.execute(text(f"REVOKE ALL ON claim_tags FROM {role}"))
    r = run_in_process(["--db", ana, "claim", "list", "--tag", "phone"])
    assert r.code == 1
    assert "permission denied for table claim_tags; " in r.err, r.err
    assert r.err.count("\n") == 1, r.err
