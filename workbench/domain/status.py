"""Verification statuses, claim types and the rules for moving between statuses."""

from __future__ import annotations

from enum import StrEnum

from workbench.domain.errors import InvalidInput


class Status(StrEnum):
    UNVERIFIED = "unverified"
    IN_PROGRESS = "in_progress"
    VERIFIED = "verified"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"
    OPINION = "opinion"


STATUS_MEANINGS: dict[Status, str] = {
    Status.UNVERIFIED: "picked out of the text; nobody has started checking it",
    Status.IN_PROGRESS: "someone is researching it",
    Status.VERIFIED: "checked and true, on the evidence",
    Status.FALSE: "checked and false, on the evidence",
    Status.MISLEADING: "literally accurate or partly true, but leaves a false impression",
    Status.UNVERIFIABLE: "cannot be proved or disproved with the evidence available",
    Status.OPINION: "a view or judgement, not a checkable statement of fact",
}

FINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.VERIFIED, Status.FALSE, Status.MISLEADING, Status.UNVERIFIABLE, Status.OPINION}
)
OPEN_STATUSES: frozenset[Status] = frozenset({Status.UNVERIFIED, Status.IN_PROGRESS})


class ClaimType(StrEnum):
    FACT = "fact"
    QUANTITY = "quantity"
    DATE = "date"
    RANKING = "ranking"
    PRIORITY = "priority"
    ATTRIBUTION = "attribution"
    PREDICTION = "prediction"
    OPINION = "opinion"


STATUS_NAMES: tuple[str, ...] = tuple(s.value for s in Status)
CLAIM_TYPE_NAMES: tuple[str, ...] = tuple(t.value for t in ClaimType)


def parse_status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise InvalidInput(
            f"unknown status {value!r}; valid statuses: {', '.join(STATUS_NAMES)}"
        ) from None


def parse_claim_type(value: str) -> ClaimType:
    try:
        return ClaimType(value)
    except ValueError:
        raise InvalidInput(
            f"unknown claim type {value!r}; valid types: {', '.join(CLAIM_TYPE_NAMES)}"
        ) from None


def check_transition(current: Status, target: Status, note: str | None) -> None:
    """Refuse a status change that lacks the reason the workflow demands.

    A verdict without a reason cannot be defended to an editor later, and reopening a settled
    claim silently would erase the record of why it was settled.
    """
    has_note = bool(note and note.strip())
    if target in FINAL_STATUSES and not has_note:
        raise InvalidInput(
            f"status {target.value!r} is a verdict and needs a reason: add --note TEXT"
        )
    if current in FINAL_STATUSES and target not in FINAL_STATUSES and not has_note:
        raise InvalidInput(
            f"reopening a claim that is {current.value!r} needs a reason: add --note TEXT"
        )
