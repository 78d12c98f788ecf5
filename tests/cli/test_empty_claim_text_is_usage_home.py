"""An empty claim text typed (`claim add --text ''`, `claim edit --text ''`) is bad usage,
exit 2, as an empty note typed is (docs/errors.md, "A value typed"): both were refused by the
service, exit 1, with the same sentence. One read from standard input (`--text -`) that holds
nothing visible is what reading found: still exit 1. Nothing is written either way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, err_line, ok, run_cli

Run = Callable[..., Outcome]

EMPTY = "the claim text is empty: say in one sentence what is claimed"


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str, stdin: bytes | None = None) -> Outcome:
        env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
        return run_cli(list(args), env=env, stdin=stdin)

    (tmp_path / "article.txt").write_text("It was founded in late 2021.\n", encoding="utf-8")
    ok(run("doc", "add", str(tmp_path / "article.txt")))
    ok(run("claim", "add", "1", "--text", "Founded in 2021", "--quote", "late 2021"))
    return run


def _texts(wb: Run) -> list[str]:
    return [c["text"] for c in json.loads(ok(wb("claim", "list", "--json")).out)]


@pytest.mark.parametrize("text", ["", "  ", "\u200b"])
def test_an_empty_claim_text_typed_is_bad_usage(wb: Run, text: str) -> None:
    err_line(wb("claim", "add", "1", "--text", text, "--quote", "founded"), 2, EMPTY)
    err_line(wb("claim", "edit", "1", "--text", text), 2, EMPTY)
    assert _texts(wb) == ["Founded in 2021"]


def test_an_empty_claim_text_read_from_stdin_is_refused(wb: Run) -> None:
    empty = "\u200b\n".encode()
    err_line(wb("claim", "edit", "1", "--text", "-", stdin=empty), 1, EMPTY)
    err_line(wb("claim", "add", "1", "--text", "-", "--quote", "founded", stdin=empty), 1, EMPTY)
    assert _texts(wb) == ["Founded in 2021"]
