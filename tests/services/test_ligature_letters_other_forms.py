"""rlook: the ligature letters' other forms were other people than the letters they draw.

412b3276 reads a Latin letter TR39's data draws as two joined (`œ` -> `oe`, `æ` -> `ae`) as
those two, but two forms of the same letters were left out. The small capitals `ɶ` (LATIN
LETTER SMALL CAPITAL OE) and `ᴁ` (SMALL CAPITAL AE) are their letters by the skeleton's small
capital rule (`ʟin` is `lin`), so `chlɶ` is `chlœ`, which is chloe; but that rule reads only
small capitals of one letter, and `user add chlɶ` was registered beside chloe. The Cyrillic
`ӕ` (LIGATURE A IE), which the data draws as `ae` as it draws `æ`, was skipped with the other
Cyrillic letters (`ы` -> `bl` would respell Russian names), so `сӕсіӏіе`, every letter
Cyrillic, was registered beside caecilie, whom it reads as. `ы` stays as it is.
"""

from __future__ import annotations

import pytest

from tests.services.test_replay_self_approval import _ok, _proposal, _run
from workbench.domain.identity import likeness, normalise_name


@pytest.mark.parametrize(
    ("plain", "other"),
    [
        ("chloe", "chlɶ"),
        ("chlœ", "chlɶ"),
        ("maeve", "mᴁve"),
        ("mæve", "mᴁve"),
        ("caecilie", "сӕсіӏіе"),
        ("cæcilie", "сӕсіӏіе"),
        ("ooma", "ꚙма"),
    ],
)
def test_another_form_of_a_ligature_is_its_letters(plain: str, other: str) -> None:
    a, b = normalise_name(plain), normalise_name(other)
    assert likeness(a, b) == "looks like" and likeness(b, a) == "looks like"


@pytest.mark.parametrize(("a", "b"), [("вы", "bbl"), ("рыба", "pbla"), ("юра", "lopa")])
def test_a_cyrillic_letter_drawn_as_no_latin_ligature_keeps_its_name(a: str, b: str) -> None:
    assert likeness(normalise_name(a), normalise_name(b)) is None


@pytest.mark.parametrize(("registered", "other"), [("chloe", "chlɶ"), ("caecilie", "сӕсіӏіе")])
def test_another_form_is_not_registered_beside_its_twin(
    db_url: str, registered: str, other: str
) -> None:
    _ok(_run(db_url, registered, "user", "add", registered))
    refused = _run(db_url, registered, "user", "add", other)
    assert refused.code == 1, refused.out + refused.err
    assert f"looks like the registered user '{registered}'" in refused.err, refused.err


def test_the_small_capital_does_not_approve_the_verdict_it_looks_like(db_url: str) -> None:
    cid = _proposal(db_url, "chloe")
    approved = _run(db_url, "chlɶ", "claim", "approve", str(cid), "--note", "ok")
    assert approved.code == 1, approved.out + approved.err
    assert "too like chloe" in approved.err, approved.err
