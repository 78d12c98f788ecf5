"""`claim show` and the exports read an approval by the proposer's own address as none.

maria@example.org, registered before `user add` refused a name that is another person's
`--email`, approved maria's verdict (a workbench before fix259 let it through; `claim approve`
refuses it now). The sign-off read from the trail still named a second reviewer: `claim show`
said "given by maria, approved by maria@example.org", the claims table's `approved_by` said
maria@example.org, and with review.required on no publishing command warned that no second
person approved the verdict, as they do for an approval by the proposer's look-alike.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import run_in_process
from tests.services.test_trail_approvals_emails import _approved_as_before
from workbench.services.context import Workbench
from workbench.services.queries import show_claim


def _cli(db_url: str, *args: str) -> tuple[str, str]:
    r = run_in_process(["--db", db_url, "--as", "maria", *args])
    assert r.code == 0, r.err
    return r.out, r.err


def test_claim_show_says_no_second_reviewer(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _approved_as_before(wb, monkeypatch)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("maria", None)
    out, _ = _cli(db_url, "claim", "show", str(cid))
    assert "sign-off unverifiable given by maria, with no second reviewer" in out, out
    out, _ = _cli(db_url, "claim", "show", str(cid), "--json")
    assert json.loads(out)["sign_off"]["approved_by"] is None


def test_the_claims_table_names_no_approver(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _approved_as_before(wb, monkeypatch)
    out, _ = _cli(db_url, "export", "claims")
    [row] = [r for r in csv.DictReader(io.StringIO(out)) if r["id"] == str(cid)]
    assert (row["verdict_by"], row["approved_by"]) == ("maria", ""), row


def test_publishing_warns_of_the_verdict(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _approved_as_before(wb, monkeypatch)
    for publish in (
        ("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"),
        ("export", "annotations"),
    ):
        _, err = _cli(db_url, *publish)
        assert f"no second reviewer approved (#{cid})" in err, (publish, err)


def test_a_proposer_stored_in_an_earlier_form_is_found(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """王芳, registered by an earlier version as `王 芳` (its normal form then), with the address
    wf@example.org: an approval of her verdict by wf@example.org is none, though `claim show`
    reads only the approval's people, by key."""
    from sqlalchemy import text

    from tests.services.test_sign_off_emails import _as
    from tests.services.test_signoff import proposed
    from workbench.db.engine import get_engine
    from workbench.services import review
    from workbench.services.users import add_user

    cid = proposed(wb, "王芳")
    add_user(_as(wb, "wf@example.org"), "wf@example.org")
    with get_engine(wb.url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (name, skeleton, display, email, added_by, created_at) VALUES "
                "('王 芳', '王芳', NULL, 'wf@example.org', 'wf@example.org', CURRENT_TIMESTAMP)"
            )
        )
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "wf@example.org"), cid)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("王芳", None)
