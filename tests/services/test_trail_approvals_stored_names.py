"""`audit replay` and `audit verify` find an approval by the proposer's own address when the
proposer's name was registered in an earlier normal form.

王芳, registered by an earlier version as `王 芳` (trial68: a space between Chinese characters
was kept then) with the address wf@example.org, beside wf@example.org: her verdict, proposed
today as `王芳`, approved by wf@example.org (let through, as a workbench before fix259 did).
`claim show` and every export read that approval as none (fix259 reads the desk's addresses by
each name's form today), but the trail's check looked the address up by the name as the trail
registered it, `王 芳`, found none for `王芳` and said nothing (review264).
"""

from __future__ import annotations

import pytest

from tests.cli.test_names_stored_by_an_earlier_version import earlier_version
from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import proposed
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import show_claim
from workbench.services.replay import replay
from workbench.services.users import add_user
from workbench.services.verify import verify_database


def test_an_approval_by_the_address_of_a_name_stored_in_an_earlier_form(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = proposed(wb, "王芳")
    with earlier_version(monkeypatch), monkeypatch.context() as before_the_rule:
        before_the_rule.setattr("workbench.services.users.email_likeness", lambda *a: None)
        add_user(_as(wb, "王 芳"), "王 芳", email="wf@example.org")
        add_user(_as(wb, "王 芳"), "wf@example.org")
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "wf@example.org"), cid)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("王芳", None)
    replayed = replay(wb)
    assert replayed.consistent
    for report in (replayed, verify_database(wb)):
        found = report.to_json()["one_person_approvals"]
        assert [(f["claim_id"], f["approver"], f["proposer"]) for f in found] == [
            (cid, "wf@example.org", "王芳")
        ], found
