"""The CJK character classes and full-width folds of workbench.domain.cjk, and the places that
read them: one answer for each question, wherever it is asked."""

from __future__ import annotations

import sys

from workbench.domain import cjk, segment
from workbench.domain.checkworthy.widths import as_read
from workbench.domain.inputs import typed
from workbench.domain.similarity.positions import written_days

EVERY = range(sys.maxunicode + 1)


def test_segment_written_out_class_is_the_cjk_letter_class() -> None:
    """segment keeps its own copy of `is_cjk_letter` (a compiled hot path): it says the same of
    every code point."""
    differ = [c for c in EVERY if segment._is_cjk(chr(c)) != cjk.is_cjk_letter(chr(c))]
    assert differ == []


def test_basic_han_is_the_regex_class_and_inside_han() -> None:
    import re

    pattern = re.compile(f"[{cjk.BASIC_HAN}]")
    for c in EVERY:
        ch = chr(c)
        assert (pattern.fullmatch(ch) is not None) == cjk.is_basic_han(ch)
        if cjk.is_basic_han(ch):
            assert cjk.is_han(ch) and cjk.is_cjk_letter(ch)
        if cjk.is_han(ch):
            assert cjk.is_cjk_letter(ch)


def test_han_takes_every_block_of_ideographs() -> None:
    for ch in "王䶮𠮷𪚥𫠝𬺰𰀀𱍐豈":
        assert cjk.is_han(ch), ch
    for ch in "A，。〇あア한ㄅ䷀":
        assert not cjk.is_han(ch), ch


def test_half_width_tables_fold_only_full_width_ascii() -> None:
    table = cjk.half_width_table(cjk.PRINTABLE_ASCII)
    assert table == {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    assert "２０２４年ＧＤＰ！".translate(table) == "2024年GDP!"
    alnum = "".join(chr(c) for c in EVERY if cjk.is_full_width_alnum(chr(c)))
    assert alnum.translate(cjk.half_width_table(cjk.DIGITS + cjk.LETTERS)) == "".join(
        sorted(cjk.DIGITS + cjk.LETTERS)
    )


def test_the_folds_that_read_them_keep_their_scope() -> None:
    assert typed("＃３３\u3000") == "#33"
    assert as_read("ＧＤＰ增长５．２％，二〇二三年") == "GDP增长5.2%，二零二三年"
    assert written_days("１２月２８日") == {"=day:12-28": "１２月２８日"}


def test_han_regex_class_is_is_han() -> None:
    import re

    pattern = re.compile(f"[{cjk.HAN}]")
    differ = [c for c in EVERY if (pattern.fullmatch(chr(c)) is not None) != cjk.is_han(chr(c))]
    assert differ == []
