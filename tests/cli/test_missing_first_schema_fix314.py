"""A PostgreSQL URL whose search_path names first a schema that is not there (a typo:
`?options=-csearch_path%3Dtypo,public`, no schema `typo`), with a desk in a later schema.

Was (trial308): the server passed the missing schema over, current_schema() was the later
one, and every command used the desk there: `doc add` added the document to public's desk,
`claim list` listed its claims, `db status` reported it as this URL's desk. A write to an empty
database through the same URL was already refused (`no schema typo in database ...`), and so
was a read through an existing empty first schema: a URL naming a schema first means the desk
there, never a later one.

Now reads, writes and `db status` are refused or reported as for a write to an empty
database: no schema of that name, nothing read from or written to the later desk. The
server's default path (`"$user", public`, where the role's own schema is usually not there)
still reaches the desk after it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from tests.cli.test_read_on_empty_schema import one_line
from tests.cli.test_write_on_missing_schema import on_path
from tests.conftest import PG_URL, Result, pg_schema_of
from workbench.db.engine import get_engine
from workbench.db.revision import current_revision
from workbench.db.url import resolve_url
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench, reading, transaction

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")

TYPO = "wbt_typo_fix314"


def documents_in(url: str) -> int:
    """How many documents the desk in a test URL's schema holds, asked by the schema's name."""
    with get_engine(resolve_url(PG_URL)).connect() as conn:
        query = f'SELECT count(*) FROM "{pg_schema_of(url)}".documents'  # noqa: S608
        return int(conn.execute(text(query)).scalar_one())


@pytest.fixture
def desk(db_url: str, workbench_main: Main) -> str:
    """A desk with one document, standing after the mistyped schema as public did."""
    r = workbench_main(["--db", db_url, "doc", "add", "-"], input="甲说。")
    assert r.code == 0, r.err
    return db_url


def typo_before(desk: str) -> str:
    return on_path(TYPO, pg_schema_of(desk))


def test_doc_add_is_refused_and_the_later_desk_left_alone(desk: str, workbench_main: Main) -> None:
    """Was: `added document #2`, into the later desk."""
    r = workbench_main(["--db", typo_before(desk), "doc", "add", "-"], input="乙说。")
    line = one_line(r)
    assert line.startswith(f"error: no schema {TYPO} in database "), line
    assert documents_in(desk) == 1


def test_claim_list_is_refused(desk: str, workbench_main: Main) -> None:
    """Was: the later desk's claims listed as this URL's."""
    line = one_line(workbench_main(["--db", typo_before(desk), "claim", "list"]))
    assert line.startswith(f"error: no schema {TYPO} in database "), line
    r = workbench_main(["--db", typo_before(desk), "claim", "list", "--json"])
    assert json.loads(r.err)["error"]["reason"] == "no_desk"


def test_audit_verify_is_refused(desk: str, workbench_main: Main) -> None:
    """A read through the engine's path (not the driver's reader) is refused the same way."""
    line = one_line(workbench_main(["--db", typo_before(desk), "audit", "verify"]))
    assert f"no schema {TYPO} in database " in line, line


def test_db_status_reports_no_schema(desk: str, workbench_main: Main) -> None:
    """Was: state `current`, the later desk's revision and owner given as this URL's."""
    r = workbench_main(["--db", typo_before(desk), "db", "status", "--json"])
    assert r.code == 0, r.err
    status = json.loads(r.out)
    assert (status["state"], status["current"], status["reason"]) == ("empty", None, "no_schema")


def test_the_library_finds_no_desk_there(desk: str) -> None:
    """The rule is the library's: the revision, a read and a write transaction."""
    url = typo_before(desk)
    assert current_revision(get_engine(url)) is None
    wb = Workbench(url=url, actor="tester")
    with pytest.raises(NotFound) as refused, reading(wb):
        pass
    assert refused.value.reason == "no_desk"
    with pytest.raises(NotFound) as refused, transaction(wb, write=True):
        pass
    assert refused.value.reason == "no_desk"


def test_the_default_user_path_still_reaches_the_desk(desk: str, workbench_main: Main) -> None:
    """`"$user", public`, the server's default, where the role has no schema of its name:
    public's desk is the one meant, for reads and writes alike."""
    url = on_path('"$user"', pg_schema_of(desk))
    r = workbench_main(["--db", url, "doc", "add", "-"], input="乙说。")
    assert r.code == 0, r.err
    r = workbench_main(["--db", url, "doc", "list"])
    assert r.code == 0, r.err
    assert documents_in(desk) == 2


@pytest.fixture
def closed_schema() -> Iterator[str]:
    """A schema that is there but open to no role but its owner (no USAGE granted)."""
    name = "wbt_closed_" + uuid.uuid4().hex[:8]
    admin = get_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    try:
        yield name
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))


def test_a_first_schema_not_open_to_the_role_is_refused_too(
    desk: str, closed_schema: str, person: Callable[[str], str], workbench_main: Main
) -> None:
    """The server passes a schema the role may not use over as it passes a missing one: the
    desk after it is not the one a URL naming that schema first means (left untested by
    fix314). Under docs/identity.md's grants on the desk, the role reaches it when the path
    names it first."""
    role = person(desk).split("://", 1)[1].split("@", 1)[0]
    scheme, rest = on_path(closed_schema, pg_schema_of(desk)).split("://", 1)
    url = f"{scheme}://{role}@{rest.split('@', 1)[1]}"
    for args in (["claim", "list"], ["doc", "add", "-"]):
        line = one_line(workbench_main(["--db", url, *args], input="乙说。"))
        assert line.startswith(f"error: the schema {closed_schema} of database "), line
        assert "not open to this role (no USAGE on it)" in line, line
    assert documents_in(desk) == 1
    r = workbench_main(["--db", url, "db", "status", "--json"])
    assert json.loads(r.out)["state"] == "empty", r.out
    r = workbench_main(["--db", person(desk), "doc", "list"])
    assert r.code == 0, r.err
