"""fix287's refusals name a desk later on the search_path and the URL option that reaches it;
the option must reach it when the schema's name needs quoting (a space, capitals, a dot).

Was: the names went in bare (`?options=-csearch_path%3DDesk X.y,public`): the server lower-cased
the name or split the option at the space, and the suggested URL reached no desk.

And `_landed` (was a commit taken, asked after the driver's error) looked for the trail through
the whole search_path: asked of an empty first schema, it read the later desk's trail as this
transaction's."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from tests.cli.test_desk_in_first_schema_fix287 import later_desk, own_schema  # noqa: F401
from tests.cli.test_read_on_empty_schema import one_line
from tests.cli.test_write_on_missing_schema import on_path
from tests.conftest import PG_URL, Result, pg_schema_of
from workbench.db.engine import get_engine
from workbench.db.pg_options import search_path_option
from workbench.db.url import resolve_url
from workbench.services import context
from workbench.services.context import Workbench

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")


def test_a_search_path_option_quotes_what_the_server_would_fold_or_split() -> None:
    assert search_path_option(["public"]) == "-csearch_path%3Dpublic"
    assert search_path_option(["wbt_1", "public"]) == "-csearch_path%3Dwbt_1,public"
    # as docs/backup.md spells "Desk 2024": quoted, the space escaped for `options`
    assert search_path_option(["Desk 2024"]) == "-csearch_path%3D%22Desk%5C%202024%22"
    assert search_path_option(["a.b", "Mixed"]) == "-csearch_path%3D%22a.b%22,%22Mixed%22"
    assert search_path_option(['say "x"']) == "-csearch_path%3D%22say%5C%20%22%22x%22%22%22"


@pytest.fixture
def quoted_desk(workbench_main: Main) -> Iterator[str]:
    """A desk with one document in a schema whose name needs quoting; its name."""
    name = f"Wbt Desk.{uuid.uuid4().hex[:8]}"
    admin = get_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        url = f"{resolve_url(PG_URL)}?options={search_path_option([name, 'public'])}"
        r = workbench_main(["--db", url, "doc", "add", "-"], input="甲说。")
        assert r.code == 0, r.err
        yield name
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))


def test_the_option_a_read_refusal_suggests_reaches_the_later_desk(
    empty_db_url: str, quoted_desk: str, workbench_main: Main
) -> None:
    first = pg_schema_of(empty_db_url)
    later = '"' + quoted_desk.replace(" ", "\\ ") + '"'
    line = one_line(workbench_main(["--db", on_path(first, later), "doc", "list"]))
    assert "later on the search_path" in line, line
    suggested = re.search(r"\?options=(-csearch_path%3D\S+) in --db reaches it", line)
    assert suggested is not None, line
    r = workbench_main(["--db", f"{resolve_url(PG_URL)}?options={suggested[1]}", "doc", "list"])
    assert r.code == 0 and "| zh " in r.out, (line, r)  # the desk's one document


def test_a_missing_schema_is_named_as_create_schema_takes_it(workbench_main: Main) -> None:
    missing = f"Wbt Gone.{uuid.uuid4().hex[:8]}"
    url = f"{resolve_url(PG_URL)}?options={search_path_option([missing])}"
    r = workbench_main(["--db", url, "db", "status"])
    assert f'CREATE SCHEMA "{missing}"' in r.out + r.err, r


def test_whether_a_commit_landed_is_asked_of_the_desk_not_a_later_one(
    empty_db_url: str, db_url: str, workbench_main: Main
) -> None:
    """The later desk's last event stands as the one this transaction wrote: the first
    schema holds no trail, so the transaction's did not land there."""
    r = workbench_main(["--db", db_url, "doc", "add", "-"], input="乙说。")
    assert r.code == 0, r.err
    with get_engine(db_url).connect() as conn:
        last = conn.execute(text("SELECT seq, hash FROM events ORDER BY seq DESC")).first()
    assert last is not None
    url = on_path(pg_schema_of(empty_db_url), pg_schema_of(db_url))
    tx = SimpleNamespace(last_event=(last[0], last[1]))
    assert context._landed(Workbench(url=url, actor="t"), tx) is False  # type: ignore[arg-type]


def test_a_read_through_user_does_not_say_the_role_may_not_set_a_desk_up(
    request: pytest.FixtureRequest, workbench_main: Main
) -> None:
    """The role may create in its own schema: the write's refusal says how (naming it in the
    path); the read's said "this role may not set a desk up here", which was not so."""
    _, url = request.getfixturevalue("own_schema")  # (fix287's: the role's empty schema)
    line = one_line(workbench_main(["--db", url, "claim", "list"]))
    assert "may not set a desk up" not in line, line
    assert "later on the search_path" in line, line
