"""The desk's first question: how many claims stand where, and what is still unverified."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from workbench.db.models import Claim
from workbench.domain.status import STATUS_NAMES, Status
from workbench.services.context import Workbench, transaction
from workbench.services.views import ClaimView


@dataclass(frozen=True, slots=True)
class Board:
    counts: dict[str, int]
    unverified: list[ClaimView]

    def to_json(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "total": sum(self.counts.values()),
            "unverified": [c.to_json() for c in self.unverified],
        }


def board(wb: Workbench) -> Board:
    with transaction(wb) as tx:
        counts = dict.fromkeys(STATUS_NAMES, 0)
        for status, n in tx.session.execute(
            select(Claim.status, func.count()).group_by(Claim.status)
        ):
            counts[status] = n
        open_claims = tx.session.scalars(
            select(Claim).where(Claim.status == Status.UNVERIFIED.value).order_by(Claim.id)
        )
        return Board(counts=counts, unverified=[ClaimView.of(c) for c in open_claims])
