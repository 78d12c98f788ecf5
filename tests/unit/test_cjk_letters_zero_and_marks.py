"""Which characters are letters of Chinese, Japanese or Korean, as sentence splitting and the
search's spaces ask: splitting had its own list (kana, Han, hangul syllables) without 〇 (the
zero of 一九九〇年), 々, the bopomofo or the kana extensions; the search had a wider one of
whole blocks. Both ask workbench.domain.cjk.is_cjk_letter now."""

from __future__ import annotations

from workbench.domain import cjk
from workbench.domain.segment import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_a_chinese_line_ending_in_ling_was_joined_to_the_english_line_after() -> None:
    """A Chinese line that ends in 〇 (a year in Chinese numerals) was read as hard-wrapped into
    the English line under it, one sentence, where a line ending in any other Chinese character
    is two (Chinese is not hard-wrapped into English)."""
    assert _sentences("两国关系进入新阶段\nsource: annual report") == [
        "两国关系进入新阶段",
        "source: annual report",
    ]
    assert _sentences("公司成立于一九九〇\nsource: annual report") == [
        "公司成立于一九九〇",
        "source: annual report",
    ]
    assert _sentences("人々\nand then") == ["人々", "and then"]


def test_cjk_letters_take_the_numerals_marks_and_phonetic_letters() -> None:
    """〇 々 〆, the Suzhou numerals, bopomofo and the katakana phonetic extensions were no
    CJK letters to sentence splitting."""
    for ch in "〇々〆〡ㄅㆠㇰ王あア한𠮷":
        assert cjk.is_cjk_letter(ch), ch
    for ch in "A1，。「㈠ä":
        assert not cjk.is_cjk_letter(ch), ch
