"""newdesk: `rnaria` approved maria's verdict. Unicode's confusables list `m` as drawn like the
two letters `rn` (the one pair of ASCII letters it gives for an ASCII letter), but the
skeleton folded single characters only, so a second name typed with `rn` for `m` was another
reviewer, and was registered beside the first. A name's skeleton reads `rn` as `m`; a tag's
(compared as a word, where `modern` and `modem` are two) is left as it was."""

from __future__ import annotations

import json

import pytest

from tests.conftest import PG_URL, Result, run_in_process
from workbench.domain.identity import skeleton


def _run(url: str, actor: str, *args: str, input: str | None = None) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args], input=input)


def _ok(r: Result) -> Result:
    assert r.code == 0, r.out + r.err
    return r


def _proposal(url: str, proposer: str) -> int:
    """One claim whose verdict (unverifiable: no evidence needed) `proposer` proposed with
    review.required on (and, on PostgreSQL, review.distinct_roles off: every test connects
    from one role, so only the names are compared)."""
    _ok(_run(url, proposer, "doc", "add", "-", input="MiniMax在2021年底创业。\n"))
    _ok(_run(url, proposer, "claim", "add", "1", "--text", "founded 2021", "--quote", "2021年底"))
    _ok(_run(url, proposer, "config", "set", "review.required", "true"))
    if PG_URL:
        _ok(_run(url, proposer, "config", "set", "review.distinct_roles", "false"))
    _ok(_run(url, proposer, "claim", "status", "1", "unverifiable", "--note", "no record"))
    return 1


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
