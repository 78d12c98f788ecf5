"""Several processes updating the same claims at once: nothing lost, nothing silently overwritten.

Each worker reads a claim, then asks to flip its status *based on the version it read*; a worker
whose read went stale is refused with a Conflict. Notes commute and always succeed. Afterwards
every accepted change must be in the final state and in the events, and no worker may have seen
"database is locked" or any other error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from workbench.db.engine import get_engine
from workbench.db.models import Claim, Event, Note
from workbench.services.context import Workbench

WORKER = r"""
import json, random, sys
from workbench.domain.errors import Conflict, WorkbenchError
from workbench.services.claims import get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.notes import add_note

url, name, rounds, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
wb = Workbench(url=url, actor=name)
rng = random.Random(name)
accepted, conflicts, notes, errors = [], 0, [], []
for i in range(rounds):
    cid = rng.choice(ids)
    seen = get_claim(wb, cid)
    target = "in_progress" if seen.status == "unverified" else "unverified"
    try:
        r = set_status(wb, cid, target, expected_version=seen.version)
        accepted.append([cid, r.claim.version])
    except Conflict as exc:
        if "locked" in str(exc):
            errors.append(str(exc))
        conflicts += 1
    except WorkbenchError as exc:
        errors.append(str(exc))
    if i % 3 == 0:
        add_note(wb, cid, f"{name} round {i}")
        notes.append(cid)
print(json.dumps({"accepted": accepted, "conflicts": conflicts, "notes": notes,
                  "errors": errors}))
"""

PROCESSES = 4
ROUNDS = 40


def test_parallel_updates_lose_nothing(
    wb: Workbench, db_url: str, document_with_claims: Callable[..., Any]
) -> None:
    ids = document_with_claims("甲。乙。丙。", ["甲", "乙", "丙"]).claims
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, db_url, f"checker{n}", str(ROUNDS), json.dumps(ids)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(PROCESSES)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out))

    errors = [e for r in results for e in r["errors"]]
    assert errors == [], errors
    accepted = [tuple(a) for r in results for a in r["accepted"]]
    per_claim = Counter(cid for cid, _ in accepted)
    notes = Counter(cid for r in results for cid in r["notes"])
    conflicts = sum(r["conflicts"] for r in results)
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
