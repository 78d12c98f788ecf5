"""The second-reviewer check holds two people to the email rule, as `user add` does.

trial254 made `user add` refuse a name that is (or looks like: case, a +tag aside) another
registered person's `--email`, and an `--email` that is another person's name: the trail read
"given by maria, approved by maria@example.org". A pair registered before that rule (or written
into the desk by a migration, an import or a restore) could still approve each other's
verdicts: the sign-off compared names and display names only (fix259). Nor did `claim list
--approvable` leave such a proposal out.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Result, run_in_process
from tests.services.test_signoff import MUST, proposed
from workbench.domain.errors import InvalidInput
from workbench.domain.identity import skeleton
from workbench.services import review
from workbench.services.context import Workbench, transaction
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.users import _insert_user, add_user


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def _registered_as_before(wb: Workbench, first: tuple[str, str | None], *rest: Any) -> None:
    """`first` (name, email) registered by `user add`; then each of `rest` as a workbench before
    the email rule wrote it (the row and its event, no check); and li, a second reviewer."""
    name, email = first
    add_user(_as(wb, name), name, email=email)
    with transaction(_as(wb, name), write=True) as tx:
        for other, address in rest:
            _insert_user(tx, other, skeleton(other), email=address)
        _insert_user(tx, "li", skeleton("li"), email="li@example.org")


PAIRS = [
    # the trial's: maria's own address approves her verdict, and with a +tag
    ("maria", "maria@example.org", "maria@example.org", None, "is"),
    ("maria", "maria@example.org", "maria+review@example.org", None, "looks like"),
    # and the other way round: the address's person proposed, its name approves
    ("maria@example.org", None, "maria", "maria@example.org", "is"),
    # a registered address whose mailbox is the proposer's name
    ("maria@example.org", None, "tom", "maria+desk@example.org", "looks like"),
]


@pytest.mark.parametrize(("proposer", "p_email", "approver", "a_email", "how"), PAIRS)
def test_a_person_and_their_address_are_one_reviewer(
    wb: Workbench, proposer: str, p_email: str | None, approver: str, a_email: str | None, how: str
) -> None:
    cid = proposed(wb, proposer)
    _registered_as_before(wb, (proposer, p_email), (approver, a_email))
    with pytest.raises(InvalidInput) as refused:
        review.approve(_as(wb, approver), cid)
    assert refused.value.reason == "own_verdict"
    message = refused.value.message
    assert message.startswith(f"{approver} is too like {proposer}, who proposed this verdict ("), (
        message
    )
    assert message.endswith(f"); {MUST}"), message
    assert "email address" in message and how in message, message
    # Nor is it listed as theirs to approve; a second person approves it.
    assert cid not in [c.id for c in list_claims(_as(wb, approver), _approvable(approver))]
    assert cid in [c.id for c in list_claims(_as(wb, "li"), _approvable("li"))]
    assert review.approve(_as(wb, "li"), cid).status == "unverifiable"


def _approvable(name: str) -> ClaimFilter:
    return ClaimFilter(approvable_by=name)


def test_people_with_their_own_addresses_sign_off_each_other(wb: Workbench) -> None:
    cid = proposed(wb, "maria")
    _registered_as_before(wb, ("maria", "maria@example.org"), ("tom", "tom@example.org"))
    assert review.approve(_as(wb, "tom"), cid).status == "unverifiable"


def test_claim_approve_says_whose_address_it_is(wb: Workbench, db_url: str) -> None:
    cid = proposed(wb, "maria")
    _registered_as_before(wb, ("maria", "maria@example.org"), ("maria@example.org", None))
    r: Result = run_in_process(
        ["--db", db_url, "--as", "maria@example.org", "claim", "approve", str(cid)]
    )
    assert r.code == 1, r.out
    [line] = r.err.strip().splitlines()
    assert "maria@example.org is too like maria, who proposed this verdict" in line, line
    assert "the email address of the registered user 'maria'" in line, line
