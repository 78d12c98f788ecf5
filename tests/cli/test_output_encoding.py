"""What the CLI writes when standard output's encoding is not UTF-8: a Windows pipe or file
(cp1252, or GBK on Chinese Windows), a Latin-1 locale, PYTHONIOENCODING. Needs the real process:
the encoding of sys.stdout is decided when Python starts."""

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


def _run(db_url: str, *args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "WORKBENCH_DB": db_url,
        "WORKBENCH_USER": "tester",
        "PYTHONPATH": CLONE,  # this checkout's code, not an installed copy
        "PYTHONIOENCODING": encoding,
    }
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args], capture_output=True, env=env, timeout=120
    )


def test_an_audit_export_into_a_gbk_pipe_is_still_the_utf8_trail(db_url: str, cli: Run) -> None:
    """`workbench audit export > trail.jsonl` on a GBK stdout (Chinese Windows, where a
    redirected stdout takes the ANSI code page) wrote the trail in GBK, exit 0: the file was
    not the trail's bytes, and `audit verify --file` refused it ("line 2 is not UTF-8")."""
    assert cli("demo").code == 0
    utf8 = _run(db_url, "audit", "export", encoding="utf-8")
    gbk = _run(db_url, "audit", "export", encoding="gbk")
    assert utf8.returncode == 0 and gbk.returncode == 0, gbk.stderr.decode("utf-8", "replace")
    assert gbk.stdout == utf8.stdout


def test_a_claim_listing_into_a_cp1252_pipe_is_no_input_error(db_url: str, cli: Run) -> None:
    """`workbench claim list` and `claim show 1 --json` with stdout in cp1252 (a Windows pipe
    or file) printed part of the table, then `error: the input is not valid UTF-8 text`, exit
    1: the input was fine; the Chinese quotes could not be written in the output's encoding,
    and --json printed nothing at all."""
    assert cli("demo").code == 0
    for args in (["claim", "list"], ["claim", "show", "1", "--json"], ["note", "list", "1"]):
        r = _run(db_url, *args, encoding="cp1252")
        err = r.stderr.decode("utf-8", "replace")
        assert "input is not valid UTF-8" not in err, (args, err)
        assert r.returncode == 0, (args, err)
    r = _run(db_url, "claim", "show", "1", "--json", encoding="cp1252")
    assert json.loads(r.stdout.decode("utf-8"))["quote"] == "2020年,当他第一次读到CLIP论文时"
