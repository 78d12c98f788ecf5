"""Progress bars: on a terminal for long operations; never in a pipe or with --json."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli.progress import progress_bar, wanted
from workbench.services.context import Workbench
from workbench.services.progress import EVERY, counted
from workbench.services.verify import verify_database


def _claims(cli: Callable[..., object]) -> None:
    r = cli("demo", "--json")
    assert r.code == 0, r.err  # type: ignore[attr-defined]


def test_counted_reports_batches_and_the_end() -> None:
    heard: list[tuple[int, int | None]] = []
    items = list(counted(range(2 * EVERY + 3), lambda d, t: heard.append((d, t)), 99))
    assert items == list(range(2 * EVERY + 3))
    assert heard == [(EVERY, 99), (2 * EVERY, 99), (2 * EVERY + 3, 99)]
    assert list(counted([1, 2], None, None)) == [1, 2]


def test_verify_reports_every_event(wb: Workbench, cli: Callable[..., object]) -> None:
    _claims(cli)
    heard: list[tuple[int, int | None]] = []
    report = verify_database(wb, progress=lambda d, t: heard.append((d, t)))
    assert report.ok
    assert heard[-1] == (report.count, report.count)


def test_no_bar_in_a_pipe_or_with_json(cli: Callable[..., object]) -> None:
    _claims(cli)
    for args in (
        ("audit", "verify"),
        ("audit", "verify", "--json"),
        ("audit", "replay"),
        ("audit", "export"),
        ("audit", "export", "--output", "trail.jsonl"),
    ):
        r = cli(*args)
        err = r.err  # type: ignore[attr-defined]
        assert r.code == 0, (args, err)  # type: ignore[attr-defined]
        assert "\x1b" not in err, (args, err)
        assert not any(word in err for word in ("verifying", "replaying", "exporting"))


def test_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    monkeypatch.setattr(sys, "stderr", Tty(True))
    monkeypatch.setattr(sys, "stdout", Tty(True))
    assert wanted() and not wanted(as_json=True)
    monkeypatch.setattr(sys, "stdout", Tty(False))
    assert not wanted() and wanted(to_stdout=False)  # piped output; --output to a file
    monkeypatch.setattr(sys, "stderr", Tty(False))
    assert not wanted(to_stdout=False)


def test_disabled_bar_gives_no_callback() -> None:
    with progress_bar("x", enabled=False) as progress:
        assert progress is None


def test_bar_on_a_terminal(db_url: str, cli: Callable[..., object], tmp_path: Path) -> None:
    """A real terminal (a pty): the bar is drawn on it while the chain is checked."""
    _claims(cli)
    leader, follower = pty.openpty()
    env = {**os.environ, "WORKBENCH_DB": db_url, "TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "audit", "verify"],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=tmp_path,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=120) == 0
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "verifying the chain" in shown
    assert "OK " in shown
