"""fix166: `note add 1 -` typed at a terminal (stdin not redirected) waited without a word: the
user took it for a hang and pressed Ctrl-C. Every command reading `-` from stdin, when stdin is
a terminal, now says once on stderr what it waits for and how to end it (Ctrl-D; Ctrl-Z then
Enter on Windows). Piped or redirected, it says nothing: scripts' stderr stays as it was.

The terminal is faked through the in-process runner: its stdin says it is a TTY."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import click.testing
import pytest

from tests.inprocess import Outcome, run_cli
from workbench.cli.common import STDIN_NOTICE_END, stdin_notice

Run = Callable[..., Outcome]
POSIX_END = "press Ctrl-D on a new line to end it"


@pytest.fixture
def run(db_url: str) -> Iterator[Run]:
    def go(*args: str, stdin: bytes = b"") -> Outcome:
        return run_cli(list(args), stdin=stdin, env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})

    assert go("demo").code == 0
    yield go


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runner's stdin is a terminal (its stdout and stderr are not)."""
    monkeypatch.setattr(
        click.testing._NamedTextIOWrapper,
        "isatty",
        lambda self: self.name == "<stdin>",
        raising=False,
    )


def waiting(what: str) -> str:
    return (
        f"waiting for {what} on standard input (the terminal): type or paste it, then {POSIX_END}\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX wording")
@pytest.mark.parametrize(
    ("args", "what", "stdin"),
    [
        (("note", "add", "1", "-"), "the note", b"a long note\n"),
        (
            ("claim", "add", "1", "--start", "0", "--end", "4", "--text", "-"),
            "the claim's text",
            b"x\n",
        ),
        (("claim", "status", "1", "in_progress", "--note", "-"), "the note", b"looking\n"),
        (("doc", "add", "-"), "the document's text", b"An article about jobs.\n"),
        (("doc", "update", "1", "-"), "the document's new text", b"A shorter text.\n"),
        (("audit", "verify", "--file", "-"), "the exported events", b"{}\n"),
        (("import", "annotations", "--doc", "1", "-"), "the annotations", b"{}\n"),
    ],
    ids=["note", "claim-text", "status-note", "doc-add", "doc-update", "verify", "annotations"],
)
def test_a_command_reading_stdin_from_a_terminal_says_what_it_waits_for_once(
    run: Run, terminal: None, args: tuple[str, ...], what: str, stdin: bytes
) -> None:
    r = run(*args, stdin=stdin)
    assert r.crash is None, repr(r.crash)
    assert r.err.startswith(waiting(what)), r.err
    assert r.err.count("waiting for") == 1, r.err


def test_piped_stdin_is_read_without_a_word(run: Run) -> None:
    r = run("note", "add", "1", "-", stdin=b"a long note\n")
    assert r.code == 0, r.err
    assert "waiting for" not in r.err


def test_the_way_to_end_is_windows_own_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert stdin_notice("the note").endswith("press Ctrl-Z then Enter on a new line to end it")
    monkeypatch.setattr(sys, "platform", "linux")
    assert stdin_notice("the note").endswith(POSIX_END)
    assert STDIN_NOTICE_END["win32"] == "Ctrl-Z then Enter"
