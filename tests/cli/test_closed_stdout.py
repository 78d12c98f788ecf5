"""A command run with standard output closed (`workbench ... >&-`, a daemon or cron job
started without one). Needs the real process: Python gives sys.stdout = None only at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import workbench

Run = Callable[..., Any]
CLONE = str(Path(workbench.__file__).resolve().parent.parent)


def _closed_stdout(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": CLONE}
    # The shell's `>&-`: the child starts with file descriptor 1 closed.
    return subprocess.run(
        ["/bin/sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "workbench", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_listing_with_stdout_closed_is_one_line_not_a_traceback(db_url: str, cli: Run) -> None:
    """`workbench claim list >&-` (and `claim list --json`, `audit export`, `doc text 1`)
    printed a Python traceback, AttributeError: 'NoneType' object has no attribute 'isatty'
    (or 'write'), instead of one line saying standard output is closed."""
    assert cli("demo").code == 0
    for args in (
        ["claim", "list"],
        ["claim", "list", "--json"],
        ["audit", "export"],
        ["doc", "text", "1"],
    ):
        r = _closed_stdout(db_url, *args)
        assert "Traceback" not in r.stderr, (args, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 1 and len(lines) == 1, (args, r.returncode, r.stderr)
        if "--json" in args:  # the refusal as --json gives every one (docs/errors.md)
            assert json.loads(lines[0])["error"]["message"] == "standard output is closed"
        else:
            assert lines[0] == "error: standard output is closed", (args, r.stderr)


def test_a_change_with_stdout_closed_says_it_was_made(db_url: str, cli: Run) -> None:
    """`workbench note add 1 ... >&-` added the note and said nothing, exit 0 (click.echo
    skips a missing stdout), while a listing failed: now the change is said to be made, and
    that its confirmation was not written; the exit code stays 0 (docs/errors.md)."""
    assert cli("demo").code == 0
    r = _closed_stdout(db_url, "note", "add", "1", "Checked the register.")
    assert r.returncode == 0, r.stderr
    assert r.stderr == (
        "warning: the change was made (note.added: note #1), but the confirmation could not"
        " be written: standard output is closed\n"
    )


def test_o_dev_stdout_with_stdout_closed_writes_nowhere_else(db_url: str, cli: Run) -> None:
    """`-o /dev/stdout` with standard output closed: file descriptor 1 is free, and the next
    file opened takes it (a PostgreSQL connection's socket, a temporary file), which a write
    through /dev/stdout would then have written into. It is refused in one line."""
    assert cli("demo").code == 0
    r = _closed_stdout(db_url, "export", "claims", "-o", "/dev/stdout")
    assert r.returncode == 1, r.stderr
    assert r.stderr == (
        "error: cannot write /dev/stdout: file descriptor 1 is not open for writing\n"
    )


def test_db_upgrade_with_stdout_closed_says_the_upgrade_once(empty_db_url: str) -> None:
    """`workbench db upgrade >&-` of an older schema said the upgrade twice on stderr:
    "upgraded the database schema from A to B", the line every command's upgrade gets, and
    "warning: the database schema was upgraded from A to B, but the confirmation could not be
    written". The warning says it, once (as a stop's line does), exit 0."""
    from workbench.db.engine import get_engine
    from workbench.db.head import HEAD_REVISION
    from workbench.db.migrate import upgrade

    older = "0008_similar_meta"
    upgrade(get_engine(empty_db_url), older)
    r = _closed_stdout(empty_db_url, "db", "upgrade")
    assert r.returncode == 0, r.stderr
    assert r.stderr == (
        f"warning: the database schema was upgraded from {older} to {HEAD_REVISION}, but the "
        "confirmation could not be written: standard output is closed\n"
    ), r.stderr
