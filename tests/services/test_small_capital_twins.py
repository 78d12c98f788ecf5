"""trial55: three Latin small capitals, and the Cyrillic and Greek letters of their classes,
were no twins of their letters. TR39 represents the classes of ᴍ (with Cyrillic м), ᴛ (with т
and Greek τ) and ᴋ (with к and κ) by ʍ, τ and ĸ, and the rule that a small capital is its
letter was applied to the small capitals themselves, not to those representatives: `ᴍaria`
and `мaria` approved maria's verdict, `тom` tom's and `ᴋim` kim's, and tom registered `ᴍaria`
beside maria."""

from __future__ import annotations

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


TWINS = [
    ("maria", "\u1d0daria"),  # LATIN LETTER SMALL CAPITAL M
    ("maria", "\u043caria"),  # CYRILLIC SMALL LETTER EM
    ("tom", "\u0442om"),  # CYRILLIC SMALL LETTER TE
    ("tom", "\u1d1bom"),  # LATIN LETTER SMALL CAPITAL T
    ("kim", "\u1d0bim"),  # LATIN LETTER SMALL CAPITAL K
    ("kim", "\u043aim"),  # CYRILLIC SMALL LETTER KA
]


@pytest.mark.parametrize(("name", "twin"), [*TWINS, ("kim", "\u03baim")])  # and Greek kappa
def test_each_small_capital_class_is_its_letter(name: str, twin: str) -> None:
    assert skeleton(twin) == skeleton(name)


@pytest.mark.parametrize(("proposer", "approver"), TWINS)
def test_a_small_capital_twin_cannot_approve(db_url: str, proposer: str, approver: str) -> None:
    cid = _proposal(db_url, proposer)
    r = _run(db_url, approver, "claim", "approve", str(cid))
    assert r.code == 1, f"{approver!r} approved {proposer}'s verdict: {r.out}"
    assert "too like" in r.err or proposer in r.err, r.err


@pytest.mark.parametrize("twin", ["\u1d0daria", "\u043caria"])
def test_a_small_capital_twin_is_not_registered_beside_the_name(db_url: str, twin: str) -> None:
    _ok(_run(db_url, "maria", "user", "add", "maria"))
    r = _run(db_url, "maria", "user", "add", twin)
    assert r.code == 1, f"{twin!r} registered beside maria: {r.out}{r.err}"
    assert "looks like the registered user 'maria'" in r.err, r.err
