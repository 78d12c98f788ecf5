"""`--db LOOP` (a link to itself, or two links to each other) or `--db notes.txt/desk.db`: the
commands that bring the similar-claims index up to date before their own transaction (claim
add, claim similar, extract --accept, seed load) said the system's raw "Too many levels of
symbolic links: PATH" / "Not a directory: PATH", where every other command says what the path
is (fix272's 'which loops', review265's 'is a file, not a folder') (rr275)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import run_cli

COMMANDS = [
    ["claim", "add", "1", "--text", "x", "--quote", "y"],
    ["claim", "similar", "1"],
    ["extract", "1", "--accept"],
    ["seed", "load"],
]


def _refusal(db: Path, args: list[str]) -> str:
    r = run_cli(args, env={"WORKBENCH_DB": str(db), "WORKBENCH_USER": "t"})
    assert r.crash is None, repr(r.crash)
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    return r.err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_link_to_itself(tmp_path: Path, args: list[str]) -> None:
    link = tmp_path / "desk.db"
    link.symlink_to("desk.db")
    err = _refusal(link, args)
    assert f"no database at {link}: it is a symbolic link to desk.db, which loops" in err, err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_two_links_to_each_other(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    err = _refusal(tmp_path / "a", args)
    assert f"no database at {tmp_path / 'a'}: it is a symbolic link to b, which loops" in err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_file_on_the_way(tmp_path: Path, args: list[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hi\n")
    err = _refusal(notes / "desk.db", args)
    assert f"{notes} is a file, not a folder" in err, err
    assert notes.read_text() == "hi\n"
