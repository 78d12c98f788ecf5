"""`claim list --search` across forms, on both backends (the suite runs once per backend):
full-width and ASCII punctuation, letters and digits, quote styles, either side, in any case;
LIKE's wildcards still literal; notes and evidence titles searched alike; the same claims as a
plain comparison in Python of both sides folded, whichever path the needle takes (as typed,
other spellings beside it, narrowed by windows, or compared row by row)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from workbench.domain import search_needle
from workbench.domain.forms import forms_of, search_fold
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.queries import ClaimFilter, list_claims

# Stored text mixes the forms as Chinese articles do: ASCII commas between Chinese clauses,
# full-width ones, curly quotes, full-width letters and digits, and LIKE's wildcards.
TEXT = (
    "他表示,公司员工已超过800人,其中研发人员占比70%。"
    "月之暗面旗下的Kimi智能助手月活跃用户已突破1亿。"
    "“我们是国内第一个”，王伟说：ＧＤＰ增长５％（同比）。"
    "单次高达1500万美金的算力成本 100% 打了水漂_。"
)
QUOTES = (
    "他表示,公司员工已超过800人",
    "Kimi智能助手月活跃用户已突破1亿",
    "“我们是国内第一个”，王伟说：ＧＤＰ增长５％（同比）",
    "单次高达1500万美金的算力成本 100% 打了水漂_",
)


@pytest.fixture
def ids(document_with_claims: Callable[..., Any]) -> list[int]:
    claims = [{"text": f"claim {i}", "quote": q} for i, q in enumerate(QUOTES)]
    return list(document_with_claims(TEXT, claims).claims)


def found(wb: Workbench, search: str) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(search=search))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("他表示，公司", [0]),  # full-width comma for the stored ASCII one
        ("他表示,公司", [0]),  # as stored
        ("ｋｉｍｉ", [1]),  # full-width letters for ASCII ones
        ("KIMI智能", [1]),
        ("gdp增长5%", [2]),  # ASCII (any case) for stored full-width, % literal
        ("ＧＤＰ", [2]),  # as stored
        ('"我们是国内第一个"', [2]),  # straight quotes for curly ones
        ("‘我们", []),  # a single quote is no double one
        ("第一个”,王伟说:", [2]),  # a needle that mixes forms with text of one form
        ("(同比)", [2]),  # made only of characters of several forms, but 同比
        ("１５００万", [3]),
        ("100％ 打了", [3]),  # full-width percent: literal, not LIKE's wildcard
        ("100_", []),  # _ is literal: the text has "100%"
        ("水漂＿", [3]),  # full-width low line for the stored _
        ("%", [2, 3]),  # % alone, literal: the ASCII one and the full-width one
        ("％", [2, 3]),
        ("，", [0, 2]),  # too short for the index: every row compared
        ("Ｋi", [1]),
    ],
)
def test_search_across_forms(
    wb: Workbench, ids: list[int], query: str, expected: list[int]
) -> None:
    assert found(wb, query) == [ids[i] for i in expected], query


def test_a_full_stop_is_folded_with_the_ideographic_one(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    """。 and . are one: a transcript typed on an ASCII keyboard ends Chinese sentences with
    `.`, an IME user types `。`."""
    doc = document_with_claims("他说.我们赢了。", [{"text": "won", "quote": "他说.我们赢了。"}])
    assert found(wb, "他说。我们") == doc.claims
    assert found(wb, "我们赢了.") == doc.claims
    assert found(wb, "了．") == doc.claims  # the full-width full stop, too short for trigrams


def test_notes_and_evidence_titles_are_searched_across_forms(wb: Workbench, ids: list[int]) -> None:
    add_note(wb, ids[1], "据路透社报道，融资额为１５亿美元")
    add_evidence(
        wb, ids[3], EvidenceInput(stance="context", url="https://a.example", title="GPT-4 报告")
    )
    assert found(wb, "路透社报道,融资") == [ids[1]]
    assert found(wb, "15亿美元") == [ids[1]]
    assert found(wb, "ｇｐｔ－４") == [ids[3]]
    assert found(wb, "GPT—4 报") == [ids[3]]  # an em dash for the hyphen
    assert found(wb, "4　报告") == [ids[3]]  # the ideographic space for the ASCII one


def test_each_path_of_the_needle_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The paths the random test below must reach (it shrinks the limits to reach them), as
    SQLite's FTS5 (every character in its trigrams) and pg_trgm (letters and digits) ask."""
    from workbench.db import postgresql, sqlite

    def fts5(text: str) -> search_needle.Needle | None:
        return search_needle.needle(text, sqlite.trigram_reads)

    def pg_trgm(text: str) -> search_needle.Needle | None:
        return search_needle.needle(text, postgresql.trigram_reads)

    assert fts5("月之暗面") is None and pg_trgm("月之暗面") is None
    beside = fts5("他表示，公司")
    assert beside is not None and beside.typed and beside.groups[0] == ("他表示",)
    assert "表示," in beside.groups[1] and "表示，" not in beside.groups[1]
    # To pg_trgm a comma is no letter: the text as typed, the comma any character, is all.
    assert pg_trgm("他表示，公司") == replace(beside, groups=())
    word = pg_trgm("Kimi智能")
    assert word is not None and word.typed and {"Ｋim", "Kｉm", "imｉ"} <= set(word.groups[-1])
    short = fts5("，")
    assert short is not None and (short.typed, short.groups) == (False, ())
    # 4 has a full-width form, and no window of pg_trgm's holds it: the word's start (the #,
    # which pg_trgm does not read in any form) is what narrows it (review295).
    unheld = pg_trgm("#4号")
    assert unheld is not None and not unheld.typed
    assert unheld.groups == (tuple(a + b + "号" for a in forms_of("#") for b in forms_of("4")),)
    alone = pg_trgm("4号")  # no edge: every row is compared
    assert alone is not None and (alone.typed, alone.groups) == (False, ())
    monkeypatch.setattr(search_needle, "MAX_OTHER_SPELLINGS", 2)
    narrowed = fts5("他表示，公司员工")
    assert narrowed is not None and not narrowed.typed
    assert narrowed.groups[:2] == (("他表示",), ("公司员工",))
    (window,) = narrowed.groups[2:]  # one window of the comma, in every spelling, as typed too
    assert "表示，" in window and "表示," in window


def _fold(text: str) -> str:
    return "".join(search_fold(ch) for ch in text.lower())


ALPHABET = "他表示公司aK1 ,，、.。\"“”'‘-—%_ｋＡ１　"


@pytest.mark.parametrize("limits", ["as shipped", "narrowed by windows", "no other spellings"])
def test_search_is_the_folded_comparison(
    wb: Workbench,
    document_with_claims: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    limits: str,
) -> None:
    """Random stored texts and needles of an alphabet rich in forms: the search finds exactly
    the claims a comparison in Python of both sides, lower-cased and folded, finds."""
    if limits != "as shipped":
        monkeypatch.setattr(search_needle, "MAX_OTHER_SPELLINGS", 0)
    if limits == "no other spellings":
        monkeypatch.setattr(search_needle, "MAX_WINDOW_SPELLINGS", 0)
    rng = random.Random(53)
    quotes = ["".join(rng.choice(ALPHABET) for _ in range(12)).strip() + "句" for _ in range(12)]
    text = "。".join(quotes) + "。"
    claims = document_with_claims(text, [{"text": "c", "quote": q} for q in quotes]).claims
    for _ in range(120):
        source = rng.choice(quotes)
        start = rng.randrange(len(source) - 1)
        piece = source[start : start + rng.randint(1, 6)].strip()
        if not piece:
            continue
        # The needle in other forms of its characters, and in another case.
        needle = "".join(rng.choice(forms_of(ch)) for ch in piece)
        needle = needle.upper() if rng.random() < 0.3 else needle
        want = [c for c, q in zip(claims, quotes, strict=True) if _fold(needle) in _fold(q)]
        assert found(wb, needle) == want, (needle, limits)


def test_glob_and_like_syntax_in_a_needle_is_literal(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    """SQLite compares across forms with GLOB, PostgreSQL with LIKE and strpos: their special
    characters, in any form, are only themselves."""
    quote = "式[a-b]*c?d^e\\f%g_h]"
    doc = document_with_claims(f"{quote}。", [{"text": "syntax", "quote": quote}])
    for query in (quote, "［a－b］＊c？d＾e＼f％g＿h］", "[a-b]", "*c?", "^e\\", "]", "［", "f%g_"):
        assert found(wb, query) == doc.claims, query
    for query in ("[a]", "a?b", "c*d", "e%f", "a_b", "[ab]", "[^a]"):
        assert found(wb, query) == [], query


def test_a_needle_of_thousands_of_characters(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pasted paragraph: thousands of characters, many of several forms (far too many other
    spellings to ask for), and on SQLite a GLOB pattern over its limit, compared in Python."""
    from workbench.db import sqlite

    body = "“数据中心”，增长12%。" * 300
    add_note(wb, document_with_claims().claims[0], body)
    wanted = found(wb, body[:30])
    assert len(wanted) == 1
    folded = "".join(forms_of(ch)[-1] for ch in body)  # every character in another form
    assert folded != body
    assert found(wb, folded) == wanted
    monkeypatch.setattr(sqlite, "GLOB_PATTERN_LIMIT", 100)
    assert found(wb, folded[:3000]) == wanted
    assert found(wb, "，增长") == wanted  # a short one, over the lowered limit too
