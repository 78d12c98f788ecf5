"""lookalike: a Latin letter drawn as two letters joined (æ, œ, ꝏ, the dz digraph) was another
person than the name spelling those two letters.

Unicode's confusables (TR39) give such a letter's look-alike as the letters it is drawn as
(`æ` -> `ae`, `œ` -> `oe`), and docs/identity.md maps each character to its look-alike class
from that data; but the skeleton took only the data's pairs of single characters, and read
`chlœ` as a name of its own. So `user add chlœ` was registered beside chloe, and before anyone
was registered `chlœ` approved chloe's verdict; the trail read "given by chloe, approved by
chlœ". (`rn` for `m`, a pair of ASCII letters, is folded by the skeleton itself:
test_letter_pair_twins.)
"""

from __future__ import annotations

import pytest

from tests.conftest import run_in_process
from tests.services.test_replay_self_approval import _ok, _proposal, _run
from workbench.domain.identity import likeness, normalise_name


@pytest.mark.parametrize(
    ("plain", "joined"),
    [
        ("chloe", "chlœ"),
        ("aeron", "æron"),
        ("Aeron", "Æron"),
        ("ooma", "ꝏma"),
        ("dzon", "ʣon"),
        ("haakon", "hꜳkon"),
    ],
)
def test_a_letter_drawn_as_two_is_those_two(plain: str, joined: str) -> None:
    a, b = normalise_name(plain), normalise_name(joined)
    assert likeness(a, b) == "looks like" and likeness(b, a) == "looks like"


@pytest.mark.parametrize(("a", "b"), [("chloe", "chlo"), ("bæk", "bak")])
def test_other_letters_stay_other_names(a: str, b: str) -> None:
    assert likeness(normalise_name(a), normalise_name(b)) is None


def test_a_ligature_name_is_not_registered_beside_its_twin(db_url: str) -> None:
    _ok(_run(db_url, "chloe", "user", "add", "chloe"))
    refused = _run(db_url, "chloe", "user", "add", "chlœ")
    assert refused.code == 1, refused.out + refused.err
    assert "looks like the registered user 'chloe'" in refused.err, refused.err


def test_a_ligature_name_does_not_approve_the_verdict_it_looks_like(db_url: str) -> None:
    cid = _proposal(db_url, "chloe")
    approved = run_in_process(
        ["--db", db_url, "--as", "chlœ", "claim", "approve", str(cid), "--note", "ok"]
    )
    assert approved.code == 1, approved.out + approved.err
    assert "too like chloe" in approved.err, approved.err
