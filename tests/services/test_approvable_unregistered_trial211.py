"""trial211: on a desk whose people are registered, `--as carol claim list --approvable` (carol
a typo or a stranger) listed the proposals awaiting sign-off as carol's to approve, and `claim
approve` then refused her every one ("'carol' is not a registered user of this desk"). The
sign-off queue is a person's, as `--mine` is: refused alike, with the names meant."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import ok
from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.settings import set_config
from workbench.services.users import add_user


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def _proposal(wb: Workbench) -> int:
    """A verdict maria proposed, awaiting a second reviewer; bob and maria registered."""
    doc = add_document(wb, "MiniMax在2021年底创业，2023年估值25亿美元。".encode()).document.id
    claim = add_claim(wb, doc, "valued 2.5bn", SpanRequest(quote="估值25亿美元")).id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    add_user(wb, "maria")
    add_user(_as(wb, "maria"), "bob")
    maria = _as(wb, "maria")
    add_evidence(maria, claim, EvidenceInput(citation="filing", stance="supports"))
    set_status(maria, claim, "verified", note="filing says so")
    return claim


def test_the_sign_off_queue_of_an_unregistered_name_is_refused(wb: Workbench) -> None:
    """bob's queue holds the proposal; 'bobb' (a typo) is refused, naming bob, not shown a
    queue that `claim approve` would refuse item by item."""
    claim = _proposal(wb)
    assert [c.id for c in list_claims(_as(wb, "bob"), ClaimFilter(approvable_by="bob"))] == [claim]
    with pytest.raises(InvalidInput, match=r"'bobb' is not a registered user.*bob"):
        list_claims(_as(wb, "bobb"), ClaimFilter(approvable_by="bobb"))


def test_the_sign_off_queue_of_anyone_before_people_are_registered(wb: Workbench) -> None:
    """Before the desk registers anyone, any name may approve, and its queue is listed."""
    doc = add_document(wb, "甲公司估值40亿美元。".encode()).document.id
    claim = add_claim(wb, doc, "valued 4bn", SpanRequest(quote="估值40亿美元")).id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    maria = _as(wb, "maria")
    add_evidence(maria, claim, EvidenceInput(citation="filing", stance="supports"))
    set_status(maria, claim, "verified", note="filing says so")
    assert [c.id for c in list_claims(_as(wb, "carol"), ClaimFilter(approvable_by="carol"))] == [
        claim
    ]


def test_the_cli_refuses_an_unregistered_reviewers_queue_in_one_line(
    wb: Workbench, cli: Callable[..., Any]
) -> None:
    """Through the CLI: exit 1, one line on stderr, nothing on stdout (no table, no JSON)."""
    _proposal(wb)
    assert "valued 2.5bn" in ok(cli("--as", "bob", "claim", "list", "--approvable")).out
    for extra in ([], ["--json"]):
        r = cli("--as", "carol", "claim", "list", "--approvable", *extra)
        assert r.code == 1, r
        assert "'carol' is not a registered user of this desk" in r.err
        assert "valued 2.5bn" not in r.out
