"""`-o /dev/stdout`: the shell idiom for "write the file to standard output". /dev/stdout is a
link to /proc/self/fd/1, which is a pipe or, under `> file`, a regular file. Needs the real
process (its file descriptor 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import workbench

Run = Callable[..., Any]
CLONE = str(Path(workbench.__file__).resolve().parent.parent)


def _env(db_url: str) -> dict[str, str]:
    return {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": CLONE}


def test_o_dev_stdout_into_a_pipe_writes_into_it(db_url: str, cli: Run) -> None:
    """`workbench export claims -o /dev/stdout | ...` was refused, "/dev/stdout exists: nothing
    was written; give --force to replace it", though /dev/null and a FIFO are written into as
    a shell redirect would: the pipe behind /dev/stdout is no file to replace."""
    assert cli("demo").code == 0
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "export", "claims", "-o", "/dev/stdout"],
        capture_output=True,
        env=_env(db_url),
        timeout=120,
    )
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.startswith(b"id,document_id,quote,")


def test_force_into_a_link_to_stdout_does_not_replace_the_link(
    db_url: str, cli: Run, tmp_path: Path
) -> None:
    """`workbench export claims -o /dev/stdout --force > out.csv` (--force as the refusal above
    told) exited 0 saying "wrote 31 claims to /dev/stdout", left out.csv empty and, run as root,
    replaced the system's /dev/stdout link with a regular file holding the CSV: every later
    `> /dev/stdout` on the machine wrote into that file. Shown here with a link of the test's
    own to /proc/self/fd/1, so that a failure breaks nothing outside tmp_path."""
    assert cli("demo").code == 0
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    out = tmp_path / "out.csv"
    with out.open("wb") as sink:
        r = subprocess.run(
            [sys.executable, "-m", "workbench", "export", "claims", "-o", str(link), "--force"],
            stdout=sink,
            stderr=subprocess.PIPE,
            env=_env(db_url),
            timeout=120,
        )
    assert link.is_symlink(), "the link was replaced by a regular file"
    assert r.returncode == 0, r.stderr.decode()
    assert out.read_bytes().startswith(b"id,document_id,quote,")


def test_a_link_to_a_device_is_written_through_without_force(
    db_url: str, cli: Run, tmp_path: Path
) -> None:
    """`-o LINK` where LINK points at /dev/null was refused, "LINK exists: nothing was written;
    give --force to replace it", though /dev/null itself is written into: the link names the
    device, and with --force the device is what was written (the link stayed)."""
    assert cli("demo").code == 0
    link = tmp_path / "sink"
    link.symlink_to(os.devnull)
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "export", "claims", "-o", str(link)],
        capture_output=True,
        env=_env(db_url),
        timeout=120,
    )
    assert r.returncode == 0, r.stderr.decode()
    assert link.is_symlink()
