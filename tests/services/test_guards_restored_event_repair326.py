"""`db upgrade` putting back the guard triggers on `events` (and, on PostgreSQL, the trigram
search indexes) says so in the audit trail: one `desk.guards_restored` event, written in the
transaction that restores them.

Was: the triggers that keep the hash-chained trail append-only were dropped (as the tables'
owner can), the trail edited in place or not, and then silently put back by `db upgrade`; the
trail an editor signs off held no trace of it, and `audit verify` said OK over it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text

from tests.conftest import PG_URL
from workbench.db.backend import drop_append_only_triggers, machine_identity, module_for
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.models import Event
from workbench.domain.replay import Replay
from workbench.services.context import Workbench
from workbench.services.database import schema_status, upgrade_schema
from workbench.services.replay import replay
from workbench.services.verify import verify_database

ACTION = "desk.guards_restored"
pg_only = pytest.mark.skipif(not PG_URL, reason="trigram indexes and roles are PostgreSQL's")


def _last(url: str) -> Any:
    with get_engine(url).connect() as conn:
        return conn.execute(
            select(
                Event.action,
                Event.entity_type,
                Event.entity_id,
                Event.claim_id,
                Event.actor,
                Event.machine,
                Event.payload,
            )
            .order_by(Event.seq.desc())
            .limit(1)
        ).one()


def _count(url: str, action: str = ACTION) -> int:
    with get_engine(url).connect() as conn:
        return len(conn.execute(select(Event.seq).where(Event.action == action)).all())


def _drop_guards(url: str) -> list[str]:
    """The append-only triggers dropped, by name (each backend has its own), sorted."""
    with get_engine(url).begin() as conn:
        drop_append_only_triggers(conn)
    return sorted(module_for(get_engine(url).dialect.name).APPEND_ONLY_TRIGGERS)


def test_restoring_the_append_only_triggers_writes_one_event(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    """The triggers dropped and put back: the trail says which, at what revision, by whom
    (the name given and the machine's identity, as every event); once only."""
    document_with_claims()
    dropped = _drop_guards(wb.url)
    restored, _ = upgrade_schema(Workbench(url=wb.url, actor="owner"))
    assert sorted(restored) == dropped
    action, etype, eid, claim_id, actor, machine, payload = _last(wb.url)
    assert (action, etype, eid, claim_id, actor) == (ACTION, "desk", "guards", None, "owner")
    with get_engine(wb.url).connect() as conn:
        assert machine == machine_identity(conn)
    body = json.loads(payload)
    assert sorted(body["triggers"]) == dropped
    assert body["revision"] == HEAD_REVISION
    # Nothing left to restore: no second event.
    assert upgrade_schema(Workbench(url=wb.url, actor="owner")) == ([], [])
    assert _count(wb.url) == 1
    # The trail holds it as one of its own: verified, replayed without a difference.
    assert verify_database(wb).ok
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]


def test_nothing_restored_writes_no_event(wb: Workbench) -> None:
    """A desk whose guards are in place: `db upgrade` changes nothing, and says nothing in the
    trail (an event per upgrade would bury the one that matters)."""
    assert upgrade_schema(Workbench(url=wb.url, actor="owner")) == ([], [])
    assert _count(wb.url) == 0


def test_the_event_is_written_with_the_restore_or_not_at_all(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction: an event that cannot be appended takes the restore back with it, so a
    desk's guards are never back without the trail saying so."""
    from workbench.services import context

    dropped = _drop_guards(wb.url)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("the append failed")

    monkeypatch.setattr(context.Tx, "record", refuse)
    with pytest.raises(RuntimeError, match="the append failed"):
        upgrade_schema(Workbench(url=wb.url, actor="owner"))
    assert sorted(schema_status(wb).missing_triggers) == dropped


@pg_only
def test_a_restored_trigram_index_is_named_in_the_event(wb: Workbench) -> None:
    """PostgreSQL: the trigram index put back is named beside the trigger."""
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("DROP TRIGGER events_identity ON events"))
        conn.execute(text("DROP INDEX ix_notes_body_trgm"))
    restored, indexes = upgrade_schema(Workbench(url=wb.url, actor="owner"))
    assert (restored, indexes) == (["events_identity"], ["ix_notes_body_trgm"])
    body = json.loads(_last(wb.url)[-1])
    assert body == {
        "indexes": ["ix_notes_body_trgm"],
        "revision": HEAD_REVISION,
        "triggers": ["events_identity"],
    }
    assert replay(wb).consistent


def _replayed(payload: dict[str, Any], etype: str = "desk", eid: str = "guards") -> list[str]:
    state = Replay()
    state.apply(1, ACTION, etype, eid, None, json.dumps(payload), "owner", None)
    return [d.message for d in state.differences]


RESTORED = {"triggers": ["events_no_update"], "indexes": [], "revision": HEAD_REVISION}


def test_replay_reads_a_restore_as_no_change() -> None:
    assert _replayed(RESTORED) == []
    pg = {
        "triggers": ["events_identity"],
        "indexes": ["ix_claims_text_trgm"],
        "revision": "0016_trigram_indexes",
    }
    assert _replayed(pg) == []


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        ({**RESTORED, "triggers": ["events_forged"]}, "events_forged"),
        ({**RESTORED, "indexes": ["ix_anything"]}, "ix_anything"),
        ({**RESTORED, "triggers": [], "indexes": []}, "restores nothing"),
        ({**RESTORED, "triggers": "events_no_update"}, "triggers"),
        ({**RESTORED, "revision": 16}, "revision"),
        ({"triggers": ["events_no_update"], "indexes": []}, "revision"),
        ({**RESTORED, "triggers": ["events_no_update", "events_no_update"]}, "twice"),
    ],
)
def test_replay_holds_a_restore_to_what_the_workbench_restores(
    payload: dict[str, Any], said: str
) -> None:
    """Only the triggers and indexes the workbench knows, each once, at least one, and the
    revision it brought the schema to: anything else no workbench writes."""
    found = _replayed(payload)
    assert len(found) == 1 and said in found[0], found


def test_replay_holds_a_restore_to_the_desk() -> None:
    assert "entity_type" in _replayed(RESTORED, etype="claim")[0]
    assert "guards" in _replayed(RESTORED, eid="1")[0]


def test_replay_knows_every_guard_and_index_the_backends_restore() -> None:
    """Replay's names (the domain's) and the DDL's (each backend's) are one list: a guard added
    to a backend without it would have its own restore called a forgery."""
    from workbench.db import pg_trigram, postgresql, sqlite
    from workbench.domain.desk_guards import GUARD_TRIGGERS, SEARCH_INDEXES

    assert {g.name for g in (*sqlite.GUARDS, *postgresql.GUARDS)} == GUARD_TRIGGERS
    assert set(pg_trigram.TRIGRAM_INDEXES) == SEARCH_INDEXES
