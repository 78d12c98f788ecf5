"""Names across scripts: whether a Latin name may be the pinyin of a Chinese one (Lanxi and
澜汐, not Xinggang), and whether two claims that name things only in two scripts share anything
else at all.

Latin and Chinese names share no character, so these checks compare them through pinyin
(`domain.romanise`) and through what else the claims share.
"""

from __future__ import annotations

from collections.abc import Mapping

from workbench.domain.glosses import glossed
from workbench.domain.romanise import name_matches
from workbench.domain.similarity.kinds import PINYIN, Kinds, found_in, no_countries
from workbench.domain.similarity.words import stem


def _tied(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two claims share a plain word or character pair (not a figure, concept or
    mark): something other than what any two claims may share."""
    if len(b) < len(a):
        a, b = b, a
    return any(t in b for t in a if t[0] not in "#~@^%=" and len(t) >= 2)


def in_other_scripts(
    ka: Kinds, a: Mapping[str, float], kb: Kinds, b: Mapping[str, float]
) -> tuple[list[str], list[str]] | None:
    """The names of two claims (a's, b's) when each names something in one script only, not
    the same one, and nothing else ties them (see `disagreements.SCRIPT_SHARE`); else None."""
    # A province is named in Chinese too: a Chinese claim that names only 江西 and an English
    # one that names only Cobalt Street share no name either.
    # (Countries are compared as countries: see `kinds.no_countries`.)
    chinese_a = no_countries(ka.chinese) or ka.places
    chinese_b = no_countries(kb.chinese) or kb.places
    latin_a, latin_b = no_countries(ka.latin), no_countries(kb.latin)
    if latin_a and not ka.zh and chinese_b and not latin_b:
        found = (latin_a, chinese_b)
    elif latin_b and not kb.zh and chinese_a and not latin_a:
        found = (chinese_a, latin_b)
    else:
        return None
    return None if _tied(a, b) else (sorted(found[0]), sorted(found[1]))


def _hanzi(kinds: Kinds) -> list[str]:
    """A claim's names in Chinese characters (not provinces, not Latin names in Chinese text,
    not countries: see `kinds.no_countries`)."""
    return [t for t in no_countries(kinds.chinese) if t[0] == "@"]


def _spelled_in(chinese: list[str], latin: list[str]) -> bool:
    """Whether any of the Chinese names `chinese` (@澜汐) is written in pinyin by the Latin
    names `latin` (@lanxi, @appliance), or translated by them (@鸣沙: Singing Sand, see
    `domain.glosses`)."""
    words = frozenset(t[1:] for t in latin)
    return any(name_matches(t[1:], words, stem) or glossed(t[1:], words, stem) for t in chinese)


def written_in(chinese: list[str], other: Kinds) -> bool:
    """Whether any of the Chinese names `chinese` (@远鲸) is written by the other claim's Latin
    names, in pinyin or translated (Yuanjing, Far Whale: see `_spelled_in`)."""
    return bool(other.latin) and _spelled_in(chinese, other.latin)


def spelled_out(latin: list[str], other: Kinds) -> list[str]:
    """Of the Latin names `latin` of one claim, those that write no Chinese name of the other
    claim (`other`) by themselves, in pinyin or as a one-word translation (see `_spelled_in`).
    An English claim that names Egret Dairy with the Chinese quote 白鹭乳业 and another that
    names Bailu Dairy name one company: Bailu is the pinyin of the first claim's Chinese name,
    so it is no name the first claim lacks, though Egret stays one the second lacks (the second
    gives no Chinese name for it to translate)."""
    hanzi = _hanzi(other)
    if not hanzi:
        return latin
    return [t for t in latin if not _spelled_in(hanzi, [t])]


def _pinyin_word(chinese: list[str], other: Mapping[str, float]) -> bool:
    """Whether any of the Chinese names `chinese` (@澜汐) is, in pinyin, a whole plain word of
    the other claim: a name that opens an English sentence ("Lanxi was the first...") is kept
    as a word, not a name (see `found_in`), yet it spells the Chinese one all the same. Only a
    whole word ties, so that a name's first syllable is not found in any English word."""
    return any(name_matches(t[1:], other, stem, whole=True) for t in chinese)


def unspelled(
    ka: Kinds, a: Mapping[str, float], kb: Kinds, b: Mapping[str, float]
) -> tuple[list[str], list[str]] | None:
    """The names of two claims (a's, b's) when one's English text names its subject in Latin
    script, the other's Chinese text opens with a name, and that Chinese name is neither
    spelled by the Latin names (pinyin) nor found anywhere in the English claim, nor do they
    share a Latin name: "Chenchuan Energy shipped 45 GWh..." against "曜川新能源...出货四十五吉瓦
    时" are two companies, whatever their quotes share (a quote that opens 2023年动力电池...
    names no one). An English name that translates the Chinese one rather than spelling it
    is tied by the English claim's quote naming the Chinese one (镜湖科技 in it); else None."""
    for chinese, c, english, e in ((ka, a, kb, b), (kb, b, ka, a)):
        if not chinese.subjects or chinese.latin:
            continue
        # Latin names of an English text (those of Chinese text are marked "%" too)
        latin = [t for t in english.latin if "%" + t[1:] not in e]
        if not latin or english.subjects:
            continue
        hanzi = no_countries(["@" + t[7:] for t in chinese.subjects if t.startswith("=named:")])
        if not hanzi:
            continue
        if any(found_in(t, e) for t in hanzi) or any(found_in(t, c) for t in latin):
            return None
        if _spelled_in(hanzi, latin) or _pinyin_word(hanzi, e):
            return None
        ours, theirs = sorted(latin), sorted(hanzi)
        return (theirs, ours) if english is kb else (ours, theirs)
    return None


def across_scripts(
    ka: Kinds, a: Mapping[str, float], kb: Kinds, b: Mapping[str, float]
) -> tuple[bool, tuple[list[str], list[str]] | None]:
    """Whether one claim's Latin names and the other's names in Chinese characters can be
    compared, and, when they can and disagree, the two claims' names (a's, b's).

    They agree when a Chinese name's pinyin is written by the other claim's Latin names
    (澜汐 and Lanxi Appliances), or when the claims share a Latin name, or a name in Chinese
    characters that both give as a name (an English claim whose Chinese quote opens with
    鸿屿银行). They disagree when nothing of the kind ties them and a Chinese name of one is
    not in the other at all: Xinggang Appliances against 澜汐电器 are two companies, as Xinggang
    and Lanxi would be. A character pair the other claim holds only as a word does not tie
    them (a quote that opens 洗衣机销量... names no one), nor does it disagree."""
    pairs = [
        (hanzi, spellers.latin, where)
        for hanzi, spellers, where in ((_hanzi(ka), kb, b), (_hanzi(kb), ka, a))
        if hanzi and spellers.latin
    ]
    if not pairs:
        return False, None
    if (
        any(found_in(t, b) for t in ka.latin)
        or any(found_in(t, a) for t in kb.latin)
        or any(t in b for t in _hanzi(ka))
        or any(_spelled_in(hanzi, latin) for hanzi, latin, _ in pairs)
        or any(_pinyin_word(hanzi, where) for hanzi, _, where in pairs)
    ):
        return True, None
    if all(found_in(t, where) for hanzi, _, where in pairs for t in hanzi):
        return True, None
    return True, (sorted(ka.latin + _hanzi(ka)), sorted(kb.latin + _hanzi(kb)))


def pinyin_ties(a: Mapping[str, float], b: Mapping[str, float]) -> list[tuple[float, str]]:
    """What a Chinese name of one claim and its pinyin in the other add to their cosine, as if
    they were one term (the product of their weights), each with the term shown ("qinglan
    (青岚)"): 青岚市一季度…… against "Qinglan ranked first…" share their subject, which the bag
    of terms alone cannot see (a character pair and a word share no term). Only a name the
    other claim does not hold in Chinese (an English claim whose quote names 青岚 shares it
    already), and whose pinyin the claim itself does not write."""
    ties: dict[str, tuple[float, str]] = {}
    for chinese, other in ((a, b), (b, a)):
        if "%" not in chinese:
            continue  # (no Chinese text: no Chinese name)
        for t in chinese:
            if not t.startswith(PINYIN):
                continue
            name, spelled = t[len(PINYIN) :].split(":", 1)
            if name in other or spelled in chinese:
                continue
            written, shown = other.get(spelled, 0.0), spelled
            if not written:
                written, shown = _in_two_names(spelled, other)
            weight = chinese.get(name, 0.0) * written
            if weight > ties.get(name, (0.0, ""))[0]:
                ties[name] = (weight, f"{shown} ({name})")
    return list(ties.values())


def _in_two_names(spelled: str, other: Mapping[str, float]) -> tuple[float, str]:
    """The weight of a Chinese name's pinyin (`spelled`: xuanruo, the name's first two
    characters, 禤若 of 禤若澜) written by the other claim as two Latin names, a surname and a
    given name that starts with the rest, in either order (Xuan Ruolan, Ruolan Xuan), and the
    two as shown; (0.0, "") if it is not. The larger of the two words' weights: one name, as if
    written as one word (both would count it twice). Only words the other claim keeps as names
    (capitalised, "@xuan"), so that "he" and "an" are no 何安."""
    latin = [t[1:] for t in other if t.startswith("@")]
    for cut in range(1, len(spelled)):
        first, rest = spelled[:cut], spelled[cut:]
        if first not in latin:
            continue
        for word in latin:
            if word != first and word.startswith(rest):
                written = max(other.get(first, 0.0), other.get(word, 0.0))
                if written:
                    return written, f"{first} {word}"
    return 0.0, ""
