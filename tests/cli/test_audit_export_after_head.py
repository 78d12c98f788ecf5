"""`audit export --after HEAD`: an incremental export by position in the trail, not by clock
(trial99 items 3 and 4).

The bug: the only window `audit export` had was by the events' recorded time (`--since`,
`--until`), which the writing machine's clock sets. An editor signing the trail off week by
week (`audit export --since LAST_WEEK`) never saw the events a laptop wrote with its clock
fallen back to 2001, and `audit verify` said OK. Nor could a week's export be verified as the
continuation of the head noted last week: a filtered export's links are not checked.

Now `--after HASH` (the head `audit head` printed) and `--after-seq N` (its count) export the
events after that one, in seq order; given both, the trail must still hold that hash at that
seq. The scope line names the filter, and `audit verify --file F --head HASH` checks every link,
the first to the head noted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.services.audit import EventFilter

Run = Callable[..., Any]
HEX_BUT_UNKNOWN = "ab" * 32


@pytest.fixture
def signed_off(cli: Run) -> dict[str, Any]:
    """Five events, their head noted (`audit head`), then three more: one written on a laptop
    whose clock says 2001-01-01 (trial99's scenario)."""
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    assert cli("claim", "add", "1", "--text", "B said", "--quote", "乙说了另一句话").code == 0
    assert cli("--as", "alice", "claim", "status", "1", "in_progress").code == 0
    assert cli("--as", "王芳", "note", "add", "2", "checked the filing").code == 0
    head = json.loads(cli("audit", "head", "--json").out)
    assert (head["count"], head["seq"]) == (5, 5)
    assert cli("--as", "alice", "note", "add", "1", "this week's note").code == 0
    return {"head": head["head"], "count": head["count"]}


@pytest.fixture
def behind_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Events written from now on carry a clock fallen back to 2001-01-01."""
    import workbench.services.context as context

    ticks = (dt.datetime(2001, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=i) for i in range(1000))
    monkeypatch.setattr(context, "now", lambda: next(ticks))
    yield


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _week(cli: Run, signed_off: dict[str, Any], behind_clock: None) -> None:
    assert cli("--as", "王芳", "note", "add", "2", "written on the 2001 laptop").code == 0


def test_after_the_noted_head_exports_what_a_clock_window_misses(
    cli: Run, signed_off: dict[str, Any], behind_clock: None, tmp_path: Path
) -> None:
    _week(cli, signed_off, behind_clock)
    head = signed_off["head"]
    out = tmp_path / "week.jsonl"
    r = cli("audit", "export", "--after", head, "-o", str(out))
    assert r.code == 0, r.err
    scope, *events = _lines(out)
    assert [e["seq"] for e in events] == [6, 7]
    assert events[1]["at"].startswith("2001-01-01")  # the laptop's event is there
    assert events[0]["prev_hash"] == head
    s = scope["export"]
    assert s["filters"] == {"after_seq": 5, "after_head": head}
    assert (s["count"], s["first_seq"], s["last_seq"]) == (2, 6, 7)
    # The same sign-off by clock misses the 2001 event: the bug this window is for.
    by_clock = tmp_path / "by_clock.jsonl"
    since = events[0]["at"][:10]
    assert cli("audit", "export", "--since", since, "-o", str(by_clock)).code == 0
    assert 7 not in [e["seq"] for e in _lines(by_clock)[1:]]


def test_the_count_noted_alone_or_with_the_head_gives_the_same_export(
    cli: Run, signed_off: dict[str, Any]
) -> None:
    head, count = signed_off["head"], str(signed_off["count"])
    by_head = cli("audit", "export", "--after", head)
    by_seq = cli("audit", "export", "--after-seq", count)
    both = cli("audit", "export", "--after", head.upper(), "--after-seq", count)
    assert by_head.code == by_seq.code == both.code == 0
    assert by_head.out == by_seq.out == both.out
    assert [json.loads(x)["seq"] for x in by_head.out.splitlines()[1:]] == [6]


def test_verify_checks_the_export_as_a_continuation_of_the_noted_head(
    cli: Run, signed_off: dict[str, Any], behind_clock: None, tmp_path: Path
) -> None:
    _week(cli, signed_off, behind_clock)
    head = signed_off["head"]
    out = tmp_path / "week.jsonl"
    assert cli("audit", "export", "--after", head, "-o", str(out)).code == 0
    trail_head = json.loads(cli("audit", "head", "--json").out)["head"]
    r = cli("audit", "verify", "--file", str(out), "--head", head, "--count", "5")
    assert r.code == 0, (r.out, r.err)
    assert r.out.startswith("OK 2 events")
    assert "link not checked" not in r.out + r.err
    assert "links not checked" not in r.out + r.err
    assert trail_head in r.out
    assert "continues the head noted earlier at seq 5" in r.err
    report = json.loads(cli("audit", "verify", "--file", str(out), "--head", head, "--json").out)
    assert report["ok"] and report["unchecked_links"] == 0
    assert report["continues_seq"] == 5 and report["noted_head_seq"] == 5
    # Without --head the file still checks every link, the first to the head it names.
    r = cli("audit", "verify", "--file", str(out))
    assert r.code == 0 and r.out.startswith("OK 2 events"), (r.out, r.err)
    assert "not checked" not in r.out
    assert "give the head noted then (--head)" in r.err


def test_a_head_other_than_the_one_continued_is_refused(
    cli: Run, signed_off: dict[str, Any], tmp_path: Path
) -> None:
    full = _lines_of(cli("audit", "export").out)
    out = tmp_path / "week.jsonl"
    assert cli("audit", "export", "--after", signed_off["head"], "-o", str(out)).code == 0
    older = full[3]["hash"]  # seq 3's, which the file cannot reach
    r = cli("audit", "verify", "--file", str(out), "--head", older)
    assert r.code == 1 and not r.out.startswith("OK"), (r.out, r.err)
    r = cli("audit", "verify", "--file", str(out), "--head", signed_off["head"], "--count", "4")
    assert r.code == 1 and "MISMATCH" in r.out, (r.out, r.err)


def _lines_of(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_forged_continuation_breaks(cli: Run, signed_off: dict[str, Any], tmp_path: Path) -> None:
    """The scope line's head swapped for another: the first link no longer holds; the first
    event dropped (and the scope line made to agree): a seq is missing."""
    assert cli("note", "add", "1", "another").code == 0
    text = cli("audit", "export", "--after", signed_off["head"]).out
    scope, *events = _lines_of(text)
    path = tmp_path / "forged.jsonl"
    swapped = json.loads(json.dumps(scope))
    swapped["export"]["filters"]["after_head"] = HEX_BUT_UNKNOWN
    path.write_text("\n".join(json.dumps(x) for x in (swapped, *events)) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1 and r.out.startswith("BROKEN at seq 6"), (r.out, r.err)
    cut = json.loads(json.dumps(scope))
    cut["export"].update(count=1, first_seq=7)
    path.write_text("\n".join(json.dumps(x) for x in (cut, events[1])) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1 and r.out.startswith("BROKEN at seq 7"), (r.out, r.err)
    # An event at or before the head continued is not one the scope line's filter selects.
    full = _lines_of(cli("audit", "export").out)
    early = json.loads(json.dumps(scope))
    early["export"].update(count=3, first_seq=5)
    path.write_text("\n".join(json.dumps(x) for x in (early, full[5], *events)) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1 and r.out.startswith("BROKEN"), (r.out, r.err)


def test_combined_with_other_filters_all_must_hold(
    cli: Run, signed_off: dict[str, Any], tmp_path: Path
) -> None:
    assert cli("--as", "bob", "note", "add", "1", "bob's").code == 0
    assert cli("--as", "alice", "note", "add", "2", "alice again").code == 0
    out = tmp_path / "alice.jsonl"
    args = ("--after", signed_off["head"], "--actor", "alice")
    assert cli("audit", "export", *args, "-o", str(out)).code == 0
    scope, *events = _lines(out)
    assert [e["seq"] for e in events] == [6, 8]
    assert {e["actor"] for e in events} == {"alice"}
    assert scope["export"]["filters"]["actors"] == ["alice"]
    r = cli("audit", "verify", "--file", str(out))
    assert r.code == 0 and r.out.startswith("OK 2 events"), (r.out, r.err)


def test_csv_and_markdown_take_it(cli: Run, signed_off: dict[str, Any]) -> None:
    r = cli("audit", "export", "--format", "csv", "--after", signed_off["head"])
    assert r.code == 0, r.err
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [row["seq"] for row in rows] == ["6"]
    r = cli("audit", "export", "--format", "md", "--after-seq", "5")
    assert r.code == 0, r.err
    assert "after seq 5" in r.out
    assert "seq 6" in r.out and "checked the filing" not in r.out


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("--after", HEX_BUT_UNKNOWN), 1, "no event in the trail has the hash"),
        (("--after-seq", "4", "--after", "HEAD"), 1, "is the hash of event 5, not 4"),
        (("--after-seq", "7"), 1, "the trail ends at seq 6"),
        (("--after-seq", "-1"), 2, "seq must be 0 or more"),
        (("--after-seq", "99999999999999999999999"), 2, "out of range"),
        (("--after", "zz" * 32), 2, "not a SHA-256 hash"),
        (("--after", "abc"), 2, "not a SHA-256 hash"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    cli: Run, signed_off: dict[str, Any], args: tuple[str, ...], code: int, says: str
) -> None:
    args = tuple(signed_off["head"] if a == "HEAD" else a for a in args)
    r = cli("audit", "export", *args)
    assert r.code == code, (r.code, r.out, r.err)
    assert r.out == ""
    assert r.err.count("\n") == 1 and says in r.err, r.err
    r = cli("audit", "export", "--format", "csv", *args)
    assert r.code == code and r.out == "", (r.code, r.out, r.err)


def test_the_library_filter_reads_back_from_the_scope_line() -> None:
    from workbench.services.audit import filter_of, filters_of

    flt = EventFilter(after_seq=5, after_head="0" * 64, actors=("alice",))
    assert filter_of(filters_of(flt)) == flt
    assert isinstance(filter_of({"after_seq": -1, "after_head": "0" * 64}), str)
    assert isinstance(filter_of({"after_seq": 5, "after_head": "xyz"}), str)
    assert isinstance(filter_of({"after_seq": 5}), str)  # the head goes with it
    refuses = flt.refusal()
    assert refuses({"seq": 5, "actor": "alice"}) is not None
    assert refuses({"seq": 6, "actor": "alice"}) is None


def test_after_the_genesis_head_is_the_whole_trail(cli: Run, signed_off: dict[str, Any]) -> None:
    """The head of an empty trail (64 zeros, seq 0): the export is the full one, verified to
    the head and held to the workflow's rules, not "an export after seq 0"."""
    r = cli("audit", "export", "--after", "0" * 64)
    assert r.code == 0, r.err
    assert r.out == cli("audit", "export").out
    assert cli("audit", "export", "--after-seq", "0").out == r.out


def test_a_filtered_export_after_a_head_is_linked_to_it_only_where_it_can_be(
    cli: Run, signed_off: dict[str, Any], tmp_path: Path
) -> None:
    """--after with --actor: the first event's link to the head is checked where it is the
    next seq; the noted head is never said to be continued "intact" by such a file, which need
    not hold every event since (review106 item 4: it was, when its first event was the next
    seq), and the MISMATCH says why in each case."""
    head = signed_off["head"]
    assert cli("--as", "bob", "note", "add", "1", "bob's").code == 0
    linked, unlinked = tmp_path / "alice.jsonl", tmp_path / "bob.jsonl"
    assert cli("audit", "export", "--after", head, "--actor", "alice", "-o", str(linked)).code == 0
    assert cli("audit", "export", "--after", head, "--actor", "bob", "-o", str(unlinked)).code == 0
    r = cli("audit", "verify", "--file", str(linked))
    assert r.code == 0 and r.out.startswith("OK 1 event"), (r.out, r.err)
    r = cli("audit", "verify", "--file", str(linked), "--head", head)
    assert r.code == 1 and r.out.startswith(
        "MISMATCH (the chain itself holds): 1 event after seq 5"
    )
    assert "the export has other filters too (actors)" in r.err, r.err
    assert "continues the head" not in r.err and "intact" not in r.err
    # bob's one event is seq 7: nothing in the file links to seq 5's head.
    r = cli("audit", "verify", "--file", str(unlinked), "--head", head)
    assert r.code == 1 and r.out.startswith("MISMATCH"), (r.out, r.err)
    assert "its first event is seq 7: its link to the head cannot be checked" in r.err
    assert "continues the head" not in r.err


def test_the_library_takes_a_head_in_capitals(
    wb: Any, cli: Run, signed_off: dict[str, Any]
) -> None:
    from workbench.exports.events import export_text

    lower = export_text(wb, "jsonl", EventFilter(after_head=signed_off["head"]))
    upper = export_text(wb, "jsonl", EventFilter(after_head=signed_off["head"].upper()))
    assert upper == lower and json.loads(lower.splitlines()[1])["seq"] == 6
