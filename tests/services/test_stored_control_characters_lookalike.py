"""lookalike: a name stored with an ASCII control character (a forged trail, a bundle) was
another person to the one-reviewer rule, where the same name with an invisible character of
any other block was the person.

A skeleton leaves out what draws nothing, for names stored before such characters were refused
(docs/identity.md), but `identity.drawn` returned every ASCII text as it was: U+0001, U+007F or
a backspace after `maria` stayed in her skeleton. An approval of maria's verdict under
`maria` + U+0001, written by SQL as a person with the file (SQLite) or the grants (PostgreSQL)
can, passed `audit replay` with no warning, and `claim show` read it as a second reviewer's;
the same approval under `maria` + U+200B is warned of and read as none.
"""

from __future__ import annotations

import pytest

from tests.services.test_replay_self_approval import _forge_approval, _ok, _proposal, _run
from workbench.domain.identity import same_person, skeleton
from workbench.domain.reviewers import Registered, one_reviewer
from workbench.domain.status import same_person_key
from workbench.domain.trail_people import Registrations

# Controls of the C0 block and DEL: none is whitespace to str.split, so the fold keeps them.
STORED = ["maria\x01", "maria\x7f", "ma\x08ria", "\x1bmaria", "mar\x00ia"]


@pytest.mark.parametrize("stored", STORED)
def test_a_stored_name_with_an_ascii_control_is_its_person(stored: str) -> None:
    assert skeleton(stored) == skeleton("maria")
    assert same_person(stored, "maria") and same_person("maria", stored)
    assert same_person_key(stored) == "maria"
    assert one_reviewer(stored, "maria", Registered()) is not None
    assert one_reviewer("maria", stored, Registered()) is not None


@pytest.mark.parametrize("actor", ["maria\x01", "maria\x7f"])
def test_an_approval_under_the_proposers_name_and_a_control_is_no_second_review(
    db_url: str, actor: str
) -> None:
    cid = _proposal(db_url, "maria")
    _forge_approval(db_url, cid, actor)
    shown = _ok(_run(db_url, "maria", "claim", "show", str(cid)))
    assert "with no second reviewer" in shown.out, shown.out
    replay = _run(db_url, "maria", "audit", "replay")
    assert "no second person reviewed" in replay.out + replay.err, replay.out + replay.err


def test_a_trail_registering_a_name_with_an_ascii_control_beside_its_person_is_warned_of() -> None:
    """`audit verify` and `audit replay` hold a trail's registrations to `user add`'s rule: a
    forged `maria` + U+0001 beside maria, and `Maria Lopez` beside one shown as `Maria` + DEL
    + ` Lopez`, were let through unnamed."""
    found = Registrations()
    people = [
        ("maria", None),
        ("maria\x01", None),
        ("bob", "Maria\x7f Lopez"),
        ("ml", "Maria Lopez"),
    ]
    for seq, (name, display) in enumerate(people, 1):
        found.feed(seq, "user.added", {"after": {"name": name, "display": display}})
    assert [(f.seq, f.other_seq) for f in found.found] == [(2, 1), (4, 3)]
