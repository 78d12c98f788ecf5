"""Names as people type them: one normal form each, and look-alikes caught by skeleton."""

from __future__ import annotations

import re

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.identity import normalise_name, same_person, skeleton


@pytest.mark.parametrize(
    "typed",
    ["alice", "Alice", " alice ", "ALICE", "ａｌｉｃｅ", "Ａｌｉｃｅ"],
)
def test_one_normal_form(typed: str) -> None:
    assert normalise_name(typed) == "alice"


def test_spaces_trim_and_collapse() -> None:
    assert normalise_name("\n  Maria \u3000  Lopez \t") == "maria lopez"


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("alice\u200b", "ZERO WIDTH SPACE"),
        ("ali\u200dce", "ZERO WIDTH JOINER"),
        ("\u202ealice", "RIGHT-TO-LEFT OVERRIDE"),
        ("ali\nce", "U+000A"),
        ("al\x1b[31mice", "U+001B"),
        ("alice\x00", "U+0000"),
        ("a\U000e0001lice", "LANGUAGE TAG"),
        ("ali\ue000ce", "U+E000"),
        ("ali\U0003ffffce", "U+3FFFF"),  # unassigned
    ],
)
def test_invisible_and_undefined_characters_are_refused(typed: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(why)):
        normalise_name(typed)


@pytest.mark.parametrize("typed", ["", "   ", "\u3000"])
def test_empty_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="needs a name"):
        normalise_name(typed)


def test_too_long_is_refused() -> None:
    with pytest.raises(InvalidInput, match="at most 100"):
        normalise_name("a" * 101)


@pytest.mark.parametrize(
    "impostor",
    ["\u0430lice", "p\u0430ypal", "\u03c1aypal", "j\u043ehn"],  # Cyrillic а, о; Greek ρ
)
def test_mixed_script_impostors_are_refused(impostor: str) -> None:
    with pytest.raises(InvalidInput, match="mixes scripts"):
        normalise_name(impostor)


@pytest.mark.parametrize("name", ["张伟", "张wei", "josé", "müller", "o'brien", "анна", "μαρία"])
def test_real_names_in_one_or_more_scripts_pass(name: str) -> None:
    assert normalise_name(name) == name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("alice", "ALICE"),
        ("alice", "ａｌｉｃｅ"),
        ("alice", "\u0430lice"),  # a Cyrillic а: refused as a name, still the same person
        ("alice", "\u0430\u217c\u0456\u0441\u0435"),  # whole-script look-alike
        ("bill", "bi\u217c\u217c"),  # SMALL ROMAN NUMERAL FIFTY for l
    ],
)
def test_look_alikes_are_one_person(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize(("a", "b"), [("alice", "alicia"), ("bob", "rob"), ("张伟", "张玮")])
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_skeleton_is_a_fixed_point() -> None:
    for name in ["alice", "\u0430\u217c\u0456\u0441\u0435", "müller", "张伟", "ωmega"]:
        key = skeleton(name)
        assert skeleton(key) == key


def test_nobody_is_the_same_person_as_nobody() -> None:
    assert not same_person(None, "alice") and not same_person("alice", None)
