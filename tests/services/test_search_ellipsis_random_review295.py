"""`claim list --search` with ellipses, on both backends: random stored texts and queries of
dots, ellipses and short words find exactly the claims a comparison in Python finds, each
spelling of the query (`search_needle.spellings`) folded against the folded text. PostgreSQL
narrows spellings alike once and compares each row with all of them, and narrows words too
short for a trigram by their edges (review295): what is found must not change with either."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from tests.services.test_search_forms import found
from workbench.domain.forms import forms_of, search_fold
from workbench.domain.search_needle import spellings
from workbench.services.context import Workbench

ALPHABET = "他说们ab .。．…⋯︙，"


def _fold(text: str) -> str:
    return "".join(search_fold(ch) for ch in text.lower())


def test_an_ellipsis_search_is_each_spelling_folded(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    rng = random.Random(295)
    quotes = [
        "句" + "".join(rng.choice(ALPHABET) for _ in range(10)).strip() + "句" for _ in range(12)
    ]
    claims = document_with_claims(
        "\n".join(quotes) + "\n", [{"text": "c", "quote": q} for q in quotes]
    ).claims
    for _ in range(80):
        source = rng.choice(quotes)
        start = rng.randrange(len(source) - 1)
        piece = source[start : start + rng.randint(2, 7)].strip()
        if not piece:
            continue
        needle = "".join(rng.choice(forms_of(ch)) for ch in piece)
        asked = [_fold(s) for s in spellings(needle)]
        want = [c for c, q in zip(claims, quotes, strict=True) if any(a in _fold(q) for a in asked)]
        assert found(wb, needle) == want, needle
