"""bench/desk.py's --revisions, --flagged and --in-review: the work its fast path leaves out.

The year desk (`--claims 20000 --events 200000`) had no claim in review, no flagged verdict and
no document revision, so `claim list --approvable`, the sign-off queue, `doc update` and
re-anchoring were measured on nothing (perf220 built a copy with 1,000 proposals by hand).
These options add that work through the services, after the fast path; off by default, so that
a desk built without them is still the one every published figure measured."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_desk import load_bench_desk
from workbench.services.context import Workbench
from workbench.services.verify import verify_database

# Two documents of 200 claims, with enough workflow for verdicts and open claims alike.
TINY = ["--claims", "400", "--events", "4000"]


def _desk() -> ModuleType:
    return load_bench_desk("bench_desk_work_under_test")


def _build(tmp_path: Path, *options: str) -> tuple[Path, str]:
    path = tmp_path / "desk.db"
    _desk().main([*TINY, "--db", str(path), *options])
    return path, str(path)


def _one(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def _verified(path: Path) -> None:
    """The trail holds end to end (`workbench audit verify`), service events included."""
    report = verify_database(Workbench.open(str(path), "tester"))
    assert report.broken is None
    assert report.count == _one(path, "select count(*) from events")


def test_revisions_revise_documents_through_the_services(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--revisions 2` stores a second revision of both documents, whose claims are
    re-anchored (claim.reanchored events), and the trail still verifies."""
    path, _ = _build(tmp_path, "--revisions", "2")
    assert _one(path, "select count(*) from document_revisions") == 2
    assert _one(path, "select count(distinct document_id) from document_revisions") == 2
    assert _one(path, "select count(*) from events where action = 'document.revised'") == 2
    assert _one(path, "select count(*) from events where action = 'claim.reanchored'") > 0
    # No quote was touched: nothing is flagged or told its quote changed.
    assert (
        _one(path, "select count(*) from claims where anchor_state not in ('exact', 'moved')") == 0
    )
    assert _one(path, "select count(*) from claims where verdict_revision is not null") == 0
    assert "2 documents revised" in capsys.readouterr().out
    _verified(path)


def test_flagged_verdicts_are_flagged_by_a_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--flagged 5` revises the sentences of five verdicts: exactly those five are flagged
    (verdict_revision set, one claim.flagged_for_review event each)."""
    path, _ = _build(tmp_path, "--flagged", "5")
    assert _one(path, "select count(*) from claims where verdict_revision is not null") == 5
    assert _one(path, "select count(*) from events where action = 'claim.flagged_for_review'") == 5
    assert _one(path, "select count(*) from document_revisions") >= 1
    assert "5 verdicts flagged" in capsys.readouterr().out
    _verified(path)


def test_in_review_claims_await_a_second_reviewer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--in-review 7` turns review.required on and leaves seven claims proposed, awaiting
    approval: status in_review, a proposer and a proposed verdict, one review event each."""
    path, _ = _build(tmp_path, "--in-review", "7")
    assert _one(path, "select count(*) from claims where status = 'in_review'") == 7
    proposed = "select count(*) from claims where proposed_by is not null and proposed_status = ?"
    with sqlite3.connect(path) as conn:
        assert conn.execute(proposed, ("unverifiable",)).fetchone()[0] == 7
    assert _one(path, "select count(*) from settings where key = 'review.required'") == 1
    assert _one(path, "select count(*) from events where action = 'claim.review_requested'") == 7
    assert "7 claims in review" in capsys.readouterr().out
    _verified(path)


def test_the_options_together(tmp_path: Path) -> None:
    """All three at once: each count as asked, the proposals made after the revisions (none of
    them flagged by one)."""
    path, _ = _build(tmp_path, "--revisions", "1", "--flagged", "3", "--in-review", "4")
    assert _one(path, "select count(*) from claims where verdict_revision is not null") == 3
    assert _one(path, "select count(*) from claims where status = 'in_review'") == 4
    assert _one(path, "select count(*) from events where action = 'document.revised'") >= 2
    _verified(path)


def test_off_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without the options the desk is the fast path's alone: no revision, no setting, no
    claim in review or flagged, exactly the events asked for, and the one line it printed."""
    path, _ = _build(tmp_path)
    assert _one(path, "select count(*) from document_revisions") == 0
    assert _one(path, "select count(*) from settings") == 0
    assert _one(path, "select count(*) from claims where status = 'in_review'") == 0
    assert _one(path, "select count(*) from claims where verdict_revision is not null") == 0
    assert _one(path, "select count(*) from events") == 4000
    assert "through the services" not in capsys.readouterr().out


@pytest.mark.parametrize("option", ["--revisions", "--flagged", "--in-review"])
@pytest.mark.parametrize("value", ["-1", "many"])
def test_a_count_that_is_not_one_is_bad_usage(tmp_path: Path, option: str, value: str) -> None:
    """A negative or non-numeric count is refused as bad usage (exit 2) before any database is
    made."""
    with pytest.raises(SystemExit) as refused:
        _desk().main([*TINY, "--db", str(tmp_path / "d.db"), option, value])
    assert refused.value.code == 2
    assert not (tmp_path / "d.db").exists()
