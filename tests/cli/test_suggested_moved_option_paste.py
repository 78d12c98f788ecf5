"""`--db` given after the command is told where it goes, with the command line rewritten:
each word as the shell reads it back, a file name that is not UTF-8 (carried as surrogates)
as `$'...'` and not its Python escape, as every suggested command's words are."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.shell_reads import shell_reads


def _bash_reads(command: str) -> list[str]:
    """The words bash passes on for `command` ($'...' is bash's, zsh's and ksh's)."""
    done = subprocess.run(
        ["bash", "-c", "set -f; printf '%s\\0' " + command], capture_output=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8", "surrogateescape").split("\0")[:-1]


def test_an_option_of_workbench_after_the_command_is_moved_as_one_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workbench_main: Callable[..., Result]
) -> None:
    """`workbench claim list --db $'r\\xe9 x.db'` was told `(workbench --db 'r\\udce9 x.db'
    claim list)`: pasted, that names a file called r\\udce9 x.db, not the one typed."""
    monkeypatch.chdir(tmp_path)
    name = "r\udce9 x.db"  # the bytes r, 0xE9 (Latin-1 é), space, x.db
    r = workbench_main(["claim", "list", "--db", name])
    assert r.code == 2
    said = r.err.rstrip("\n").rsplit(" (", 1)[1].removesuffix(")")
    assert _bash_reads(said) == ["workbench", "--db", name, "claim", "list"]


def test_a_plain_option_moved_reads_back_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workbench_main: Callable[..., Result]
) -> None:
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["claim", "list", "--db", "a b;c.db", "--status", "open"])
    assert r.code == 2
    said = r.err.rstrip("\n").rsplit(" (", 1)[1].removesuffix(")")
    words = ["workbench", "--db", "a b;c.db", "claim", "list", "--status", "open"]
    assert shell_reads(said) == words


def test_an_option_moved_without_its_value_names_the_value_as_help_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workbench_main: Callable[..., Result]
) -> None:
    """`workbench claim list --db` (the value left off) was told `workbench --db 'PATH|URL'
    claim list`: the placeholder quoted as a value typed, a file named `PATH|URL` when pasted,
    where `--help` and every other suggestion write it bare (review343)."""
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["claim", "list", "--db"])
    assert r.code == 2
    assert r.err.rstrip("\n").endswith("(workbench --db PATH|URL claim list)"), r.err
