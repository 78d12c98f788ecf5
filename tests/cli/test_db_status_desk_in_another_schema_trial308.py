"""`db status` of a database whose desk is in a schema the URL does not reach told the DBA to
set a desk up there.

trial308 met, restoring a desk kept in the schema `desk` into a new database as
docs/backup.md says and checking it with `workbench --db postgresql://.../restored db status`
(without `?options=-csearch_path%3Ddesk`): `state     empty: not created yet (`workbench db
upgrade` creates it)`. Following it set a second, empty desk up in public, and `audit verify`
then said `OK 0 events` of the restore, which docs/backup.md says it never does. It names the
schema that holds the desk, and the URL that reaches it, instead."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import PG_URL, Result
from workbench.db.url import libpq_uri, resolve_url

pytestmark = pytest.mark.skipif(not PG_URL, reason="schemas are PostgreSQL's")

Main = Callable[..., Result]


@pytest.fixture
def database_with_a_desk_in_desk(workbench_main: Main) -> Iterator[str]:
    """A new database whose only desk is in the schema `desk`; yields its URL without options."""
    name = "wbt_desk_schema_" + uuid.uuid4().hex[:12]
    admin = create_engine(resolve_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = libpq_uri(
        make_url(resolve_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    )
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text("CREATE SCHEMA desk"))
    try:
        r = workbench_main(["--db", url + "?options=-csearch_path%3Ddesk", "--as", "ed", "demo"])
        assert r.code == 0, r.err
        yield url
    finally:
        # WITH (FORCE): the workbench's pooled connections to it are ended with it.
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_db_status_names_the_schema_the_desk_is_in(
    database_with_a_desk_in_desk: str, workbench_main: Main
) -> None:
    url = database_with_a_desk_in_desk
    r = workbench_main(["--db", url, "db", "status"])
    assert r.code == 0, r.err
    assert "db upgrade` creates it" not in r.out, r.out
    assert "schema desk" in r.out and "-csearch_path%3Ddesk" in r.out, r.out
    j = workbench_main(["--db", url, "db", "status", "--json"])
    assert j.code == 0, j.err
    assert json.loads(j.out)["reason"] == "desk_in_another_schema", j.out
