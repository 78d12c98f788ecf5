"""A note typed empty is bad usage (exit 2) wherever a note is typed, not only as `note add`'s
TEXT (docs/errors.md, "A value typed"): `claim edit --note ''` and `note internal/public
--note ''` are refused by the very rule (note_text.note_empty: "the note is empty") and
said in the very sentence, yet exited 1, refused by the service, where `note add 1 ''` exits
2 (found by review rhome, typing '' into every option that takes a text). A note read from
standard input (`-`) that turns out empty stays a refusal, exit 1. Nothing is written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, err_line, ok, run_cli

Run = Callable[..., Outcome]


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str, stdin: bytes | None = None) -> Outcome:
        env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
        return run_cli(list(args), env=env, stdin=stdin)

    (tmp_path / "article.txt").write_text("It was founded in late 2021.\n", encoding="utf-8")
    ok(run("doc", "add", str(tmp_path / "article.txt")))
    ok(run("claim", "add", "1", "--text", "Founded in 2021", "--quote", "late 2021"))
    ok(run("note", "add", "1", "The register says so."))
    return run


def _events(wb: Run) -> int:
    return len(ok(wb("audit", "export")).out.splitlines())


@pytest.mark.parametrize("body", ["", "   ", "\u200b"])
@pytest.mark.parametrize(
    "command",
    [
        ("note", "internal", "1", "--note"),
        ("note", "public", "1", "--note"),
        ("claim", "edit", "1", "--type", "date", "--note"),
    ],
)
def test_a_note_typed_empty_is_bad_usage(wb: Run, command: tuple[str, ...], body: str) -> None:
    before = _events(wb)
    err_line(wb(*command, body), 2, "the note is empty")
    assert _events(wb) == before
    [claim] = json.loads(ok(wb("claim", "list", "--json")).out)
    assert claim["type"] == "fact"


@pytest.mark.parametrize(
    "command",
    [
        ("note", "internal", "1", "--note", "-"),
        ("claim", "edit", "1", "--type", "date", "--note", "-"),
    ],
)
def test_a_note_read_empty_from_stdin_is_refused(wb: Run, command: tuple[str, ...]) -> None:
    before = _events(wb)
    err_line(wb(*command, stdin="\u200b\n".encode()), 1, "the note is empty")
    assert _events(wb) == before
