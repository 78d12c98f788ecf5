"""`workbench backup FILE` on PostgreSQL prints the pg_dump command to run: pasted as printed, it
must write FILE. It was shlex.join's: a file name that is not UTF-8 (carried as surrogates) went
to the terminal as its raw byte, no character a paste gives back, and a bidi control as itself,
which reordered the rest of the line on screen, the server's URL with it (review343). Printed
as every suggested command is (workbench.domain.shell): such a name as `$'...'`. `--json`'s
`command` is left as it was, for a script that reads the name back from it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

URL = "postgresql://desk@127.0.0.1:1/claims"  # no connection is made to print the command


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


@pytest.mark.parametrize("name", ["r\udce9 x.dump", "ab\u202ecd.dump", "claims dump"])
def test_the_pg_dump_command_printed_pastes_as_the_file_given(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbench_main: Callable[..., Result],
    name: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["--db", URL, "backup", name])
    assert r.code == 0, r.err
    command = r.out.rstrip("\n")
    assert command.isprintable() and "\u202e" not in command, command
    assert _bash_reads(command) == [
        "pg_dump",
        "--format=custom",
        "--no-comments",
        f"--file={name}",
        URL,
    ]
    as_json = workbench_main(["--db", URL, "backup", name, "--json"])
    assert as_json.code == 0, as_json.err
    assert f"--file={name}" in json.loads(as_json.out)["command"]
