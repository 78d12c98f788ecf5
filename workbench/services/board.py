"""The desk's first question: how many claims stand where, and what to look at first.

Aggregate SQL and short lists (the oldest unverified claims, the most overdue open ones), so
the board costs the same at 20 claims and at 1,000,000; `limit` asks for more of each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.defaults import BOARD_LIMIT
from workbench.domain.status import STATUS_NAMES, Status
from workbench.services.context import Workbench, reading
from workbench.services.queries import ClaimFilter, Listed, grouped, listed

if TYPE_CHECKING:
    from workbench.db.reader import Reader


@dataclass(frozen=True, slots=True)
class Board:
    counts: dict[str, int]
    unverified: Listed
    overdue: Listed

    def to_json(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "total": sum(self.counts.values()),
            "unverified_total": self.unverified.total,
            "unverified": [c.to_json() for c in self.unverified.claims],
            "overdue_total": self.overdue.total,
            "overdue": [c.to_json() for c in self.overdue.claims],
        }


def board(wb: Workbench, limit: int = BOARD_LIMIT) -> Board:
    with reading(wb) as conn:
        return board_of(conn, limit)


def board_of(conn: Reader, limit: int = BOARD_LIMIT) -> Board:
    """The board in a read already open (the demo's, after it checked or loaded its seed)."""
    from workbench.db.tables import claims

    counts = dict.fromkeys(STATUS_NAMES, 0) | grouped(conn, claims.c.status)
    unverified = listed(
        conn,
        ClaimFilter(statuses=(Status.UNVERIFIED.value,), sort="created"),
        limit,
        total=counts[Status.UNVERIFIED.value],  # counted already
    )
    overdue = listed(conn, ClaimFilter(overdue=True, sort="due"), limit)
    return Board(counts=counts, unverified=unverified, overdue=overdue)
