"""A PostgreSQL desk at the head revision that lacks its trigram search indexes: `db status`
says so and how to add them, and its owner's `db upgrade` puts them back, as it does a missing
guard trigger.

Was: a dump restored into a database whose pg_trgm is in another schema than the dump names
(`pg_restore: error: ... operator class "desk1.gin_trgm_ops" does not exist`, four times),
or a desk whose extension's schema was dropped CASCADE, searched by a scan of every row; `db
status` said `current`, and `db upgrade` at the head did nothing (0016 runs once, before)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.cli.test_db_upgrade_stopped_before_it_changed_anything import _stop_in
from tests.cli.test_stopped_around_the_commit import STOPS
from tests.cli.test_trigram_indexes_own_schema_fix303 import (
    TRIGRAM_INDEXES,
    extension_schema,
    trigram_indexes_in,
)
from tests.cli.test_write_on_missing_schema import on_path
from tests.conftest import PG_URL, Result, pg_schema_of, run_in_process
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.url import resolve_url

Main = Callable[..., Result]

on_postgresql = pytest.mark.skipif(not PG_URL, reason="pg_trgm and a schema are PostgreSQL's")


def desk_without_trigram_indexes(url: str, main: Main) -> str:
    """A desk at the head with a claim, its four trigram indexes gone (as a restore leaves
    them); returns its schema."""
    schema = pg_schema_of(url)
    desk = on_path(schema)
    r = main(["--db", desk, "doc", "add", "-"], input="甲公司去年营收一百亿元。")
    assert r.code == 0, r.err
    r = main(
        ["--db", desk, "claim", "add", "1", "--text", "营收一百亿元", "--quote", "营收一百亿元"]
    )
    assert r.code == 0, r.err
    with get_engine(resolve_url(PG_URL)).begin() as conn:
        for name in TRIGRAM_INDEXES:
            conn.execute(text(f'DROP INDEX "{schema}".{name}'))
    return schema


@on_postgresql
def test_db_status_names_missing_trigram_indexes_and_how_to_add_them(
    empty_db_url: str, workbench_main: Main
) -> None:
    """Was: `state current`, and nothing about the indexes search reads."""
    where = extension_schema()
    schema = desk_without_trigram_indexes(empty_db_url, workbench_main)
    desk = on_path(schema)
    r = workbench_main(["--db", desk, "db", "status"])
    assert r.code == 0, r.err
    line = next(x for x in r.out.splitlines() if x.startswith("indexes"))
    assert "MISSING" in line and all(name in line for name in TRIGRAM_INDEXES)
    assert "`workbench db upgrade`" in line and f"pg_trgm in schema {where}" in line
    r = workbench_main(["--db", desk, "db", "status", "--json"])
    assert r.code == 0, r.err
    status = json.loads(r.out)
    assert status["state"] == "current" and status["current"] == HEAD_REVISION
    assert status["missing_indexes"] == sorted(TRIGRAM_INDEXES)
    assert status["indexes_reason"] == "db_upgrade"


@on_postgresql
def test_db_upgrade_at_the_head_puts_missing_trigram_indexes_back_qualified(
    empty_db_url: str, workbench_main: Main
) -> None:
    """Was: `db upgrade` said `at 0016_trigram_indexes` and added nothing. The operator class
    is named in the extension's schema, which the desk's search_path does not name."""
    where = extension_schema()
    schema = desk_without_trigram_indexes(empty_db_url, workbench_main)
    desk = on_path(schema)
    r = workbench_main(["--db", desk, "db", "upgrade"])
    assert r.code == 0, r.err
    assert "added the trigram search indexes" in r.out, r.out
    assert trigram_indexes_in(schema) == TRIGRAM_INDEXES
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        # (pg_indexes' indexdef leaves out a schema on the reader's own search_path)
        opclass_schemas = conn.execute(
            text(
                "SELECT DISTINCT n.nspname FROM pg_index i"
                " JOIN pg_class c ON c.oid = i.indexrelid"
                " JOIN pg_opclass o ON o.oid = i.indclass[0]"
                " JOIN pg_namespace n ON n.oid = o.opcnamespace"
                " WHERE c.relnamespace = to_regnamespace(:s) AND c.relname LIKE '%\\_trgm'"
            ),
            {"s": schema},
        ).scalars()
        assert set(opclass_schemas) == {where}
    status = json.loads(workbench_main(["--db", desk, "db", "status", "--json"]).out)
    assert status["missing_indexes"] == [] and status["indexes_reason"] is None
    r = workbench_main(["--db", desk, "claim", "list", "--search", "一百亿"])
    assert r.code == 0 and "营收一百亿元" in r.out, (r.out, r.err)
    # Once back, a second run has nothing to add.
    r = workbench_main(["--db", desk, "db", "upgrade"])
    assert r.code == 0 and "added" not in r.out, r.out


def test_db_status_of_a_desk_with_its_search_index_names_no_missing_index(
    db_url: str, workbench_main: Main
) -> None:
    """Every desk set up now has them (SQLite: its FTS5 index, which `audit replay` holds
    against the tables): the field is there, empty."""
    r = workbench_main(["--db", db_url, "db", "status", "--json"])
    assert r.code == 0, r.err
    status = json.loads(r.out)
    assert status["missing_indexes"] == [] and status["indexes_reason"] is None


@on_postgresql
@pytest.mark.parametrize("how", sorted(STOPS))
def test_db_upgrade_stopped_once_it_added_the_indexes_says_that_stands(
    empty_db_url: str, workbench_main: Main, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Stopped (Ctrl-C, a kill) after the indexes were committed, before the search index was
    seen to: was `interrupted before db upgrade changed anything: nothing was changed`."""
    from workbench.services import search_index

    extension_schema()
    schema = desk_without_trigram_indexes(empty_db_url, workbench_main)
    desk = on_path(schema)
    delivered = _stop_in(monkeypatch, search_index, "rebuild_index", how)
    result = run_in_process(["--db", desk, "db", "upgrade"], env={"WORKBENCH_USER": "tester"})
    monkeypatch.undo()
    assert delivered and trigram_indexes_in(schema) == TRIGRAM_INDEXES
    assert result.code == STOPS[how][1], (result.code, result.err)
    assert "nothing" not in result.err and "Traceback" not in result.err, result.err
    assert "the trigram search indexes " in result.err, result.err
    assert "were added (that stands)" in result.err, result.err
    assert "run `workbench db upgrade` again to finish" in result.err, result.err
