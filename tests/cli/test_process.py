"""The few CLI checks that need a real process: the console entry point, stdin and exit codes as
the shell sees them, and a reader that leaves early (`workbench ... | head`). Everything else runs
in-process through the same entry point (the `cli` fixture)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_a_real_process_adds_refuses_and_exits_like_a_shell_expects(cli_process: Run) -> None:
    r = cli_process("doc", "add", "-", "--json", input="甲说:乙是第一。")
    assert r.code == 0, r.err
    assert json.loads(r.out)["id"] == 1
    r = cli_process("claim", "status", "1", "verified")
    assert r.code == 1 and r.err.startswith("error: ") and len(r.err.splitlines()) == 1
    r = cli_process("claim", "status", "1", "done")
    assert r.code == 2 and "Traceback" not in r.err


def test_a_reader_that_leaves_early_gets_no_traceback(db_url: str, cli: Run) -> None:
    assert cli("demo").code == 0
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    # `workbench audit export | true`: the reader is gone before the first write (closing at
    # once, while the process is still starting, makes the broken pipe certain, not a race).
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "audit", "export"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert "Traceback" not in err and "error" not in err, err
    assert code in (0, -13), code  # finished, or stopped by SIGPIPE like cat and grep
