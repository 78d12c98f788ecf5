"""`doc add` of a text already stored, given a --title it does not apply, suggests `workbench
doc edit ID --title TITLE`: pasted as printed, that must set the title given. The warning shows
a bidi control as `\\u202e` (a terminal would reorder the line): the command quoted it with
shlex, so that the paste set the title to the six letters `\\u202e` (review343), where every
other suggestion (workbench.domain.shell, shell342) writes such a character as `$'...'`."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result


def _bash_reads(command: str) -> list[str]:
    """The words bash passes on for `command` ($'...' is bash's, zsh's and ksh's)."""
    done = subprocess.run(
        ["bash", "-c", "set -f; printf '%s\\0' " + command],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8", "surrogateescape").split("\0")[:-1]


@pytest.mark.parametrize("title", ["ab\u202ecd", "o'k \u2066x", "plain title"])
def test_the_doc_edit_suggested_for_a_title_not_applied_pastes_as_the_title(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Hello world. This claim is about 5 percent.\n")
    assert cli("doc", "add", "a.txt").code == 0
    r = cli("doc", "add", "a.txt", "--title", title)
    assert r.code == 0, r.err
    command = r.err.rstrip("\n").split("to change it: ", 1)[1]
    assert _bash_reads(command) == ["workbench", "doc", "edit", "1", "--title", title]
