"""`claim list --search` ignores a variation selector after a pictograph, typed or stored, on
both backends (the suite runs once per backend).

What quote333 left: `claim add --quote "I ❤ NY"` pins the document's `I ❤️ NY` (U+2764 U+FE0F),
but `claim list --search "I ❤ NY"` did not find the claim it made, nor `I ❤️ NY` typed a claim
holding `I ❤ NY`. Which of the two a text holds is the app it was pasted from, not the words.
A selector after anything but a pictograph (Extended_Pictographic: ❤, ☺, ✔, ©...) is compared
as any character is (review338).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.services.context import Workbench
from workbench.services.queries import ClaimFilter, list_claims

HEART, EMOJI, TEXT_STYLE = "\u2764", "\ufe0f", "\ufe0e"
TEXTS = (
    f"Fans wrote I {HEART}{EMOJI} NY on signs",
    f"Others wrote I {HEART} LA in chalk",
    f"{HEART}{EMOJI}{HEART}{EMOJI} twice",
    f"他说{HEART}{EMOJI}上海",
    f"Checked {chr(0x2714)}{TEXT_STYLE} by desk",  # ✔︎
    f"x{EMOJI}y plain letters",  # a stray selector after a letter: a character like any
    f"code {HEART}{EMOJI}NY{HEART}{EMOJI}",  # words too short for a trigram, beside the heart
)


@pytest.fixture
def ids(document_with_claims: Callable[..., Any]) -> list[int]:
    claims = [{"text": text, "quote": "ZQZ"} for text in TEXTS]
    return list(document_with_claims("ZQZ\n", claims).claims)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (f"I {HEART} NY", [0]),
        (f"I {HEART}{EMOJI} NY", [0]),
        (f"I {HEART}{TEXT_STYLE} NY", [0]),
        (f"I {HEART}{EMOJI} LA", [1]),
        (f"{HEART} LA", [1]),
        (f"{HEART}{HEART}", [2]),
        (f"{HEART}{EMOJI}{HEART}", [2]),
        (f"{HEART}{EMOJI}", [0, 1, 2, 3, 6]),
        (f"说{HEART}上海", [3]),
        (f"他说{HEART}{EMOJI}", [3]),
        (f"{chr(0x2714)} by", [4]),
        (f"{chr(0x2714)}{EMOJI} by desk", [4]),
        ("xy plain", []),
        (f"x{EMOJI}y", [5]),
        # pg_trgm sees `NY` start at the heart, but a row may hold a selector between them:
        # no window `❤NY` (search_needle._edge_windows); `NY❤` is one.
        (f"{HEART}NY", [6]),
        (f"NY{HEART}", [6]),
        (f"e {HEART}NY", [6]),
    ],
)
def test_a_selector_after_a_pictograph_is_ignored(
    wb: Workbench, ids: list[int], query: str, expected: list[int]
) -> None:
    got = sorted(c.id for c in list_claims(wb, ClaimFilter(search=query)))
    assert got == [ids[i] for i in expected], query
