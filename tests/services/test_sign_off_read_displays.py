"""`claim show` and the exports read an approval by the proposer's display name as none.

`wang`, shown as 王芳, and `王芳`, registered before registration refused a name that is another
person's display name: `claim approve` refuses `wang` approving 王芳's verdict (own_verdict),
and since review264 `claim status` tells `wang` the verdict is theirs. But an approval of it
already in the trail (a workbench before the display-name rule let it through) was read as a
second reviewer's: `claim show` said "given by 王芳, approved by wang", the claims table's
`approved_by` said wang, and with review.required on no publishing command warned of it, as
they do for an approval by the proposer's look-alike or own address (fix259) (rr270).
"""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import run_in_process
from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import _registered_as_before, proposed
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import show_claim


def _approved_as_before(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, proposer: str, approver: str
) -> int:
    cid = proposed(wb, proposer)
    _registered_as_before(wb, ("wang", "王芳"), ("王芳", None), ("li", None))
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a, **k: None)
        review.approve(_as(wb, approver), cid)
    return cid


@pytest.mark.parametrize(("proposer", "approver"), [("王芳", "wang"), ("wang", "王芳")])
def test_claim_show_says_no_second_reviewer(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, proposer: str, approver: str
) -> None:
    cid = _approved_as_before(wb, monkeypatch, proposer, approver)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == (proposer, None)


def test_the_exports_read_it_as_none(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _approved_as_before(wb, monkeypatch, "王芳", "wang")
    r = run_in_process(["--db", db_url, "--as", "li", "export", "claims"])
    assert r.code == 0, r.err
    [row] = [row for row in csv.DictReader(io.StringIO(r.out)) if row["id"] == str(cid)]
    assert (row["verdict_by"], row["approved_by"]) == ("王芳", ""), row
    r = run_in_process(["--db", db_url, "--as", "li", "export", "annotations"])
    assert r.code == 0, r.err
    assert f"no second reviewer approved (#{cid})" in r.err, r.err


def test_a_second_person_still_approves(wb: Workbench) -> None:
    cid = proposed(wb, "王芳")
    _registered_as_before(wb, ("wang", "王芳"), ("王芳", None), ("li", None))
    review.approve(_as(wb, "li"), cid)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("王芳", "li")
