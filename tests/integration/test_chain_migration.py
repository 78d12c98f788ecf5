"""Migration 0002 chains the events of a database written before the chain existed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import upgrade
from workbench.db.models import UTCDateTime
from workbench.db.revision import current_revision
from workbench.domain.chain import GENESIS, canonical_json, event_hash
from workbench.domain.clock import format_at
from workbench.domain.text import sha256_text
from workbench.services.chain_head import chain_head
from workbench.services.context import Workbench
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.verify import verify_database

TEXT = "2025年1月,MiniMax发布了模型。6月,MiniMax开源了M1。"
QUOTE = "MiniMax开源了M1"
T0 = dt.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)
T2 = T0 + dt.timedelta(hours=2)

documents = sa.table(
    "documents",
    *(sa.column(n) for n in ("id", "title", "url", "author", "language", "text", "sha256")),
    *(sa.column(n) for n in ("length", "added_by")),
    sa.column("published", sa.Date()),
    sa.column("created_at", UTCDateTime()),
)
claims = sa.table(
    "claims",
    *(sa.column(n) for n in ("id", "document_id", "span_start", "span_end", "quote")),
    *(sa.column(n) for n in ("prefix", "suffix", "text", "speaker", "type", "status")),
    *(sa.column(n) for n in ("created_by", "version")),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)
notes = sa.table(
    "notes",
    *(sa.column(n) for n in ("id", "claim_id", "author", "body")),
    sa.column("created_at", UTCDateTime()),
)
events = sa.table(
    "events",
    *(sa.column(n) for n in ("seq", "at", "actor", "action", "entity_type", "entity_id")),
    *(sa.column(n) for n in ("claim_id", "payload")),
)


def _old_trail(
    *, first_release: bool = False
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """A document, a claim moved to `false` with its reason, a note: rows and events as the
    0001 schema held them (no hashes).

    By default the status change carries `updated_at` in before/after, as every release since
    b071a6c wrote it (a desk that reached 0002 before upgrading). `first_release`: as the first
    release wrote it (1b3d8b6, schema 0001), with `status` and `version` only; the row's
    updated_at, its reason's created_at and the event's `at` then each come from a clock call
    of their own, in that order, a millisecond or two apart (as on a trial's real desk)."""
    start = TEXT.index(QUOTE)
    changed_at = T1
    noted_at = T1
    if first_release:
        changed_at = T1 - dt.timedelta(microseconds=2168)
        noted_at = T1 - dt.timedelta(microseconds=1036)
    end = start + len(QUOTE)
    doc = {
        "id": 1,
        "title": "旧文章",
        "url": None,
        "author": None,
        "published": "2025-12-31",
        "language": "zh",
        "sha256": sha256_text(TEXT),
        "length": len(TEXT),
        "added_by": "olga",
        "created_at": format_at(T0),
    }
    claim = {
        "id": 1,
        "document_id": 1,
        "text": "MiniMax open-sourced M1",
        "quote": QUOTE,
        "start": start,
        "end": end,
        "prefix": TEXT[max(0, start - 32) : start],
        "suffix": TEXT[end : end + 32],
        "speaker": None,
        "type": "fact",
        "status": "unverified",
        "created_by": "olga",
        "created_at": format_at(T0),
        "updated_at": format_at(T0),
        "version": 1,
    }
    reason = {
        "id": 1,
        "claim_id": 1,
        "author": "olga",
        "body": "M1 came out in June",
        "created_at": format_at(noted_at),
    }
    later = {
        "id": 2,
        "claim_id": 1,
        "author": "pat",
        "body": "checked twice",
        "created_at": format_at(T2),
    }
    change = {
        "before": {"status": "unverified", "version": 1, "updated_at": format_at(T0)},
        "after": {"status": "false", "version": 2, "updated_at": format_at(T1)},
        "note": reason,
    }
    if first_release:
        for side in ("before", "after"):
            change[side].pop("updated_at")
    rows = [
        ("olga", "document.added", "document", None, {"after": {**doc, "text": TEXT}}, T0),
        ("olga", "claim.added", "claim", 1, {"after": claim}, T0),
        ("olga", "claim.status_changed", "claim", 1, change, T1),
        ("pat", "note.added", "note", 1, {"after": later}, T2),
    ]
    trail = [
        {
            "seq": seq,
            "at": format_at(at),
            "actor": actor,
            "action": action,
            "entity_type": etype,
            "entity_id": str(payload.get("after", {}).get("id", 1)) if etype != "claim" else "1",
            "claim_id": claim_id,
            "payload": canonical_json(payload),
        }
        for seq, (actor, action, etype, claim_id, payload, at) in enumerate(rows, start=1)
    ]
    tables = {
        "documents": [{**doc, "text": TEXT, "published": dt.date(2025, 12, 31), "created_at": T0}],
        "claims": [
            {
                **{k: v for k, v in claim.items() if k not in {"start", "end"}},
                "span_start": start,
                "span_end": end,
                "status": "false",
                "version": 2,
                "created_at": T0,
                "updated_at": changed_at,
            }
        ],
        "notes": [{**reason, "created_at": noted_at}, {**later, "created_at": T2}],
    }
    return trail, tables


@pytest.mark.parametrize("first_release", [False, True], ids=["with-updated_at", "first-release"])
def test_upgrade_chains_a_populated_database(empty_db_url: str, first_release: bool) -> None:
    """The first-release case: the fixture wrote the status change with `updated_at`, which no
    0001 release wrote, so the suite never saw the shape a first-release desk holds (trial59)."""
    engine = get_engine(empty_db_url)
    upgrade(engine, "0001_foundation")
    trail, tables = _old_trail(first_release=first_release)
    with engine.begin() as conn:
        conn.execute(documents.insert(), tables["documents"])
        conn.execute(claims.insert(), tables["claims"])
        conn.execute(notes.insert(), tables["notes"])
        conn.execute(events.insert(), trail)
        if conn.dialect.name == "postgresql":
            # Rows inserted with their ids leave the serial sequences behind; the app would not.
            for table in ("documents", "claims", "notes"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))

    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION

    # The head, computed here from the recipe alone, is the one the migration wrote.
    prev = GENESIS
    for ev in trail:
        prev = event_hash(payload_json=ev["payload"], prev_hash=prev, **_fields(ev))
    wb = Workbench(url=empty_db_url, actor="tester")
    assert chain_head(wb).hash == prev
    report = verify_database(wb, head=prev, count=len(trail))
    assert report.ok and report.count == len(trail)
    outcome = replay(wb)
    assert outcome.consistent, [d.message for d in outcome.differences]

    # From now on the table is append-only, and new events continue the same chain.
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(sa.text("UPDATE events SET actor = 'mallory' WHERE seq = 1"))
    add_note(wb, 1, "after the upgrade")
    report = verify_database(wb, head=prev, count=len(trail))
    assert report.ok and report.count == len(trail) + 1
    assert replay(wb).consistent


def _fields(ev: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in ev.items() if k != "payload"}
