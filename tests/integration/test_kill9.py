"""kill -9 at any moment leaves all or nothing: a registered user with its event or neither,
an export or backup file complete or absent (never a truncated one that looks like a result)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.verify import verify_database, verify_file

pytestmark = pytest.mark.slow

TRIALS = 8


def start(db_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_at_random(proc: subprocess.Popen[bytes], rng: random.Random, most: float) -> None:
    """SIGKILL at a random moment of the first `most` seconds. Waiting on the process rather
    than sleeping: one that finished before its moment came has nothing left to kill (the
    signal would reach no one), so its trial ends then instead of sleeping out the rest; the
    same seed gives the same moments, and every kill that lands, lands where it did."""
    try:
        proc.wait(timeout=rng.uniform(0, most))
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def test_user_add_is_all_or_nothing(wb: Workbench, db_url: str) -> None:
    rng = random.Random(9)
    names = []
    for n in range(TRIALS):
        name = f"reviewer{n}"
        names.append(name)
        kill_at_random(start(db_url, "--as", "tester", "user", "add", name), rng, 1.5)
        with get_engine(db_url).connect() as conn:
            row = conn.execute(text("SELECT count(*) FROM users WHERE name = :n"), {"n": name})
            event = conn.execute(
                text("SELECT count(*) FROM events WHERE action = 'user.added' AND entity_id = :n"),
                {"n": name},
            )
            assert row.scalar_one() == event.scalar_one()
            registered = conn.execute(text("SELECT count(*) FROM users")).scalar_one()
        if registered:
            break  # from now on only a registered user may add: the trial is over
    assert verify_database(wb).ok
    assert replay(wb).consistent


@pytest.fixture
def trail(wb: Workbench) -> Workbench:
    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    cid = add_claim(wb, doc, "founded", SpanRequest(quote="2021年底")).id
    for n in range(150):
        add_note(wb, cid, f"note {n} " + "见 2025 年报 " * 20)
    return wb


def test_export_file_is_complete_or_absent(trail: Workbench, db_url: str, tmp_path: Path) -> None:
    rng = random.Random(8)
    complete = absent = 0
    for n in range(TRIALS):
        target = tmp_path / f"trail{n}.jsonl"
        kill_at_random(start(db_url, "audit", "export", "-o", str(target)), rng, 5.0)
        if target.exists():
            assert verify_file(str(target)).ok, f"a killed export left a broken {target}"
            complete += 1
        else:
            absent += 1
    print(f"\nkill -9 export: {complete} complete, {absent} absent, 0 partial")


@pytest.mark.skipif(bool(PG_URL), reason="SQLite backup files")
def test_backup_file_is_complete_or_absent(trail: Workbench, db_url: str, tmp_path: Path) -> None:
    rng = random.Random(7)
    for n in range(TRIALS):
        target = tmp_path / f"copy{n}.db"
        kill_at_random(start(db_url, "backup", str(target)), rng, 5.0)
        if target.exists():
            copy = Workbench(url=f"sqlite:///{target}", actor="tester")
            assert verify_database(copy).ok and replay(copy).consistent
