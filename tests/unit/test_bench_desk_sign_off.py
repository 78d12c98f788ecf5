"""bench/desk.py --sign-off: the trail's other kinds in the fast path.

The year desk held no registered person, no approval, no `document.checked`, no headline and
no quote with an ellipsis, so the checks `audit verify` and `audit replay` make of them (an
approval judged by the registrations in force, a check's revision and sha256, a recorded
headline) and the search's ellipsis folds were measured only on none. With --sign-off the
fast path writes them, as the services would, and the desk still verifies and replays clean."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.bench_desk import load_bench_desk
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.verify import verify_database

# Ten documents of 200 claims: review.required comes on after the first two.
SMALL = ["--claims", "2000", "--events", "20000"]


def _one(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_sign_off_desk_holds_each_kind_and_verifies_and_replays_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every kind --sign-off adds is there, the trail verifies end to end, replay finds no
    difference and no approval by one person, and the last proposals await a second
    reviewer (`claim list --approvable` has a queue)."""
    path = tmp_path / "desk.db"
    load_bench_desk("bench_desk_sign_off_under_test").main(
        [*SMALL, "--db", str(path), "--sign-off"]
    )
    assert _one(path, "select count(*) from users") == 50
    approved = _one(path, "select count(*) from events where action = 'claim.approved'")
    verdicts = _one(
        path,
        "select count(*) from claims where status in "
        "('verified', 'false', 'misleading', 'unverifiable', 'opinion')",
    )
    assert approved > verdicts / 2  # most verdicts were approved by a second person
    assert _one(path, "select count(*) from claims where status = 'in_review'") > 0
    assert _one(path, "select count(*) from events where action = 'document.checked'") > 0
    assert _one(path, "select count(*) from events where payload like '%\"headline\":%'") > 0
    assert _one(path, "select count(*) from claims where quote like '%…%'") > 0
    # Approved by someone other than the proposer, always.
    assert (
        _one(
            path,
            "select count(*) from events a join events p on p.claim_id = a.claim_id "
            "and p.action = 'claim.review_requested' where a.action = 'claim.approved' "
            "and a.actor = p.actor",
        )
        == 0
    )
    assert "verdicts approved" in capsys.readouterr().out
    wb = Workbench.open(str(path), "alice")
    report = verify_database(wb)
    assert report.broken is None
    assert report.count == _one(path, "select count(*) from events")
    replayed = replay(wb)
    assert replayed.consistent, replayed.differences[:3]
    assert replayed.one_person_approval_count == 0
