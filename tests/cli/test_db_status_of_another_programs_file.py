"""`db status` of a SQLite file holding another program's tables (none of the workbench's).

Was: `state     empty: not created yet (`workbench db upgrade` creates it)`, as of a new file,
while every read of the same file says it "holds no workbench tables (another program's
database?)": someone who checked a mistyped --db was told a desk would simply be created, and
`db upgrade` then put the workbench's tables beside the other program's. Now the state line
says what the reads say, names the tables, and says that `db upgrade` sets a desk up beside
them if that is meant (as the reads' refusal does: `db upgrade` is the way to ask for it).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result

Main = Callable[..., Result]


def test_status_of_another_programs_file_says_it_holds_no_workbench_tables(
    workbench_main: Main, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('王小明')")
    conn.close()
    r = workbench_main(["--db", str(path), "db", "status"])
    assert r.code == 0, r
    line = next(x for x in r.out.splitlines() if x.startswith("state"))
    assert line == (
        f"state     empty: {path} holds no workbench tables (another program's database?: "
        "contacts); `workbench db upgrade` sets a desk up beside them, if that is meant"
    ), line
    with sqlite3.connect(path) as conn:  # read only: nothing was set up
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert names == ["contacts"]


def test_status_json_of_another_programs_file_says_why(
    workbench_main: Main, tmp_path: Path
) -> None:
    """`db status --json` of the same file said `"state": "empty"` and no more, as of a new
    file: a script could not tell a desk about to be started from another program's database.
    `reason` is `other_tables` and `other_tables` names them (docs/json.md); a new file's
    reason is null."""
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    r = workbench_main(["--db", str(path), "db", "status", "--json"])
    assert r.code == 0, r
    found = json.loads(r.out)
    assert found["state"] == "empty" and found["reason"] == "other_tables", found
    assert found["other_tables"] == ["contacts"], found
    new = workbench_main(["--db", str(tmp_path / "new.db"), "db", "status", "--json"])
    assert json.loads(new.out)["reason"] is None and json.loads(new.out)["other_tables"] == []


def test_status_of_a_new_file_still_says_db_upgrade_creates_it(
    workbench_main: Main, tmp_path: Path
) -> None:
    r = workbench_main(["--db", str(tmp_path / "new.db"), "db", "status"])
    assert "empty: not created yet (`workbench db upgrade` creates it)" in r.out, r


def test_status_of_a_file_of_many_other_tables_says_how_many_it_does_not_name(
    workbench_main: Main, tmp_path: Path
) -> None:
    """A file of five other tables was said by three (`a, b, c`), as if those were all
    (trial168): the line names three and says how many more; `--json` names three, as
    docs/json.md says."""
    path = tmp_path / "crm.db"
    with sqlite3.connect(path) as conn:
        for name in ("accounts", "contacts", "deals", "leads", "tasks"):
            conn.execute(f"CREATE TABLE {name} (x TEXT)")
    conn.close()
    r = workbench_main(["--db", str(path), "db", "status"])
    assert r.code == 0, r
    assert "(another program's database?: accounts, contacts, deals and 2 more);" in r.out, r.out
    found = json.loads(workbench_main(["--db", str(path), "db", "status", "--json"]).out)
    assert found["other_tables"] == ["accounts", "contacts", "deals"], found
