"""Who stands behind a claim's verdict, read from its audit trail.

A verdict is either given by one person (`claim status`, with review.required off, or an
import) or proposed by one and approved by another. The claim row keeps only the verdict; the
trail keeps who did what, so the sign-off is read from the claim's events in order. An editor
needs it because the setting can change: on a SQLite file `--as` is taken on trust, and a
new-user trial turned review.required off, gave its own verdict and turned it on again; the
verdict then read like any other. `claim show` and the ClaimReview export say which verdicts no
second person approved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.domain.status import FINAL_VALUES
from workbench.domain.transitions import APPROVED, REJECTED, REVIEW_REQUESTED, STATUS_CHANGED

# The actions that can set or clear a verdict (all others leave it as it is).
VERDICT_ACTIONS: tuple[str, ...] = (
    "claim.added",
    "claim.imported",
    STATUS_CHANGED,
    REVIEW_REQUESTED,
    APPROVED,
    REJECTED,
)


@dataclass(frozen=True, slots=True)
class SignOff:
    """The current verdict's `status`, who gave (or proposed) it, and who approved it (None:
    no second person did)."""

    status: str
    given_by: str
    approved_by: str | None
    seq: int

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "given_by": self.given_by, "approved_by": self.approved_by}


def sign_off(events: Iterable[tuple[int, str, str, Mapping[str, Any]]]) -> SignOff | None:
    """The sign-off of a claim's verdict from its events (seq, actor, action, payload) in
    order; None when the claim has no verdict now."""
    current: SignOff | None = None
    for seq, actor, action, payload in events:
        if action not in VERDICT_ACTIONS:
            continue
        after = payload.get("after") or {}
        status = after.get("status")
        if status is None:
            continue  # the event left the status alone
        if status not in FINAL_VALUES:
            current = None
        elif action == APPROVED:
            before = payload.get("before") or {}
            proposer = before.get("proposed_by") or actor
            current = SignOff(status, proposer, actor, seq)
        else:
            current = SignOff(status, actor, None, seq)
    return current
