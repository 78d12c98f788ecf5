"""A write on PostgreSQL whose search_path names, first, a schema that is not there (a typo in
`?options=-csearch_path=...`, a desk's schema not created yet).

Was: with another schema after it on the path (`typo,public`), the write set a desk up in that
one (fifteen tables in public, beside others' data on a shared database) and said it had added
the document; with none after it, it failed with the driver's multi-line text squashed onto
one line ("no schema has been selected to create in LINE 2: CREATE TABLE alembic_version (
^"). Reads were already refused there (tests/cli/test_read_on_empty_schema.py).

Now such a write is refused in one line, exit 1 (kind `not_found`, reason `no_desk`), naming
the database and the schema typed (never the password), hint: create that schema or point
--db at the desk's; nothing is created anywhere. A write into an existing empty schema still
sets the desk up, as the README says, and so does one whose first schema is `$user` (the
server's default path); a desk already set up in a later schema of the path is neither read
nor written through it (fix314)."""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import quote

import pytest

from tests.cli.test_read_on_empty_schema import one_line, tables_in
from tests.conftest import PG_DEFAULT, PG_URL, Result, pg_schema_of
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import database_revision
from workbench.db.url import resolve_url
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench, transaction

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")

MISSING = "wbt_no_such_schema"
WRITES = [["doc", "add", "-"], ["db", "upgrade"], ["demo"]]


def on_path(*schemas: str, password: str | None = None) -> str:
    """The test server's URL with this search_path (never `public`: not the tests' to touch)."""
    base = resolve_url(PG_URL or PG_DEFAULT)
    if password is not None:
        scheme, rest = base.split("://", 1)
        user, host = rest.split("@", 1)
        base = f"{scheme}://{user}:{password}@{host}"
    return f"{base}?options={quote('-csearch_path=' + ','.join(schemas))}"


def write(main: Main, url: str, args: list[str], *extra: str) -> Result:
    return main(["--db", url, *args, *extra], input="甲说。")


@pytest.mark.parametrize("args", WRITES, ids=["-".join(a) for a in WRITES])
def test_a_write_before_another_schema_refuses_and_sets_nothing_up(
    empty_db_url: str, workbench_main: Main, args: list[str]
) -> None:
    """Was: exit 0 and the desk set up in the next schema (here the test's own empty schema
    stands for public)."""
    url = on_path(MISSING, pg_schema_of(empty_db_url))
    line = one_line(write(workbench_main, url, args))
    assert line.startswith(f"error: no schema {MISSING} in database "), line
    assert "CREATE TABLE" not in line
    assert tables_in(empty_db_url) == 0
    assert database_revision(get_engine(empty_db_url)) is None


@pytest.mark.parametrize("args", WRITES, ids=["-".join(a) for a in WRITES])
def test_a_write_on_a_missing_schema_alone_says_so_in_one_line(
    workbench_main: Main, args: list[str]
) -> None:
    """Was: "cannot open database ...: no schema has been selected to create in LINE 2:
    CREATE TABLE alembic_version ( ^", the driver's lines run together."""
    line = one_line(write(workbench_main, on_path(MISSING), args))
    assert line.startswith(f"error: no schema {MISSING} in database "), line
    assert "LINE 2" not in line and "CREATE TABLE" not in line
    assert f"CREATE SCHEMA {MISSING}" in line  # the hint: create it, or fix the URL
    assert "--db" in line


def test_the_refusal_reads_as_json(empty_db_url: str, workbench_main: Main) -> None:
    url = on_path(MISSING, pg_schema_of(empty_db_url))
    error = json.loads(one_line(write(workbench_main, url, ["doc", "add", "-"], "--json")))
    error = error["error"]
    assert (error["kind"], error["reason"]) == ("not_found", "no_desk")
    assert error["hint"] == {"kind": "run", "step": "create_schema", "schema": MISSING}


def test_the_password_is_never_shown(empty_db_url: str, workbench_main: Main) -> None:
    url = on_path(MISSING, pg_schema_of(empty_db_url), password="s3cr3t-pw")
    line = one_line(write(workbench_main, url, ["doc", "add", "-"]))
    assert f"no schema {MISSING}" in line
    assert "s3cr3t-pw" not in line


def test_the_library_refuses_a_write_transaction(empty_db_url: str) -> None:
    """The rule is the service layer's: a write transaction is refused as the CLI is."""
    wb = Workbench(url=on_path(MISSING, pg_schema_of(empty_db_url)), actor="tester")
    with pytest.raises(NotFound) as refused, transaction(wb, write=True):
        pass
    assert refused.value.reason == "no_desk"
    assert tables_in(empty_db_url) == 0


def test_a_write_into_an_empty_schema_still_sets_the_desk_up(
    empty_db_url: str, workbench_main: Main
) -> None:
    """The README's rule stands for a schema that is there, first on the path or after
    `$user` (the server's default search_path starts with it, and it is rarely a schema)."""
    url = on_path('"$user"', pg_schema_of(empty_db_url))
    r = write(workbench_main, url, ["doc", "add", "-"])
    assert r.code == 0, r.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


def test_a_desk_later_on_the_path_is_not_used(empty_db_url: str, workbench_main: Main) -> None:
    """A desk set up in a later schema of the path is not the one a URL naming a missing
    schema first means (fix314: it used to be read and written, by reads and writes alike)."""
    schema = pg_schema_of(empty_db_url)
    assert write(workbench_main, on_path(schema), ["doc", "add", "-"]).code == 0
    r = workbench_main(["--db", on_path(MISSING, schema), "doc", "add", "-"], input="乙说。")
    assert one_line(r).startswith(f"error: no schema {MISSING} in database "), r
    r = workbench_main(["--db", on_path(schema), "audit", "verify"])
    assert r.code == 0 and r.out.startswith("OK 1 event,"), r
