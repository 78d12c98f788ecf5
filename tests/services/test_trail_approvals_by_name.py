"""`audit replay` and `audit verify` said nothing of an approval by a name like the proposer's.

`mar1a` approved maria's verdict (a look-alike an older workbench let through: review55), and
`王芳` approved that of `wang`, shown as 王芳 (a display twin registered before `user add`
refused one: rr270). `claim show` and every export read each as no second reviewer's; the
trail's check held approvals to the email rule only, so the two warnings an editor reads a
trail by disagreed with what the desk publishes (refactor280).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_in_process
from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import proposed
from workbench.domain.trail_people import Registrations
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import show_claim
from workbench.services.replay import replay
from workbench.services.verify import verify_database


def _approved_by_a_look_alike(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> int:
    cid = proposed(wb, "maria")
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "mar1a"), cid)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and signed.approved_by is None
    return cid


def test_replay_and_verify_name_a_look_alikes_approval(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _approved_by_a_look_alike(wb, monkeypatch)
    replayed = replay(wb)
    assert replayed.consistent
    for report in (replayed, verify_database(wb)):
        found = report.to_json()["one_person_approvals"]
        assert [(f["claim_id"], f["approver"], f["proposer"]) for f in found] == [
            (cid, "mar1a", "maria")
        ], found
        assert "'mar1a' looks like 'maria'" in found[0]["message"], found


def test_audit_verify_warns_of_it(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _approved_by_a_look_alike(wb, monkeypatch)
    r = run_in_process(["--db", db_url, "--as", "maria", "audit", "verify"])
    assert r.code == 0, r.err
    assert "approved by 'mar1a'" in r.err and "proposed by 'maria'" in r.err, r.err


def test_a_display_twins_approval_is_named() -> None:
    trail = Registrations()
    for seq, (name, display) in enumerate((("wang", "王芳"), ("王芳", None)), start=1):
        trail.feed(seq, "user.added", {"after": {"name": name, "display": display}}, name)
    approval = {"before": {"proposed_by": "wang"}, "after": {"status": "false"}}
    trail.feed(3, "claim.approved", approval, "王芳", 1)
    assert [(a.approver, a.proposer) for a in trail.approvals] == [("王芳", "wang")]
    assert "the display name of 'wang'" in trail.approvals[0].fact, trail.approvals[0].fact
