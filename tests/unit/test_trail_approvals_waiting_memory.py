"""What `audit verify` holds of the approvals made before their people were registered.

Such an approval is judged at the trail's end, by the people registered by then (review296).
Each pair kept its first 1,000 approvals until that end: a trail of a hundred pairs of
unregistered people approving each other a thousand times held a hundred thousand of them in
memory, and a forged trail as many as it liked (fix302). A pair is judged once, so it waits
once, its approvals counted.
"""

from __future__ import annotations

import tracemalloc

from workbench.domain.trail_people import Registrations


def _approved(trail: Registrations, seq: int, approver: str, proposer: str) -> None:
    payload = {"before": {"proposed_by": proposer}, "after": {"status": "false"}}
    trail.feed(seq, "claim.approved", payload, approver, seq)


def test_a_pair_of_unregistered_people_waits_once_however_often_it_approves() -> None:
    trail = Registrations()
    pairs = [(f"reviewer{n}", f"checker{n}") for n in range(100)]
    for approver, proposer in pairs:  # (each pair's names made once: only the wait is measured)
        _approved(trail, 1, approver, proposer)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        seq = 2
        for _ in range(1000):
            for approver, proposer in pairs:
                _approved(trail, seq, approver, proposer)
                seq += 1
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # 100,000 approvals of 100 pairs: what each pair holds does not grow with them.
    assert grown < 200_000, grown
