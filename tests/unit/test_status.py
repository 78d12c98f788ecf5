"""Status rules that need no database."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.status import (
    FINAL_STATUSES,
    STATUS_MEANINGS,
    Status,
    parse_claim_type,
    parse_status,
)
from workbench.domain.transitions import ClaimState, Move, Request, decide


def check_transition(current: Status, target: Status, note: str | None) -> None:
    """A status move on a claim with evidence, review off."""
    claim = ClaimState(id=1, status=current, evidence_count=1)
    decide(claim, Request(Move.SET, "tester", target=target, note=note))


@pytest.mark.parametrize("final", sorted(FINAL_STATUSES))
def test_a_verdict_needs_a_reason(final: Status) -> None:
    with pytest.raises(InvalidInput, match="needs a reason"):
        check_transition(Status.IN_PROGRESS, final, None)
    with pytest.raises(InvalidInput, match="needs a reason"):
        check_transition(Status.IN_PROGRESS, final, "   ")
    check_transition(Status.IN_PROGRESS, final, "because the source says so")


@pytest.mark.parametrize("final", sorted(FINAL_STATUSES))
@pytest.mark.parametrize("target", [Status.UNVERIFIED, Status.IN_PROGRESS])
def test_reopening_needs_a_reason(final: Status, target: Status) -> None:
    with pytest.raises(InvalidInput, match="reopening"):
        check_transition(final, target, None)
    check_transition(final, target, "new evidence surfaced")


def test_open_moves_need_no_reason() -> None:
    check_transition(Status.UNVERIFIED, Status.IN_PROGRESS, None)
    check_transition(Status.IN_PROGRESS, Status.UNVERIFIED, None)


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(InvalidInput, match="valid statuses: unverified, in_progress"):
        parse_status("done")
    with pytest.raises(InvalidInput, match="valid types: fact, quantity"):
        parse_claim_type("rumour")


def test_every_status_has_a_meaning() -> None:
    assert set(STATUS_MEANINGS) == set(Status)
