"""`report --all -o LINK`, LINK a symbolic link to nothing or to itself, said "LINK is a file"
(bad usage), where every other output says "LINK exists (a symbolic link to ...)": one wording
now, and the link is named as a link (fix272). It then still exited 2 (bad usage) where every
other `-o LINK` is refused, exit 1: a link there is what is on the disk, not how the command
was typed, and a script tells the two apart by the code (fix282)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import run_cli


@pytest.mark.parametrize("target", ["missing", "site", "plain.txt"])
def test_a_link_as_the_folder_is_said_as_one(db_url: str, tmp_path: Path, target: str) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    assert run_cli(["demo"], env=env).code == 0
    (tmp_path / "plain.txt").write_text("x\n", encoding="utf-8")
    link = tmp_path / "site"
    link.symlink_to(target)  # dangling, itself, a file
    r = run_cli(["report", "--all", "-o", str(link)], env=env)
    assert r.code == 1, (r.code, r.err)
    assert r.err.count("\n") == 1, r.err
    assert f"{link} exists (a symbolic link to {target})" in r.err, r.err
    assert "is a file" not in r.err


def test_a_file_is_still_said_as_a_file(db_url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    assert run_cli(["demo"], env=env).code == 0
    plain = tmp_path / "plain.txt"
    plain.write_text("x\n", encoding="utf-8")
    r = run_cli(["report", "--all", "-o", str(plain)], env=env)
    assert r.code == 1  # what is on the disk, as a link there is (docs/errors.md)
    assert f"with --all, -o names a folder; {plain} is a file" in r.err, r.err
