"""Who is acting: one normal form per person's name, and a look-alike key (docs/identity.md).

A name is what people type after `--as`, so it is normalised the way people read it: NFKC
(full-width `ａｌｉｃｅ` is `alice`), case-folded (`Alice` is `alice`), spaces trimmed and runs
of spaces made one. A name that still holds an invisible or undefined character (control,
format such as zero-width or bidi marks, unassigned, private use, surrogates) is refused
rather than cleaned: `alice` + ZERO WIDTH SPACE must not become a second reviewer.

Two names are one person when their normal forms are equal or when they look alike: their
confusable skeletons (Unicode TR39) are equal. The confusable data is Unicode's
confusables.txt as shipped by the `confusable_homoglyphs` package; it pairs characters that
look alike, and the skeleton maps each character to one fixed member of its look-alike class.
Across scripts, a name in Latin letters that spells a name in Chinese characters in pinyin
(`wang fang`, 王芳) is that name too (`reads_alike`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from workbench.domain.cjk import HAN, is_han
from workbench.domain.errors import INVALID_NAME, InvalidInput
from workbench.domain.forms import is_selector

MAX_NAME = 100
# A name registered is also the entity id of the events about its person (events.entity_id, 64
# characters): PostgreSQL refused a longer one there as a database error, SQLite stored it. A
# name to register is held to it; a longer one a SQLite desk already holds still acts.
MAX_REGISTERED_NAME = 64
# The board's word for the claims no one owns (`stats`, keyed by owner's name in --json): a
# person of this name would be one key with them, and a script could not tell them apart.
NOBODY = "(unassigned)"
# Control, format, unassigned, private use, surrogate, line and paragraph separators.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


# Characters that draw nothing though their category is a letter, a mark or a symbol: the
# default-ignorable ones of other categories than REFUSED_CATEGORIES (Unicode's
# DerivedCoreProperties: COMBINING GRAPHEME JOINER, the Hangul fillers, Khmer inherent vowels)
# and BRAILLE PATTERN BLANK. A new-user trial approved rosa's verdict as rosa + U+3164 HANGUL
# FILLER, and as rosa + U+FE0F (variation selectors: `invisible`).
_BLANK = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")


def _mongolian_selector(char: str) -> bool:
    return "\u180b" <= char <= "\u180d" or char == "\u180f"


def invisible(text: str, index: int) -> bool:
    """Whether the character at `index` of `text` cannot be seen or is undefined: of
    `REFUSED_CATEGORIES`, blank (`_BLANK`), or a selector with nothing to vary. A variation
    selector draws an emoji, a keycap or an ideographic variant after a symbol, a digit, a
    punctuation mark or an ideograph (❤️, 1️⃣, ‼️, 葛󠄀), and nothing after any other letter or
    at the start; a Mongolian one varies a Mongolian letter only."""
    char = text[index]
    if unicodedata.category(char) in REFUSED_CATEGORIES or char in _BLANK:
        return True
    base = text[index - 1] if index else ""
    if is_selector(char):
        return not base or (unicodedata.category(base)[0] == "L" and not is_han(base))
    if _mongolian_selector(char):
        # (at the start there is no character to name: unicodedata.name('') raises)
        return not base or not unicodedata.name(base, "").startswith("MONGOLIAN LETTER")
    return False


def drawn(text: str) -> str:
    """`text` without what draws nothing or only varies how a character is drawn (selectors):
    a name stored before such characters were refused is compared as it reads."""
    # Only printable ASCII draws every character: an ASCII control (U+0001, DEL, a backspace)
    # draws nothing either, and kept, `maria` + U+0001 approved maria's verdict (lookalike).
    if text.isascii() and text.isprintable():
        return text
    # But a tab or a line break is drawn as the gap between two words: left out, `Yan` + TAB +
    # `Junjie` was `yanjunjie` to a speaker's key, and `claim list --speaker` found none (rlook).
    return "".join(
        " " if c in _DRAWN_AS_SPACE else c
        for i, c in enumerate(text)
        if c in _DRAWN_AS_SPACE or not draws_nothing(text, i)
    )


# The controls and separators of Unicode's White_Space property, each drawn as a space.
_DRAWN_AS_SPACE = frozenset("\t\n\v\f\r\x85\u2028\u2029")


def draws_nothing(text: str, index: int) -> bool:
    """Whether the character at `index` of `text` is left out of it as drawn (`drawn`): one
    that cannot be seen or is undefined (`invisible`), or a selector, which varies how the
    character before it is drawn and is no letter of it."""
    char = text[index]
    return invisible(text, index) or is_selector(char) or _mongolian_selector(char)


def hidden_at(text: str, kept: Callable[[int], bool] | None = None) -> int | None:
    """The index of the first character of `text` that cannot be seen or is undefined
    (`invisible`), but those `kept` says may stay; None when there is none."""
    if text.isascii() and text.isprintable():  # in constant time: most names
        return None
    for index in range(len(text)):
        if invisible(text, index) and not (kept and kept(index)):
            return index
    return None


def refuse_hidden(text: str, what: str, *, reason: str | None = None) -> None:
    """InvalidInput naming the first character of `text` that cannot be seen or is undefined
    (`hidden_at`), said of `what`; nothing when there is none. For a name, a display name."""
    at = hidden_at(text)
    if at is None:
        return
    char = text[at]
    if unicodedata.category(char) == "Cs":
        raise InvalidInput(
            f"{what} is not valid UTF-8 text (check the terminal's encoding)", reason=reason
        )
    label = unicodedata.name(char, "") or "a control or unassigned character"
    raise InvalidInput(
        f"{what}: character {at + 1} is U+{ord(char):04X} {label}, which is "
        "invisible or undefined; a name holds only visible characters and spaces",
        reason=reason,
    )


def normalise_name(raw: str, what: str = "--as") -> str:
    """The name's normal form, or InvalidInput saying what is wrong with it (reason
    INVALID_NAME: the name alone is wrong, whatever is stored)."""
    # Surrounding whitespace (a newline from `$(cat name.txt)`) goes; inside, nothing hides.
    trimmed = raw.strip()
    # Spaces of every width (ideographic, no-break) fold to one plain space below.
    refuse_hidden(trimmed, what, reason=INVALID_NAME)
    name = join_han(fold(trimmed))
    # Again after NFKC: a symbol that folds to letters (Ⓑ to b) leaves a selector after them.
    refuse_hidden(name, f"{what} {trimmed!r} (read as {name!r})", reason=INVALID_NAME)
    if not name:
        raise InvalidInput(
            f"{what} needs a name: every change is recorded under one", reason=INVALID_NAME
        )
    if len(name) > MAX_NAME:
        raise InvalidInput(
            f"{what}: a name has at most {MAX_NAME} characters ({len(name)} given)",
            reason=INVALID_NAME,
        )
    mixed = mixed_scripts(name, what)
    if mixed is not None:
        raise InvalidInput(mixed.message, reason=INVALID_NAME)
    if name == NOBODY:
        raise InvalidInput(
            f"{what}: {NOBODY} is no one's name: the board counts the claims nobody owns "
            "under it (`claim list --unassigned` lists them)",
            reason=INVALID_NAME,
        )
    return name


# A space between two Chinese characters: Chinese writes a name without one, and a space in
# `王 芳` only pads a two-character name to a three-character one's width (name lists do it,
# often with an ideographic space). Left in, `--to "王 芳"` was refused on a desk that
# registered 王芳, and made a second owner on one that had registered nobody (trial68).
# Han of every block (cjk.HAN), as a speaker's key reads it too (status.same_person_key).
_HAN_SPACE = re.compile(rf"(?<=[{HAN}]) (?=[{HAN}])")


def registrable(name: str, what: str) -> str:
    """`name` (normalised) if it can be registered, or InvalidInput: one over
    MAX_REGISTERED_NAME would not fit the events about its person."""
    if len(name) > MAX_REGISTERED_NAME:
        raise InvalidInput(
            f"{what}: a name to register has at most {MAX_REGISTERED_NAME} characters "
            f"({len(name)} given)"
        )
    return name


def join_han(name: str) -> str:
    """A folded name without the spaces between two Chinese characters."""
    return _HAN_SPACE.sub("", name)


_HAN_ONLY = re.compile(rf"[{HAN}]+")


def han_only(name: str) -> bool:
    """Whether a folded name is Chinese characters alone: stored by an earlier version it may
    hold spaces between them (`王 芳`), and without its spaces it is this name (`join_han`)."""
    return _HAN_ONLY.fullmatch(name) is not None


def fold(text: str, *, keep_case: bool = False) -> str:
    """`text` as people read it: NFKC (full-width `ａｌｉｃｅ` is `alice`), case-folded, runs of
    spaces of every width made one plain space, none at either end. `keep_case`: all of that
    but the case folding (a display name quoted as read, people._as_read)."""
    read = unicodedata.normalize("NFKC", text)
    if keep_case:
        return " ".join(read.split())
    folded = " ".join(read.casefold().split())
    # Case folding can leave a decomposed sequence (U+0390 folds to three code points).
    return unicodedata.normalize("NFKC", folded)


def mixed_scripts(text: str, what: str, noun: str = "name") -> InvalidInput | None:
    """What is wrong with a folded `text` that mixes scripts so that a character imitates a
    Latin one (`аlice` with a Cyrillic а), or None; `what` names it in the message and `noun`
    says what it is (a name, a tag)."""
    if text.isascii():
        return None
    impostor = _script_impostor(text)
    if impostor is None:
        return None
    return InvalidInput(
        f"{what} {text!r} mixes scripts: {impostor!r} ({unicodedata.name(impostor, '?')}) "
        f"looks like the Latin {_prototype(impostor)!r}; type the {noun} in one script"
    )


def latin_impostor(word: str) -> str | None:
    """The first letter of a folded `word` written wholly in another script whose every letter
    is drawn like a Latin one (`јое`: Cyrillic ј, о, е), or None: such a word mixes no script
    by itself, but beside Latin words it reads as theirs (`јое.smith@example.org` is shown as
    joe.smith's address). A word with a Latin letter is `mixed_scripts`'s; one with a letter
    that reads as no Latin one (`иван`) is read as what it is."""
    if word.isascii() or any(unicodedata.name(c, "").startswith("LATIN") for c in word):
        return None
    letters = [c for c in word if c.isalnum()]
    if not all(_prototype(c).isascii() and _prototype(c).isalnum() for c in letters):
        return None
    # None where no letter is beyond ASCII: a word of digits and symbols (`1☀`) imitates none.
    return next((c for c in letters if not c.isascii()), None)


# Where the data and a reader of a case-folded name disagree. Cyrillic palochka is one vertical
# stroke in both cases, drawn like l (confusables.txt maps the capital Ӏ to l but the small ӏ,
# which every name holds after case folding, to i): `аӏісе` must be `alice`'s twin.
# The dotless j is a j whose dot a reader does not miss, as the dotless ı is an i (which the
# data pairs with i, but not ȷ with j): `ȷo` was another person than `jo` (review65).
OVERRIDES = {"\u04cf": "l", "\u04c0": "l", "\u0237": "j"}
# A dot above on i or j takes the place of the letter's own dot, so it cannot be seen: Turkish
# İ case-folds to i + U+0307, and `ali̇ce` reads as `alice`. (A name's skeleton drops every mark
# on a Latin, Greek or Cyrillic letter, `_unaccented`; a word's keeps those that show.)
_INVISIBLE_DOT = re.compile("(?<=[ij])\u0307+")

# CJK radicals drawn as a whole ideograph that confusables.txt does not pair with it (it pairs
# ⻢ with 马, ⻩ with 黄, but not ⺩ with 王): review65 registered `⺩芳` beside 王芳 and approved
# 王芳's verdict with it. From Unicode's EquivalentUnifiedIdeograph.txt, those drawn as the
# ideograph alone (not as a part of one, as ⺮ is the top of 竹).
RADICALS = {
    "\u2e81": "\u5382",  # ⺁ 厂
    "\u2e86": "\u5182",  # ⺆ 冂
    "\u2e8a": "\u535c",  # ⺊ 卜
    "\u2e9c": "\u65e5",  # ⺜ 日
    "\u2e9d": "\u6708",  # ⺝ 月
    "\u2ea7": "\u725b",  # ⺧ 牛
    "\u2ea9": "\u738b",  # ⺩ 王
    "\u2eac": "\u793a",  # ⺬ 示
    "\u2eb0": "\u7e9f",  # ⺰ 纟
    "\u2eb6": "\u7f8a",  # ⺶ 羊
    "\u2ebc": "\u6708",  # ⺼ 月 (MEAT, drawn as MOON)
    "\u2ebd": "\u81fc",  # ⺽ 臼
    "\u2ec6": "\u89d2",  # ⻆ 角
    "\u2ed7": "\u96e8",  # ⻗ 雨
    "\u2ee1": "\u9996",  # ⻡ 首
    "\u2ee3": "\u9aa8",  # ⻣ 骨
    "\u2ee6": "\u9e1f",  # ⻦ 鸟
    "\u2ee7": "\u5364",  # ⻧ 卤
    "\u2eea": "\u9efe",  # ⻪ 黾
    "\u2ef1": "\u9f9c",  # ⻱ 龜
}

# Bopomofo letters drawn as the ideograph each was made from, which TR39 does not pair (it
# pairs katakana ハ with 八, ニ with 二): review65 read `王ㄧ` as another name than `王一`.
BOPOMOFO = {
    "\u3107": "\u5182",  # ㄇ 冂
    "\u3108": "\u531a",  # ㄈ 匚
    "\u310e": "\u4e02",  # ㄎ 丂
    "\u310f": "\u5382",  # ㄏ 厂
    "\u3110": "\u4e29",  # ㄐ 丩
    "\u3112": "\u4e05",  # ㄒ 丅
    "\u3114": "\u5f73",  # ㄔ 彳
    "\u3115": "\u5c38",  # ㄕ 尸
    "\u3117": "\u5369",  # ㄗ 卩
    "\u3119": "\u53b6",  # ㄙ 厶
    "\u311a": "\u4e2b",  # ㄚ 丫
    "\u311f": "\u4e40",  # ㄟ 乀
    "\u3120": "\u5e7a",  # ㄠ 幺
    "\u3121": "\u53c8",  # ㄡ 又
    "\u3124": "\u5c22",  # ㄤ 尢
    "\u3126": "\u513f",  # ㄦ 儿
    "\u3127": "\u4e00",  # ㄧ 一
    "\u3128": "\u4e42",  # ㄨ 乂
    "\u3129": "\u51f5",  # ㄩ 凵
}


# What TR39 keeps apart but a reader skimming a trail does not (a new-user trial registered
# `l1n` and `ʟin` beside `lin`, and `ʟin` approved lin's verdict): the dotted i with the bare
# strokes (l, 1, I, |, whose class TR39 represents by 1), the digit 0 with o, and the Latin
# small capitals (ʟ, ɴ, ʀ...) with their letters, which case folding leaves alone.
@cache
def _skimmed() -> dict[int, str]:
    """The translation table of those classes, applied after TR39's."""
    table = {ord("i"): "1", ord("0"): "o"}
    for code in _SMALL_CAPITAL_RANGES:
        name = unicodedata.name(chr(code), "")
        if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == _SMALL_CAPITAL:
            letter = _prototype(name[-1].lower())
            table[code] = table.get(ord(letter), letter)
            # The table is applied to TR39's prototypes, and three small capitals' classes are
            # represented by another letter: ᴍ (with Cyrillic м) by ʍ, ᴛ (with т and Greek τ)
            # by τ, ᴋ (with к and κ) by ĸ. Their class is their letter too, as ʙ's (with в)
            # is b: trial55's `ᴍaria` and `мaria` approved maria's verdict.
            table[ord(_prototype(chr(code)))] = table[code]
    return table


_SMALL_CAPITAL = len("LATIN LETTER SMALL CAPITAL X")
# IPA Extensions to Phonetic Extensions, Latin Extended-D (ꜰ, ꞯ) and Latin Extended-E.
_SMALL_CAPITAL_RANGES = [*range(0x0250, 0x1D2C), *range(0xA720, 0xA800), *range(0xAB30, 0xAB70)]


# Memoised: a pure function of its text, asked of one name many times (its keys in
# workbench.domain.name_index, then each comparison `audit verify` and `audit replay` make).
@lru_cache(maxsize=8192)
def skeleton(name: str, *, skim: bool = True, pairs: bool = True) -> str:
    """The TR39-style confusable skeleton of a normalised name: equal skeletons look alike.
    Punctuation, symbols and spaces are left out: `li.`, `l.i` and `l i` are `li` to a reader
    skimming a trail (a new-user trial approved `li`'s verdict as `li.`). `skim=False` leaves
    out the classes wider than TR39's (`_skimmed`): for words, where `fail` and `fall` are two
    (a name is one person's, and its reader skims a trail for it). `pairs=False` leaves `rn`
    and `vv` unread as `m` and `w`: for a Latin name matched against pinyin joined reading by
    reading (`_latin_keys`)."""
    shown = drawn(name)
    # Punctuation, symbols and spaces go before the look-alike classes too, unless drawn like
    # an ASCII letter or digit (| for l): some classes are represented by another script's
    # letter (· by ᐧ, — by ᅳ), and `ro·sa` approved rosa's verdict.
    kept = "".join(c for c in shown if not _left_out(c))
    # A name of symbols alone keeps its spaces, spacing folded: a tab or a line break is drawn
    # as a space (`drawn`), and at either end of a forged `🐼` + TAB it made another skeleton
    # than 🐼's, whose registration beside 🐼 went unwarned (rr2).
    text = unicodedata.normalize("NFD", kept or " ".join(shown.split()))
    if skim and not text.isascii():
        text = text.translate(_drawn_as_two())
    for _ in range(2):  # a second pass reaches classes that only the case fold exposes
        text = unicodedata.normalize("NFD", "".join(_prototype(c) for c in text).casefold())
        text = _INVISIBLE_DOT.sub("", text)
    if skim:  # (a name of a mark alone keeps it: it is all there is to tell it by)
        # The letters freed of their marks (ø is o) join their look-alike classes too.
        bare = "".join(_prototype(c) for c in _unaccented(text))
        text = (bare or text).translate(_skimmed())
    # After the look-alike classes: a symbol drawn like a letter (| for l) stays that letter.
    letters = "".join(c for c in text if unicodedata.category(c)[0] not in _NOT_LETTERS)
    if skim and pairs:
        # Unicode's confusables draw m as the pair rn, a sequence the single-character classes
        # cannot hold: `rnaria` was another reviewer than maria and approved her verdict
        # (newdesk). Folded last, once marks, small capitals (`ʀɴ`) and what lies between the
        # two letters are gone; only where names are skimmed: a tag is a word, and `modern`
        # is not `modem`. TR39 draws w as vv too, which the package data lacks: `vvang` was
        # registered beside wang and approved his verdict (names2). Not cl as d (TR39's too):
        # Clara and Dara, Cleon and Deon are colleagues' names, vv is in almost none.
        letters = letters.replace("rn", "m").replace("vv", "w")
    # A name of symbols alone (an emoji, `-`) is its symbols: left out, every such name would
    # have the empty skeleton, and 🐼 could neither approve 🐱's verdict nor register beside it.
    return letters or text


@cache
def _drawn_as_two() -> dict[int, str]:
    """Each Latin letter beyond ASCII drawn as ASCII letters joined, in either case -> those
    letters, by the TR39 data (`æ` -> `ae`, `œ` -> `oe`, `ꝏ` -> `oo`, `ʣ` -> `dz`): the data
    pairs them with a sequence, which `_classes` (single characters) leaves out, and `chlœ`
    approved chloe's verdict (lookalike). With the letters of other scripts the data draws as
    one of these runs (Cyrillic ӕ, ꚙ) and the small capitals of these letters (ɶ, ᴁ). A name's
    alone (`skeleton`'s `skim`). The ASCII pair `rn` for `m` is folded by `skeleton` itself,
    after the classes."""
    from confusable_homoglyphs import confusables

    runs: dict[str, str] = {}
    for char, entries in confusables.confusables_data.items():
        if len(char) == 1 and not char.isascii():
            run = next((e["c"] for e in entries if len(e["c"]) > 1 and e["c"].isascii()), "")
            if run.isalpha():
                runs[char] = run.lower()
    table: dict[int, str] = {}

    def add(char: str, run: str) -> None:
        for form in {char, char.casefold()}:
            if len(form) == 1:
                table.setdefault(ord(form), run)

    for char, run in runs.items():
        if unicodedata.name(char, "").startswith("LATIN"):
            add(char, run)
    latin = set(table.values())
    for char, run in runs.items():
        # A letter of another script only where a Latin letter is drawn so too: Cyrillic ӕ is
        # æ (`ae`), and `сӕсіӏіе` was registered beside caecilie (rlook). Not Cyrillic ы (`bl`)
        # or ю (`lo`), which no Latin letter is: read so, they would respell Russian names.
        if run in latin and unicodedata.category(char)[0] == "L":
            add(char, run)
    # The small capitals of these letters are their letters, as `_skimmed` reads ʟ as l: `ɶ`
    # (SMALL CAPITAL OE) is œ, and `chlɶ` approved chloe's verdict (rlook).
    for code in _SMALL_CAPITAL_RANGES:
        name = unicodedata.name(chr(code), "")
        if name.startswith("LATIN LETTER SMALL CAPITAL "):
            letters = name.removeprefix("LATIN LETTER SMALL CAPITAL ")
            for kind in ("LETTER", "LIGATURE"):
                run = table.get(ord(_named(f"LATIN SMALL {kind} {letters}") or " "))
                if run is not None:
                    add(chr(code), run)
    return table


def _named(name: str) -> str | None:
    """The character of a Unicode name, or None when there is none."""
    try:
        return unicodedata.lookup(name)
    except KeyError:
        return None


# Unicode general categories (first letter) a skeleton leaves out: punctuation, symbols, spaces.
_NOT_LETTERS = frozenset("PSZ")


def _left_out(char: str) -> bool:
    if unicodedata.category(char)[0] not in _NOT_LETTERS:
        # A letter drawn as a middle dot (LATIN LETTER SINOLOGICAL DOT, CANADIAN SYLLABICS
        # FINAL MIDDLE DOT) goes as the dot does: `roꞏsa` was another person than `ro·sa`, so
        # than rosa, and approved rosa's verdict (review65).
        return _prototype(char) == _prototype("\u00b7") or _drawn_as_a_mark(char)
    like = _prototype(char)
    # A radical or stroke (a symbol) drawn as an ideograph is that ideograph: left out, `⻢丽`
    # was the twin of `丽` and not of `马丽`, and `王㇐` (CJK STROKE H) not of `王一` (review65).
    return not ((like.isascii() and like.isalnum()) or is_han(like) or _cjk_part(char))


# The stretch a typesetter draws a join wider with (kashida): ARABIC TATWEEL and NKO
# LAJANYALAN, modifier letters by their category that draw no letter. Left in, `محمـد` was
# registered beside محمد (rnames).
_STRETCH = frozenset("\u0640\u07fa")


@cache
def _drawn_as_a_mark(char: str) -> bool:
    """Whether `char` is a letter by its category but drawn as a mark or a dot beside letters:
    a modifier letter of the Spacing Modifier Letters or Latin Extended-D blocks that is no
    superscript letter (NFKC leaves it) and that the TR39 data pairs with no letter or digit
    (ˑ, ˌ, ˉ, ˇ, ʿ; ʾ and ʻ it pairs with an apostrophe), the Hangul ARAEA, a dot typed for
    a middle dot (`마이클ㆍ잭슨`), or a stretch of a join (`_STRETCH`). Left in, `欧阳ˑ娜娜`
    was registered beside 欧阳娜娜 and approved her verdict (names2)."""
    if char == "\u119e":  # ARAEA as a name holds it (NFKC folds the compatibility ㆍ to it)
        return True
    if char in _STRETCH:
        return True
    code = ord(char)
    if not (0x02B0 <= code <= 0x02FF or 0xA700 <= code <= 0xA7FF):
        return False
    if unicodedata.category(char) != "Lm" or unicodedata.normalize("NFKC", char) != char:
        return False
    like = _prototype(char)
    return not (like.isascii() and like.isalnum())


def _cjk_part(char: str) -> bool:
    """Whether `char` is a CJK radical or stroke (Kangxi radicals fold to ideographs by NFKC)."""
    return "\u2e80" <= char <= "\u2eff" or "\u31c0" <= char <= "\u31ef"


def same_person(
    a: str | None, b: str | None, displays: Mapping[str, str | None] | None = None
) -> bool:
    """Whether two names stand for one person: same normal form, look-alikes, or one the
    other's pinyin (`likeness`). With `displays` (a registered name -> its display name), a
    name is also the person whose display name it is or is like: `wang` shown as 王芳 and
    `王芳`, both registered before registration refused the second, are one reviewer."""
    if a is None or b is None:
        return False
    na, nb = compared_form(a), compared_form(b)
    if likeness(na, nb) is not None:
        return True
    shown = displays or {}
    # Each by the name as stored or in its normal form today: a name an earlier version stored
    # (`陈 静`) is the person registered under it, keyed by either (people.current_form).
    return any(
        likeness(name, fold(display)) is not None
        for name, display in (
            (na, shown.get(b) or shown.get(nb)),
            (nb, shown.get(a) or shown.get(na)),
        )
        if display
    )


def compared_form(name: str) -> str:
    """A name as the one-reviewer rule compares it: its normal form, else a plain fold."""
    try:
        return normalise_name(name)
    except InvalidInput:
        # A name that is not a valid name today (recorded before the rules) compares by a
        # plain fold: refusing here would let it approve its own verdict.
        return fold(name)


def likeness(a: str, b: str) -> str | None:
    """How two names in their normal form stand for one person, as the words between them in
    a sentence: "is" (the same normal form), "looks like" (the same skeleton), "is the same
    name as" (in traditional and simplified characters: 張偉 and 张伟) or "reads like"
    (`reads_alike`: one is the other's pinyin); None when they are two people's."""
    if a == b:
        return "is"
    if skeleton(a) == skeleton(b):
        return "looks like"
    if _has_han(a) and _has_han(b) and _one_name_in_two_forms(a, b):
        return "is the same name as"
    if _same_words(a, b):
        return "is, in another order,"
    if reads_alike(a, b):
        return "reads like"
    return None


def _same_words(a: str, b: str) -> bool:
    """Whether two names of two words or more are the same words in another order (trial49:
    `okafor ben` was registered beside Ben Okafor, the display name of `ben`, and approved his
    verdict): the family name first or last is one person's name, as `fang wang` is 王芳."""
    words_a, words_b = _words(a), _words(b)
    if len(words_a) < 2 or len(words_a) != len(words_b) or words_a == words_b:
        return False
    keys_a, keys_b = list(map(skeleton, words_a)), list(map(skeleton, words_b))
    if sorted(keys_a) != sorted(keys_b):
        return False
    return _keeps_joined(a, keys_b) and _keeps_joined(b, keys_a)


def _keeps_joined(name: str, other: list[str]) -> bool:
    """Whether each word of `name` joined by punctuation, in a name of several words (`min-jun`
    of `park min-jun`), is in the words `other` (skeletons) too, its parts in their order.
    Such a word is a given name of two syllables (Korean, or Taiwanese as passports spell it),
    and turned inside out it is another's: `Wang Ming-chien` (王明建) is not `Wang Chien-ming`
    (王建明), as both were once spoof331 read the hyphen as a space (review335). A name of one
    word alone is its parts in any order (`okafor-ben` is Ben Okafor)."""
    spaced = name.split()
    if len(spaced) < 2:
        return True
    for word in spaced:
        parts = [skeleton(part) for part in _words(word)]
        size = len(parts)
        if size > 1 and not any(other[at : at + size] == parts for at in range(len(other))):
            return False
    return True


def _words(name: str) -> list[str]:
    """A name's words: parted by spaces and by what the skeleton leaves out between them (a
    hyphen, an underscore, a dot). `ben-okafor` looks like `ben okafor`, so `okafor-ben` is
    him in another order; as one word it was another person, and `jing-chen` approved 陈静's
    verdict (spoof331). A stretch of a join (`_STRETCH`) is inside a word: `محمـد علي` is
    `علي محمد` in another order (rnames)."""
    return "".join("" if c in _STRETCH else " " if _left_out(c) else c for c in name).split()


def _one_name_in_two_forms(a: str, b: str) -> bool:
    """Whether two names in Chinese characters are one written in traditional characters and
    the other in simplified ones, or both mixed (workbench.domain.chinese_forms)."""
    from workbench.domain.chinese_forms import name_form

    return skeleton(name_form(a)) == skeleton(name_form(b))


def reads_alike(a: str, b: str) -> bool:
    """Whether, of two names in their normal form, one is written with Chinese characters and
    the other, with none, spells it in pinyin (workbench.domain.romanise): `wang fang`,
    `WangFang`, `Wáng Fāng` and `wang2 fang1` are 王芳 read aloud (spaces, punctuation, case
    and tone marks or numbers aside; each character by any of its readings, 行 as xing or
    hang), and a desk that knows a person in both scripts reads them as one name. The Latin
    side is compared by its skeleton, so `l1n` (a digit for the i) is 林's too, and in either
    order: `fang wang`, the given name first as English writes it, is 王芳 too.

    Two names both in Chinese characters are never alike by reading: 王芳 and 汪芳 sound alike
    (wang fang) but are written differently, as two people's names are, and a reader of the
    trail sees which one acted; homophones are common among Chinese names, and refusing them
    would refuse real colleagues. (Two names in Latin letters have one spelling each, compared
    by skeleton; 張偉 and 张伟 are one name written in two sets of characters, not two names
    that sound alike: `likeness`.) Only a name and its reading across the two scripts look
    like one name."""
    # Read as drawn: `⺩芳` (a radical) is 王芳 read aloud, not `fang` (review65).
    a, b = _as_ideographs(a), _as_ideographs(b)
    han_a, han_b = _has_han(a), _has_han(b)
    if han_a == han_b:
        return False
    han, latin = (a, b) if han_a else (b, a)
    from workbench.domain.romanise import spelled_as

    return any(
        spelled_as(_read_aloud(order), key, _reading_key)
        for order in _given_name_first(han)
        for key in _latin_keys(latin)
    )


def _given_name_first(han: str) -> list[str]:
    """`han` and, for a name of Chinese characters alone, the same written given name first:
    its surname (the first character, or the first two: 欧阳娜娜 is Nana Ouyang) moved to the
    end. `_latin_keys` reads a Latin name's last word first, but `jingchen` has no words to
    turn, and it approved 陈静's verdict as `jing chen` could not (spoof331)."""
    letters = _read_aloud(han)
    if len(letters) < 2 or not all(is_han(c) for c in letters):
        return [han]
    return [han, *(letters[cut:] + letters[:cut] for cut in (1, 2) if cut < len(letters))]


def _read_aloud(han: str) -> str:
    """The characters of a name holding Chinese characters that its pinyin spells: not its
    punctuation, symbols and spaces, nor a modifier drawn as a mark (`_drawn_as_a_mark`). The
    one rule for the index (`_readings_of`) and for the match (`reads_alike`): the match read
    only the categories, and `wangfang` was another name than 王ˉ芳, though 王·芳's (rnames)."""
    return "".join(
        c for c in han if unicodedata.category(c)[0] not in "PSZ" and not _drawn_as_a_mark(c)
    )


def _latin_keys(latin: str) -> set[str]:
    """The look-alike keys a name with no Chinese character is read by as pinyin."""
    plain = _unmarked(latin)
    # In English a Chinese name is often written given name first (Wei Zhang for 张伟, Fang
    # Wang for 王芳): the last word read first too.
    words = _words(plain)
    orders = {plain, " ".join([words[-1], *words[:-1]])} if len(words) > 1 else {plain}
    # By its skeleton, and with `rn` left as written too: a Chinese name's pinyin is joined from
    # its characters' readings one by one, where no `rn` across two (er + ni) is read as `m`,
    # and `wang erni`, keyed as `wangemi` alone, was registered beside 王二妮 (rnames).
    return {
        key
        for order in orders
        for form in (order, _TONE_NUMBER.sub("", order))
        for key in (skeleton(form), skeleton(form, pairs=False))
    }


# A name in Chinese characters is indexed by its every spelling when it has at most this many
# (each character by each of its readings: 行 two, 张伟 one); past it, by its first reading.
_SPELLINGS_INDEXED = 64


def _readings_of(han: str) -> tuple[set[str], set[str] | None]:
    """The keys every pinyin spelling of `han` (a name holding Chinese characters) starts with,
    its first character's readings, and its every spelling, or None past _SPELLINGS_INDEXED:
    what `spelled_as` matches a Latin key against, each character by one of its options."""
    from workbench.domain.romanise import readings

    first: set[str] | None = None
    spelled: set[str] | None = {""}
    for ch in _read_aloud(han):
        options = {_reading_key(r) for r in readings(ch)} or {_reading_key(ch)}
        options = {option for option in options if option}
        if first is None:
            first = options
        if spelled is not None:
            spelled = {done + option for done in spelled for option in options}
            if len(spelled) > _SPELLINGS_INDEXED:
                spelled = None
    return first or set(), spelled


@dataclass(frozen=True, slots=True)
class LikenessKeys:
    """What `likeness` tells a normalised name by, as keys two names alike share
    (workbench.domain.name_index): `exact`, the keys of the name itself, of its Chinese
    characters made simplified and of its words in any order; `han`, whether it is read aloud
    as Chinese characters (`reads_alike`); `readings`, for such a name its every spelling in
    pinyin, or when it has too many the keys they start with (`spelled` False), for another
    name the keys it is read by as pinyin."""

    exact: frozenset[tuple[str, ...]]
    han: bool
    readings: frozenset[str]
    spelled: bool = True


def likeness_keys(name: str) -> LikenessKeys:
    """The keys of `name` (normalised): two names `likeness` finds alike share an exact key,
    or one's `readings` (read aloud) begins the other's (spelled in Latin letters). A key
    shared says only that the two may be alike: `likeness` decides."""
    exact = exact_keys(name)
    drawn_as = _as_ideographs(name)
    han = _has_han(drawn_as)
    if not han:
        return LikenessKeys(exact, han, frozenset(_latin_keys(drawn_as)))
    # Each order `reads_alike` reads the name in (its surname first or last) is a key.
    firsts: set[str] = set()
    spellings: set[str] | None = set()
    for order in _given_name_first(drawn_as):
        first, spelled = _readings_of(order)
        firsts |= first
        spellings = None if spellings is None or spelled is None else spellings | spelled
    if spellings is None:
        return LikenessKeys(exact, han, frozenset(firsts), spelled=False)
    return LikenessKeys(exact, han, frozenset(spellings))


def exact_keys(name: str) -> frozenset[tuple[str, ...]]:
    """`likeness_keys(name).exact`, without the readings: two names read in one script are
    alike only if these meet, so the one-reviewer rule reads no pinyin for such a pair."""
    exact: set[tuple[str, ...]] = {("skeleton", skeleton(name))}
    if _has_han(name):
        from workbench.domain.chinese_forms import name_form

        exact.add(("simplified", skeleton(name_form(name))))
    words = _words(name)
    if len(words) > 1:
        exact.add(("words", *sorted(map(skeleton, words))))
    return frozenset(exact)


def read_as_han(name: str) -> bool:
    """`likeness_keys(name).han`: whether `name` (normalised) is read aloud as Chinese."""
    return _has_han(_as_ideographs(name))


# A tone written as a digit after its syllable (wang2 fang1), as pinyin is typed without marks.
_TONE_NUMBER = re.compile("(?<=[a-z])[1-5]")


def _as_ideographs(name: str) -> str:
    """`name` with each CJK radical, stroke or Bopomofo letter drawn as an ideograph written
    as that ideograph (RADICALS, BOPOMOFO, or its look-alike class when that is one), and each
    variant drawn like an ideograph's usual form written in it (chinese_forms.usual_form)."""
    if name.isascii():
        return name
    from workbench.domain.chinese_forms import usual_form

    return usual_form("".join(_ideograph(c) for c in name))


def _ideograph(char: str) -> str:
    like = RADICALS.get(char) or BOPOMOFO.get(char)
    if like is not None:
        return like
    if _cjk_part(char):
        drawn_as = _prototype(char)
        return drawn_as if is_han(drawn_as) else _class_ideographs().get(drawn_as, char)
    return char


@cache
def _class_ideographs() -> dict[str, str]:
    """Each look-alike class (by the member standing for it) -> its lowest ideograph, for the
    classes no ideograph stands for: an ASCII letter, a symbol or another script's letter
    represents a class that has one (㇐ CJK STROKE H's by ᅳ, a Hangul vowel; ㇓'s by `/`; ⺅'s
    by katakana イ), so `王㇐` was read aloud as `wang`, not as 王一's `wang yi` (`user add
    王㇐` beside `wang yi`, then approving wang yi's verdict)."""
    found: dict[str, str] = {}
    for char, like in _classes().items():
        if is_han(char) and (like not in found or char < found[like]):
            found[like] = char
    return found


@lru_cache(maxsize=8192)  # (as `skeleton`: asked of each pair of a desk's names)
def _has_han(name: str) -> bool:
    """Whether `name` holds a Chinese character (NFKC made any compatibility ideograph its
    unified one)."""
    return any(is_han(c) for c in name)


def _unaccented(decomposed: str) -> str:
    """A decomposed name without the marks a reader skims over: those on Latin, Greek and
    Cyrillic letters (`rósa` is `rosa`, and `wáng fāng` is `wang fang`: both are 王芳, so one
    is the other), with the letters whose mark is part of them (ø, ł, đ, ħ: `_base`); Arabic
    and Hebrew vowel points, which are optional; and a mark on an ideograph, a digit or no
    letter at all (at the start of a name, after a space), and any enclosing mark. Marks on
    other scripts' letters (a Devanagari anusvara, a Thai tone, a Japanese voicing mark) spell
    another name and are kept."""
    if decomposed.isascii():
        return decomposed
    out: list[str] = []
    skimmed = True  # a mark with no letter before it marks nothing a reader sees
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Me":
            # An enclosing mark (U+20DD's circle) spells no letter of any script: `maria⃝`
            # approved maria's verdict (review52).
            continue
        if category == "Mn":
            if not skimmed:
                out.append(char)
            continue
        if category[0] == "M":  # a spacing mark goes with its letter (Indic vowel signs)
            out.append(char)
            continue
        out.append(_base(char))
        skimmed = category[0] != "L" or _skims(char)
    return "".join(out)


_SKIMMED_SCRIPTS = ("LATIN ", "GREEK ", "CYRILLIC ", "ARABIC ", "HEBREW ", "CJK UNIFIED ")


@cache
def _skims(letter: str) -> bool:
    return letter.isascii() or unicodedata.name(letter, "").startswith(_SKIMMED_SCRIPTS)


# A Latin letter with a mark that does not decompose (a stroke, a hook, a bar): its letter.
_MARKED_LETTER = re.compile("LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH ")


@cache
def _base(char: str) -> str:
    if char.isascii():
        return char
    found = _MARKED_LETTER.match(unicodedata.name(char, ""))
    if found is None:
        return char
    return found.group(2).lower() if found.group(1) == "SMALL" else found.group(2)


def _unmarked(text: str) -> str:
    """`text` without its combining marks: the tone marks of pinyin (Wáng Fāng, Lǚ is lu)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@cache
def _reading_key(reading: str) -> str:
    """A reading (or a Latin letter of a Chinese name) as the Latin name it is compared with."""
    return skeleton(_unmarked(reading))


def _script_impostor(name: str) -> str | None:
    """A non-ASCII character standing in for a look-alike ASCII one, in a name that mixes
    scripts (`аlice` with a Cyrillic а); None when the name is in one script or no character
    imitates another. A name wholly in another script is judged by skeleton against the
    registered names instead (a whole-script look-alike is only a problem next to its twin)."""
    from confusable_homoglyphs import confusables

    if not confusables.is_mixed_script(name):
        return None
    for char in name:
        if not char.isascii() and _prototype(char).isascii() and _prototype(char).isalnum():
            return char
    return None


def _prototype(char: str) -> str:
    return _classes().get(char, char)


def latin_of(char: str) -> str:
    """The character `char` is drawn like, to say so: its look-alike class's ASCII member
    (`а` -> `a`), or itself."""
    return _prototype(char)


@cache
def _classes() -> dict[str, str]:
    """Each single character that has look-alikes -> the one member standing for its class.

    The package lists, for every character, the characters it is confusable with (both
    directions of confusables.txt). Joined into classes, each class is represented by its
    ASCII member if it has one (so a Latin name maps to itself), else by its lowest letter or
    digit, else its lowest code point. A letter's class is not represented by a symbol: the
    skeleton leaves symbols out, and 力 (whose class holds KANGXI RADICAL POWER, a symbol of a
    lower code point) would vanish from it, making 王力 the twin of 王.
    Sequences (`rn` for `m`) are not covered: the package data pairs single characters; the
    one pair of ASCII letters it gives for an ASCII letter, and `vv` for `w`, which newer TR39
    data gives and it lacks, are folded by `skeleton` itself.
    """
    from confusable_homoglyphs import confusables

    parent: dict[str, str] = {}

    def find(c: str) -> str:
        root = c
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(c, c) != root:
            parent[c], c = root, parent[c]
        return root

    def rank(c: str) -> tuple[bool, bool, int]:
        return (not c.isascii(), unicodedata.category(c)[0] not in "LN", ord(c))

    for char, entries in confusables.confusables_data.items():
        if len(char) != 1:
            continue
        for entry in entries:
            other = entry["c"]
            if len(other) != 1:
                continue
            ra, rb = find(char), find(other)
            if ra != rb:
                keep, drop = (ra, rb) if rank(ra) <= rank(rb) else (rb, ra)
                parent[drop] = keep
    classes = {c: find(c) for c in parent}
    for char, like in (OVERRIDES | RADICALS | BOPOMOFO).items():
        classes[char] = classes.get(like, like)
    return classes
