"""`-o sub/x.csv`, sub a symbolic link to a folder that is gone, said "the folder sub does not
exist", and `mkdir sub` then failed (File exists): the link and where it leads are named now
(fix272)."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import run_cli


def test_a_dangling_link_as_the_output_folder_is_named(db_url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    assert run_cli(["demo"], env=env).code == 0
    sub = tmp_path / "sub"
    sub.symlink_to(tmp_path / "gone")
    target = sub / "x.csv"
    r = run_cli(["export", "claims", "--doc", "1", "-o", str(target)], env=env)
    assert r.code == 1, (r.code, r.err)
    assert r.err == (
        f"error: cannot write {target}: the folder {sub} is a symbolic link to "
        f"{tmp_path / 'gone'}, which leads to no folder\n"
    ), r.err
    assert not (tmp_path / "gone").exists()


def test_a_dangling_link_further_up_is_named(db_url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    assert run_cli(["demo"], env=env).code == 0
    sub = tmp_path / "sub"
    sub.symlink_to("gone")
    target = sub / "deeper" / "x.csv"
    r = run_cli(["export", "claims", "--doc", "1", "-o", str(target)], env=env)
    assert r.code == 1, (r.code, r.err)
    assert f"{sub} is a symbolic link to gone, which leads to no folder" in r.err, r.err
