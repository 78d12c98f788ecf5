"""A change that was committed, whose confirmation line could not be written (stdout on a full
disk: `workbench note add ... > /dev/full`, a log file on a full volume). Needs the real process
(its stdout a real file descriptor)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import workbench

Run = Callable[..., Any]
CLONE = str(Path(workbench.__file__).resolve().parent.parent)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_committed_note_is_not_reported_as_refused(db_url: str, cli: Run) -> None:
    """`workbench note add 1 "..." > /dev/full` added the note, then said only "error: No space
    left on device", exit 1, the code errors.md gives a refusal: a script retrying it added the
    note twice. The one line should say the note was added and only its confirmation was lost."""
    assert cli("demo").code == 0
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": CLONE}
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "workbench", "note", "add", "1", "Checked the register."],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    notes = cli("note", "list", "1", "--json")
    assert "Checked the register." in notes.out  # it was committed
    assert "note #1" in r.stderr, (r.returncode, r.stderr)
