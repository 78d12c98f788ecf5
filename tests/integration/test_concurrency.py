"""Several processes updating the same claims at once: nothing lost, nothing silently overwritten.

Each worker reads a claim, then asks to flip its status *based on the version it read*; a worker
whose read went stale is refused with a Conflict. Notes commute and always succeed. Afterwards
every accepted change must be in the final state and in the events, and no worker may have seen
"database is locked" or any other error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from tests.integration.workers import run_workers
from workbench.db.engine import get_engine
from workbench.db.models import Claim, Event, Note
from workbench.services.context import Workbench

PROCESSES = 4
ROUNDS = 40


def test_parallel_updates_lose_nothing(
    wb: Workbench, db_url: str, document_with_claims: Callable[..., Any]
) -> None:
    ids = document_with_claims("甲。乙。丙。", ["甲", "乙", "丙"]).claims
    results = run_workers(
        db_url, ids, processes=PROCESSES, rounds=ROUNDS, ops=["status"], note_every=3, timeout=300
    )

    errors = [e for r in results for e in r["errors"]]
    assert errors == [], errors
    accepted = [(cid, v) for r in results for op, cid, v in r["accepted"] if op == "status"]
    per_claim = Counter(cid for cid, _ in accepted)
    notes = Counter(cid for r in results for op, cid, _ in r["accepted"] if op == "note")
    conflicts = sum(r["stale"] for r in results)
    assert len(accepted) + conflicts == PROCESSES * ROUNDS
    # Each accepted change produced a distinct version of its claim: none overwrote another.
    assert len(set(accepted)) == len(accepted)

    engine = get_engine(db_url)
    with engine.connect() as conn:
        for cid in ids:
            version = conn.execute(select(Claim.version).where(Claim.id == cid)).scalar_one()
            assert version == 1 + per_claim[cid], (cid, version, per_claim[cid])
            changed = conn.execute(
                select(func.count()).where(
                    Event.claim_id == cid, Event.action == "claim.status_changed"
                )
            ).scalar_one()
            assert changed == per_claim[cid]
            stored_notes = conn.execute(
                select(func.count()).where(Note.claim_id == cid)
            ).scalar_one()
            assert stored_notes == notes[cid]
        prevs = conn.execute(select(Event.prev_hash)).scalars().all()
        assert len(prevs) == len(set(prevs)), "the audit chain forked"
    print(
        f"\nconcurrency: {PROCESSES} processes x {ROUNDS} rounds: {len(accepted)} changes "
        f"accepted, {conflicts} refused as stale, {sum(notes.values())} notes, 0 lost"
    )
