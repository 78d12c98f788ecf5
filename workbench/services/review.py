"""Second-reviewer sign-off: a proposed verdict is applied only by a different person."""

from __future__ import annotations

from workbench.domain.errors import InvalidInput, give
from workbench.domain.status import Status, same_person
from workbench.services.claim_updates import check_version, update_claim
from workbench.services.context import Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.views import ClaimView

CLEARED = {"proposed_status": None, "proposed_by": None, "proposed_note": None}


@mutation
def approve(
    wb: Workbench, claim_id: int, *, note: str | None = None, expected_version: int | None = None
) -> ClaimView:
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        check_version(claim, expected_version)
        if claim.status != Status.IN_REVIEW.value or claim.proposed_status is None:
            raise InvalidInput(f"claim #{claim_id} is not in review (it is {claim.status})")
        if same_person(claim.proposed_by, tx.actor):
            raise InvalidInput(
                f"{tx.actor} proposed this verdict; a different reviewer must approve it"
            )
        changes = {"status": claim.proposed_status, **CLEARED}
        update_claim(tx, claim, "claim.approved", changes, note=note)
        return ClaimView.of(claim)


@mutation
def reject(
    wb: Workbench, claim_id: int, *, note: str, expected_version: int | None = None
) -> ClaimView:
    """Send a proposed verdict back to in_progress, saying why."""
    if not (note or "").strip():
        raise InvalidInput("rejecting a verdict needs a reason", hint=give("note"))
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        check_version(claim, expected_version)
        if claim.status != Status.IN_REVIEW.value:
            raise InvalidInput(f"claim #{claim_id} is not in review (it is {claim.status})")
        changes = {"status": Status.IN_PROGRESS.value, **CLEARED}
        update_claim(tx, claim, "claim.rejected", changes, note=note)
        return ClaimView.of(claim)
