"""The `CREATE SCHEMA NAME` that db status and a write's refusal suggest for a missing schema
runs as given when the name is one of SQL's reserved words.

Was: `-csearch_path=order` (a search_path takes the word as a name) was answered with
`create it (CREATE SCHEMA order)`, which the server refuses: `syntax error at or near "order"`
(review297's pg_options.identifier quoted capitals, spaces and dots, not keywords)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result
from workbench.db.engine import get_engine
from workbench.db.url import resolve_url

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")


def suggested(said: str) -> str:
    found = re.search(r"\((CREATE SCHEMA [^)]*)\)", said)
    assert found is not None, said
    return found[1]


@pytest.mark.parametrize("args", [["db", "status"], ["doc", "add", "-"]])
def test_the_suggested_create_schema_runs(workbench_main: Main, args: list[str]) -> None:
    url = f"{resolve_url(PG_URL)}?options=-csearch_path%3Dorder"
    r = workbench_main(["--db", url, *args], input="甲说。")
    statement = suggested(r.out + r.err)
    assert statement == 'CREATE SCHEMA "order"', statement
    # run, and taken back: the statement is what was asked, not the schema
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        conn.execute(text(statement))
        conn.rollback()
