"""A desk in a schema of its own, reached by the URL the README recommends
(`?options=-csearch_path%3Ddesk`), gets the four trigram search indexes when pg_trgm is already
in the database in another schema (public, or another desk's).

Was: migration 0003's `CREATE EXTENSION IF NOT EXISTS pg_trgm` did nothing (the database has
the extension once, elsewhere), its `CREATE INDEX ... gin_trgm_ops` failed (the operator class
is not on the desk's path), the savepoint rolled the four indexes back, and the desk searched
by a scan of every row with nothing saying so: `db upgrade` said "created the schema" and `db
status` "current". A desk already set up that way gets them from `db upgrade`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.cli.test_write_on_missing_schema import on_path
from tests.conftest import PG_URL, Result, _shared_extensions, pg_schema_of
from workbench.db.engine import get_engine
from workbench.db.url import resolve_url

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="pg_trgm and a schema are PostgreSQL's")

TRIGRAM_INDEXES = {
    "ix_claims_text_trgm",
    "ix_claims_quote_trgm",
    "ix_notes_body_trgm",
    "ix_evidence_title_trgm",
}


def extension_schema() -> str:
    """The schema pg_trgm is installed in, in the test database (public: the suite puts it
    there, as a DBA or another desk would have); the test is skipped on a server without it."""
    _shared_extensions(PG_URL)
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        found = conn.execute(
            text(
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
                " ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
            )
        ).scalar()
    if found is None:
        pytest.skip("the server has no pg_trgm")
    return str(found)


def trigram_indexes_in(schema: str) -> set[str]:
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        found = conn.execute(
            text(
                "SELECT indexname FROM pg_indexes WHERE schemaname = :schema"
                " AND indexname LIKE '%\\_trgm'"
            ),
            {"schema": schema},
        ).scalars()
        return set(found)


def test_a_desk_whose_path_names_only_its_schema_gets_the_trigram_indexes(
    empty_db_url: str, workbench_main: Main
) -> None:
    """Was: 'created the schema', and none of the four indexes in it."""
    assert extension_schema() != pg_schema_of(empty_db_url)
    schema = pg_schema_of(empty_db_url)
    r = workbench_main(["--db", on_path(schema), "db", "upgrade"])
    assert r.code == 0, r.err
    assert trigram_indexes_in(schema) == TRIGRAM_INDEXES


def test_a_desk_set_up_without_them_gets_them_from_db_upgrade(
    empty_db_url: str, workbench_main: Main
) -> None:
    """A desk set up before this fix, at 0015_internal_notes with no trigram index: `db
    upgrade` gives them, and search finds what it found before."""
    extension_schema()
    schema = pg_schema_of(empty_db_url)
    url = on_path(schema)
    r = workbench_main(["--db", url, "doc", "add", "-"], input="甲公司去年营收一百亿元。")
    assert r.code == 0, r.err
    r = workbench_main(
        [
            "--db",
            url,
            "claim",
            "add",
            "1",
            "--text",
            "甲公司去年营收一百亿元",
            "--quote",
            "营收一百亿元",
        ]
    )
    assert r.code == 0, r.err
    with get_engine(resolve_url(PG_URL)).begin() as conn:
        for name in TRIGRAM_INDEXES:
            conn.execute(text(f'DROP INDEX IF EXISTS "{schema}".{name}'))
        conn.execute(
            # (the schema: a test schema's generated name)
            text(f'UPDATE "{schema}".alembic_version SET version_num = :old'),  # noqa: S608
            {"old": "0015_internal_notes"},
        )
    r = workbench_main(["--db", url, "db", "upgrade"])
    assert r.code == 0, r.err
    assert trigram_indexes_in(schema) == TRIGRAM_INDEXES
    r = workbench_main(["--db", url, "claim", "list", "--search", "一百亿"])
    assert r.code == 0 and "营收一百亿元" in r.out, (r.out, r.err)
