"""`claim list --approvable` listed a proposal that `claim approve` then refused its reader.

陈静 proposed a verdict under an earlier version, which recorded her as `陈 静` (trial68), and
is registered since as `陈静` with the address cj@example.org; cj@example.org, registered
before `user add` refused a name that is another person's address (fix259), asks for the
claims they may approve. `claim approve` reads the proposer by her form today and refuses them
(one person by the email rule); the queue looked her address up under the trail's `陈 静`
only, found none, and listed the claim as theirs to approve (refactor280).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from tests.cli.test_names_stored_by_an_earlier_version import earlier_version
from tests.conftest import run_in_process
from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import _registered_as_before, proposed
from workbench.db.engine import get_engine
from workbench.domain.errors import TransitionRefused
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import ClaimFilter, list_claims


def _proposed_by_her_earlier_form(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> int:
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
    with pytest.raises(TransitionRefused, match=r"cj@example\.org is too like 陈 静"):
        review.approve(_as(wb, "cj@example.org"), cid)
    return cid


def test_the_queue_leaves_out_what_the_approval_refuses(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _proposed_by_her_earlier_form(wb, monkeypatch)
    reader = _as(wb, "cj@example.org")
    queue = [c.id for c in list_claims(reader, ClaimFilter(approvable_by="cj@example.org"))]
    assert cid not in queue, "listed as approvable, then refused"
    # Another reviewer's queue still holds it.
    assert cid in [c.id for c in list_claims(_as(wb, "li"), ClaimFilter(approvable_by="li"))]


def test_claim_list_approvable_does_not_offer_it(
    wb: Workbench, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _proposed_by_her_earlier_form(wb, monkeypatch)
    r = run_in_process(
        ["--db", db_url, "--as", "cj@example.org", "claim", "list", "--approvable", "--json"]
    )
    assert r.code == 0, r.err
    assert cid not in [c["id"] for c in json.loads(r.out)], r.out
