"""Which characters are Chinese, Japanese or Korean, and which are the full-width forms of ASCII:
the character classes the text rules read, each stated once.

Three CJK classes, each for its own question; they differ on purpose:

- `BASIC_HAN` (a regex class) and `is_basic_han`: the CJK Unified Ideographs block, U+4E00-9FFF,
  alone. Claim discovery's rules and models and "checked before?"'s rules were written and
  measured on it, and a Chinese desk's text is nearly all in it; taking in the extension blocks
  would move their scores (bench/extract_quality.py, bench/similar_quality.py), so they keep it.
- `is_han`: a Chinese character of any block (extension A, the unified block, the compatibility
  ideographs, and extensions B to I and the compatibility supplement on planes 2 and 3): a
  question about the script itself (is this name, tag or word Chinese?), where a rare
  character of a name (䶮, 𠮷) is as Chinese as 王.
- `is_cjk_letter`: a letter of Chinese, Japanese or Korean (Han of any block, kana, hangul
  syllables): where a text changes script, as line joins and a search's spaces see it.

Plain comparisons of code points, no regex and no `unicodedata`: claim discovery (compiled with
mypyc, see workbench/domain/native.py) asks them of every character of a text.

`is_wide` is another question, of drawing rather than of script: whether a character takes two
columns (East Asian Width), so full-width punctuation is wide and hangul, as a script that
spaces its words, is the caller's to set apart.
"""

from __future__ import annotations

import unicodedata
from typing import Final

# Regex character classes (without their brackets): `[{BASIC_HAN}]`, `[^{HAN}]`.
BASIC_HAN: Final = "\u4e00-\u9fff"
HAN: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"  # is_han's


def is_basic_han(ch: str) -> bool:
    """`ch` is in the CJK Unified Ideographs block (U+4E00-9FFF): see BASIC_HAN."""
    return "\u4e00" <= ch <= "\u9fff"


def is_han(ch: str) -> bool:
    """`ch` is a Chinese character (a Han ideograph) of any block."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF  # unified ideographs (first: nearly all of them)
        or 0x3400 <= o <= 0x4DBF  # extension A
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= o <= 0x323AF  # extensions B to I, compatibility supplement, G, H
    )


def is_cjk_letter(ch: str) -> bool:
    """`ch` is a letter of Chinese, Japanese or Korean: Han of any block, kana or a hangul
    syllable."""
    o = ord(ch)
    if o < 0x3005:
        return False  # ASCII, Latin and the other scripts: one comparison
    return (
        0x4E00 <= o <= 0x9FFF  # Han: unified ideographs
        or 0x3040 <= o <= 0x30FF  # hiragana, katakana
        or 0xAC00 <= o <= 0xD7AF  # hangul syllables
        or 0x3400 <= o <= 0x4DBF  # Han: extension A
        or 0x3005 <= o <= 0x3007  # 々 〆 〇 (二〇二四年)
        or 0x3021 <= o <= 0x3029  # the Suzhou numerals 〡-〩
        or 0x3031 <= o <= 0x3035  # the kana repeat marks
        or 0x3038 <= o <= 0x303C  # 〸 〹 〺 〻 〼
        or 0x3100 <= o <= 0x318F  # bopomofo, hangul compatibility jamo
        or 0x31A0 <= o <= 0x31BF  # bopomofo extended
        or 0x31F0 <= o <= 0x31FF  # katakana phonetic extensions
        or 0xF900 <= o <= 0xFAFF  # Han: compatibility ideographs
        or 0x20000 <= o <= 0x323AF  # Han: extensions B to I, compatibility supplement, G, H
    )


def is_wide(ch: str) -> bool:
    """`ch` takes two columns where East Asian text is set (East Asian Width W or F): the CJK
    scripts' characters, their punctuation (，。「), the full-width forms (Ａ１)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


# The full-width forms of ASCII's printable characters (U+FF01-FF5E, what a Chinese input method
# types in full-width mode) stand at one distance from them: ord("Ａ") - FULL_WIDTH_SHIFT is "A".
FULL_WIDTH_SHIFT: Final = 0xFEE0
DIGITS: Final = "0123456789"
LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
PRINTABLE_ASCII: Final = "".join(map(chr, range(0x21, 0x7F)))  # ! to ~, no space
# Regex classes (without their brackets): ０-９, and ０-９ Ａ-Ｚ ａ-ｚ.
FULL_WIDTH_DIGIT: Final = "\uff10-\uff19"
FULL_WIDTH_ALNUM: Final = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"


def half_width_table(chars: str) -> dict[int, str]:
    """The `str.translate` table that writes the full-width form of each ASCII character of
    `chars` as that character, and nothing else: one character for one, so offsets hold."""
    return {ord(c) + FULL_WIDTH_SHIFT: c for c in chars}


# What a Chinese input method in full-width mode types for ASCII, as ASCII: the full-width forms
# and the ideographic space. Only these: NFKC would also read ① or ² as a digit.
TYPED_ASCII: Final = {0x3000: " ", **half_width_table(PRINTABLE_ASCII)}


def is_full_width_alnum(ch: str) -> bool:
    """０-９, Ａ-Ｚ, ａ-ｚ."""
    return "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a"
