"""The forms the search folds (workbench.domain.forms) and how SQLite's GLOB asks for them."""

from __future__ import annotations

import sqlite3
import sys
import unicodedata

from workbench.db import sqlite
from workbench.domain.forms import fold_text, forms_of, search_fold, search_folds
from workbench.domain.quote_folding import fold
from workbench.domain.search_needle import needle


def test_folding_is_one_character_for_one_and_folding_twice_is_folding_once() -> None:
    for ch, target in search_folds().items():
        assert len(target) == 1, hex(ord(ch))
        assert search_fold(target) == target, (ch, target)


def test_the_search_folds_what_quote_anchoring_folds_the_same_way() -> None:
    """A subset of --quote's folding (which drops whitespace, and folds all of NFKC)."""
    for ch, target in search_folds().items():
        if not ch.isspace():
            assert fold(ch) == target, (ch, target)


def test_forms_are_every_character_that_folds_alike() -> None:
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        target = search_fold(ch)
        assert ch in forms_of(ch) and target in forms_of(ch)
        assert all(search_fold(f) == target for f in forms_of(ch)), hex(code)


def test_what_is_not_folded() -> None:
    """Chinese characters (the radical ⼈ is not 人), and compatibility forms that are not
    widths: ① and ¹ are no 1, ﬁ is no fi, ﾞ (half-width katakana) no combining mark."""
    for ch in "人公司数据①¹ﬁﾞｶ\u2003":
        assert forms_of(ch) == (ch,), ch
    assert forms_of("人") == ("人",) and unicodedata.normalize("NFKC", "⼈") == "人"
    assert len(forms_of('"')) == 18  # " ＂ “ ” „ ‟ « » 「 」 『 』 ｢ ｣ ﹁ ﹂ ﹃ ﹄
    assert set("，、﹐﹑︐︑､") < set(forms_of(","))
    assert set("。．｡﹒︒") < set(forms_of("."))
    assert forms_of(" ") == (" ", "\u00a0", "\u3000")
    assert fold_text("ＧＤＰ增长５％，“好”。") == 'GDP增长5%,"好".'


def test_glob_classes_match_their_forms_and_nothing_else() -> None:
    conn = sqlite3.connect(":memory:")
    chars = sorted({*search_folds(), *search_folds().values(), *map(chr, range(32, 127))})
    for target in sorted(set(search_folds().values())):
        pattern = sqlite._glob_class(forms_of(target))
        matched = [
            ch for ch in chars if conn.execute("SELECT ? GLOB ?", (ch, pattern)).fetchone()[0]
        ]
        assert matched == sorted(forms_of(target)), (target, pattern)
    for ch in "*?[]^-":
        pattern = sqlite._glob_class((ch,))
        assert conn.execute("SELECT ? GLOB ?", (ch, pattern)).fetchone()[0] == 1, ch
        assert conn.execute("SELECT 'x' GLOB ?", (pattern,)).fetchone()[0] == 0, ch


def test_other_spellings_are_where_a_match_first_differs() -> None:
    """For each character of several forms, the window of 3 where it is the first spelled
    otherwise: the characters before it as typed, it in another form, any after it (only at
    the start, where the window must run past it)."""
    found = needle("ab，cd")
    assert found is not None
    (others,) = found.groups
    comma = len(forms_of(","))
    # a: 1 x 2 x 8; b: 1 x 1 x 8; the comma 7; c and d 1 each.
    assert len(others) == len(set(others)) == (2 * comma) + comma + (comma - 1) + 1 + 1
    assert {"ａb，", "ａｂ,", "aｂ、", "ab,", "b，ｃ", "，cｄ"} <= set(others)
    assert all(len(s) == 3 for s in others)
    assert not {"ab，", "b，c", "，cd"} & set(others)  # as typed: the plain search's


def test_postgresql_gives_an_index_scan_one_array_of_patterns() -> None:
    """A GIN index scan given several arrays (ILIKE ANY) walks the product of their elements:
    a sentence narrowed by 8 windows of 8 spellings each ran for hours. One array per column,
    the other windows left to the exact comparison."""
    from workbench.db import postgresql

    found = needle("Yan Junjie worked at SenseTime", postgresql.trigram_reads)
    assert found is not None and not found.typed  # "at": too short for pg_trgm's trigrams
    assert sum(len(group) > 1 for group in found.groups) > 1
    statement = postgresql.folded_claim_ids([found]).text
    assert statement.count("ILIKE ANY(") == 4  # claims' text and quote, notes, evidence titles


def test_a_glob_class_holds_every_case_that_lowers_to_a_form() -> None:
    """SQLite's GLOB compares the stored text as it is, not lower-cased: the class of a
    character holds each character that lower() makes it, and no other, for every code point
    Python knows (the Kelvin sign lowers to k, whose uppercase is K: IRREGULAR_UPPER)."""
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        lowered = ch.lower()
        if lowered == ch == ch.upper() == ch.title() and ch not in sqlite.IRREGULAR_UPPER:
            continue  # uncased: its class is itself
        if len(lowered) == 1:
            assert ch in sqlite._any_case((lowered,)), hex(code)
        if lowered == ch:
            assert all(c.lower() == ch for c in sqlite._any_case((ch,))), hex(code)
