"""Characters that read as one another: the width forms of ASCII and CJK punctuation, quote
styles, dashes, the full stops and commas of Chinese and ASCII text.

Two matchers fold them. Quote anchoring (workbench.domain.anchoring) folds these and every other
NFKC compatibility form on top. `claim list --search` (workbench.domain.search_needle) folds only
these: a character's forms must be few and known, since the search asks the index for each one,
and a search for `1` finding `①` or `¹`, or `人` finding the radical `⼈`, is a false match.
"""

from __future__ import annotations

import re
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


# The variation selectors: VS1-VS16 (U+FE0E draws `❤︎` as text, U+FE0F `❤️` as an emoji) and
# the ideographic ones (葛󠄀). Each says only how the character before it is drawn, and which of
# them a pasted passage has depends on the app it was copied from, not on the words. A regular
# expression's class, for `re` and PostgreSQL's alike; the set, for a test of one character
# (`identity.invisible` asks it of every character of a name). The one statement of them.
_SELECTOR_RANGES = (("\ufe00", "\ufe0f"), ("\U000e0100", "\U000e01ef"))
VARIATION_SELECTORS = "".join(f"{first}-{last}" for first, last in _SELECTOR_RANGES)
SELECTORS = frozenset(
    chr(c) for first, last in _SELECTOR_RANGES for c in range(ord(first), ord(last) + 1)
)
ANY_SELECTOR = re.compile(f"[{VARIATION_SELECTORS}]")


def is_selector(ch: str) -> bool:
    return ch in SELECTORS


@cache
def _pictograph() -> re.Pattern[str]:
    # `regex` knows Extended_Pictographic, `re` does not; imported on first need.
    import regex

    pattern: re.Pattern[str] = regex.compile(r"\p{Extended_Pictographic}")
    return pattern


@cache
def takes_selector(ch: str) -> bool:
    """Whether the search ignores a variation selector after `ch`: a pictograph (❤, ☺, ✔, ©,
    ™; Extended_Pictographic), drawn as text or as an emoji by the selector after it (`I ❤ NY`
    finds `I ❤️ NY`: review338). Not a Chinese character, whose ideographic selectors would send
    every plain Chinese search down the slow path for a variant few desks hold, nor a digit
    (its keycap `1️⃣` is another character) or a letter, after which a selector is compared as
    any character is."""
    return _pictograph().fullmatch(ch) is not None


def drop_selectors(text: str) -> str:
    """`text` without the variation selectors that follow a pictograph (`takes_selector`)."""
    if ANY_SELECTOR.search(text) is None:
        return text  # most texts: one search in C
    out: list[str] = []
    after_pictograph = False
    for ch in text:
        if after_pictograph and is_selector(ch):
            continue  # a run of them too: the pictograph's
        out.append(ch)
        after_pictograph = takes_selector(ch)
    return "".join(out)


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
    """`text` with each character as the search compares it, and without the variation
    selectors after a pictograph (`drop_selectors`)."""
    return drop_selectors(text.translate(_table()))


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
