"""review335: spoof331 refused an address holding a character nobody sees at `user add` and
`user edit`, but (1) a variation selector after a dot, a digit or the @ (U+FE0F, which draws
nothing there) was still taken, another mailbox than the address it imitates; and (2) an
address stored before the rule, with a zero-width space in it, was still another mailbox to
the one-mailbox rule: its owner approved the other's verdict, `audit verify` named no such
approval, and `user add` registered the real address beside it. Addresses are compared as
they are drawn, as names are (identity.drawn)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.services.test_sign_off_emails import _as, _registered_as_before
from tests.services.test_signoff import proposed
from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address, one_mailbox
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.users import add_user
from workbench.services.verify import verify_database

Run = Callable[..., Any]

SELECTED = {
    "after a dot": "chen.\ufe0fjing@gmail.com",
    "after a digit": "chen.jing1\ufe0f@gmail.com",
    "after the at": "chen.jing@\ufe0fgmail.com",
    "mongolian": "chen.jing\u180b@gmail.com",
}
HIDDEN_BEFORE = "chen.jing\u200b@gmail.com"  # stored before spoof331's rule


@pytest.mark.parametrize("address", SELECTED.values(), ids=SELECTED.keys())
def test_a_selector_that_draws_nothing_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    assert "U+FE0F" in refused.value.message or "U+180B" in refused.value.message
    assert "email address" in refused.value.message, refused.value.message


def test_user_add_refuses_it_beside_the_real_address(cli: Run) -> None:
    assert cli("--as", "陈静", "user", "add", "陈静", "--email", "chen.jing@gmail.com").code == 0
    r = cli("--as", "陈静", "user", "add", "cj", "--email", SELECTED["after a dot"])
    assert r.code == 2, (r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    assert "cj" not in cli("user", "list").out


def test_an_address_stored_before_the_rule_is_one_mailbox_as_drawn() -> None:
    assert one_mailbox(HIDDEN_BEFORE, "chen.jing@gmail.com") is not None


def test_its_owner_cannot_approve_the_other_verdict(wb: Workbench) -> None:
    cid = proposed(wb, "陈静")
    _registered_as_before(wb, ("陈静", "chen.jing@gmail.com"), ("cj", HIDDEN_BEFORE))
    with pytest.raises(InvalidInput) as refused:
        review.approve(_as(wb, "cj"), cid)
    assert refused.value.reason == "own_verdict", refused.value.message
    assert review.approve(_as(wb, "li"), cid).status == "unverifiable"


def test_audit_verify_names_an_approval_made_before(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = proposed(wb, "陈静")
    _registered_as_before(wb, ("陈静", "chen.jing@gmail.com"), ("cj", HIDDEN_BEFORE))
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "cj"), cid)
    found = verify_database(wb).to_json()["one_person_approvals"]
    assert [(f["claim_id"], f["approver"], f["proposer"]) for f in found] == [
        (cid, "cj", "陈静")
    ], found


def test_the_real_address_is_not_registered_beside_it(wb: Workbench) -> None:
    _registered_as_before(wb, ("陈静", None), ("cj", HIDDEN_BEFORE))
    with pytest.raises(InvalidInput):
        add_user(_as(wb, "陈静"), "jing", email="chen.jing@gmail.com")
