"""Characters that read as one another: the width forms of ASCII and CJK punctuation, quote
styles, dashes, the full stops and commas of Chinese and ASCII text.

Two matchers fold them. Quote anchoring (workbench.domain.anchoring) folds these and every other
NFKC compatibility form on top. `claim list --search` (workbench.domain.search_needle) folds only
these: a character's forms must be few and known, since the search asks the index for each one,
and a search for `1` finding `①` or `¹`, or `人` finding the radical `⼈`, is a false match.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import cache

# The dot between the parts of a foreign name written in Chinese (阿卜杜拉·默罕默德): U+00B7 in
# GB text; U+30FB (and its half-width U+FF65) from Japanese keyboard layouts and the fonts that
# draw it as the Chinese dot; U+2027 in Big5 (Taiwan) text. Which arrives depends on the IME and
# the source, and all read as one (trial58). Not the bullet `•` or the dot operator `⋅`: they
# mark list items and products, and no IME types them for a name.
MIDDLE_DOTS = {"\u30fb": "\u00b7", "\uff65": "\u00b7", "\u2027": "\u00b7"}

# What copy editors swap that NFKC leaves alone (NFKC already folds full-width ASCII forms).
EXTRA_FOLDS = {
    **MIDDLE_DOTS,
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u300c": '"',  # 「
    "\u300d": '"',  # 」
    "\u300e": '"',  # 『
    "\u300f": '"',  # 』
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",  # ′
    "\u3002": ".",  # 。
    "\uff61": ".",  # ｡
    "\u3001": ",",  # 、
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2015": "-",
    "\u2212": "-",  # −
}

# The ellipsis, which a word processor makes of three full stops typed (and a wire story keeps
# either way), the midline ellipsis many Chinese texts set ("⋯⋯", no NFKC form of its own) and
# the vertical one (︙, whose NFKC form is "…"): each is three full stops (ELLIPSIS_STOPS) to
# both matchers, quote anchoring (trial253, review255) and the search. Not one character's
# form of another, as those above are: anchoring spells the ellipsis out, the search spells a
# query's ellipses and runs of three stops each way (`ellipsis_spellings`).
ELLIPSIS = "\u2026"
ELLIPSES = frozenset({ELLIPSIS, "\u22ef", "\ufe19"})
ELLIPSIS_STOPS = "..."
# The ideographic full stops, which fold to "." and are never part of an ellipsis: "他说……。"
# ends its sentence after the ellipsis.
SENTENCE_STOPS = frozenset("\u3002\uff61")

# The blocks of width and presentation forms the search folds, each character as NFKC maps it
# (then EXTRA_FOLDS: ｢ is 「 is "): the vertical forms (︐), the CJK compatibility forms (﹁), the
# small forms (﹐), the full-width ASCII (，ｋ１) with ｟｠, the half-width CJK punctuation (｡｢｣､)
# and the full-width signs (￥). Half-width katakana and hangul are left out: a Chinese or
# English desk has none, and ﾞ would fold to a combining mark.
WIDTH_BLOCKS = ((0xFE10, 0xFE19), (0xFE30, 0xFE4F), (0xFE50, 0xFE6B), (0xFF01, 0xFF64))
WIDTH_SIGNS = (0xFFE0, 0xFFE6)
# Spaces of other widths: the ideographic space a Chinese IME types, and the no-break space of
# web pages.
SPACES = {"\u00a0": " ", "\u3000": " "}


@cache
def search_folds() -> dict[str, str]:
    """Each character the search folds, and what it folds to (a character that folds to
    nothing else: a fixed point of the map, so folding twice is folding once)."""
    folds = dict(SPACES)
    codes = [c for lo, hi in (*WIDTH_BLOCKS, WIDTH_SIGNS) for c in range(lo, hi + 1)]
    for ch in map(chr, codes):
        nfkc = unicodedata.normalize("NFKC", ch)
        if len(nfkc) == 1 and nfkc != ch:
            folds[ch] = EXTRA_FOLDS.get(nfkc, nfkc)
    folds.update(EXTRA_FOLDS)
    return folds


def search_fold(ch: str) -> str:
    """One character as the search compares it."""
    return search_folds().get(ch, ch)


@cache
def _middle_dot_table() -> dict[int, str]:
    return str.maketrans(MIDDLE_DOTS)


def one_middle_dot(text: str) -> str:
    """`text` with every middle dot of a name (MIDDLE_DOTS) written as U+00B7."""
    return text.translate(_middle_dot_table())


@cache
def _table() -> dict[int, str]:
    return str.maketrans(search_folds())


def fold_text(text: str) -> str:
    """`text` with each character as the search compares it."""
    return text.translate(_table())


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    by_target: dict[str, list[str]] = defaultdict(list)
    for ch, target in search_folds().items():
        by_target[target].append(ch)
    return {t: (t, *sorted(chars)) for t, chars in by_target.items()}


def forms_of(ch: str) -> tuple[str, ...]:
    """Every character the search takes for `ch` (`ch` itself among them): `,` and `，` and `、`
    and the rest, in a fixed order, what they fold to first."""
    target = search_fold(ch)
    return _forms().get(target, (target,))
