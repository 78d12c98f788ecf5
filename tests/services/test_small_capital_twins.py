"""trial55: three Latin small capitals, and the Cyrillic and Greek letters of their classes,
were no twins of their letters. TR39 represents the classes of ᴍ (with Cyrillic м), ᴛ (with т
and Greek τ) and ᴋ (with к and κ) by ʍ, τ and ĸ, and the rule that a small capital is its
letter was applied to the small capitals themselves, not to those representatives: `ᴍaria`
and `мaria` approved maria's verdict, `тom` tom's and `ᴋim` kim's, and tom registered `ᴍaria`
beside maria."""

from __future__ import annotations

import pytest

from tests.services.test_replay_self_approval import _ok, _proposal, _run
from workbench.domain.identity import skeleton

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
