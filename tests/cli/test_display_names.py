"""`user add --display`: held to a name's rules (docs/identity.md), and refused as bad usage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.display_names import display_name
from workbench.domain.errors import InvalidInput

Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("display", "said"),
    [
        ("Bob\u3164", "U+3164 HANGUL FILLER"),
        ("Bob\u0430", "the display name's word 'bobа' mixes scripts"),
        ("Maria L\u043epez", "'lоpez' mixes scripts"),
        ("x" * 201, "the display name is 201 characters; the limit is 200"),
        ("   ", "the display name is empty"),
        ("Bob\nRosa", "control character U+000A"),
    ],
)
def test_a_bad_display_name_is_bad_usage_and_registers_nobody(
    cli: Run, display: str, said: str
) -> None:
    """A display name was held to the invisible-character rule only, and refused as
    invalid_input (exit 1) where a bad name, or a bad --email, is bad usage (exit 2); and one
    mixing scripts to imitate Latin (`Bobа`, a Cyrillic а) was registered (trial56), shown in
    every list as `Boba`."""
    r = cli("user", "add", "bob", "--display", display)
    assert r.code == 2, r.err
    assert said in r.err and "(see `workbench user add --help`)" in r.err, r.err
    assert cli("user", "list", "--json").out.strip() == "[]"


@pytest.mark.parametrize(
    "display",
    ["Анна Петрова (Anna Petrova)", "王芳 (Wang Fang)", "Σοφία Παπαδοπούλου", "Ben O'Neil"],
)
def test_a_full_name_in_two_scripts_is_a_display_name(display: str) -> None:
    """Judged word by word: a name written in two scripts, each word in one, is no imitation."""
    assert display_name(display) == display


def test_the_library_refuses_the_same_display_names() -> None:
    with pytest.raises(InvalidInput, match="mixes scripts"):
        display_name("Bob\u0430")
