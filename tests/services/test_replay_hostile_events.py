"""`audit replay` on a database whose events table was written by hand (the append-only triggers
dropped, as its owner can): a payload nested as deep as the JSON parser reads or deeper, fields
of other types than the workbench writes, a payload that is not a JSON object. Each such event
is one difference naming its seq and what is wrong, and is not applied: no traceback, as
`audit verify --file` already holds a full export's events (fix86)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.db.models import Event
from workbench.domain.kinds import KINDS
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.replay_spill import SpillStore

TEXT = "甲说了一句话。乙说了另一句话。"
TAGGED = '{"after":{"tags":["x"]},"before":{"tags":[]}}'
sqlite_only = pytest.mark.skipif(
    bool(PG_URL), reason="PostgreSQL's typed columns refuse the value in the first place"
)


@pytest.fixture
def trail(wb: Workbench, document_with_claims: Callable[..., Any]) -> Workbench:
    document_with_claims(TEXT, [("A said", "甲说了一句话"), ("B said", "乙说了另一句话")])
    return wb


@pytest.fixture
def tight(tmp_path: Path) -> Iterator[SpillStore]:
    """A cache of one entity: a claim is written out (pickled) as soon as another is read."""
    with SpillStore(KINDS, tmp_path, cache=1, run=1) as store:
        yield store


def forge(wb: Workbench, **fields: Any) -> int:
    """An event appended by SQL with the given fields (a claim.tagged of claim 1 otherwise);
    returns its seq. The hashes are not recomputed: replay does not read them."""
    with get_engine(wb.url).begin() as conn:
        drop_append_only_triggers(conn)
        seq = int(conn.execute(text("SELECT max(seq) FROM events")).scalar_one()) + 1
        row = {
            "seq": seq,
            "at": "2026-12-05T16:00:00.000000Z",
            "actor": "root",
            "action": "claim.tagged",
            "entity_type": "claim",
            "entity_id": "1",
            "claim_id": 1,
            "payload": TAGGED,
            "prev_hash": f"forged-prev-{seq}",
            "hash": f"forged-{seq}",
        } | fields
        conn.execute(Event.__table__.insert(), row)
    return seq


def then_claim_two(wb: Workbench) -> None:
    """An event about the other claim, so that a tight cache writes claim 1 out."""
    forge(wb, entity_id="2", claim_id=2)


def event_messages(wb: Workbench, store: SpillStore | None = None) -> list[str]:
    report = replay(wb, store=store)
    return [d.message for d in report.differences if d.subject not in ("search index", "claim #2")]


def nested(depth: int) -> str:
    return '{"after":{"tags":' + "[" * depth + "]" * depth + '},"before":{"tags":[]}}'


@pytest.mark.parametrize("depth", [65, 500, 900, 990, 1000, 5000])
def test_a_payload_nested_deeply_is_one_difference(
    trail: Workbench, tight: SpillStore, depth: int
) -> None:
    """A payload nested `depth` levels: from some 990 levels the parser's RecursionError was a
    traceback out of `audit replay`; below that the claim took the nested tags, and writing it
    out of the bounded cache (pickling it), or printing the difference, could run out of stack
    too. Now, from 65 levels (no payload the workbench writes nests more than a few), it is
    one difference naming its seq, and the event is not applied."""
    limit = sys.getrecursionlimit()
    seq = forge(trail, payload=nested(depth))
    then_claim_two(trail)
    try:
        found = event_messages(trail, tight)
    finally:
        assert sys.getrecursionlimit() == limit
    assert len(found) == 1, found
    assert found[0].startswith(f"seq {seq}: its payload is nested more than 64 levels deep")


def test_a_payload_nested_64_levels_is_replayed(trail: Workbench) -> None:
    """The limit is a limit: 64 levels are replayed as any payload (the claim's tags then
    differ from the table, which has none of them)."""
    seq = forge(trail, payload=nested(62))  # the payload and `after` are two levels more
    found = event_messages(trail)
    assert not any(m.startswith(f"seq {seq}:") for m in found), found
    assert any(m.startswith("claim #1 tags: events say [[[") for m in found), found


@pytest.mark.parametrize("payload", ["[1,2]", '"hello"', "5", "null", "{", '{"a":1} tail'])
def test_a_payload_that_is_no_object_is_one_difference(trail: Workbench, payload: str) -> None:
    seq = forge(trail, payload=payload)
    assert event_messages(trail) == [f"seq {seq} (claim.tagged): the payload is not a JSON object"]


@sqlite_only
@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"payload": TAGGED.encode()}, "payload"),
        ({"entity_id": b"1"}, "entity_id"),
        ({"claim_id": "abc"}, "claim_id"),
        ({"claim_id": 1.5}, "claim_id"),
        ({"action": b"claim.tagged"}, "action"),
        ({"actor": b"root"}, "actor"),
        ({"at": b"2026-12-05T16:00:00.000000Z"}, "at"),
        ({"entity_id": b"1", "claim_id": "abc"}, "entity_id, claim_id"),
    ],
)
def test_a_field_of_another_type_is_one_difference(
    trail: Workbench, fields: dict[str, Any], named: str
) -> None:
    """SQLite keeps what it is given where a column's type cannot hold it (a BLOB in a text
    column, text in claim_id): a payload stored as bytes ended replay in a TypeError traceback,
    an entity_id as bytes keyed a claim "b'1'", and a claim_id of text on an event that names
    no claim passed unremarked. Now each is one difference naming the fields, as `audit verify
    --file` words it, and the event is not applied."""
    seq = forge(trail, **fields)
    found = event_messages(trail)
    assert len(found) == 1, found
    assert found[0].startswith(f"seq {seq}: {named} not as the workbench writes"), found


@sqlite_only
def test_a_claim_id_of_text_on_a_document_event_is_named(trail: Workbench) -> None:
    """An event about a document carries no claim_id the rules compare, so text there passed."""
    seq = forge(
        trail,
        action="document.edited",
        entity_type="document",
        claim_id="abc",
        payload='{"after":{"title":"U"},"before":{"title":"T"}}',
    )
    found = event_messages(trail)
    assert any(m.startswith(f"seq {seq}: claim_id not as the workbench writes") for m in found)


def test_a_forged_long_list_is_shown_clipped(trail: Workbench) -> None:
    """A claim.tagged giving 20,000 tags: the difference printed the list whole (some 180,000
    characters), and replay keeps up to 1,000 such messages. Now the message shows its start
    and how many more there are; --json's `events` gives the same clipped text, not the list."""
    tags = [f"t{i}" for i in range(20_000)]
    forge(trail, payload=json.dumps({"after": {"tags": tags}, "before": {"tags": []}}))
    (diff,) = [d for d in replay(trail).differences if d.subject == "claim #1"]
    assert diff.message.startswith("claim #1 tags: events say ['t0', 't1', 't2', "), diff.message
    assert diff.message.endswith(" more], table says []"), diff.message
    assert "… and 19,9" in diff.message and len(diff.message) < 400, diff.message
    shown = diff.to_json()["events"]
    assert isinstance(shown, str) and shown.startswith("['t0', 't1', ") and len(shown) < 5000


def test_a_short_list_is_given_whole_in_json(trail: Workbench) -> None:
    """What is short stays a fact a script can read: a few tags are the list itself."""
    forge(trail, payload=json.dumps({"after": {"tags": ["a", "b"]}, "before": {"tags": []}}))
    (diff,) = [d for d in replay(trail).differences if d.subject == "claim #1"]
    assert diff.to_json()["events"] == ["a", "b"]
    assert diff.message == "claim #1 tags: events say ['a', 'b'], table says []"


@pytest.mark.parametrize(
    ("fields", "start"),
    [
        (
            {
                "action": "note.added",
                "entity_type": "note",
                "entity_id": "9",
                "payload": json.dumps(
                    {
                        "after": {
                            "id": "9" * 1_000_000,
                            "author": "root",
                            "body": "b",
                            "claim_id": 1,
                            "created_at": "2026-12-05T16:00:00.000000Z",
                        }
                    }
                ),
            },
            "note #9: payload describes id '99999",
        ),
        (
            {
                "payload": json.dumps(
                    {"after": {"k" * 1_000_000: 1}, "before": {"k" * 1_000_000: 1}}
                )
            },
            "claim #1: changes 'kkkkk",
        ),
        (
            {
                "actor": "x" * 1_000_000,
                "action": "note.added",
                "entity_type": "note",
                "entity_id": "9",
                "payload": json.dumps(
                    {
                        "after": {
                            "id": 9,
                            "author": "root",
                            "body": "b",
                            "claim_id": 1,
                            "created_at": "2026-12-05T16:00:00.000000Z",
                        }
                    }
                ),
            },
            "note #9: the event's actor is 'xxxxx",
        ),
    ],
)
def test_a_forged_long_value_is_shown_clipped(
    trail: Workbench, fields: dict[str, Any], start: str
) -> None:
    """An id, a field's name or an actor of a million characters was repeated whole in its
    message; now the message shows the start and how many characters more there are."""
    if PG_URL and len(fields.get("actor", "")) > 200:
        pytest.skip("PostgreSQL's actor column holds 200 characters")
    seq = forge(trail, **fields)
    found = [m for m in event_messages(trail) if m.startswith(f"seq {seq} ")]
    assert all(len(m) < 600 for m in found), [m[:300] for m in found]
    assert any(start in m and "… and 999,8" in m for m in found), [m[:300] for m in found]
