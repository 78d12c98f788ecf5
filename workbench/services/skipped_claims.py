"""The claims an export did not publish, and why: how many for each reason, and the lowest few
ids of each. That is all that is said of them (stderr: one line a reason); the whole list is
the claims themselves (`claim list --open`, `--status opinion`). A record of every skipped
claim grew with the desk: half its claims are open or opinions. `export claimreview --json`,
which gives every id, keeps them all (ints, not records: `kept=None`). Cheap to import."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

# Ids kept per reason: as many as a summary line names (cli.export.IDS_NAMED).
IDS_KEPT = 5


@dataclass(frozen=True, slots=True)
class SkipReason:
    """One reason: how many claims it kept out, and the lowest of their ids, ascending;
    `kind`, its machine name (`exports.claimreview.skipped_as`)."""

    reason: str
    count: int
    ids: tuple[int, ...]
    kind: str

    def to_json(self) -> dict[str, object]:
        """As `export claimreview --json` gives it: `reason` the machine name, `message` the
        sentence, as an error object names them."""
        return {
            "reason": self.kind,
            "message": self.reason,
            "count": self.count,
            "ids": [*self.ids],
        }


@dataclass(slots=True)
class SkippedClaims:
    """Claims skipped, added as they come (by document, then id); `kept` (at least 1): how
    many of the lowest ids each reason keeps; None: every one."""

    kept: int | None = IDS_KEPT
    _counts: dict[str, int] = field(default_factory=dict)
    _kinds: dict[str, str] = field(default_factory=dict)
    # Per reason, the lowest ids seen, negated: a max-heap whose top is the one to give up.
    _lowest: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kept is not None and self.kept < 1:
            raise ValueError("SkippedClaims keeps at least one id a reason")

    def add(self, claim_id: int, reason: str, kind: str) -> None:
        self._counts[reason] = self._counts.get(reason, 0) + 1
        self._kinds[reason] = kind
        heap = self._lowest.setdefault(reason, [])
        if self.kept is None or len(heap) < self.kept:
            heapq.heappush(heap, -claim_id)
        elif claim_id < -heap[0]:
            heapq.heapreplace(heap, -claim_id)

    def __len__(self) -> int:
        return sum(self._counts.values())

    def by_reason(self) -> list[SkipReason]:
        """Each reason, in the order of its lowest id: as a list of every skipped claim by id
        would first name each."""
        reasons = [
            SkipReason(
                reason, count, tuple(sorted(-i for i in self._lowest[reason])), self._kinds[reason]
            )
            for reason, count in self._counts.items()
        ]
        return sorted(reasons, key=lambda r: r.ids[0])
