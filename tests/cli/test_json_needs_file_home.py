"""`--json` where the command's own output goes to stdout is bad usage (exit 2), refused by one
rule in one sentence (cli.common.json_needs_file) by every command that writes a file: the
exports, `audit export`, `evidence get`, `report` and `export bundle`. `report` and `export
bundle` carried their own checks, worded otherwise ("where -o - writes the page", "where FILE
- writes the bundle: name a file"), and the shared one said "goes without -o FILE (or with -o
-)" to `evidence get`, whose -o is required. The sentence now says what was given."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    (tmp_path / "article.txt").write_text("It was founded in late 2021.\n", encoding="utf-8")
    (tmp_path / "ev.html").write_text("<p>evidence</p>", encoding="utf-8")
    ok(run("doc", "add", str(tmp_path / "article.txt")))
    ok(run("claim", "add", "1", "--text", "Founded in 2021", "--quote", "late 2021"))
    ok(run("evidence", "add", "1", "--file", str(tmp_path / "ev.html"), "--stance", "supports"))
    return run


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["export", "claims", "--json"],
            "--json prints to stdout, where the export itself goes without -o FILE: give -o FILE",
        ),
        (
            ["export", "claims", "-o", "-", "--json"],
            "--json prints to stdout, where the export itself goes with -o -: give -o FILE",
        ),
        (
            ["audit", "export", "-o", "-", "--json"],
            "--json prints to stdout, where the export itself goes with -o -: give -o FILE",
        ),
        (
            ["evidence", "get", "1", "-o", "-", "--json"],
            "--json prints to stdout, where the archived file itself goes with -o -: give -o FILE",
        ),
        (
            ["report", "1", "-o", "-", "--json"],
            "--json prints to stdout, where the page itself goes with -o -: give -o FILE",
        ),
        (
            ["export", "bundle", "-", "--json"],
            "--json prints to stdout, where the bundle itself goes as FILE -: give a file as FILE",
        ),
    ],
)
def test_json_to_stdout_is_refused_alike(wb: Run, args: list[str], said: str) -> None:
    r = wb(*args)
    assert r.code == 2, (r.code, r.out, r.err)
    # Under --json the refusal is one JSON line on stderr (docs/json.md), the usage hint after.
    error = json.loads(r.err)["error"]
    assert error["kind"] == "usage", r.err
    assert error["message"].split(" (see `")[0] == said, r.err
    assert r.out == ""
