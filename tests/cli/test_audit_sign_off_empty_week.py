"""Signing the trail off after a week with nothing written (trial107, item 3).

The bug: docs/audit-chain.md ("Signing off week by week") has the editor verify each week's
export with `audit verify --file week.jsonl --head HEAD_NOTED --count COUNT_NOTED`, and says a
week with nothing written exports no events, which `verify --file` calls `NOTHING TO VERIFY`.
With `--count`, as the docs write it, an empty export after the noted head said instead
`BROKEN at seq 1: the trail ends at seq 0 but 49 events were noted: seqs 1..49 are missing
(removed from the end?)`: the count was held to the file's events as though the file were the
whole trail, not to the seq the export continues. An editor was told the trail had lost every
event. (`--head` alone said `NOTHING TO VERIFY`, as documented.)

Now an export after a head that holds no event is read as continuing that head's seq: the
noted head and count that are that head's say `NOTHING TO VERIFY` (exit 1, nothing proved,
nothing broken); a count that is not that head's seq is a mismatch of the two given, and a head
noted before it is said to be one the file cannot check, as for a week with events.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.verification import ChainWalk

Run = Callable[..., Any]


@pytest.fixture
def quiet_week(cli: Run, tmp_path: Path) -> dict[str, Any]:
    """A desk with three events, its head noted, two more, the new head noted, then nothing:
    this week's export after the noted head holds no event."""
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    assert cli("note", "add", "1", "--internal", "desk only").code == 0
    first = json.loads(cli("audit", "head", "--json").out)
    assert cli("note", "add", "1", "checked").code == 0
    last = json.loads(cli("audit", "head", "--json").out)
    week = tmp_path / "week.jsonl"
    r = cli("audit", "export", "--after", last["head"], "-o", str(week))
    assert r.code == 0 and "wrote 0 events" in r.err, (r.out, r.err)
    return {"first": first, "last": last, "week": str(week)}


def test_the_noted_head_and_count_as_the_docs_write_them_verify_nothing(
    cli: Run, quiet_week: dict[str, Any]
) -> None:
    last = quiet_week["last"]
    count = str(last["count"])
    for given in (("--head", last["head"], "--count", count), ("--head", last["head"])):
        r = cli("audit", "verify", "--file", quiet_week["week"], *given)
        assert r.code == 1, (given, r.out, r.err)
        assert r.out.startswith("NOTHING TO VERIFY"), (given, r.out, r.err)
        assert "BROKEN" not in r.out + r.err and "missing" not in r.out + r.err, given
    report = json.loads(
        cli(
            "audit", "verify", "--file", quiet_week["week"], "--head", last["head"],
            "--count", count, "--json",
        ).out
    )  # fmt: skip
    assert report["empty"] is True and report["break"] is None and report["mismatch"] is None


def test_a_count_not_the_continued_heads_is_a_mismatch_not_a_lost_trail(
    cli: Run, quiet_week: dict[str, Any]
) -> None:
    last = quiet_week["last"]
    wrong = str(last["count"] - 1)
    r = cli(
        "audit", "verify", "--file", quiet_week["week"], "--head", last["head"], "--count", wrong
    )
    assert r.code == 1
    assert "ends at seq 0" not in r.out + r.err and "missing" not in r.out + r.err
    assert f"the head given is the hash of event {last['count']}, not {wrong}" in r.err


def test_a_head_noted_before_the_one_continued_is_said_as_for_a_week_with_events(
    cli: Run, quiet_week: dict[str, Any]
) -> None:
    first = quiet_week["first"]
    r = cli(
        "audit", "verify", "--file", quiet_week["week"], "--head", first["head"],
        "--count", str(first["count"]),
    )  # fmt: skip
    assert r.code == 1
    assert "ends at seq 0" not in r.out
    assert "is neither the head the export continues" in r.out


def test_the_walk_of_no_event_after_a_head_holds_that_heads_seq() -> None:
    head = "ab" * 32
    walk = ChainWalk(contiguous=True, noted_head=head, noted_count=49, start=(49, head))
    report = walk.finish()
    assert report.broken is None and report.mismatch is None and report.count == 0
    # A count alone is held to the seq continued too: more than it is what the file lacks.
    assert ChainWalk(noted_count=49, start=(49, head)).finish().broken is None
    beyond = ChainWalk(noted_count=50, start=(49, head)).finish()
    assert beyond.broken is not None and "ends at seq 49" in beyond.broken.message()
