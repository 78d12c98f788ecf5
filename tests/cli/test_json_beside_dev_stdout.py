"""`--json` beside an output named /dev/stdout. `report --json` refuses `-o -` and `export
bundle --json` refuses FILE `-` ("--json prints to stdout, where ... writes"), but since
`-o /dev/stdout` writes into standard output (cli.common.open_descriptor) the same stream is
taken by another name and both are written into it. Needs the real process (its fd 1)."""

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


def _run(db_url: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", "PYTHONPATH": CLONE}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args], capture_output=True, env=env, timeout=120
    )


def test_report_json_into_dev_stdout_does_not_append_json_to_the_page(
    db_url: str, cli: Run
) -> None:
    """`workbench report 1 -o /dev/stdout --json > page.html` exited 0 with the JSON summary
    ({"path": "/dev/stdout", ...}) written after the page's </html>, where `-o - --json` is
    refused as bad usage."""
    assert cli("demo").code == 0
    r = _run(db_url, "report", "1", "-o", "/dev/stdout", "--json")
    out = r.stdout.decode("utf-8", "replace")
    assert not ("</html>" in out and '"path"' in out), out[-300:]


def test_bundle_json_into_dev_stdout_does_not_append_json_to_the_zip(db_url: str, cli: Run) -> None:
    """`workbench export bundle /dev/stdout --json > b.zip` exited 0 with the JSON summary
    written after the ZIP's last byte, where `export bundle - --json` is refused as bad
    usage."""
    assert cli("demo").code == 0
    r = _run(db_url, "export", "bundle", "/dev/stdout", "--json")
    assert not (r.stdout.startswith(b"PK") and r.stdout.rstrip().endswith(b"}")), r.stdout[-200:]
