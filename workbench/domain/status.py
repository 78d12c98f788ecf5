"""Verification statuses, claim types and the rules for moving between statuses."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from workbench.domain.errors import InvalidInput


class Status(StrEnum):
    UNVERIFIED = "unverified"
    IN_PROGRESS = "in_progress"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"
    OPINION = "opinion"


STATUS_MEANINGS: dict[Status, str] = {
    Status.UNVERIFIED: "picked out of the text; nobody has started checking it",
    Status.IN_PROGRESS: "someone is researching it",
    Status.IN_REVIEW: "a verdict is proposed and waits for a second reviewer's sign-off",
    Status.VERIFIED: "checked and true, on the evidence",
    Status.FALSE: "checked and false, on the evidence",
    Status.MISLEADING: "literally accurate or partly true, but leaves a false impression",
    Status.UNVERIFIABLE: "cannot be proved or disproved with the evidence available",
    Status.OPINION: "a view or judgement, not a checkable statement of fact",
}

FINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.VERIFIED, Status.FALSE, Status.MISLEADING, Status.UNVERIFIABLE, Status.OPINION}
)
OPEN_STATUSES: frozenset[Status] = frozenset(
    {Status.UNVERIFIED, Status.IN_PROGRESS, Status.IN_REVIEW}
)
# Verdicts that assert something about the facts, and so must cite evidence.
EVIDENCE_STATUSES: frozenset[Status] = frozenset({Status.VERIFIED, Status.FALSE, Status.MISLEADING})

# For publishing (ClaimReview): value on a 1..5 scale (None: not on the scale) and label.
RATINGS: dict[Status, tuple[int | None, str]] = {
    Status.VERIFIED: (5, "True"),
    Status.MISLEADING: (3, "Misleading"),
    Status.FALSE: (1, "False"),
    Status.UNVERIFIABLE: (None, "Unproven"),
}


def rating(status: str) -> dict[str, int | str | None] | None:
    found = RATINGS.get(Status(status))
    return None if found is None else {"value": found[0], "label": found[1]}


class Priority(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


PRIORITY_NAMES: tuple[str, ...] = tuple(p.value for p in Priority)
PRIORITY_RANK = {Priority.HIGH.value: 0, Priority.NORMAL.value: 1, Priority.LOW.value: 2}

STANCES: tuple[str, ...] = ("supports", "refutes", "context")
# How `claim list` can order its rows (created: oldest first, for the stats board).
SORTS: tuple[str, ...] = ("id", "updated", "priority", "due", "created")


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


def check_transition(
    current: Status, target: Status, note: str | None, evidence_count: int | None = None
) -> None:
    """Refuse a status change that lacks what the workflow demands.

    A verdict without a reason (and, for a factual verdict, without evidence) cannot be defended
    to an editor later; reopening a settled claim silently would erase why it was settled.
    `in_review` is entered only by proposing a verdict and left only by approval or rejection.
    """
    if target == Status.IN_REVIEW:
        raise InvalidInput(
            "in_review is not set directly: with review.required on, propose a verdict "
            "(claim status ID <verdict> --note ...) and a second reviewer approves it"
        )
    if current == Status.IN_REVIEW:
        raise InvalidInput(
            "the claim is in review: `workbench claim approve` or `claim reject` it first"
        )
    has_note = bool(note and note.strip())
    if target in FINAL_STATUSES and not has_note:
        raise InvalidInput(
            f"status {target.value!r} is a verdict and needs a reason: add --note TEXT"
        )
    if current in FINAL_STATUSES and target not in FINAL_STATUSES and not has_note:
        raise InvalidInput(
            f"reopening a claim that is {current.value!r} needs a reason: add --note TEXT"
        )
    if target in EVIDENCE_STATUSES and evidence_count is not None and evidence_count < 1:
        raise InvalidInput(
            f"status {target.value!r} needs at least one evidence item: "
            "add it with `workbench evidence add` first"
        )


def same_person_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def same_person(a: str | None, b: str | None) -> bool:
    """Names as people type them: "Alice", "alice " and "ALICE" are one reviewer, so case
    cannot be used to approve one's own verdict."""
    return a is not None and b is not None and same_person_key(a) == same_person_key(b)


def normalise_tag(tag: str) -> str:
    cleaned = " ".join(tag.split()).lower()
    if not cleaned:
        raise InvalidInput("empty tag: a tag needs at least one visible character")
    if len(cleaned) > 100:
        raise InvalidInput(f"tag {cleaned[:20]!r}... is longer than 100 characters")
    return cleaned


def parse_priority(value: str) -> Priority:
    try:
        return Priority(value.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"unknown priority {value!r}; valid: {', '.join(PRIORITY_NAMES)}"
        ) from None
