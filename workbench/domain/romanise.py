"""Whether a name in Latin script may be the pinyin of a name in Chinese characters.

An English source writes a Chinese company or person in pinyin without tones: 澜汐电器 is
"Lanxi Appliances", 林晚舟 "Lin Wanzhou" (or "Lin Wan-zhou", "Linwanzhou"). Comparing the pinyin
of a Chinese name with the words of a Latin one tells "Lanxi" (澜汐) from "Xinggang" (not 澜汐)
across the two scripts, which share no character.

The readings come from pypinyin's dictionary, imported only when a comparison is first needed
(`claim similar` on claims in one script never loads it), and the readings of each character
are kept once read.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import islice, product


@lru_cache(maxsize=8192)
def readings(ch: str) -> tuple[str, ...]:
    """The toneless pinyin readings of one Chinese character, every one of a heteronym (行:
    xing, hang, heng: a name's reading need not be the common word's), with ü written v, u and
    yu (吕: lv, lu, lyu); () for a character with none."""
    found = {s for r in _reader()(ch) if r.isascii() and r.isalpha() for s in _spelled(r)}
    return tuple(sorted(found))


def _spelled(reading: str) -> tuple[str, ...]:
    # pypinyin writes ü as v (lv); English sources write it u or yu (Lu, Lyu).
    if "v" not in reading:
        return (reading,)
    return (reading, reading.replace("v", "u"), reading.replace("v", "yu"))


@lru_cache(maxsize=1)
def _reader() -> Callable[[str], list[str]]:
    # Names are read a character at a time, so pypinyin's phrase dictionary (half its import
    # time, 0.1 s) is not loaded: PYPINYIN_NO_PHRASES is pypinyin's documented switch for that.
    # It is set for the import only, and only matters if pypinyin is not loaded yet.
    saved = os.environ.get("PYPINYIN_NO_PHRASES")
    os.environ["PYPINYIN_NO_PHRASES"] = "1"
    try:
        from pypinyin import Style, pinyin
    finally:
        if saved is None:
            del os.environ["PYPINYIN_NO_PHRASES"]
        else:
            os.environ["PYPINYIN_NO_PHRASES"] = saved

    def read(ch: str) -> list[str]:
        found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
        return [r for group in found for r in group]

    return read


def name_matches(
    chinese: str,
    latin: Collection[str],
    stem: Callable[[str], str] = lambda w: w,
    *,
    whole: bool = False,
) -> bool:
    """Whether the Chinese name `chinese` may be written by the Latin names `latin` (lower-case
    words, cut by `stem` as they were when kept): the pinyin of its characters, in any of their
    readings, begins one word (Lanxi, Linwanzhou) or is one word's whole and the start of
    another (Lin Wanzhou, Xing Gang). A character with no reading matches nothing.

    With `whole`, `latin` is any words, not only names (all the plain words of a claim, where a
    name that opens a sentence is kept as a word): only the whole pinyin, or its stem, being
    one of them matches, so that a name's first syllable is not found in any English word."""
    chars = [readings(ch) for ch in chinese]
    if not chars or not all(chars):
        return False
    for spelled in product(*chars):
        joined = "".join(spelled)
        cut = stem(joined)  # Qingming is kept as "qingm"
        if whole:
            if joined in latin or cut in latin:
                return True
            continue
        if any(w.startswith(joined) or w == cut for w in latin):
            return True
        first, rest = spelled[0], "".join(spelled[1:])
        if rest and first in latin and any(w != first and w.startswith(rest) for w in latin):
            return True
    return False


# At most this many spellings of one name are kept (a name of two heteronyms has a few).
_SPELLINGS = 8


@lru_cache(maxsize=4096)
def spellings(chinese: str, stem: Callable[[str], str] = lambda w: w) -> tuple[str, ...]:
    """The ways an English text may write the Chinese name `chinese` as one word (青岚:
    qinglan; 行川: xingchuan, hangchuan...), its readings joined and cut by `stem` as a word of
    the English text is; () for a name with a character that has no reading."""
    chars = [readings(ch) for ch in chinese]
    if not chars or not all(chars):
        return ()
    return tuple(sorted({stem("".join(s)) for s in islice(product(*chars), _SPELLINGS)}))


def spelled_as(name: str, latin: str, letters: Callable[[str], str] = lambda w: w) -> bool:
    """Whether `latin` spells the whole of `name`, a name holding Chinese characters, as its
    pinyin: each character by one of its readings (any one: 行 is xing or hang), the readings
    joined with nothing between, each passed through `letters` as `latin` was (a look-alike
    key). A character of `name` with no reading (a Latin letter of 张wei) spells itself through
    `letters`; its spaces and punctuation spell nothing.

    The readings are matched along `latin` from its start, keeping only the places in it that
    some choice of readings has reached so far: the work is the name's length times its
    readings, never their combinations (ten characters of three readings each would be 59,049
    spellings), so no cap on the combinations leaves any reading out."""
    reached = {0}
    for ch in name:
        if unicodedata.category(ch)[0] in "PSZ":
            continue
        options = {letters(r) for r in readings(ch)} or {letters(ch)}
        reached = {
            at + len(option)
            for at in reached
            for option in options
            if option and latin.startswith(option, at)
        }
        if not reached:
            return False
    return len(latin) in reached
