"""GBK bytes that are valid UTF-8 as well, so that reading them as UTF-8 stores other text.

GBK writes many common characters as two bytes that UTF-8 reads as one Latin letter or symbol
(卢某 is C2 AC C4 B3, `¬ĳ` in UTF-8; 女 is `Ů`, 钱 `Ǯ`). A spreadsheet's plain "CSV" save on a
Chinese Windows is GBK: when its only Chinese is such characters (an English article's claims,
a speaker 卢某), no byte is invalid UTF-8 and nothing else tells it. Judged over the whole file:
it is GBK read as UTF-8 when every stretch of bytes beyond ASCII reads in GBK as Chinese
(GB2312's rows, a Han character among them), and one at least reads in UTF-8 as what real
UTF-8 does not write (`_evidence`: a sign or letter no text writes, or two scripts in one
word). One stretch that is no such Chinese (a CJK character, a curly quote or a dash in
UTF-8, ř) shows UTF-8 written as UTF-8: the file is read as it is.
A GBK file whose Chinese UTF-8 reads as single letters or one-script words (女 alone, `Ů`;
魏伟, `κΰ`) is not told from UTF-8 so, and is read as UTF-8: a miss, not a refusal of real
text (Polish różne, Turkish açık and 马丽 in UTF-8 are GB2312 Chinese in GBK too).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.cjk import is_basic_han
from workbench.domain.decoding import GB2312_PAIRS

_NOT_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
# The longest stretch beyond ASCII looked at whole: a longer one is judged by its start.
_LONGEST = 1 << 12


@dataclass(frozen=True, slots=True)
class Misread:
    """Where a file's bytes first read as Chinese in GBK (its `line`, from 1), that Chinese,
    and what UTF-8 makes of the same bytes."""

    line: int
    gbk: str
    utf8: str


def gbk_read_as_utf8(chunks: Iterable[bytes]) -> Misread | None:
    """The first stretch of a file (given as its `chunks`, in order) that shows it to be GBK
    read as UTF-8 (see the module), or None: the file is UTF-8, or not valid UTF-8 at all
    (which its reader refuses, with its own advice). Stops at the first stretch that is not
    GBK's Chinese; reads every chunk otherwise, holding one chunk and a stretch's bytes."""
    first: Misread | None = None
    lines = 1
    carry = b""
    for chunk in itertools.chain(chunks, (b"",)):
        data = carry + chunk
        cut = len(data)
        if chunk and len(data) - len(data.rstrip(_HIGH)) <= _LONGEST:
            # A stretch at the chunk's end may go on in the next: kept for it.
            cut = len(data.rstrip(_HIGH))
        body, carry = data[:cut], data[cut:]
        at = 0
        for found in _NOT_ASCII_RUN.finditer(body):
            lines += body.count(b"\n", at, found.start())
            at = found.start()
            run = found.group()
            judged = _judged_short(run) if len(run) <= _SHORT else _judged(run)
            if judged is None:
                return None
            gbk, utf8, evidence = judged
            if first is None and evidence:
                first = Misread(lines, gbk, utf8)
        lines += body.count(b"\n", at)
    return first


_HIGH = bytes(range(0x80, 0x100))


def _judged(run: bytes) -> tuple[str, str, bool] | None:
    """`run` (a stretch beyond ASCII) read as GBK's Chinese and as UTF-8, and whether that is
    evidence (`_evidence`); None when it is not both."""
    utf8 = _utf8(run)
    gbk = None if utf8 is None else _gbk_chinese(run)
    if utf8 is None or gbk is None:
        return None
    return gbk, utf8, _evidence(utf8)


# A sheet repeats its names and marks (a column of 卢某, a £ a row) down a file of up to
# 20 MB: a short stretch is judged once. Only a short one: caching stretches of up to 68 KB
# kept 12.7 MB alive after a 4.8 MB file was checked (review rsheet).
_judged_short = functools.lru_cache(maxsize=1024)(_judged)
_SHORT = 64


def _utf8(run: bytes) -> str | None:
    try:
        return run.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _gbk_chinese(run: bytes) -> str | None:
    """`run` read as GBK, when that is Chinese: GB2312's characters, a Han one among them.
    Told on the bytes first (`GB2312_PAIRS`): asking `in_gb2312` of each character took 8 s
    for a 5 MB file of long distinct stretches, which the cache does not help."""
    if GB2312_PAIRS.fullmatch(run) is None:
        return None
    text = run.decode("gb18030")
    return text if any(map(is_basic_han, text)) else None


def _evidence(text: str) -> bool:
    """Whether `text`, a stretch read as UTF-8 that GBK reads as Chinese, is strong evidence
    of GBK: two or more characters, one of which no language's text writes (`_odd`: 卢某 is
    `¬ĳ`, 平台 `ƽ̨`), an `_ARITHMETIC` sign beside a letter (谢梅 is `л÷`), or letters of
    two scripts side by side (谢伟 is `лΰ`).
    Anything else is read as the UTF-8 it may well be, a miss being better than refusing a
    real file: one character alone (£5, 30°, Café's é), a word of one script however many
    Unicode blocks it takes (Polish różne's ó ż, Turkish açık's ç ı, где, 马丽), a letter
    beside a sign text writes (« été », m²·s). Review rsheet: the pages of Unicode were taken
    for scripts, and such files refused."""
    if len(text) < 2:
        return False
    # Each character once, each told from a cache: a stretch's characters one by one took
    # 10 s for 20 MB of distinct short stretches (review rrsheet), now about 4 s.
    chars = set(text)
    if any(map(_odd, chars)):
        return True
    if not _ARITHMETIC.isdisjoint(chars) and any(map(_letter, chars)):
        return True
    return len({script for script in map(_script, chars) if script is not None}) > 1


# The signs of Latin-1 that text writes next to a letter (« été », m²·s, ¿él?, ±½, a soft
# hyphen); its others (¬ ¤ ¦ ¨ ¯ ¸) stand beside none, and GBK's Chinese shows them (卢 is ¬).
_TEXT_SIGNS = frozenset("¡¢£¥§©«®°±²³´µ¶·¹º»¼½¾¿\u00ad")
# The letters of Latin Extended-B and IPA that a living language writes and GBK's Chinese may
# show, as CLDR's data writes them (review rrsheet: its names of languages and countries in
# Yoruba Póláǹdì, Lakota Itóǧata, Nuer ɣändini were refused): Vietnamese's horned o and u
# (Trương), Anii's Ʊ ɩ, Berber's and Lakota's ǧ, Laz's ǩ, Yoruba's and Basaa's ǹ, Ewe's and
# Nuer's ɣ, Maasai's ɨ, Bambara's ɲ. Danish's ǿ, Sami's ǯ are rare. GBK's 千 is ǧ, 桑 ɣ.
_WRITTEN_LETTERS = frozenset("ƠơƯưƱǦǧǩǸǹɣɨɩɲ")
# Latin-1's signs that text writes between numbers (x²÷2, ½÷¼) and never beside a letter:
# GBK's 梅 is ÷, 谢梅 `л÷` (review rrsheet: as a sign no text writes, x²÷2 was refused).
_ARITHMETIC = frozenset("÷")
# Modifier letters that Latin text writes (review rrsheet): transliteration's ayn, hamza, soft
# and hard signs (ALA-LC Saʿīd, ISO 9 Ilʹâ), Kaingang's and Berber's ʰ ʷ. Of Latin script to
# `_script`, so that GBK's 史伟 (`ʷΰ`) is still two scripts; GBK's 女士 is `Ůʿ`, a miss.
_LATIN_MODIFIERS = frozenset("ʰʷʹʺʾʿ")
# Modifier letters that text writes: Latin's, and as apostrophes in any script (Hawaiian
# ʻokina, Ukrainian ʼ).
_WRITTEN_MODIFIERS = _LATIN_MODIFIERS | frozenset("ʻʼ")
# The scripts `_script` tells apart; a letter of another (kana, hangul) has none, so that
# Japanese's kanji and kana side by side are not two scripts.
_SCRIPTS = frozenset({"LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC", "CJK"})


# A file's characters beyond ASCII are few: the per-character rules are cached (bounded: four
# bytes' UTF-8 that pairs up as GB2312 reaches some 150,000 characters).
@functools.lru_cache(maxsize=4096)
def _odd(char: str) -> bool:
    """`char` is what no language's text writes beside another character beyond ASCII: a
    sign of Latin-1 but `_TEXT_SIGNS` (`_ARITHMETIC` is told by `_evidence`) or a spacing
    modifier, or a letter of Latin Extended-B, IPA (but `_WRITTEN_LETTERS`) or the modifier
    letters (but `_WRITTEN_MODIFIERS`), Coptic, or old Cyrillic. Marks are not odd (NFD text
    puts them after any letter), nor digits, nor the signs of the scripts beyond (review
    rrsheet: a Persian year ۱۳۹۸, Hebrew ש״ס, Devanagari's abbreviation दिस॰ and Arabic ٪ were
    refused)."""
    category = unicodedata.category(char)
    if category[0] in "MN":
        return False
    if category[0] != "L":
        return ord(char) < 0x370 and char not in _TEXT_SIGNS and char not in _ARITHMETIC
    code = ord(char)
    if 0x180 <= code <= 0x2AF:
        return char not in _WRITTEN_LETTERS
    if 0x2B0 <= code <= 0x2FF:
        return char not in _WRITTEN_MODIFIERS
    return 0x3E2 <= code <= 0x3EF or 0x460 <= code <= 0x481


def _letter(char: str) -> bool:
    """`char` is a letter, but Latin-1's signs that are letters to Unicode (ª µ º)."""
    return char.isalpha() and not 0xA0 <= ord(char) <= 0xBF


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """The script of a letter or a mark of `_SCRIPTS` (the first word of its name: LATIN,
    GREEK, CJK, HEBREW for a Hebrew point; LATIN for `_LATIN_MODIFIERS`), else None (a
    combining mark, a sign, kana)."""
    if char in _LATIN_MODIFIERS:
        return "LATIN"
    script = unicodedata.name(char, "").partition(" ")[0]
    return script if script in _SCRIPTS else None
