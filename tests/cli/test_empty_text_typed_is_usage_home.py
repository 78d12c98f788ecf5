"""An empty note or claim text typed on the command line is bad usage (exit 2), as an empty
--to NAME or --speaker NAME is (docs/errors.md, "A value typed"): `note add 1 ''` and `claim
add/edit --text ''` were refused by the service, exit 1, where `claim assign 1 --to ''` exits 2.
One read from standard input (`-`) that turns out empty is what reading found, not what was
typed, and what a text holds (a control character, its length) is the rule's: still refused,
exit 1. Either way nothing is written."""

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


def _notes(wb: Run) -> list[object]:
    return list(json.loads(ok(wb("note", "list", "1", "--json")).out))


@pytest.mark.parametrize("body", ["", "   ", "\n\t", "\u200b"])
def test_an_empty_note_typed_is_bad_usage(wb: Run, body: str) -> None:
    err_line(wb("note", "add", "1", body), 2, "the note is empty")
    assert _notes(wb) == []


def test_an_empty_note_read_from_stdin_is_refused(wb: Run) -> None:
    # Nothing visible but not blank to str.strip (a zero-width space): standard input holds
    # something, so it is the note that is empty (all blank is "standard input is empty").
    err_line(wb("note", "add", "1", "-", stdin="\u200b\n".encode()), 1, "the note is empty")
    assert _notes(wb) == []


def test_a_note_typed_is_added(wb: Run) -> None:
    ok(wb("note", "add", "1", "  The register says so.\n"))
    [note] = _notes(wb)
    assert isinstance(note, dict) and note["body"] == "The register says so."


@pytest.mark.parametrize(
    ("body", "said"),
    [("a\x07b", "control character U+0007"), ("x" * 100_001, "the limit is 100,000")],
)
def test_a_note_breaking_a_rule_of_its_content_is_refused(wb: Run, body: str, said: str) -> None:
    """Only emptiness is the parser's, as for --to NAME and --speaker NAME (an empty one exit
    2, one with a tab exit 1) and claim edit --text (a control character, over the limit: exit
    1, tests/cli/test_claim_edit_cli.py): what a note holds is the note rule's, exit 1."""
    err_line(wb("note", "add", "1", body), 1, said)
    assert _notes(wb) == []


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
