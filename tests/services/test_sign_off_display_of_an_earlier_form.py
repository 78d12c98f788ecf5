"""An approval by a proposer's display name, the proposer recorded in an earlier normal form.

陈静 proposed a verdict under an earlier version, which recorded her as `陈 静` (a space
between Chinese characters: trial68), and was registered since as `陈静`, shown as Jenny Chen;
`jenny chen`, registered before registration refused a name that is another's display name,
approved it. `claim approve` reads her as `陈静` (current_form) and refuses it; the sign-off
(rr270) looked her display name up under the trail's `陈 静` only, found none, and `claim
show`, `export claims` and every publishing command read the approval as jenny chen's second
review (rr276). So did an approval by her email address, registered so (fix259's rule).
"""

from __future__ import annotations

import csv
import io

import pytest

from tests.cli.test_names_stored_by_an_earlier_version import earlier_version
from tests.conftest import run_in_process
from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import _registered_as_before, proposed
from workbench.domain.errors import TransitionRefused
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import show_claim


def _approved(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> int:
    with earlier_version(monkeypatch):
        cid = proposed(wb, "陈 静")
    _registered_as_before(wb, ("陈静", "Jenny Chen"), ("jenny chen", None), ("li", None))
    with pytest.raises(TransitionRefused):
        review.approve(_as(wb, "jenny chen"), cid)  # today's rule refuses it
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a, **k: None)
        review.approve(_as(wb, "jenny chen"), cid)
    return cid


def test_claim_show_reads_it_as_none(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = _approved(wb, monkeypatch)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("陈 静", None)


def test_the_exports_read_it_as_none(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _approved(wb, monkeypatch)
    r = run_in_process(["--db", db_url, "--as", "li", "export", "claims"])
    assert r.code == 0, r.err
    [row] = [row for row in csv.DictReader(io.StringIO(r.out)) if row["id"] == str(cid)]
    assert row["approved_by"] == "", row
    r = run_in_process(["--db", db_url, "--as", "li", "export", "annotations"])
    assert r.code == 0, r.err
    assert f"no second reviewer approved (#{cid})" in r.err, r.err


def test_by_her_address_too(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    with earlier_version(monkeypatch):
        cid = proposed(wb, "陈 静")
    _registered_as_before(wb, ("cj@example.org", None), ("li", None))
    with get_engine(wb.url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (name, skeleton, display, email, added_by, created_at) VALUES "
                "('陈静', '陈静', NULL, 'cj@example.org', '陈静', CURRENT_TIMESTAMP)"
            )
        )
    with pytest.raises(TransitionRefused):
        review.approve(_as(wb, "cj@example.org"), cid)
    with monkeypatch.context() as m:
        m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
        review.approve(_as(wb, "cj@example.org"), cid)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("陈 静", None)
