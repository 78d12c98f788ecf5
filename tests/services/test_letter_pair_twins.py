"""newdesk: `rnaria` approved maria's verdict. Unicode's confusables list `m` as drawn like the
two letters `rn` (the one pair of ASCII letters it gives for an ASCII letter), but the
skeleton folded single characters only, so a second name typed with `rn` for `m` was another
reviewer, and was registered beside the first. A name's skeleton reads `rn` as `m`; a tag's
(compared as a word, where `modern` and `modem` are two) is left as it was."""

from __future__ import annotations

import json

import pytest

from tests.services.test_replay_self_approval import _ok, _proposal, _run
from workbench.domain.identity import skeleton

PAIRS = [
    ("maria", "rnaria"),
    ("rnaria", "maria"),
    ("tom", "torn"),
    ("emma", "ernrna"),
    ("mia", "RNia"),
    ("maria", "\u0280\u0274aria"),  # LATIN LETTER SMALL CAPITAL R, N
    ("maria", "r\u0274aria"),
    ("maria", "r\u00b7naria"),  # a middle dot between the two, which the skeleton leaves out
]


@pytest.mark.parametrize(("name", "twin"), PAIRS)
def test_rn_is_drawn_as_m_in_a_name(name: str, twin: str) -> None:
    assert skeleton(twin.lower()) == skeleton(name.lower())


def test_a_tag_keeps_rn_and_m_apart() -> None:
    assert skeleton("modern", skim=False) != skeleton("modem", skim=False)


@pytest.mark.parametrize(("proposer", "approver"), PAIRS[:3])
def test_an_rn_twin_cannot_approve(db_url: str, proposer: str, approver: str) -> None:
    cid = _proposal(db_url, proposer)
    r = _run(db_url, approver, "claim", "approve", str(cid), "--note", "ok")
    assert r.code == 1, f"{approver!r} approved {proposer}'s verdict: {r.out}"
    assert f"{approver} is too like {proposer}" in r.err, r.err
    shown = _ok(_run(db_url, approver, "claim", "list", "--approvable", "--json"))
    assert [c["id"] for c in json.loads(shown.out)] == [], shown.out


def test_an_rn_twin_is_not_registered_beside_the_name(db_url: str) -> None:
    _ok(_run(db_url, "maria", "user", "add", "maria"))
    r = _run(db_url, "maria", "user", "add", "rnaria")
    assert r.code == 1, f"'rnaria' registered beside maria: {r.out}{r.err}"
    assert "looks like the registered user 'maria'" in r.err, r.err
