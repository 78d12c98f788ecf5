"""A read on PostgreSQL that reaches a schema without the workbench's tables: a restored desk
reached without its `?options=-csearch_path=...`, or a mistyped schema.

Was: the read set a desk up there (about fifteen tables in a schema nobody meant) and then
reported an empty, intact desk: `audit verify` "OK 0 events, head 000...", `audit replay`
"consistent: 0 events", `claim list` "no claims match", all exit 0, as if the desk's work were
gone. On SQLite a read already refused a missing or empty file ("no database at ...").

Now a read refuses in one line, exit 1 (kind `not_found`, reason `no_desk`), naming the
database and schema it looked in (never the password) and creating nothing; the hint says how
a desk is set up there, except to a role that may not create tables in that schema, which is
told to point --db at the desk instead. Writes still set a new desk up, as the README says."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import text

from tests.conftest import PG_DEFAULT, PG_URL, Result, pg_schema_of
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import database_revision
from workbench.db.url import resolve_url
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench, reading, transaction

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")

READS = [
    ["audit", "verify"],
    ["audit", "replay"],
    ["audit", "head"],
    ["claim", "list"],
    ["stats"],
    ["doc", "list"],
]


def tables_in(url: str) -> int:
    """How many tables the schema of a test's URL holds (asked from outside it)."""
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = :s"),
            {"s": pg_schema_of(url)},
        ).scalar_one()
    return int(found)


def one_line(r: Result) -> str:
    assert r.code == 1 and r.out == "", r
    assert r.err.count("\n") == 1 and "Traceback" not in r.err, r.err
    return r.err


@pytest.mark.parametrize("args", READS, ids=["-".join(a) for a in READS])
def test_a_read_on_a_schema_without_tables_refuses_and_creates_nothing(
    empty_db_url: str, workbench_main: Main, args: list[str]
) -> None:
    """Was: exit 0, an empty desk reported, fifteen tables left in the schema."""
    schema = pg_schema_of(empty_db_url)
    line = one_line(workbench_main(["--db", empty_db_url, *args]))
    assert line.startswith(f"error: no workbench tables in schema {schema} of database "), line
    assert "a read does not set a desk up" in line
    assert "`workbench db upgrade`" in line  # the owner of this test's schema may
    assert tables_in(empty_db_url) == 0
    assert database_revision(get_engine(empty_db_url)) is None


def test_the_refusal_reads_as_json(empty_db_url: str, workbench_main: Main) -> None:
    r = workbench_main(["--db", empty_db_url, "claim", "list", "--json"])
    error = json.loads(one_line(r))["error"]
    assert (error["kind"], error["reason"]) == ("not_found", "no_desk")
    schema = pg_schema_of(empty_db_url)
    assert error["hint"] == {"kind": "run", "step": "start_database", "schema": schema}


@pytest.mark.parametrize("behind", [False, True], ids=["alone", "before-another"])
def test_a_mistyped_schema_is_named_and_nothing_is_created(
    empty_db_url: str, workbench_main: Main, behind: bool
) -> None:
    """A schema that is not there: was the driver's "no schema has been selected to create
    in" with the CREATE statement squashed onto the line, or, with another schema after it on
    the search_path (`typo,public`), an empty desk set up in that one (here the test's own
    empty schema stands for public); now the schema typed is named."""
    base = resolve_url(PG_URL or PG_DEFAULT)
    path = "wbt_no_such_schema" + (f",{pg_schema_of(empty_db_url)}" if behind else "")
    url = f"{base}?options={quote('-csearch_path=' + path)}"
    line = one_line(workbench_main(["--db", url, "audit", "verify"]))
    assert "no schema wbt_no_such_schema in database " in line, line
    assert "a read does not set a desk up" in line
    assert "CREATE TABLE" not in line
    assert tables_in(empty_db_url) == 0


def test_the_password_is_never_shown(empty_db_url: str, workbench_main: Main) -> None:
    scheme, rest = empty_db_url.split("://", 1)
    user, host = rest.split("@", 1)
    with_password = f"{scheme}://{user}:s3cr3t-pw@{host}"  # trust auth: the server ignores it
    line = one_line(workbench_main(["--db", with_password, "audit", "head"]))
    assert "no workbench tables in schema" in line
    assert "s3cr3t-pw" not in line


def test_a_role_that_may_not_create_is_not_told_to(
    empty_db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    """A person's role (docs/identity.md's grants: no CREATE on the schema) is told to point
    --db at the desk, not to set one up with a command its role cannot run."""
    url = person(empty_db_url)
    line = one_line(workbench_main(["--db", url, "claim", "list"]))
    assert "no workbench tables in schema" in line
    assert "db upgrade" not in line and "doc add" not in line, line
    assert "may not set a desk up here" in line
    error = json.loads(one_line(workbench_main(["--db", url, "stats", "--json"])))["error"]
    assert error["hint"]["step"] == "check_database"
    assert tables_in(empty_db_url) == 0


def test_a_write_still_sets_a_new_desk_up(empty_db_url: str, workbench_main: Main) -> None:
    """The README's rule stands: the first write creates the tables; reads then work."""
    assert one_line(workbench_main(["--db", empty_db_url, "claim", "list"]))
    r = workbench_main(["--db", empty_db_url, "doc", "add", "-"], input="甲说。")
    assert r.code == 0, r.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION
    r = workbench_main(["--db", empty_db_url, "audit", "verify"])
    assert r.code == 0 and r.out.startswith("OK 1 event,"), r


def test_the_demo_still_starts_a_desk_in_an_empty_schema(
    empty_db_url: str, workbench_main: Main
) -> None:
    """The demo reads first to find its seed; a schema without tables takes its write."""
    r = workbench_main(["--db", empty_db_url, "demo"])
    assert r.code == 0, r.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


def test_db_status_still_says_empty_and_creates_nothing(
    empty_db_url: str, workbench_main: Main
) -> None:
    r = workbench_main(["--db", empty_db_url, "db", "status", "--json"])
    assert r.code == 0 and json.loads(r.out)["state"] == "empty", r
    assert tables_in(empty_db_url) == 0


@pytest.fixture
def empty_wb(empty_db_url: str) -> Iterator[Workbench]:
    yield Workbench(url=empty_db_url, actor="tester")


def test_the_library_refuses_both_read_paths(empty_wb: Workbench) -> None:
    """The rule is the service layer's: the driver's read path (`reading`) and a read-only
    ORM transaction refuse alike, and a write transaction sets the desk up."""
    with pytest.raises(NotFound) as refused, reading(empty_wb):
        pass
    assert refused.value.reason == "no_desk"
    with pytest.raises(NotFound) as refused, transaction(empty_wb):
        pass
    assert refused.value.reason == "no_desk"
    assert tables_in(empty_wb.url) == 0
    with transaction(empty_wb, write=True):
        pass
    assert tables_in(empty_wb.url) > 0


def test_seed_load_still_starts_a_desk_in_an_empty_schema(
    empty_db_url: str, workbench_main: Main
) -> None:
    """Was: `seed load`, a write, first brings the similar-claims index up to date in a read
    transaction of its own (services.similar.catch_up), and that read was refused: "a read
    does not set a desk up ... set a new desk up ... with a write", exit 1, to a write. Now a
    desk without tables has nothing to index, and the load sets the desk up as any write."""
    r = workbench_main(["--db", empty_db_url, "--as", "editor", "seed", "load"])
    assert r.code == 0, r.err
    assert "31 claims added" in r.out, r.out
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION
