"""Second-reviewer sign-off: a proposed verdict is applied only by a different person."""

from __future__ import annotations

from workbench.domain.transitions import Move, Request, decide
from workbench.services.claim_updates import apply_decision, check_version, claim_state
from workbench.services.context import Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.views import ClaimView


@mutation
def approve(
    wb: Workbench, claim_id: int, *, note: str | None = None, expected_version: int | None = None
) -> ClaimView:
    return _review(wb, claim_id, Move.APPROVE, note, expected_version)


@mutation
def reject(
    wb: Workbench, claim_id: int, *, note: str, expected_version: int | None = None
) -> ClaimView:
    """Send a proposed verdict back to in_progress, saying why."""
    return _review(wb, claim_id, Move.REJECT, note, expected_version)


def _review(
    wb: Workbench, claim_id: int, move: Move, note: str | None, expected_version: int | None
) -> ClaimView:
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        check_version(claim, expected_version)
        request = Request(move, tx.actor, note=note)
        apply_decision(tx, claim, decide(claim_state(claim), request))
        return ClaimView.of(claim)
