"""Parallel writers in separate processes extend one chain: no fork, no gap, nothing lost."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.verify import verify_database

WORKERS = 4
NOTES_EACH = 50

# Each worker connects first, says it is ready, and waits for the go, so that all of them
# start writing at the same moment.
WORKER = """
import sys, time
from pathlib import Path
from workbench.services.context import Workbench
from workbench.services.notes import add_note

url, claim_id, n, who, folder = sys.argv[1:6]
folder = Path(folder)
wb = Workbench(url=url, actor=who)
wb.engine()
(folder / f"ready-{who}").touch()
while not (folder / "go").exists():
    time.sleep(0.002)
for i in range(int(n)):
    add_note(wb, int(claim_id), f"{who} note {i}")
    # A pause between notes lets the other writers in: on a loaded machine, four processes on
    # two cores otherwise ran in turn, in blocks, and the test proved nothing about contention.
    time.sleep(0.005)
"""


def test_parallel_appends_keep_one_chain(
    wb: Workbench, db_url: str, tmp_path: Path, document_with_claims: Callable[..., Any]
) -> None:
    (claim,) = document_with_claims("甲说了一句话。", [("A said", "甲说了一句话")]).claims
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, db_url, str(claim), str(NOTES_EACH), f"w{i}", tmp_path],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        for i in range(WORKERS)
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < WORKERS and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err

    expected = 2 + WORKERS * NOTES_EACH
    report = verify_database(wb)
    assert report.ok, report.broken
    assert report.count == expected
    with get_engine(db_url).connect() as conn:
        forks = conn.execute(
            text("SELECT prev_hash FROM events GROUP BY prev_hash HAVING COUNT(*) > 1")
        ).all()
        actors = [a for (a,) in conn.execute(text("SELECT actor FROM events ORDER BY seq"))]
    assert forks == []
    assert sorted(actors[2:]) == sorted(f"w{i}" for i in range(WORKERS) for _ in range(NOTES_EACH))
    switches = sum(1 for x, y in itertools.pairwise(actors[2:]) if x != y)
    # The writers really ran at once: their events interleave (in blocks they'd switch 3 times).
    assert switches >= WORKERS, actors
    assert replay(wb).consistent
