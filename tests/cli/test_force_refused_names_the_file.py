"""review261: `--force` onto a file the folder does not let the user replace (another user's
file in a sticky folder such as /tmp, read-only or not; trial252 made a read-only one reach the
rename) was refused naming the temporary file the workbench wrote beside it: "error: Operation
not permitted: /tmp/.out.csv.k2j9x1ab", a name the user never gave and cannot find (it is
removed). The refusal names the file asked for, as a refused temporary file already was, in
every output's words (review290): `cannot write PATH: WHY`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

Run = Callable[..., Any]

COMMANDS = {
    "export-claims": (("export", "claims", "--force", "-o"), "out.csv"),
    "audit-export": (("audit", "export", "--force", "-o"), "out.jsonl"),
    "report": (("report", "1", "--force", "-o"), "out.html"),
}


@pytest.mark.parametrize("command", list(COMMANDS), ids=list(COMMANDS))
def test_a_replace_the_folder_refuses_names_the_file_asked_for(
    cli: Run, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("demo").code == 0
    args, name = COMMANDS[command]
    target = tmp_path / name
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    real_replace = os.replace

    def sticky(src: Any, dst: Any) -> None:
        if Path(dst) == target:
            # What rename(2) gives in a sticky folder for another user's file.
            raise PermissionError(1, "Operation not permitted", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", sticky)
    r = cli(*args, str(target))
    assert (r.code, r.err) == (1, f"error: cannot write {target}: Operation not permitted\n")
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{name}.")] == []


@pytest.mark.skipif(bool(PG_URL), reason="the folder's permission, not the database, is tested")
def test_another_users_file_in_a_sticky_folder_is_named(tmp_path: Path) -> None:
    """The real case: root without the right to replace any file (setpriv), as a user is."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root (to give the file and folder to another user) and setpriv")
    env = {**os.environ, "WORKBENCH_DB": str(tmp_path / "desk.db"), "WORKBENCH_USER": "tester"}
    run = [sys.executable, "-m", "workbench"]
    assert subprocess.run([*run, "demo"], env=env, capture_output=True).returncode == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    theirs = shared / "out.csv"
    theirs.write_text("theirs\n", encoding="utf-8")
    for p in (shared, theirs):
        os.chown(p, 65534, 65534)
    shared.chmod(0o1777)
    drop = ("--bounding-set=-fowner,-dac_override,-dac_read_search", "--")
    proc = subprocess.run(
        [setpriv, *drop, *run, "export", "claims", "--force", "-o", str(theirs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (proc.returncode, proc.stderr) == (
        1,
        f"error: cannot write {theirs}: Operation not permitted\n",
    )
    assert theirs.read_text(encoding="utf-8") == "theirs\n"
    assert sorted(p.name for p in shared.iterdir()) == ["out.csv"]
