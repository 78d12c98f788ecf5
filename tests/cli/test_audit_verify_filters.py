"""`audit verify --file` holds a filtered export's events to the filters its scope line states
(review83: a full export less one event, its scope line relabelled "filtered, actor x" with the
count, seqs and head of what was left, verified as "a filtered export (actors=x)" though no
event in it was by x)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.services.audit import EventFilter, filter_of

Run = Callable[..., Any]


@pytest.fixture
def trail(cli: Run) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    assert cli("claim", "add", "1", "--text", "B said", "--quote", "乙说了另一句话").code == 0
    assert cli("--as", "alice", "claim", "status", "1", "in_progress").code == 0
    assert cli("--as", "王芳", "note", "add", "2", "checked the filing").code == 0


def _relabelled(path: Path, keep: Callable[[dict[str, Any]], bool], **filters: Any) -> None:
    """The full export at `path`, rewritten as a forger would: only the events `keep` takes,
    the scope line made to agree with them (count, seqs, head) but naming `filters`."""
    scope, *events = (json.loads(line) for line in path.read_text().splitlines())
    kept = [e for e in events if keep(e)]
    s = scope["export"]
    s.update(
        scope="filtered",
        filters=filters,
        count=len(kept),
        first_seq=kept[0]["seq"],
        last_seq=kept[-1]["seq"],
        head=kept[-1]["hash"],
    )
    lines = [json.dumps(scope, ensure_ascii=False)]
    lines += [json.dumps(e, ensure_ascii=False) for e in kept]
    path.write_text("\n".join(lines) + "\n")


def test_a_true_filtered_export_verifies(cli: Run, trail: None, tmp_path: Path) -> None:
    for n, args in enumerate(
        (
            ("--actor", "alice"),
            ("--actor", "王芳"),
            ("--claim", "1"),
            ("--action", "claim.*"),
            ("--since", "2000-01-01", "--until", "2999-12-31"),
        )
    ):
        # A scope line of the filters given, and every event one they select.
        out = tmp_path / f"part{n}.jsonl"
        assert cli("audit", "export", *args, "-o", str(out)).code == 0
        r = cli("audit", "verify", "--file", str(out))
        assert r.code == 0 and r.out.startswith("OK "), (args, r.out)


@pytest.mark.parametrize(
    ("filters", "why"),
    [
        ({"actors": ["alice"]}, "its actor 'tester' is none of those the scope line names"),
        ({"claim": 1}, "it is not about claim #1"),
        ({"actions": ["note.*"]}, "its action 'document.added' is none of those"),
        ({"until": "2000-01-01"}, "after the scope line's until 2000-01-01"),
        ({"since": "2999-01-01"}, "before the scope line's since 2999-01-01"),
    ],
)
def test_events_the_stated_filters_would_not_select_break_it(
    cli: Run, trail: None, tmp_path: Path, filters: dict[str, Any], why: str
) -> None:
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    # The forger drops the last event (王芳's note) and calls the rest a filtered export.
    last = max(json.loads(line).get("seq", 0) for line in full.read_text().splitlines())
    _relabelled(full, lambda e: e["seq"] != last, **filters)
    r = cli("audit", "verify", "--file", str(full))
    assert r.code == 1 and r.out.startswith("BROKEN at seq 1:"), r.out
    assert why in r.out


def test_a_scope_line_with_filters_no_export_writes_is_refused(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    for filters in ({"actor": "alice"}, {"claim": "1"}, {"since": "yesterday"}, {"actors": [1]}):
        _relabelled(full, lambda e: True, **filters)
        r = cli("audit", "verify", "--file", str(full))
        assert r.code == 1 and "line 1: the scope line" in r.out, (filters, r.out)


def test_filters_read_back_are_the_filter_written() -> None:
    """The scope line's filters are `filters_of` the export's filter; read back, the same."""
    from workbench.services.audit import filters_of

    flt = EventFilter(
        claim_id=3, actors=("alice", "王芳"), actions=("claim.*",), since="2026-01-01"
    )
    assert filter_of(json.loads(json.dumps(filters_of(flt)))) == flt


def test_a_number_too_long_to_read_is_a_broken_line_not_a_traceback(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    """A scope line or an event line holding an integer of more than 4,300 digits made
    `json.loads` raise ValueError (Python's integer-to-text limit), which only its
    JSONDecodeError subclass was caught as: a traceback. Now it is a line that is not JSON,
    as any other: BROKEN, naming the line, exit 1."""
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    scope, *events = full.read_text().splitlines()
    huge = "9" * 5000
    for n, lines in enumerate(
        (
            [scope.replace('"filters":{}', f'"filters":{{"claim":{huge}}}'), *events],
            [scope, events[0].replace('"seq":1', f'"seq":{huge}'), *events[1:]],
        ),
        start=1,
    ):
        assert lines != [scope, *events]
        path = tmp_path / f"huge{n}.jsonl"
        path.write_text("\n".join(lines) + "\n")
        r = cli("audit", "verify", "--file", str(path))
        assert r.code == 1 and r.out.startswith("BROKEN"), (n, r.out, r.err)
        assert f"line {n}: " in r.out and "Traceback" not in r.err


def test_a_scope_line_of_many_filters_checks_each_event_in_constant_time() -> None:
    """Each event was held to the scope line's filters by a scan of its lists: `actor in
    names` over a list and `any(...)` over every action pattern, for every event, so a scope
    line naming thousands of actors or actions (up to a 256 MB line) made verifying
    quadratic: 5,000 patterns against 5,000 events took seconds, a year's trail against a
    large line hours. Now the names and exact actions are sets and prefixes are looked up by
    their lengths: an event's check does not grow with the line."""
    import time

    many = 20_000
    by_actors = filter_of({"actors": [f"aa{i}" for i in range(many)] + ["alice"]})
    by_actions = filter_of({"actions": [f"claim.x{i}" for i in range(many)] + ["note.*"]})
    assert isinstance(by_actors, EventFilter) and isinstance(by_actions, EventFilter)
    actors, actions = by_actors.refusal(), by_actions.refusal()
    events = [{"actor": "zz", "action": "claim.y", "at": "2026-01-01T00:00:00Z"}] * 5_000
    began = time.perf_counter()
    assert all(actors(e) is not None for e in events)
    assert all(actions(e) is not None for e in events)
    took = time.perf_counter() - began
    assert took < 0.5, f"{took:.2f} s for {len(events):,} events"
    # and the checks still say yes and no as before
    assert actors({"actor": "alice"}) is None
    assert actions({"action": "note.added"}) is None
    assert actions({"action": "claim.x7"}) is None
    assert actions({"action": "claim.x"}) is not None


def test_a_scope_line_naming_20000_actors_is_shown_clipped(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    """A filtered export whose scope line names 20,000 actors (alice among them): the OK line
    repeated every name, some 150,000 characters. Now it shows the first and how many more;
    --json's `filters` stays the scope line's, whole (a fact, and as long as the file's line)."""
    path = tmp_path / "alice.jsonl"
    assert cli("audit", "export", "--actor", "alice", "-o", str(path)).code == 0
    scope, *events = path.read_text().splitlines()
    record = json.loads(scope)
    names = ["alice", *(f"reader{i}" for i in range(19_999))]
    record["export"]["filters"]["actors"] = names
    path.write_text("\n".join([json.dumps(record), *events]) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 0 and r.out.startswith("OK "), r.out[:300]
    assert "a filtered export (actors=alice,reader0,reader1," in r.out, r.out[:500]
    assert "… and 19,9" in r.out and len(r.out) < 600, r.out[:500]
    j = json.loads(cli("audit", "verify", "--file", str(path), "--json").out)
    assert j["filters"]["actors"] == names


def test_an_event_with_a_long_actor_is_shown_clipped(cli: Run, trail: None, tmp_path: Path) -> None:
    """An event whose actor is a million characters, in an export said to be alice's: the
    break repeated the actor whole."""
    path = tmp_path / "alice.jsonl"
    assert cli("audit", "export", "--actor", "alice", "-o", str(path)).code == 0
    scope, event, *rest = path.read_text().splitlines()
    record = json.loads(event)
    record["actor"] = "x" * 1_000_000
    path.write_text("\n".join([scope, json.dumps(record), *rest]) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1 and "its actor 'xxxx" in r.out, r.out[:300]
    assert "… and 999,8" in r.out and len(r.out) < 1000, r.out[:500]


def test_an_event_time_with_a_newline_is_shown_on_the_break_line(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    """An event of a filtered export (since 2020) whose time was forged to hold a newline and
    an ESC sequence: was written as is, so the forger's 'OK 5 events' stood on a line of its
    own under BROKEN and the ESC reached the terminal. Now it is written as \\uXXXX."""
    path = tmp_path / "since.jsonl"
    assert cli("audit", "export", "--since", "2020-01-01", "-o", str(path)).code == 0
    scope, event, *rest = path.read_text().splitlines()
    record = json.loads(event)
    record["at"] = "1999\nOK 5 events\x1b[1A\x1b[2K"
    path.write_text("\n".join([scope, json.dumps(record), *rest]) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1, r.out
    assert "recorded at 1999\\u000aOK 5 events\\u001b[1A\\u001b[2K, before" in r.out, r.out
    assert not any(line.startswith("OK") for line in r.out.splitlines()), r.out
    assert "\x1b" not in r.out
