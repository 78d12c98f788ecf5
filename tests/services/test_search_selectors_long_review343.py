"""A search of more than pg_search.MAX_REGEX_CHARS characters (PostgreSQL's translate() path,
not a regular expression) keeps README's rule as the shorter one does, on both backends: a
variation selector after a pictograph is ignored, one after a letter is a character like any
other (review343: the long path dropped every selector, after a letter too, on PostgreSQL only,
so `xy` found `x<U+FE0F>y` there and not on SQLite)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.db.pg_search import MAX_REGEX_CHARS
from workbench.services.context import Workbench
from workbench.services.queries import ClaimFilter, list_claims

HEART, EMOJI = "\u2764", "\ufe0f"
# Words enough to take the query past the regular expression's length, in every claim.
TAIL = " " + " ".join(f"filler{i:04d}" for i in range(MAX_REGEX_CHARS // 10 + 10))
TEXTS = (
    f"x{EMOJI}y plain letters{TAIL}",  # a stray selector after a letter
    f"Fans wrote I {HEART}{EMOJI} NY on signs{TAIL}",
    f"Others wrote I {HEART} LA in chalk{TAIL}",
)


@pytest.fixture
def ids(document_with_claims: Callable[..., Any]) -> list[int]:
    claims = [{"text": text, "quote": "ZQZ"} for text in TEXTS]
    return list(document_with_claims("ZQZ\n", claims).claims)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (f"xy plain letters{TAIL}", []),
        (f"x{EMOJI}y plain letters{TAIL}", [0]),
        (f"I {HEART} NY on signs{TAIL}", [1]),
        (f"I {HEART}{EMOJI} LA in chalk{TAIL}", [2]),
    ],
)
def test_a_long_search_ignores_a_selector_after_a_pictograph_only(
    wb: Workbench, ids: list[int], query: str, expected: list[int]
) -> None:
    assert len(query) > MAX_REGEX_CHARS
    got = sorted(c.id for c in list_claims(wb, ClaimFilter(search=query)))
    assert got == [ids[i] for i in expected], query[:40]
