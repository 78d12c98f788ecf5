"""A desk begun with the first release (schema 0001_foundation), upgraded to this one: its trail
as that release wrote it must still replay, and the desk must still move by bundle."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.integration.test_chain_migration import (
    T0,
    T1,
    _old_trail,
    claims,
    documents,
    events,
    notes,
)
from workbench.db.engine import get_engine
from workbench.db.migrate import upgrade
from workbench.domain.chain import canonical_json
from workbench.domain.clock import format_at
from workbench.domain.kinds import KINDS
from workbench.domain.replay import Replay
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.chain_head import chain_head
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.replay_spill import SpillStore


def _as_the_first_release_wrote_it() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The trail of test_chain_migration, with the one difference the first release made: its
    `claim.status_changed` carried `status` and `version` in before/after, not `updated_at`
    (workbench/services/claims.py at 1b3d8b6; commit b071a6c added `updated_at` later). The
    claim's row, as that release left it, has the updated_at of the change, a millisecond or two
    before the reason's created_at and the event's `at` (a clock call of its own)."""
    return _old_trail(first_release=True)


def _first_release_desk(url: str) -> Workbench:
    engine = get_engine(url)
    upgrade(engine, "0001_foundation")
    trail, tables = _as_the_first_release_wrote_it()
    with engine.begin() as conn:
        conn.execute(documents.insert(), tables["documents"])
        conn.execute(claims.insert(), tables["claims"])
        conn.execute(notes.insert(), tables["notes"])
        conn.execute(events.insert(), trail)
        if conn.dialect.name == "postgresql":
            for table in ("documents", "claims", "notes"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
    upgrade(engine)
    return Workbench(url=url, actor="tester")


def test_a_status_change_without_updated_at_replays(empty_db_url: str) -> None:
    """`workbench audit replay` on a desk begun with the first release and upgraded reported
    every claim whose status it had changed as a difference ("claim #1 updated_at: events say
    <the claim's creation>, table says <the change's time>", exit 1): the first release's
    `claim.status_changed` events carry no `updated_at`, and replay kept the creation time.
    docs/events.md says every shape ever written stays readable."""
    wb = _first_release_desk(empty_db_url)
    outcome = replay(wb)
    assert outcome.consistent, [d.message for d in outcome.differences]


def test_a_desk_begun_with_the_first_release_moves_by_bundle(
    empty_db_url: str, tmp_path: Path
) -> None:
    """`workbench import bundle` refused the bundle of such a desk, written by this very release
    ("the bundle's events and tables do not replay consistently: claim #1 updated_at: ...;
    nothing was imported"): the desk could not be moved to PostgreSQL or restored."""
    wb = _first_release_desk(empty_db_url)
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "desk.zip"
    path.write_bytes(buf.getvalue())
    target = Workbench(url=f"sqlite:///{tmp_path / 'moved.db'}", actor="tester")
    import_bundle(target, str(path))
    assert chain_head(target).hash == chain_head(wb).hash


def _set_updated_at(wb: Workbench, moment: dt.datetime) -> None:
    with get_engine(wb.url).begin() as conn:
        conn.execute(claims.update().where(claims.c.id == 1).values(updated_at=moment))


@pytest.mark.parametrize(
    "moment",
    [
        T1 - dt.timedelta(minutes=30),  # after the claim's creation, well before its change
        T1 - dt.timedelta(minutes=2),
        T1 + dt.timedelta(seconds=1),  # after the event
        T0 - dt.timedelta(seconds=1),  # before the claim was created
    ],
    ids=["half-an-hour-early", "two-minutes-early", "after-the-event", "before-creation"],
)
def test_an_updated_at_changed_by_hand_is_still_reported(
    empty_db_url: str, moment: dt.datetime
) -> None:
    """The first release's status change does not record the row's updated_at, but bounds it:
    a value changed by SQL outside what the trail allows is still a difference."""
    wb = _first_release_desk(empty_db_url)
    _set_updated_at(wb, moment)
    found = [d.message for d in replay(wb).differences]
    assert len(found) == 1, found
    assert found[0].startswith("claim #1 updated_at: events say <not recorded: between ")
    assert found[0].endswith(f"table says {format_at(moment)!r}")


def test_a_later_status_change_replays(empty_db_url: str) -> None:
    """Every status change after the upgrade was reported too ("before says updated_at ...,
    the events so far say <the claim's creation>"): its `before` holds the row's updated_at,
    which now lies where the first release's change put it."""
    wb = _first_release_desk(empty_db_url)
    set_status(wb, 1, "in_progress", note="reopened")
    outcome = replay(wb)
    assert outcome.consistent, [d.message for d in outcome.differences]


def test_a_later_status_change_still_tells_a_time_changed_before_it(empty_db_url: str) -> None:
    """An updated_at changed by hand before such a status change is reported at that event,
    whose `before` carries the changed value (the table then agrees with the events' last)."""
    wb = _first_release_desk(empty_db_url)
    _set_updated_at(wb, T1 - dt.timedelta(minutes=30))
    set_status(wb, 1, "in_progress", note="reopened")
    found = [d.message for d in replay(wb).differences]
    assert len(found) == 1, found
    assert "(claim.status_changed): claim #1: before says updated_at" in found[0]


def test_the_span_survives_a_state_that_spills(empty_db_url: str, tmp_path: Path) -> None:
    """The rebuilt value that stands for an unrecorded moment is written to and read back from
    the replay's spill file like any other."""
    wb = _first_release_desk(empty_db_url)
    with SpillStore(KINDS, tmp_path, cache=1, run=1) as store:
        outcome = replay(wb, store=store)
    assert outcome.consistent, [d.message for d in outcome.differences]


def _replayed(
    trail: list[dict[str, Any]], table_updated_at: str, status: str, version: int
) -> list[str]:
    """The trail replayed by the domain alone against the fixture's claim row, with the given
    updated_at, status and version."""
    state = Replay()
    for ev in trail:
        state.apply(
            ev["seq"],
            ev["action"],
            ev["entity_type"],
            ev["entity_id"],
            ev["claim_id"],
            ev["payload"],
            ev["actor"],
            ev["at"],
        )
    claim = json.loads(trail[1]["payload"])["after"]
    row = {**KINDS["claim"].defaults, **claim, "status": status, "version": version}
    row["updated_at"] = table_updated_at
    state.compare("claim", [("1", tuple(row[name] for name in KINDS["claim"].fields))])
    return [d.message for d in state.differences if d.subject == "claim #1"]


def _legacy_change(seq: int, at: str, before: str, after: str, version: int) -> dict[str, Any]:
    payload = {
        "before": {"status": before, "version": version},
        "after": {"status": after, "version": version + 1},
        "note": None,
    }
    return {
        "seq": seq,
        "at": at,
        "actor": "olga",
        "action": "claim.status_changed",
        "entity_type": "claim",
        "entity_id": "1",
        "claim_id": 1,
        "payload": canonical_json(payload),
    }


def test_two_first_release_changes_in_a_row() -> None:
    """The second change read the claim after the first had committed: the row's updated_at
    lies after the first event's time, and one between the two events' times is no difference."""
    trail, _ = _old_trail(first_release=True)
    trail = trail[:2]  # the document and the claim, then two changes of that release
    first, second = T0 + dt.timedelta(minutes=10), T0 + dt.timedelta(minutes=10, seconds=20)
    trail.append(_legacy_change(3, format_at(first), "unverified", "in_progress", 1))
    trail.append(_legacy_change(4, format_at(second), "in_progress", "false", 2))
    row = format_at(second - dt.timedelta(microseconds=900))
    assert _replayed(trail, row, "false", 3) == []
    earlier = format_at(first - dt.timedelta(microseconds=1))
    assert _replayed(trail, earlier, "false", 3) == [
        f"claim #1 updated_at: events say <not recorded: between {format_at(first)} and "
        f"{format_at(second)}>, table says {earlier!r}"
    ]


def test_the_shape_is_read_so_only_before_the_workflow() -> None:
    """A status change without updated_at written once the workflow had begun (here, a claim
    added with its `priority`) is no first-release event: the rebuilt value stays as it was,
    and the table's differs."""
    trail, _ = _old_trail(first_release=True)
    trail = trail[:2]
    added = json.loads(trail[1]["payload"])
    added["after"]["priority"] = "normal"
    trail[1]["payload"] = canonical_json(added)
    at = format_at(T1)
    trail.append(_legacy_change(3, at, "unverified", "in_progress", 1))
    assert _replayed(trail, at, "in_progress", 2) == [
        f"claim #1 updated_at: events say {format_at(T0)!r}, table says {at!r}"
    ]
