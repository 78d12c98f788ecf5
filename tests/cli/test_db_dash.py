"""`--db -` (or WORKBENCH_DB=-): every other `-` of the workbench is standard input or output,
and here a user met a database quietly created in a file named `-` in the current folder
(`demo` filled it, `db status` called it "empty: not created yet", a read found it there the
next time). A database is a file or a URL, never a stream: the value is bad usage (exit 2),
said in one line, before anything is opened or made; `./-` still names such a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import run_cli

COMMANDS = [
    ["db", "status"],
    ["db", "upgrade"],
    ["demo"],
    ["stats"],
    ["doc", "list"],
    ["audit", "verify"],
    ["backup", "copy.db"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_db_dash_is_refused_and_nothing_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    r = run_cli(["--db", "-", *args], env={"WORKBENCH_USER": "t", "WORKBENCH_DB": None})
    assert r.crash is None, repr(r.crash)
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.err.startswith("error: --db -: a database is a file or a URL, not standard input")
    assert "./-" in r.err
    assert r.out == ""
    assert list(tmp_path.iterdir()) == []


def test_workbench_db_dash_is_refused_as_well(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = run_cli(["demo"], env={"WORKBENCH_USER": "t", "WORKBENCH_DB": "-"})
    assert r.code == 2, (r.code, r.err)
    assert "WORKBENCH_DB=-: a database is a file or a URL, not standard input" in r.err
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_dash_is_still_reachable_as_dot_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # (db upgrade, not demo: it makes the file as well, in a fraction of demo's 4 s)
    r = run_cli(["--db", "./-", "db", "upgrade"], env={"WORKBENCH_USER": "t", "WORKBENCH_DB": None})
    assert r.code == 0, r.err
    assert (tmp_path / "-").is_file()
