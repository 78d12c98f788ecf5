"""Tampering with the events table directly in SQL, as an attacker with the database would.

The triggers are dropped first (they refuse UPDATE and DELETE, but the owner of the file or
schema can drop them). Each tampering must then be caught by `verify_database`, at the right seq.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.chain_rows import rehash
from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.domain.chain import GENESIS
from workbench.services.chain_head import chain_head
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.verify import verify_database

TEXT = "甲说了一句话。乙说了另一句话。"
EVENTS = 7


@pytest.fixture
def trail(wb: Workbench, document_with_claims: Callable[..., Any]) -> Workbench:
    """Seven events: seq 4 is a status change, 5 a verdict by alice with its note."""
    claims = [("A said something", "甲说了一句话"), ("B said something", "乙说了另一句话")]
    a, b = document_with_claims(TEXT, claims).claims
    set_status(wb, a, "in_progress")
    set_status(
        Workbench(url=wb.url, actor="alice"), a, "unverifiable", note="the filing says otherwise"
    )
    add_note(wb, b, "look into it")
    add_note(wb, a, "done")
    return wb


def sql(wb: Workbench, *statements: str, **params: Any) -> None:
    with get_engine(wb.url).begin() as conn:
        drop_append_only_triggers(conn)
        for statement in statements:
            conn.execute(text(statement), params)


def row(wb: Workbench, seq: int) -> dict[str, Any]:
    with get_engine(wb.url).connect() as conn:
        found = conn.execute(text("SELECT * FROM events WHERE seq = :s"), {"s": seq}).mappings()
        return dict(found.one())


def broken_at(wb: Workbench, seq: int | None, fragment: str, **noted: Any) -> None:
    report = verify_database(wb, **noted)
    assert report.broken is not None, report
    assert report.broken.seq == seq, report.broken
    assert fragment in report.broken.message(), report.broken.message()


def test_intact_trail_verifies(trail: Workbench) -> None:
    report = verify_database(trail)
    head = chain_head(trail)
    assert report.ok and report.complete
    assert report.count == head.count == EVENTS
    assert report.head == head.hash == row(trail, EVENTS)["hash"]
    assert row(trail, 1)["prev_hash"] == GENESIS


def test_empty_trail_verifies(wb: Workbench) -> None:
    report = verify_database(wb, head=GENESIS, count=0)
    assert report.ok and report.count == 0 and report.head == GENESIS


@pytest.mark.parametrize(
    "statement",
    ["UPDATE events SET actor = 'mallory' WHERE seq = 2", "DELETE FROM events WHERE seq = 2"],
)
def test_database_refuses_update_and_delete(trail: Workbench, statement: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"), get_engine(trail.url).begin() as conn:
        conn.execute(text(statement))
    assert verify_database(trail).ok


def test_edited_payload(trail: Workbench) -> None:
    sql(
        trail,
        "UPDATE events SET payload = REPLACE(payload, 'in_progress', 'verified') WHERE seq = 4",
    )
    assert "verified" in row(trail, 4)["payload"]
    broken_at(trail, 4, "does not match its contents")


def rewrite_payload(wb: Workbench, seq: int, old: str, new: str) -> None:
    """Replace `old` by `new` in an event's payload and store its hash recomputed, as a forger
    who knows the recipe would."""
    ev = row(wb, seq)
    ev["payload"] = ev["payload"].replace(old, new)
    sql(
        wb,
        "UPDATE events SET payload = :p, hash = :h WHERE seq = :s",
        p=ev["payload"],
        h=rehash(ev),
        s=seq,
    )


def test_edited_payload_with_its_hash_recomputed(trail: Workbench) -> None:
    rewrite_payload(trail, 4, "in_progress", "verified")
    broken_at(trail, 5, "is not the hash of seq 4")


def test_payload_rewritten_in_a_non_canonical_form(trail: Workbench) -> None:
    rewrite_payload(trail, 4, ",", ", ")
    broken_at(trail, 4, "not canonical JSON")


@pytest.mark.parametrize(
    ("column", "value"),
    [("actor", "mallory"), ("at", "2020-01-01T00:00:00.000000Z"), ("entity_id", "2")],
)
def test_edited_field(trail: Workbench, column: str, value: str) -> None:
    sql(trail, f"UPDATE events SET {column} = :v WHERE seq = 5", v=value)  # noqa: S608
    broken_at(trail, 5, "altered after it was written")


def test_deleted_event_in_the_middle(trail: Workbench) -> None:
    sql(trail, "DELETE FROM events WHERE seq = 4")
    broken_at(trail, 5, "seq 4 is missing")


def test_deleted_first_event(trail: Workbench) -> None:
    sql(trail, "DELETE FROM events WHERE seq = 1")
    broken_at(trail, 2, "starts at seq 2")


def test_deleted_last_event_is_caught_against_a_noted_head(trail: Workbench) -> None:
    noted = chain_head(trail)
    sql(trail, "DELETE FROM events WHERE seq = :s", s=EVENTS)
    # What is left is a valid chain: only the head written down earlier shows the loss.
    assert verify_database(trail).ok
    broken_at(trail, EVENTS, "7 events were noted", head=noted.hash, count=noted.count)
    broken_at(trail, None, "is not the hash of any of the 6 events", head=noted.hash)
    broken_at(trail, EVENTS, "seq 7 is missing", count=noted.count)


def test_noted_head_still_holds_after_new_events(trail: Workbench) -> None:
    noted = chain_head(trail)
    add_note(trail, 1, "later")
    report = verify_database(trail, head=noted.hash, count=noted.count)
    assert report.ok and report.noted_head_seq == EVENTS and report.count == EVENTS + 1


def test_a_head_and_count_that_disagree_are_said_so_not_a_break(trail: Workbench) -> None:
    """A trial: `--head <hash of seq 7> --count 6` was told "BROKEN at seq 6: ... the trail was
    renumbered". An event's hash covers its seq, so the head found at seq 7 is the event noted,
    where it was written, and the trail holds: it is the count given that does not go with it."""
    noted = chain_head(trail)
    report = verify_database(trail, head=noted.hash, count=noted.count - 1)
    assert not report.ok and report.broken is None and report.count == EVENTS
    assert report.mismatch == f"the head given is the hash of event {EVENTS}, not 6: check --count"
    assert report.to_json()["mismatch"] == report.mismatch
    report = verify_database(trail, head=noted.hash, count=noted.count + 2)
    assert report.broken is None
    assert report.mismatch == (
        f"the head given is the hash of event {EVENTS}, not 9: check --count; the trail holds "
        f"{EVENTS} events"
    )
    report = verify_database(trail, head=GENESIS, count=3)
    assert report.broken is None and report.mismatch is not None
    assert report.mismatch.startswith("the head given is the hash of no event")
    # agreeing, they hold; a head nowhere in the trail is still a break
    assert verify_database(trail, head=noted.hash, count=noted.count).mismatch is None
    sql(trail, "DELETE FROM events WHERE seq = :s", s=EVENTS)
    broken_at(trail, EVENTS - 1, "is not the hash of seq 6", head=noted.hash, count=EVENTS - 1)


def test_deleted_last_events_replaced_by_others(trail: Workbench) -> None:
    """Cut the end and write new events in its place: a valid chain, not the noted one."""
    noted = chain_head(trail)
    sql(trail, "DELETE FROM events WHERE seq >= 6")
    add_note(trail, 1, "a")
    add_note(trail, 1, "b")
    assert verify_database(trail).count == EVENTS
    broken_at(trail, EVENTS, "is not the hash of seq 7", head=noted.hash, count=noted.count)


def _shift_up_from(wb: Workbench, seq: int) -> None:
    sql(
        wb,
        "UPDATE events SET seq = seq + 1000 WHERE seq >= :s",
        "UPDATE events SET seq = seq - 999 WHERE seq >= 1000",
        s=seq,
    )


def _forged(wb: Workbench, seq: int, prev_hash: str) -> dict[str, Any]:
    ev = {
        "seq": seq,
        "at": row(wb, seq - 1)["at"],
        "actor": "alice",
        "action": "note.added",
        "entity_type": "note",
        "entity_id": "99",
        "claim_id": 1,
        "payload": '{"after":{"body":"approved by the editor"}}',
        "prev_hash": prev_hash,
    }
    ev["hash"] = rehash(ev)
    return ev


INSERT = (
    "INSERT INTO events (seq, at, actor, action, entity_type, entity_id, claim_id, payload, "
    "prev_hash, hash) VALUES (:seq, :at, :actor, :action, :entity_type, :entity_id, :claim_id, "
    ":payload, :prev_hash, :hash)"
)


def test_inserted_event_unlinked(trail: Workbench) -> None:
    _shift_up_from(trail, 4)
    sql(trail, INSERT, **_forged(trail, 4, "f" * 64))
    broken_at(trail, 4, "is not the hash of seq 3")


def test_inserted_event_linked_in(trail: Workbench) -> None:
    """The forger links the new event to seq 3 and the next one to it: the next one's own
    hash (over its old seq and old prev_hash) gives it away."""
    _shift_up_from(trail, 4)
    forged = _forged(trail, 4, row(trail, 3)["hash"])
    sql(
        trail,
        "UPDATE events SET prev_hash = :h WHERE seq = 5",
        INSERT,
        **forged,
        h=forged["hash"],
    )
    broken_at(trail, 5, "does not match its contents")


def test_two_events_swapped(trail: Workbench) -> None:
    sql(
        trail,
        "UPDATE events SET seq = -1 WHERE seq = 4",
        "UPDATE events SET seq = 4 WHERE seq = 5",
        "UPDATE events SET seq = 5 WHERE seq = -1",
    )
    broken_at(trail, 4, "does not match its contents")


def test_forged_append_passes_the_chain_but_not_replay(trail: Workbench) -> None:
    """Anyone can extend a hash chain with a well-formed event (there is no secret key):
    the chain cannot tell, the tables can."""
    forged = _forged(trail, EVENTS + 1, row(trail, EVENTS)["hash"])
    sql(trail, INSERT, **forged)
    assert verify_database(trail).ok
    assert not replay(trail).consistent
