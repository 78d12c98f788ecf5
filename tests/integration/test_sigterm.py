"""SIGTERM (`kill`, `timeout`) unwinds a command as an interrupt does: `with` blocks and
`finally` run (transactions roll back, a replay's temporary state is removed), and the process
ends with 143, quietly, rather than where it stood."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from workbench.services.context import Workbench

pytestmark = pytest.mark.slow


def test_sigterm_unwinds_and_exits_143(wb: Workbench, db_url: str) -> None:
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    # `doc add -` waits for its text on stdin, which never comes: a command caught mid-way.
    # Its stdin is a pipe held open, so it blocks in read() until the signal arrives.
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "doc", "add", "-", "--title", "t"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3)  # past start-up and imports, into the read
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"Traceback" not in err, err
