"""The sign-off judges an approval by the registrations in force when it was made.

ana and bo, registered at one mailbox before `user add` refused it; bo's approval of ana's
verdict let through by an older workbench; then the owner corrects bo's address (`user edit`).
`audit verify` and `audit replay` went on warning of that approval (judged by the registration
then), while `claim show` and the exports read the registrations as they are now and counted it
as a second review (feat313 left it): the two must agree, and for an editor signing off the
approval stays no second person's (the desk re-approves it if it really was one). An approval
made after the correction is a second review everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import proposed
from tests.services.test_trail_look_alikes import exported
from workbench.domain.identity import skeleton
from workbench.services import review
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.publishing import iter_documents, unapproved
from workbench.services.queries import show_claim
from workbench.services.replay import replay
from workbench.services.table_facts import table_claims
from workbench.services.users import _insert_user, add_user, edit_user
from workbench.services.verify import verify_database, verify_file


def _second(wb: Workbench, cid: int) -> tuple[str | None, str | None, bool]:
    """Who approved the claim's verdict as a second person, to `claim show`, the spreadsheet
    export and the publishing exports (None: nobody)."""
    signed = show_claim(wb, cid).sign_off
    assert signed is not None
    [row] = [t for t in table_claims(wb) if t.view.id == cid]
    [record] = [c for d in iter_documents(wb) for c in d.claims if c.claim.id == cid]
    return signed.approved_by, row.approved_by, unapproved(record)


@pytest.mark.parametrize(
    ("field", "tied", "corrected"),
    [("email", "X@d.org", "bo@d.org"), ("display", "ana", "Bo Li")],
)
def test_an_approval_before_a_correction_stays_no_second_review(
    wb: Workbench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    field: str,
    tied: str,
    corrected: str,
) -> None:
    before = proposed(wb, "ana")
    add_user(_as(wb, "ana"), "ana", email="x@d.org")
    with transaction(_as(wb, "ana"), write=True) as tx:
        # bo tied to ana (her mailbox, or her name as his display name), as a workbench
        # before the rule registered him; his approval let through as it then was.
        _insert_user(tx, "bo", skeleton("bo"), **{field: tied})
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "bo"), before)
    edit_user(_as(wb, "ana"), "bo", **{field: corrected})
    ana = _as(wb, "ana")
    doc = add_document(ana, b"Founded in 2019.").document.id
    after = add_claim(ana, doc, "founded 2019", SpanRequest(quote="2019")).id
    set_status(ana, after, "unverifiable", note="no record")
    review.approve(_as(wb, "bo"), after)

    assert _second(wb, before) == (None, None, True)
    assert _second(wb, after) == ("bo", "bo", False)
    for report in (replay(wb), verify_database(wb), verify_file(exported(wb, tmp_path))):
        found = report.to_json()["one_person_approvals"]
        assert [(f["claim_id"], f["approver"]) for f in found] == [(before, "bo")], found


@pytest.mark.parametrize(
    "payload",
    [{"before": {"email": 5, "display": ["ana"]}, "after": {"email": None}}, ["bo"], "bo"],
)
def test_a_forged_correction_is_not_read_as_a_registration(wb: Workbench, payload: object) -> None:
    """A `user.edited` event written around the workbench (a trail rewritten whole, the recipe
    public) may hold anything: `claim show` and the exports read its fields as the trail's
    check does (trail_people: a value that is not text is no registration), not a traceback."""
    before = proposed(wb, "ana")
    add_user(_as(wb, "ana"), "ana", email="x@d.org")
    add_user(_as(wb, "ana"), "bo", email="bo@d.org")
    review.approve(_as(wb, "bo"), before)
    with transaction(_as(wb, "ana"), write=True) as tx:
        tx.record("user.edited", "user", "bo", payload)  # type: ignore[arg-type]
    assert _second(wb, before) == ("bo", "bo", False)
