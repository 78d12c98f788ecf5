"""`audit verify` says where the clock went back (trial99, proposal 3).

The workbench stamps each event's `at` with the writing computer's clock and orders the trail
by seq. A laptop whose clock had fallen back to 2001-01-01, or one command run at 2099, left
events out of time order that `audit export --since` windows then hide, and `audit verify`
said only `OK`: nothing told an editor signing off week by week. Now verify, on the database
and on an exported file, counts the steps back beyond a tolerance (CLOCK_TOLERANCE: a few
minutes between two machines of a team are not reported) and names the first: a note on
stderr (the OK line on stdout stays as scripts parse it) and `clock_steps` in `--json`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]


def trail(cli: Run) -> list[dict[str, Any]]:
    lines = ok(cli("audit", "export", "--format", "jsonl")).out.splitlines()
    return [json.loads(line) for line in lines[1:]]


@pytest.fixture
def stepped_desk(cli: Run, set_clock: Callable[[str], None], tmp_path: Path) -> None:
    """A claim added on 2026-12-03; a note from a laptop at 2001-01-01; one on 2026-12-04;
    one from a clock at 2099-06-01; one on 2026-12-05, then one from a machine a minute
    behind it (within the tolerance)."""
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。\n", encoding="utf-8")
    set_clock("2026-12-03T11:00:00")
    ok(cli("doc", "add", str(text)))
    ok(cli("claim", "add", "1", "--text", "营收增长30%", "--quote", "营收增长30%"))
    for moment in (
        "2001-01-01T00:00:00",
        "2026-12-04T09:00:00",
        "2099-06-01T00:00:00",
        "2026-12-05T10:00:00",
        "2026-12-05T09:59:00",
    ):
        set_clock(moment)
        ok(cli("note", "add", "1", f"written at {moment}"))


def _expected(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps back of more than the tolerance, by the events themselves."""
    stepped = []
    for before, event in itertools.pairwise(events):
        if event["at"].startswith(("2001", "2026-12-05T10")) and event["at"] < before["at"]:
            stepped.append(
                {
                    "seq": event["seq"],
                    "at": event["at"],
                    "previous_seq": before["seq"],
                    "previous_at": before["at"],
                }
            )
    return stepped


def test_verify_says_where_the_clock_went_back(cli: Run, stepped_desk: None) -> None:
    events = trail(cli)
    expected = _expected(events)
    assert len(expected) == 2
    first = expected[0]
    r = ok(cli("audit", "verify"))
    assert r.out.startswith(f"OK {len(events)} events, head ")
    assert len(r.out.splitlines()) == 1
    assert (
        f"the clock went back 2 times: first at seq {first['seq']}, {first['at'][:19]}Z after "
        f"{first['previous_at'][:19]}Z (seq {first['previous_seq']})"
    ) in r.err
    report = json.loads(ok(cli("audit", "verify", "--json")).out)
    assert report["ok"] is True
    assert report["clock_steps"] == 2
    assert report["clock_steps_first"] == expected


def test_the_library_reports_the_steps_as_facts(wb: Any, cli: Run, stepped_desk: None) -> None:
    from workbench.services.verify import verify_database

    expected = _expected(trail(cli))
    report = verify_database(wb)
    assert report.ok
    assert report.clock_step_count == 2
    assert [s.to_json() for s in report.clock_steps] == expected


def test_verify_file_says_where_the_clock_went_back(
    cli: Run, stepped_desk: None, tmp_path: Path
) -> None:
    out = tmp_path / "trail.jsonl"
    ok(cli("audit", "export", "--format", "jsonl", "-o", str(out)))
    expected = _expected(trail(cli))
    r = ok(cli("audit", "verify", "--file", str(out)))
    assert r.out.startswith("OK ")
    assert f"the clock went back 2 times: first at seq {expected[0]['seq']}" in r.err
    report = json.loads(ok(cli("audit", "verify", "--file", str(out), "--json")).out)
    assert (report["clock_steps"], report["clock_steps_first"]) == (2, expected)


def test_a_trail_in_time_order_says_nothing_of_clocks(
    cli: Run, set_clock: Callable[[str], None], tmp_path: Path
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。\n", encoding="utf-8")
    set_clock("2026-12-03T11:00:00")
    ok(cli("doc", "add", str(text)))
    # half a minute behind the event before: two machines of a team a little apart
    set_clock("2026-12-03T10:59:30")
    ok(cli("claim", "add", "1", "--text", "营收增长30%", "--quote", "营收增长30%"))
    r = ok(cli("audit", "verify"))
    assert "clock" not in r.err
    report = json.loads(ok(cli("audit", "verify", "--json")).out)
    assert (report["clock_steps"], report["clock_steps_first"]) == (0, [])
