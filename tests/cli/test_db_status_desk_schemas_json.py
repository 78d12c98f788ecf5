"""`db status --json` of an empty schema with a desk the URL does not reach gave the reason
(`desk_later_on_path`, `desk_in_another_schema`) but not the schema holding the desk nor the
URL option reaching it: those were in the text report's words only, which --json leaves out, so
a script that met the reason could not reach the desk without parsing the text report.

trial316 met it piping `db status --json` into jq: `.reason` said `desk_in_another_schema` and
nothing in the object said which schema."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.cli.test_write_on_missing_schema import on_path
from tests.conftest import PG_URL, Result, pg_schema_of
from workbench.db.pg_options import search_path_option
from workbench.db.url import resolve_url

pytestmark = pytest.mark.skipif(not PG_URL, reason="schemas are PostgreSQL's")

Main = Callable[..., Result]


def _status(main: Main, url: str) -> dict[str, object]:
    r = main(["--db", url, "db", "status", "--json"])
    assert r.code == 0, r.err
    status: dict[str, object] = json.loads(r.out)
    return status


def test_a_desk_later_on_the_path_is_named_in_the_json(
    empty_db_url: str, db_url: str, workbench_main: Main
) -> None:
    """`"$user"` first on the path (no schema of the role's: the server passes it over), then an
    empty schema, then a desk: the desk's schema and the option reaching it, as data."""
    empty, desk = pg_schema_of(empty_db_url), pg_schema_of(db_url)
    status = _status(workbench_main, on_path('"$user"', empty, desk))
    assert status["reason"] == "desk_later_on_path", status
    assert status["desk_schemas"] == [desk], status
    assert status["desk_option"] == search_path_option([desk]), status
    # The option the object gives reaches the desk.
    reached = _status(workbench_main, f"{resolve_url(PG_URL)}?options={status['desk_option']}")
    assert reached["state"] == "current", reached


def test_a_desk_in_another_schema_is_named_in_the_json(db_url: str, workbench_main: Main) -> None:
    """The test database's URL naming no schema reaches public, which holds no desk (the suite
    keeps it so); the test's desk is in a schema of its own."""
    desk = pg_schema_of(db_url)
    status = _status(workbench_main, resolve_url(PG_URL))
    assert status["reason"] == "desk_in_another_schema", status
    schemas = status["desk_schemas"]
    assert isinstance(schemas, list) and desk in schemas and schemas == sorted(schemas), status
    assert status["desk_option"] == search_path_option([schemas[0]]), status


def test_a_desk_reached_names_no_other(db_url: str, workbench_main: Main) -> None:
    status = _status(workbench_main, db_url)
    assert (status["desk_schemas"], status["desk_option"]) == ([], None), status
