"""An --after export whose scope line gains a filter that changes nothing (review106, item 4).

The bug: `audit verify --file` checks an export after a head (`audit export --after`) with no
other filter as the trail from that head on, every link, running to the trail's head. A scope
line given one more key that selects nothing away — `"since": null`, `"actors": []` (which no
export writes: `filters_of` leaves out what was not given) or `"since": "1970-01-01"` — made
it a "filtered" export, checked link by link only where seqs are consecutive: an event dropped
from its middle (the scope line's count made to agree) verified "OK … 1 link not checked", and
with `--head` the head it continues, "continues the head noted earlier at seq 5: intact". An
editor signing off week by week was told "intact" over a file with an unchecked link.

Now a filter with no value is refused as one no export writes, and a noted head that is the
one the file continues is only confirmed by an export after it alone (every event since): a
file filtered otherwise is a MISMATCH saying so (exit 1), never "intact".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.fixture
def week(cli: Run, tmp_path: Path) -> dict[str, Any]:
    """Five events, their head noted, then three more, exported after the noted head."""
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    for words in ("one", "two", "three"):
        assert cli("note", "add", "1", words).code == 0
    head = json.loads(cli("audit", "head", "--json").out)
    assert head["seq"] == 5
    for words in ("four", "five", "six"):
        assert cli("--as", "alice", "note", "add", "1", words).code == 0
    path = tmp_path / "week.jsonl"
    assert cli("audit", "export", "--after", head["head"], "-o", str(path)).code == 0
    scope, *events = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    assert [e["seq"] for e in events] == [6, 7, 8]
    return {"head": head["head"], "scope": scope, "events": events}


def _write(tmp_path: Path, scope: dict[str, Any], events: list[dict[str, Any]]) -> str:
    path = tmp_path / "edited.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [scope, *events]))
    return str(path)


def _with(week: dict[str, Any], extra: dict[str, Any], keep: list[int]) -> tuple[Any, Any]:
    """The week's export with `extra` filters in its scope line and only the events at `keep`,
    the scope line's count, seqs and head made to agree."""
    scope = json.loads(json.dumps(week["scope"]))
    events = [week["events"][i] for i in keep]
    s = scope["export"]
    s["filters"].update(extra)
    s.update(
        scope="filtered",
        count=len(events),
        first_seq=events[0]["seq"],
        last_seq=events[-1]["seq"],
        head=events[-1]["hash"],
    )
    return scope, events


@pytest.mark.parametrize("extra", [{"since": None}, {"actors": []}, {"claim": None}])
def test_a_filter_with_no_value_is_refused(
    cli: Run, week: dict[str, Any], tmp_path: Path, extra: dict[str, Any]
) -> None:
    path = _write(tmp_path, *_with(week, extra, [0, 2]))
    for given in ((), ("--head", week["head"])):
        r = cli("audit", "verify", "--file", path, *given)
        assert r.code == 1, (extra, given, r.out, r.err)
        assert r.out.startswith("BROKEN: line 1:"), r.out
        assert "no value" in r.out and next(iter(extra)) in r.out, r.out
        assert "intact" not in r.err


@pytest.mark.parametrize("keep", [[0, 2], [0, 1]])
def test_the_head_continued_is_not_confirmed_by_a_filtered_file(
    cli: Run, week: dict[str, Any], tmp_path: Path, keep: list[int]
) -> None:
    """Seq 7 dropped from the middle, or seq 8 from the end, under a filter that is a real one
    but selects everything (`since` 1970)."""
    path = _write(tmp_path, *_with(week, {"since": "1970-01-01"}, keep))
    r = cli("audit", "verify", "--file", path, "--head", week["head"])
    assert r.code == 1, (r.out, r.err)
    assert r.out.startswith("MISMATCH"), r.out
    assert "intact" not in r.err
    assert "other filters" in r.err and "--after alone" in r.err, r.err
    report = json.loads(
        cli("audit", "verify", "--file", path, "--head", week["head"], "--json").out
    )
    assert report["ok"] is False and report["mismatch"]


def test_a_real_filter_beside_after_is_not_confirmed_either(
    cli: Run, week: dict[str, Any], tmp_path: Path
) -> None:
    """`--after HEAD --actor alice` holds alice's events since, not every event since: with the
    head it continues, not "intact" (it was, when its first event was the next seq)."""
    path = tmp_path / "alice.jsonl"
    args = ("--after", week["head"], "--actor", "alice")
    assert cli("audit", "export", *args, "-o", str(path)).code == 0
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 0 and r.out.startswith("OK 3 events"), (r.out, r.err)
    r = cli("audit", "verify", "--file", str(path), "--head", week["head"])
    assert r.code == 1 and r.out.startswith("MISMATCH"), (r.out, r.err)
    assert "intact" not in r.err


def test_the_export_after_the_head_alone_still_signs_off(
    cli: Run, week: dict[str, Any], tmp_path: Path
) -> None:
    path = _write(tmp_path, week["scope"], week["events"])
    r = cli("audit", "verify", "--file", path, "--head", week["head"], "--count", "5")
    assert r.code == 0 and r.out.startswith("OK 3 events after seq 5"), (r.out, r.err)
    assert "continues the head noted earlier at seq 5: intact" in r.err
