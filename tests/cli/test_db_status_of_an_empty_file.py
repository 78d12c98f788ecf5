"""`db status` of a 0-byte SQLite file (finalB).

Was: `state     empty: not created yet (`workbench db upgrade` creates it)`, `reason` null, as
of a file that is not there, while every read of the same file says it is an empty file that
no desk is set up in yet, or an emptied desk (hint restore_backup, fix311): a desk's owner who
checked a truncated desk with `db status` was told only to create one, and a script could not
tell it from a new file. Now the state line says what the reads say, and that a backup is what
restores an emptied desk; `--json` says `reason` `empty_file`. Still exit 0, nothing written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result

Main = Callable[..., Result]


def test_status_of_an_empty_file_says_it_may_be_an_emptied_desk(
    workbench_main: Main, tmp_path: Path
) -> None:
    db = tmp_path / "desk.db"
    db.write_bytes(b"")
    r = workbench_main(["--db", str(db), "db", "status"])
    assert r.code == 0, r
    line = next(x for x in r.out.splitlines() if x.startswith("state"))
    assert line == (
        f"state     empty: {db} is an empty file: no desk is set up in it yet (a first write "
        "that failed before setting it up leaves one, as `touch` does), or it was emptied "
        "(restore it from a backup then); `workbench db upgrade` sets one up in it, if that "
        "is meant"
    ), line
    assert db.stat().st_size == 0  # read only: nothing set up


def test_status_json_of_an_empty_file_says_why(workbench_main: Main, tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    db.write_bytes(b"")
    r = workbench_main(["--db", str(db), "db", "status", "--json"])
    assert r.code == 0, r
    found = json.loads(r.out)
    assert found["state"] == "empty" and found["reason"] == "empty_file", found
    assert found["other_tables"] == [], found
    assert db.stat().st_size == 0
    # A file that is not there is still a new desk's: nothing in the way.
    new = json.loads(
        workbench_main(["--db", str(tmp_path / "new.db"), "db", "status", "--json"]).out
    )
    assert new["reason"] is None, new
