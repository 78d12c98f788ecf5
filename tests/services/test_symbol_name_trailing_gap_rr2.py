"""rr2: a name of symbols alone keeps its skeleton when a tab or a line break ends it.

c5a41b52 drew a tab or a line break as a space (`identity.drawn`) where it drew nothing, and
said skeletons were unchanged: letters' are, since spaces go before the look-alike classes.
But a name of symbols alone (an emoji, `-`) is its skeleton's text as drawn, spaces and all,
so a forged trail's `🐼` + TAB, whose skeleton was `🐼`, became `🐼 `, another than 🐼's:
`audit verify` and `audit replay` stopped warning that it registers beside 🐼 (they warned
before). A space at either end of such a name, or two together, is spacing: one gap.
"""

from __future__ import annotations

import pytest

from workbench.domain.identity import likeness, skeleton
from workbench.domain.trail_people import Registrations

GAPS = ["\t", "\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", " "]


@pytest.mark.parametrize("gap", GAPS)
@pytest.mark.parametrize("name", ["🐼", "-", "🐼 🐱"])
def test_a_gap_at_either_end_of_a_symbol_name_is_no_other_skeleton(gap: str, name: str) -> None:
    for stored in (name + gap, gap + name, gap + name + gap):
        assert skeleton(stored) == skeleton(name), repr(stored)
        assert likeness(stored, name) is not None, repr(stored)


@pytest.mark.parametrize("gap", ["\t", "\n", "\u2028", "  "])
def test_a_gap_between_symbols_is_one_space(gap: str) -> None:
    assert skeleton(f"🐼{gap}🐱") == skeleton("🐼 🐱")


@pytest.mark.parametrize("gap", ["\t", "\n", "\u2029"])
def test_a_trail_registering_a_symbol_name_and_a_gap_beside_it_is_warned_of(gap: str) -> None:
    found = Registrations()
    for seq, name in enumerate(["🐼", "🐼" + gap, "bob"], 1):
        found.feed(seq, "user.added", {"after": {"name": name, "display": None}})
    assert [(f.seq, f.other_seq) for f in found.found] == [(2, 1)]


def test_symbol_names_apart_stay_apart() -> None:
    assert skeleton("🐼") != skeleton("🐱")
    assert skeleton("🐼🐱") != skeleton("🐼 🐱")  # a space between two symbols is kept
