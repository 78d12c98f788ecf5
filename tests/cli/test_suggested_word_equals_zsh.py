"""A suggested command is written for bash, zsh and dash (docs/errors.md). zsh reads a word that
starts with an unquoted `=` as a command's path (its EQUALS option, on by default): `=y.db`
pasted there is "zsh: y.db not found", and `=python3` is /usr/bin/python3, another file named
silently. shlex leaves `=` bare wherever it stands, and so did workbench.domain.shell, so
`backup =y.db` said `check the copy with: workbench --db =y.db audit verify` (rr347)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from workbench.domain.shell import command_line, shell_word


def test_a_word_starting_with_an_equals_sign_is_quoted() -> None:
    assert shell_word("=y.db") == "'=y.db'"
    assert shell_word("=") == "'='"
    assert command_line(["workbench", "--db", "=python3", "audit", "verify"]) == (
        "workbench --db '=python3' audit verify"
    )
    # Inside a word an `=` is nothing to any of them: left bare, as before.
    assert shell_word("--file=a.dump") == "--file=a.dump"
    assert shell_word("a=b") == "a=b"


def test_the_backup_check_names_the_copy_in_zsh_too(
    cli: Callable[..., Result], db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's backup prints pg_dump instead")
    monkeypatch.chdir(tmp_path)
    assert cli("demo").code == 0
    r = cli("backup", "=y.db")
    assert r.code == 0, r.err
    command = r.err.split("check the copy with: ", 1)[1].rstrip("\n")
    assert command.startswith("workbench --db '=y.db' audit verify --head "), command
    if shutil.which("zsh") is None:
        return  # (the words above are what zsh reads back; pasted where it is installed)
    done = subprocess.run(
        ["zsh", "-fc", "printf '%s\\0' " + command.removeprefix("workbench ")],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(b"\0")[:2] == [b"--db", b"=y.db"]
