"""The plain words of a claim: stop words, stems, and the text normalised before any reading.

Shared by every reader of terms (names, what a figure counts, the bag itself), so that a word
is cut and a text normalised the same way wherever it is read.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.domain.cjk import BASIC_HAN
from workbench.domain.similarity.numerals import plain_numerals


def split_words(s: str) -> list[str]:
    # Lists of words are written as one string each: ruff's SIM905 would spell them out.
    return s.split()


STOP_WORDS = frozenset(
    split_words(
        "a an the of in on at to for from by with and or but is are was were be been being has "
        "have had do does did it its this that these those as than then there their they them he "
        "she his her we our you your i me my not no so if into over under about after up down out "
        "some any all each every more less very just also now only new its which who whom whose "
        "what when where how why will would can could should may might must s"
    )
)
WORD = re.compile(r"[a-z][a-z&']*")
CJK_RUN = re.compile(f"[{BASIC_HAN}]+")
_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    word = word.removesuffix("'s").rstrip("'")  # Quillon Bank's: bank
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def surface_words(*texts: str) -> dict[str, str]:
    """Each stem of the words of `texts` that is not its word, with the word it came from
    (the first): what a reason shows for it ("vehicles", where "vehicl" is compared)."""
    out: dict[str, str] = {}
    for text in texts:
        for word in WORD.findall(normal(text).lower()):
            root = stem(word)
            if root != word:
                out.setdefault(root, word.removesuffix("'s").rstrip("'"))
    return out


# "US" in capitals is the country (lower-cased it would be the pronoun); US$ is a currency.
_US = re.compile(r"\bU\.?S\.?(?![A-Za-z$])")
# A currency's code glued to its figure (RMB3.4bn, HKD120m) is read as the code and the figure.
_CODE_FIGURE = re.compile(r"\b(RMB|CNY|HKD|USD|GBP|EUR)(?=\d)", re.IGNORECASE)


# Characters that show nothing (zero-width spaces and joiners, the word joiner, a BOM inside a
# text): pasted from a page, they split a figure in two ($5\u200b.2 billion read 5 and 2
# billion). NFKC keeps them.
# (a search for a class of characters that is not there costs next to nothing)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def normal(text: str) -> str:
    text = _US.sub(" United States ", _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))
    # (25億 and 壹佰万 are figures as 25亿 and 一百万 are: see `numerals`)
    return _CODE_FIGURE.sub(r"\1 ", plain_numerals(text))
