"""`--force` over a read-only output puts a new file in its place with a new file's permissions
(0666 less the umask): writable, where the one replaced was not. `cp -f` users expect the mode
kept or told; `--force`'s help did not say (fix272)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.inprocess import run_cli


@pytest.mark.parametrize(
    "command", [["export", "claims"], ["audit", "export"], ["report"], ["evidence", "get"]]
)
def test_force_help_says_the_file_gets_new_permissions(command: list[str]) -> None:
    r = run_cli([*command, "--help"])
    assert r.code == 0, r.err
    said = " ".join(r.out.split())
    assert "read-only" in said and "umask" in said, said


def test_force_over_a_read_only_file_leaves_a_writable_one(db_url: str, tmp_path: Path) -> None:
    """As the help says."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    assert run_cli(["demo"], env=env).code == 0
    out = tmp_path / "claims.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o444)
    r = run_cli(["export", "claims", "--doc", "1", "-o", str(out), "--force"], env=env)
    assert r.code == 0, r.err
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
