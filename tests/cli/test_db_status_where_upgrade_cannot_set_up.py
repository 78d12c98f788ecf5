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
from tests.conftest import PG_URL, Result

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
