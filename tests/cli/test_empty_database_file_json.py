"""`: > desk.db`, then `workbench --db desk.db claim list --json`: the refusal was kind
not_found with no reason and no hint, while a missing file says hint start_database; a script
could tell the emptied desk (a stray `>`, a full disk) from a mistyped path only by parsing
the message. It now says reason no_desk (a file with no workbench tables, as another
program's) and hint restore_backup (if it is the desk's file), keeping its message's words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Main = Callable[..., Any]


def test_an_empty_file_says_what_a_script_tells_it_by(tmp_path: Path, workbench_main: Main) -> None:
    db = tmp_path / "desk.db"
    db.write_bytes(b"")
    r = workbench_main(["--db", str(db), "claim", "list", "--json"])
    assert r.code == 1, r.err
    error = json.loads(r.err)["error"]
    assert error["kind"] == "not_found"
    assert error["reason"] == "no_desk"
    assert error["hint"] == {"kind": "run", "step": "restore_backup", "if_desk": True}
    assert error["message"].startswith(
        f"{db} is an empty file: no desk is set up in it yet (a first write that failed "
        "before setting it up leaves one, as `touch` does), or it was emptied; a read does "
        "not set one up (a write or `workbench db upgrade` does); if it is the desk's file, "
        "restore it from a backup: "
    )
    assert db.stat().st_size == 0
    # A missing file stays as it was: no reason, hint start_database.
    r = workbench_main(["--db", str(tmp_path / "gone.db"), "claim", "list", "--json"])
    error = json.loads(r.err)["error"]
    assert "reason" not in error and error["hint"]["step"] == "start_database"
