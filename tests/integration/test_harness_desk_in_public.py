"""The suite's PostgreSQL URLs put `public` after each test's schema (pg_trgm lives there):
a desk left in the test database's public schema stood behind every test's schema, and tests
of an empty schema met it (tests/services/test_revision_review48.py failed, for no reason a
reader could see). The session now ends at its start with one line naming it."""

from __future__ import annotations

import pytest

from tests.conftest import PG_URL, desk_left_in, pg_schema_of

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")


def test_a_desk_in_the_schema_is_named_in_one_line(db_url: str) -> None:
    schema = pg_schema_of(db_url)
    said = desk_left_in(PG_URL, schema)
    assert said is not None and "\n" not in said
    assert f"schema {schema} of the test database holds workbench tables" in said, said


def test_an_empty_schema_says_nothing(empty_db_url: str) -> None:
    assert desk_left_in(PG_URL, pg_schema_of(empty_db_url)) is None


def test_a_half_dropped_desk_is_named_too(db_url: str) -> None:
    """A desk dropped by hand in part (alembic_version gone, claims and the rest left) still
    stands behind every test's schema: an unqualified `claims` in a test's emptied schema
    reached it. The check looked for alembic_version alone and let the session run."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    schema = pg_schema_of(db_url)
    with get_engine(db_url).begin() as conn:
        conn.execute(text(f'DROP TABLE "{schema}".alembic_version'))
    said = desk_left_in(PG_URL, schema)
    assert said is not None and "\n" not in said
    assert f"schema {schema} of the test database holds workbench tables" in said, said
    assert "claims" in said, said


def test_a_stranger_s_table_named_as_a_model_s_is_no_desk(empty_db_url: str) -> None:
    """A table of another program's named `users` (or `settings`) in the test database's
    public ended the session as a desk left there (fix300's check took any one of the models'
    names), though nothing else of a desk is there and no test reaches it by its name."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    schema = pg_schema_of(empty_db_url)
    with get_engine(empty_db_url).begin() as conn:
        conn.execute(text(f'CREATE TABLE "{schema}".users (login text PRIMARY KEY)'))
    assert desk_left_in(PG_URL, schema) is None
