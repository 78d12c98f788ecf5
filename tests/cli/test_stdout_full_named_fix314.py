"""A read whose standard output could not be written (`workbench claim list > /dev/full`, a
log on a full volume) said only `error: No space left on device`, naming nothing, where `-o
/dev/full` says `cannot write /dev/full: ...` (trial308). It is to name standard output, one
line, exit 1. Needs the real process: standard output is the process's own file descriptor."""

from __future__ import annotations

import json
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

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def to_full(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": CLONE}
    with open("/dev/full", "w") as full:
        return subprocess.run(
            [sys.executable, "-m", "workbench", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )


@pytest.mark.parametrize(
    "args", [["claim", "list", "--limit", "1"], ["doc", "text", "1"], ["stats"]], ids=" ".join
)
def test_a_read_to_a_full_stdout_names_standard_output(
    db_url: str, cli: Run, args: list[str]
) -> None:
    assert cli("demo").code == 0
    r = to_full(db_url, *args)
    expected = "error: cannot write standard output: No space left on device\n"
    assert (r.returncode, r.stderr) == (1, expected)


def test_the_json_error_names_it_too(db_url: str, cli: Run) -> None:
    assert cli("demo").code == 0
    r = to_full(db_url, "claim", "list", "--json")
    assert r.returncode == 1
    error = json.loads(r.stderr)["error"]
    assert error["message"] == "cannot write standard output: No space left on device"
