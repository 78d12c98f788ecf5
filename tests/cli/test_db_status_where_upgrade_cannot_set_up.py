"""`db status` of a PostgreSQL desk with no tables says what `db upgrade` would do there.

Was: `db status` said `state     empty: not created yet (`workbench db upgrade` creates it)`,
exit 0, wherever it found no tables. But a search_path whose first schema is not there (a
restored desk reached with a mistyped `?options=-csearch_path=...`) is refused by `db upgrade`
("no schema ... nothing was created"), and so is a person's role under docs/identity.md's
grants, which may not create tables in the schema: a user who checked the desk, as
docs/backup.md says, was told to run a command that then refused.

Now the state line says why no desk will be set up there: the schema is not there (create it,
or point --db at the desk's schema), or this role may not create tables in it (its owner
does). `--json` keeps `state` `empty` (docs/json.md)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.cli.test_write_on_missing_schema import MISSING, on_path
from tests.conftest import PG_URL, Result, pg_schema_of

Main = Callable[..., Result]

pytestmark = pytest.mark.skipif(not PG_URL, reason="a schema is PostgreSQL's")


def state_line(r: Result) -> str:
    assert r.code == 0, r
    return next(line for line in r.out.splitlines() if line.startswith("state"))


def test_status_of_a_missing_schema_does_not_send_to_db_upgrade(workbench_main: Main) -> None:
    url = on_path(MISSING)
    line = state_line(workbench_main(["--db", url, "db", "status"]))
    upgrade = workbench_main(["--db", url, "db", "upgrade"])
    assert upgrade.code == 1, upgrade  # what the status line must not promise
    assert "db upgrade` creates it" not in line, line
    assert f"no schema {MISSING}" in line and f"CREATE SCHEMA {MISSING}" in line, line
    status = workbench_main(["--db", url, "db", "status", "--json"])
    assert json.loads(status.out)["state"] == "empty", status


def test_status_for_a_role_that_may_not_create_tables_names_the_owner_s_part(
    empty_db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    url = person(empty_db_url)
    line = state_line(workbench_main(["--db", url, "db", "status"]))
    upgrade = workbench_main(["--db", url, "db", "upgrade"])
    assert upgrade.code == 1, upgrade
    assert "db upgrade` creates it" not in line, line
    assert "may not create" in line, line


def test_status_where_db_upgrade_sets_up_still_says_so(
    empty_db_url: str, workbench_main: Main
) -> None:
    line = state_line(workbench_main(["--db", empty_db_url, "db", "status"]))
    assert "`workbench db upgrade` creates it" in line, line


def status_json(main: Main, url: str) -> dict[str, object]:
    r = main(["--db", url, "db", "status", "--json"])
    assert r.code == 0, r
    found: dict[str, object] = json.loads(r.out)
    return found


def test_status_json_says_why_no_desk_will_be_set_up(
    empty_db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    """A script reading `db status --json` met `"state": "empty"` alike for an empty schema
    (`db upgrade` sets a desk up), a schema that is not there and one this role may not create
    tables in (`db upgrade` refuses both): the text said why, the JSON did not. `reason` says
    it in stable words (docs/json.md), null where nothing is in the way."""
    assert status_json(workbench_main, on_path(MISSING))["reason"] == "no_schema"
    assert status_json(workbench_main, person(empty_db_url))["reason"] == "upgrade_not_permitted"
    assert status_json(workbench_main, empty_db_url)["reason"] is None


def test_status_of_a_schema_holding_another_programs_tables(
    empty_db_url: str, workbench_main: Main
) -> None:
    """`db status` of a schema holding another program's tables (none of the workbench's) said
    `empty: not created yet (`workbench db upgrade` creates it)`, as of an empty schema, while
    every read there is refused (no workbench tables): a mistyped schema looked like a desk
    about to be started. It says, as of another program's SQLite file, that the schema holds
    no workbench tables, names them, and that `db upgrade` sets a desk up beside them if that
    is meant; `--json` says `reason` `other_tables` and names them. Nothing is set up."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    schema = pg_schema_of(empty_db_url)
    with get_engine(empty_db_url).begin() as conn:
        conn.execute(text("CREATE TABLE contacts (name TEXT)"))
    line = state_line(workbench_main(["--db", empty_db_url, "db", "status"]))
    assert line == (
        f"state     empty: schema {schema} holds no workbench tables (another program's?: "
        "contacts); `workbench db upgrade` sets a desk up beside them, if that is meant"
    ), line
    found = status_json(workbench_main, empty_db_url)
    assert found["state"] == "empty" and found["reason"] == "other_tables", found
    assert found["other_tables"] == ["contacts"], found
    with get_engine(empty_db_url).connect() as conn:  # read only: nothing was set up
        names = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}
        ).scalars()
        assert list(names) == ["contacts"]


def test_status_json_of_a_desk_gives_no_reason(postgres_url: str, workbench_main: Main) -> None:
    found = status_json(workbench_main, postgres_url)
    assert found["state"] == "current" and found["reason"] is None, found
    assert found["other_tables"] == [], found
