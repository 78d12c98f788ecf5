"""A desk on PostgreSQL is the workbench's tables in the schema the search_path resolves to
(current_schema()), never a desk in a later schema of the path.

Was: every "is there a desk here" check found alembic_version through the whole search_path,
so with `desk2025,public` (public kept after it for pg_trgm) and a desk already in public,
`db upgrade` said "at 0015_internal_notes" and created nothing in the empty desk2025, `db
status` reported public's desk as this one, and `doc add` added the document to public's desk
(the tests' own `wbt_x,public` URLs ran against a desk left in the test database's public).

Now the first schema is the desk's: `db upgrade` and a first write set a desk up there, as
the README says; a read there is refused (no_desk), naming the desk later on the path and the
search_path that reaches it. A path that starts with `$user` (the server's default) and
reaches an empty schema named after the role, with a desk after it, sets nothing up: the
desk a person used to reach that way is not forked into their own schema, and the refusal
names both schemas."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import text

from tests.cli.test_read_on_empty_schema import one_line, tables_in
from tests.cli.test_write_on_missing_schema import on_path
from tests.conftest import PG_URL, Result, pg_schema_of
from workbench.db.backend import owns_tables
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.revision import current_revision
from workbench.db.url import resolve_url
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench, transaction

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")


def documents_in(url: str) -> int:
    """How many documents the desk in the schema of a test's URL holds (asked by its name)."""
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        # (the schema: a test schema's generated name)
        query = f'SELECT count(*) FROM "{pg_schema_of(url)}".documents'  # noqa: S608
        found = conn.execute(text(query))
        return int(found.scalar_one())


@pytest.fixture
def later_desk(db_url: str, workbench_main: Main) -> str:
    """A desk with one document, to stand after an empty schema on the path (as public)."""
    r = workbench_main(["--db", db_url, "doc", "add", "-"], input="甲说。")
    assert r.code == 0, r.err
    return db_url


def test_db_upgrade_sets_the_desk_up_in_the_first_schema(
    empty_db_url: str, later_desk: str, workbench_main: Main
) -> None:
    """Was: "at 0015_internal_notes", and nothing created in the first schema."""
    url = on_path(pg_schema_of(empty_db_url), pg_schema_of(later_desk))
    r = workbench_main(["--db", url, "db", "upgrade"])
    assert r.code == 0, r.err
    assert tables_in(empty_db_url) > 0
    assert current_revision(get_engine(empty_db_url)) == HEAD_REVISION
    assert documents_in(empty_db_url) == 0 and documents_in(later_desk) == 1


def test_db_status_says_the_first_schema_is_empty(
    empty_db_url: str, later_desk: str, workbench_main: Main
) -> None:
    """Was: state "current", the later schema's revision and owner given as this desk's."""
    url = on_path(pg_schema_of(empty_db_url), pg_schema_of(later_desk))
    r = workbench_main(["--db", url, "db", "status", "--json"])
    assert r.code == 0, r.err
    status = json.loads(r.out)
    assert (status["state"], status["current"]) == ("empty", None), status
    assert tables_in(empty_db_url) == 0


def test_a_write_goes_to_a_desk_of_its_own_in_the_first_schema(
    empty_db_url: str, later_desk: str, workbench_main: Main
) -> None:
    """Was: the document was added to the later schema's desk."""
    url = on_path(pg_schema_of(empty_db_url), pg_schema_of(later_desk))
    r = workbench_main(["--db", url, "doc", "add", "-"], input="乙说。")
    assert r.code == 0, r.err
    assert documents_in(empty_db_url) == 1 and documents_in(later_desk) == 1


def test_a_read_is_refused_naming_the_desk_later_on_the_path(
    empty_db_url: str, later_desk: str, workbench_main: Main
) -> None:
    """Was: the later schema's claims listed as this desk's."""
    first, later = pg_schema_of(empty_db_url), pg_schema_of(later_desk)
    line = one_line(workbench_main(["--db", on_path(first, later), "claim", "list"]))
    assert line.startswith(f"error: no workbench tables in schema {first} of database "), line
    assert f"a desk is in schema {later}, later on the search_path" in line
    assert f"-csearch_path%3D{later}" in line  # what to put in the URL to use it
    assert tables_in(empty_db_url) == 0
    r = workbench_main(["--db", on_path(first, later), "claim", "list", "--json"])
    assert json.loads(r.err)["error"]["reason"] == "no_desk"


def test_the_library_looks_in_the_first_schema_only(empty_db_url: str, later_desk: str) -> None:
    """The checks a command makes before it reads or writes: the revision, the owner."""
    url = on_path(pg_schema_of(empty_db_url), pg_schema_of(later_desk))
    assert current_revision(get_engine(url)) is None
    with get_engine(url).connect() as conn:
        assert not owns_tables(conn)
    with pytest.raises(NotFound) as refused, transaction(Workbench(url=url, actor="t")):
        pass
    assert refused.value.reason == "no_desk"


@pytest.fixture
def own_schema(person: Callable[[str], str], later_desk: str) -> Iterator[tuple[str, str]]:
    """A login role with the grants of docs/identity.md on the later desk, an empty schema
    named after it (the server's `$user`), and its URL on the server's default path."""
    desk = pg_schema_of(later_desk)
    granted = person(later_desk)
    role = granted.split("://", 1)[1].split("@", 1)[0]
    admin = get_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {role} AUTHORIZATION {role}"))
    try:
        yield role, granted.split("?", 1)[0] + "?options=" + quote(f'-csearch_path="$user",{desk}')
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {role} CASCADE"))


@pytest.mark.parametrize("args", [["claim", "list"], ["doc", "add", "-"], ["db", "upgrade"]])
def test_an_empty_schema_of_the_role_before_a_desk_forks_nothing(
    own_schema: tuple[str, str], later_desk: str, workbench_main: Main, args: list[str]
) -> None:
    """The server's default path (`"$user", public`) reaching a desk in public, once a
    schema named after the role exists: the desk is neither read nor written from there, and
    no second desk is set up in the role's schema; the refusal names both schemas."""
    role, url = own_schema
    desk = pg_schema_of(later_desk)
    line = one_line(workbench_main(["--db", url, *args], input="丙说。"))
    assert f"schema {role}" in line and f"schema {desk}" in line, line
    assert f"-csearch_path%3D{desk}" in line, line
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        made = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = :s"), {"s": role}
        ).scalar_one()
    assert made == 0
    assert documents_in(later_desk) == 1
