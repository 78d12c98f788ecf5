"""`audit replay` and `audit verify` name an approval given by the proposer's own address.

A pair the email rule reads as one person (maria, and maria@example.org, her `--email`),
registered before `user add` refused it, could approve each other's verdicts until fix259: the
trail then read "given by maria, approved by maria@example.org", and neither `audit replay`
nor `audit verify` said a word of the approval (only of the registrations). They name it now,
as a warning: a workbench before the rule let it through, and a desk's own trail (and its
bundle, which a restore replays) must still replay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_in_process
from tests.services.test_sign_off_emails import _as, _registered_as_before
from tests.services.test_signoff import proposed
from tests.services.test_trail_look_alikes import exported
from workbench.services import review
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.verify import verify_database, verify_file


def _approved_as_before(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> int:
    """maria's verdict approved by maria@example.org, registered before the rule, as a
    workbench before this one let it through."""
    cid = proposed(wb, "maria")
    _registered_as_before(wb, ("maria", "maria@example.org"), ("maria@example.org", None))
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "maria@example.org"), cid)
    return cid


def test_replay_names_an_approval_by_the_proposers_address(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warning, as the registration pair is: a workbench before the rule let such an
    approval through, and the desk's own trail (and bundle) must still replay."""
    cid = _approved_as_before(wb, monkeypatch)
    replayed, from_file = replay(wb), verify_file(exported(wb, tmp_path))
    assert replayed.consistent and from_file.ok
    for report in (replayed, from_file, verify_database(wb)):
        found = report.to_json()["one_person_approvals"]
        assert [(f["claim_id"], f["approver"], f["proposer"]) for f in found] == [
            (cid, "maria@example.org", "maria")
        ], found
        assert "the email address of the registered user 'maria'" in found[0]["message"]
        assert report.to_json()["one_person_approval_count"] == 1


def test_audit_replay_and_verify_warn_of_it_on_stderr(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _approved_as_before(wb, monkeypatch)
    for command in ("replay", "verify"):
        r = run_in_process(["--db", db_url, "--as", "maria", "audit", command])
        assert r.code == 0, r.err
        assert "approved by 'maria@example.org'" in r.err, r.err
        assert "proposed by 'maria'" in r.err, r.err


def test_replay_says_nothing_of_two_people(wb: Workbench) -> None:
    cid = proposed(wb, "maria")
    _registered_as_before(wb, ("maria", "maria@example.org"), ("tom", "tom@example.org"))
    review.approve(_as(wb, "tom"), cid)
    assert replay(wb).to_json()["one_person_approvals"] == []


def test_several_such_approvals_are_said_in_the_plural(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two approvals by maria@example.org of maria's verdict (the claim reopened and proposed
    again between them): the warning said "2 approvals ... a workbench before the rule let it
    through ... no second person reviewed the verdict" (rr270)."""
    cid = _approved_as_before(wb, monkeypatch)
    set_status(_as(wb, "maria"), cid, "in_progress", note="again")
    set_status(_as(wb, "maria"), cid, "unverifiable", note="still no record")
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "maria@example.org"), cid)
    r = run_in_process(["--db", db_url, "--as", "maria", "audit", "replay"])
    assert r.code == 0, r.err
    [said] = [line for line in r.err.splitlines() if "approvals by" in line]
    assert "2 approvals" in said and "let them through" in said, said
    assert "reviewed these verdicts" in said and "let it through" not in said, said
