"""`claim list --search` and the space a writer puts, or leaves out, between Chinese characters
and Latin letters or figures, on both backends (the suite runs once per backend): the search
takes either, as `--quote` does (tests/cli/test_search_mixed_spacing.py has the command)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain import search_needle
from workbench.domain.forms import forms_of, search_fold
from workbench.domain.search_needle import spacings
from workbench.services.context import Workbench
from workbench.services.queries import ClaimFilter, list_claims


def found(wb: Workbench, search: str) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(search=search))]


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("Kimi 智能助手", ("Kimi 智能助手", "Kimi智能助手")),
        ("Kimi智能助手", ("Kimi智能助手", "Kimi 智能助手")),
        ("营收1.5亿", ("营收1.5亿", "营收1.5 亿", "营收 1.5亿", "营收 1.5 亿")),
        ("ｋｉｍｉ　智能", ("ｋｉｍｉ 智能", "ｋｉｍｉ智能")),  # the ideographic space, any width
        ("月之暗面", ("月之暗面",)),
        ("Moonshot AI", ("Moonshot AI",)),  # Latin beside Latin: the space is a word's edge
        ("100% 打了", ("100% 打了",)),  # a sign is no letter or digit
        ("a  公", ("a  公",)),  # two spaces are no habit
        # Past MAX_SPACED_GAPS places: as typed, spaced at none and at all of them.
        ("2024年Q1营收1.5亿元", ("2024年Q1营收1.5亿元", "2024 年 Q1 营收 1.5 亿元")),
        (
            "2024 年Q1营收1.5亿元",
            ("2024 年Q1营收1.5亿元", "2024年Q1营收1.5亿元", "2024 年 Q1 营收 1.5 亿元"),
        ),
    ],
)
def test_spacings(text: str, spelled: tuple[str, ...]) -> None:
    assert spacings(text) == spelled


TEXT = "首款产品Kimi智能助手。Kimi 每天处理的对话请求超过1亿次。营收达到 1.5亿元。"
QUOTES = ("首款产品Kimi智能助手", "Kimi 每天处理的对话请求超过1亿次", "营收达到 1.5亿元")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kimi智能助手", [0]),
        ("Kimi 智能助手", [0]),
        ("产品 Kimi", [0]),
        ("kimi　智能", [0]),  # the ideographic space a Chinese IME types
        ("Kimi每天", [1]),
        ("Kimi 每天", [1]),
        ("超过 1 亿次", [1]),
        ("营收达到1.5 亿元", [2]),
        ("Kimi", [0, 1]),
        ("Kimi  每天", []),  # two spaces are not the habit: compared as typed
        ("能助手Kimi", []),
    ],
)
def test_search_takes_either_spacing(
    wb: Workbench, document_with_claims: Callable[..., Any], query: str, expected: list[int]
) -> None:
    """`--search "Kimi 智能助手"` found nothing of the article's "Kimi智能助手", nor
    `--search "Kimi每天"` of its "Kimi 每天"."""
    claims = document_with_claims(TEXT, [{"text": "c", "quote": q} for q in QUOTES]).claims
    assert found(wb, query) == [claims[i] for i in expected], query


def _fold(text: str) -> str:
    """`text` as the search compares it: lower-cased, folded, and without a single space
    between a Chinese character and a Latin letter or digit."""
    folded = "".join(search_fold(ch) for ch in text.lower())
    return "".join(
        ch
        for i, ch in enumerate(folded)
        if not (ch == " " and 0 < i < len(folded) - 1 and _meet(folded[i - 1], folded[i + 1]))
    )


def _meet(a: str, b: str) -> bool:
    def han(ch: str) -> bool:
        return "\u4e00" <= ch <= "\u9fff"

    return a.isalnum() and b.isalnum() and han(a) != han(b)


ALPHABET = "他公司aK1 　，"


def test_search_is_the_comparison_without_the_habit(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random stored texts and needles of Chinese, Latin and spaces: the search finds exactly
    the claims a comparison in Python of both sides, folded and without the single spaces
    between Chinese and Latin, finds (every spacing of the needle: the limit raised)."""
    monkeypatch.setattr(search_needle, "MAX_SPACED_GAPS", 8)
    rng = random.Random(58)
    quotes = ["".join(rng.choice(ALPHABET) for _ in range(10)).strip() + "句" for _ in range(12)]
    text = "。".join(quotes) + "。"
    claims = document_with_claims(text, [{"text": "c", "quote": q} for q in quotes]).claims
    checked = 0
    for _ in range(80):
        source = rng.choice(quotes)
        start = rng.randrange(len(source) - 1)
        piece = source[start : start + rng.randint(2, 7)].strip()
        # Each space between Chinese and Latin dropped or kept, a missing one added or not.
        needle = "".join(
            ch + (" " if rng.random() < 0.3 and _meet(ch, nxt) else "")
            for ch, nxt in zip(piece, [*piece[1:], ""], strict=True)
            if not (ch in " 　" and rng.random() < 0.5)
        ).strip()
        needle = "".join(rng.choice(forms_of(ch)) for ch in needle)
        if not needle:
            continue
        want = [c for c, q in zip(claims, quotes, strict=True) if _fold(needle) in _fold(q)]
        assert found(wb, needle) == want, needle
        checked += len(want)
    assert checked
