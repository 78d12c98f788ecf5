"""Worker processes for the concurrency tests: each takes shared claims through rounds of
changes made through the services, as separate users on separate machines would, and reports
what it was told succeeded, what was refused as stale, and any other error.

Run as a script (one process per worker, so that the database, not the GIL, is what they share);
`run_workers` starts them and collects their reports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

# What each operation writes to the trail when it succeeds.
ACTIONS = {
    "status": "claim.status_changed",
    "assign": "claim.assigned",
    "note": "note.added",
    "evidence": "evidence.added",
}


def work(
    url: str, name: str, rounds: int, ids: list[int], ops: list[str], note_every: int
) -> dict[str, Any]:
    """Each round picks a claim and one of `ops` at random (seeded by `name`), plus a note every
    `note_every` rounds (0: never). `accepted` lists [op, claim id, the claim's new version
    (status changes only)] for every change the services accepted."""
    import random

    from workbench.domain.errors import Conflict, WorkbenchError
    from workbench.services.claims import get_claim, set_status
    from workbench.services.context import Workbench
    from workbench.services.evidence import EvidenceInput, add_evidence
    from workbench.services.notes import add_note
    from workbench.services.workflow import assign

    wb = Workbench(url=url, actor=name)
    rng = random.Random(name)

    def status(cid: int, _round: int) -> int:
        # Based on the version read: a worker whose read went stale is refused (Conflict).
        seen = get_claim(wb, cid)
        target = "in_progress" if seen.status == "unverified" else "unverified"
        return set_status(wb, cid, target, expected_version=seen.version).claim.version

    def assign_(cid: int, _round: int) -> None:
        # Recorded only when the owner changes (who owned it last is another worker's race).
        assign(wb, [cid], name)

    def note(cid: int, i: int) -> None:
        add_note(wb, cid, f"{name} round {i}")

    def evidence(cid: int, i: int) -> None:
        add_evidence(wb, cid, EvidenceInput(stance="context", url=f"https://e.example/{name}/{i}"))

    do = {"status": status, "assign": assign_, "note": note, "evidence": evidence}
    accepted: list[list[Any]] = []
    stale, errors = 0, []
    for i in range(rounds):
        cid = rng.choice(ids)
        chosen = [rng.choice(ops)]
        if note_every and i % note_every == 0:
            chosen.append("note")
        for op in chosen:
            try:
                accepted.append([op, cid, do[op](cid, i)])
            except Conflict as exc:
                if "locked" in str(exc):  # waiting for a lock must never end in an error
                    errors.append(str(exc))
                stale += 1
            except WorkbenchError as exc:
                errors.append(str(exc))
    return {"accepted": accepted, "stale": stale, "errors": errors}


def run_workers(
    db_url: str,
    ids: Sequence[int],
    *,
    processes: int,
    rounds: int,
    ops: Sequence[str],
    note_every: int = 0,
    timeout: float,
) -> list[dict[str, Any]]:
    """Start `processes` workers at once on the claims `ids`; their reports, once all are done
    (each must exit cleanly)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    args = [db_url, str(rounds), json.dumps(list(ids)), json.dumps(list(ops)), str(note_every)]
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, f"worker{n}", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(processes)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=timeout)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    return results


if __name__ == "__main__":
    name, url, rounds, ids, ops, every = sys.argv[1:]
    report = work(url, name, int(rounds), json.loads(ids), json.loads(ops), int(every))
    print(json.dumps(report))
