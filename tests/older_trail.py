"""A claim moved by an older trail: its status changed with no note recorded with the move,
its only note someone else's. The export publishes no note for it (another's note never
stands in for the reason), so an untouched export of it carries its verdict with no reason:
the imports take such a row, or annotation, back as the claim present."""

from __future__ import annotations

from workbench.db.models import Claim
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench, transaction
from workbench.services.notes import add_note


def older_trail_claim(
    wb: Workbench, doc: int, status: str, action: str, *, quote: str = "甲说了一句话。"
) -> int:
    """A claim on `quote` moved to `status` by tester (event `action`) with no note recorded
    with the move, as an older trail has it, and a note by lin."""
    claim = add_claim(wb, doc, "甲说", SpanRequest(quote=quote))
    add_note(Workbench(url=wb.url, actor="lin"), claim.id, "林：我问过他")
    with transaction(wb, write=True) as tx:
        row = tx.session.get(Claim, claim.id)
        assert row is not None
        row.status = status
        tx.record(
            action,
            "claim",
            claim.id,
            {"before": {"status": "unverified"}, "after": {"status": status}},
            claim_id=claim.id,
        )
    return claim.id
