"""Names of people, organisations, places and products in a unit, and the Chinese personal
names a document introduces.

Latin names give themselves away by their capitals (`NOT_NAMES` and the calendar aside). Chinese
names do not: one is recognised where the text marks it as a name (`harvest_names`), and
`find_entities` counts, besides those, a known place, a specific organisation (商汤科技, not
中国科技企业), a title before a surname or an honorific after a name. The features ask only
whether a unit names something and whether it names several, so the search stops at two.
"""

from __future__ import annotations

import functools
import re

from workbench.domain.checkworthy.en_cues import CALENDAR, NOT_NAMES
from workbench.domain.checkworthy.zh_cues import CJK, PLACES, SURNAMES
from workbench.domain.cjk import is_basic_han as _is_cjk


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.split())


# Named things in Chinese: a known place, an organisation suffix, a title before a name, an
# honorific after one. The Python around each match decides what was named. (The words, each
# literal: no Chinese entity is found in a text that holds none of them, see `evidence`.)
ZH_ENTITY_WORDS: tuple[str, ...] = (
    *PLACES.split("|"),
    *_words("公司 集团 大学 学院 银行 研究院 研究所 实验室 委员会 交易所 基金会 科技"),
    *_words("联合创始人 创始人 CEO 董事长 总裁 总经理 首席 教授 主席 部长 总理 总统 发言人"),
    *_words("博士 先生 女士 院士"),
)
_ZH_ENTITY = re.compile("|".join(ZH_ENTITY_WORDS))
_PLACE_SET = frozenset(PLACES.split("|"))
_ORG_SUFFIXES = frozenset(
    _words("公司 集团 大学 学院 银行 研究院 研究所 实验室 委员会 交易所 基金会 科技")
)
_HONORIFICS = frozenset(_words("博士 先生 女士 院士"))
# A place used as an adjective for a whole class (美国企业, 中国创业者) names nothing specific.
_GENERIC_AFTER_PLACE = re.compile("企业|公司|同行|科技|技术|创业|人|用户|市场")
# Words before an organisation suffix that make it generic (创业公司, 技术公司, 中国公司).
_GENERIC_ORG = frozenset(
    _words("创业 技术 核心 中国 美国 一家 这家 那家 该家 大型 小型 上市 科技 互联 网络 国有 民营")
)
_NAME = rf"[{SURNAMES}][{CJK}]{{1,2}}"
_NAME_AFTER_TITLE = re.compile(
    rf"(?:[{CJK}]{{1,4}}官)?({_NAME})(?=[^{CJK}]|的|在|和|与|表示|说|认为|$)"
)
_SURNAME_AFTER_TITLE = re.compile(rf"(?:[{CJK}]{{1,4}}官)?[{SURNAMES}][{CJK}]{{1,2}}")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-.&][A-Za-z0-9]+)*")

# Chinese personal names have no capital letters to give them away. A name is recognised where
# the text marks it as one: after a title (创始人闫俊杰), before a verb of speech or belief
# (闫俊杰表示, 闫俊杰自信地表示), as the other side of an interview (与罗永浩的对谈), or as a
# familiar form (老罗). `find_candidates` collects them over the whole document, so a name
# introduced once is recognised in every later sentence.
_TITLES = (
    "联合创始人|创始人|CEO|CTO|董事长|总裁|总经理|首席|教授|主席|部长|总理|总统|发言人|记者|主持人"
)
_SPEECH = "表示|认为|指出|坦言|透露|回忆|相信|坚信|强调|称"
_MEETING = "采访|对谈|访谈|交流|对话|描绘"
_NAME_TRIGGER = re.compile(f"{_TITLES}|{_SPEECH}|{_MEETING}|老(?=[{SURNAMES}])")
_TITLE_SET = frozenset(_TITLES.split("|"))
_SPEECH_SET = frozenset(_SPEECH.split("|"))
_NAME_BEFORE_SPEECH = re.compile(rf"({_NAME})(?:[{CJK}]{{1,3}}地)?$")
_NAME_BEFORE_MEETING = re.compile(rf"(?:与|和|跟|向)({_NAME})的?$")
_FAMILIAR_NAME = re.compile(rf"老[{SURNAMES}](?=的|说|算|在|和|与|跟)")
_LOOKBACK = 8


def harvest_names(text: str) -> frozenset[str]:
    """Chinese personal names that `text` marks as names somewhere (see `_NAME_TRIGGER`)."""
    names: set[str] = set()
    for m in _NAME_TRIGGER.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        found: re.Match[str] | None
        if word == "老":
            found = _FAMILIAR_NAME.match(text, start)
            if found:
                names.add(found.group())
            continue
        if word in _TITLE_SET:
            found = _NAME_AFTER_TITLE.match(text, end)
        elif word in _SPEECH_SET:
            found = _NAME_BEFORE_SPEECH.search(text, max(0, start - _LOOKBACK), start)
        else:
            found = _NAME_BEFORE_MEETING.search(text, max(0, start - _LOOKBACK), start)
        if found:
            names.add(found.group(1))
    return frozenset(names)


@functools.lru_cache(maxsize=8)
def names_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


@functools.lru_cache(maxsize=8)
def _any_ascii(names: frozenset[str]) -> bool:
    """Whether some of `names` could occur in ASCII text (none `harvest_names` finds)."""
    return any(name.isascii() for name in names)


def find_entities(s: str, names: frozenset[str]) -> frozenset[str]:
    """Names of people, organisations, places and products in `s`, up to two: the features ask
    only whether there is one and whether there are several, so the search stops at two."""
    found: set[str] = set()
    # In ASCII text only the title "CEO" matches, and no Chinese surname can follow it.
    for m in () if s.isascii() else _ZH_ENTITY.finditer(s):
        word, start, end = m.group(), m.start(), m.end()
        if word in _PLACE_SET:
            if not _GENERIC_AFTER_PLACE.match(s, end):
                found.add(word)
        elif word in _ORG_SUFFIXES:
            modifier = s[max(0, start - 2) : start]
            # 商汤科技 is a company, 中国科技企业 is not: 科技 names one only at a word's end.
            glued = word == "科技" and end < len(s) and _is_cjk(s[end])
            specific = len(modifier) == 2 and _all_cjk(modifier) and modifier not in _GENERIC_ORG
            if specific and not glued:
                found.add(s[max(0, start - 4) : end])
        elif word in _HONORIFICS:
            for size in (3, 2):
                name = s[max(0, start - size) : start]
                if len(name) == size and name[0] in SURNAMES and _all_cjk(name):
                    found.add(name)
                    break
        else:
            # A title followed by a surname: enough to know someone is named, even where the
            # name's length is unclear (harvest_names is stricter, it reuses the names).
            title = _SURNAME_AFTER_TITLE.match(s, end)
            if title:
                found.add(title.group())
    if len(found) >= 2:
        return frozenset(found)
    pattern = names_pattern(names)
    # The document's names are Chinese (see `harvest_names`): none in ASCII text.
    if pattern is not None and (not s.isascii() or _any_ascii(names)):
        found.update(pattern.findall(s))  # no groups: the matches, in C
        if len(found) >= 2:
            return frozenset(found)
    words = _LATIN_NAME.findall(s)  # as strings, in C: one regex call, no match objects
    if not words:
        return frozenset(found)
    # The first word of an English sentence is capitalised anyway: there only a word with a
    # second capital (MiniMax, OpenAI, CLIP) counts as a name. The first word opens the text
    # when only spaces, quotes and brackets stand before it (a word starts with a capital,
    # which none of them is, so no earlier word can start there).
    first = words[0]
    opening = s.lstrip(_BEFORE_OPENING).startswith(first)
    # (The pattern matches ASCII only, where lower() changes exactly the capitals.)
    if not opening or first[1:] != first[1:].lower():
        _add_name(found, first)
    for word in words[1:]:
        if len(found) >= 2:
            break
        _add_name(found, word)
    return frozenset(found)


_BEFORE_OPENING = " \"“'‘(（"


def _add_name(found: set[str], word: str) -> None:
    if word not in NOT_NAMES and word not in CALENDAR and len(word) >= 2:
        found.add(word)


def _all_cjk(s: str) -> bool:
    return all(_is_cjk(c) for c in s)
