"""`report DOC -o /dev/stdout` is standard output, as `-o -` is: no name to give it (rr351).

The warning for a file whose name asks for no format (`-o d2.txt`: "name it .html to open
it") was given for /dev/stdout too, which `is_stdout` reads as `-`: the page went down the pipe
and stderr told the user to rename standard output."""

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


@pytest.mark.parametrize(("fmt", "starts"), [("html", b"<!DOCTYPE html>"), ("md", b"# ")])
def test_a_report_to_dev_stdout_is_not_told_to_be_renamed(
    db_url: str, cli: Run, fmt: str, starts: bytes
) -> None:
    assert cli("demo").code == 0
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": CLONE}
    command = [sys.executable, "-m", "workbench", "report", "1", "--format", fmt]
    r = subprocess.run([*command, "-o", "/dev/stdout"], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.startswith(starts)
    assert "to open it" not in r.stderr.decode(), r.stderr.decode()
