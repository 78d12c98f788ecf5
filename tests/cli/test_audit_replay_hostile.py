"""`workbench audit replay` through the CLI on events written by hand: one line per forged
event, exit 1, never a traceback (the rules: tests/services/test_replay_hostile_events.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine

Run = Callable[..., Any]


@pytest.fixture
def desk(cli: Run) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0


def append(db_url: str, payload: str) -> int:
    with get_engine(db_url).begin() as conn:
        drop_append_only_triggers(conn)
        seq = int(conn.execute(text("SELECT max(seq) FROM events")).scalar_one()) + 1
        conn.execute(
            text(
                "INSERT INTO events (seq, at, actor, action, entity_type, entity_id, claim_id, "
                "payload, prev_hash, hash) VALUES (:seq, '2026-12-05T16:00:00.000000Z', 'root', "
                "'claim.tagged', 'claim', '1', 1, :payload, :prev, :hash)"
            ),
            {"seq": seq, "payload": payload, "prev": f"p{seq}", "hash": f"h{seq}"},
        )
    return seq


def test_a_payload_nested_1000_levels_is_one_line(cli: Run, desk: None, db_url: str) -> None:
    """Nested 1,000 levels, the payload ended `audit replay` in a RecursionError traceback."""
    seq = append(db_url, '{"after":{"tags":' + "[" * 1000 + "]" * 1000 + '},"before":{"tags":[]}}')
    r = cli("audit", "replay")
    assert r.code == 1, r
    lines = [line for line in r.out.splitlines() if not line.startswith("search index:")]
    assert lines == [
        f"seq {seq}: its payload is nested more than 64 levels deep, as none the workbench "
        "writes is: the workflow's rules cannot be applied to the event"
    ]
    assert "Traceback" not in r.err
    found = json.loads(cli("audit", "replay", "--json").out)["differences"]
    assert [d["seq"] for d in found if d["subject"] != "search index"] == [seq]


def test_an_action_with_a_newline_and_an_escape_is_shown_on_its_one_line(
    cli: Run, desk: None, db_url: str
) -> None:
    """Was: the difference named the forged action as is: its newline wrote a line of its own
    into the report (here a fake 'consistent: ...'), and its ESC sequence went to the terminal.
    Now the action's control characters are written as \\uXXXX, on the difference's line."""
    with get_engine(db_url).begin() as conn:
        drop_append_only_triggers(conn)
        seq = int(conn.execute(text("SELECT max(seq) FROM events")).scalar_one()) + 1
        conn.execute(
            text(
                "INSERT INTO events (seq, at, actor, action, entity_type, entity_id, claim_id, "
                "payload, prev_hash, hash) VALUES (:seq, '2026-12-05T16:00:00.000000Z', 'root', "
                ":action, 'claim', '1', 1, '{}', :prev, :hash)"
            ),
            {
                "seq": seq,
                "action": "claim.x\nconsistent: 3 events\x1b[1A\x1b[2K",
                "prev": f"p{seq}",
                "hash": f"h{seq}",
            },
        )
    r = cli("audit", "replay")
    assert r.code == 1, r
    lines = [line for line in r.out.splitlines() if not line.startswith("search index:")]
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        f"seq {seq} (claim.x\\u000aconsistent: 3 events\\u001b[1A\\u001b[2K): "
    ), lines
    assert "\x1b" not in r.out
