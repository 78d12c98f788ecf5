"""The day of a month a text gives (18 December, Sept. 14, 12月28日, 2024-05-03: `=day:12-18`)
and the place in a ranking (No. 41, ranked third, 排名全球第2位, 第二大: `=label:rank:2`).

A line opened on the 4th and one opened on the 14th of the same month, a company second in a
ranking and one third, are two facts however much else the claims share (see `disagreements`).
"""

from __future__ import annotations

import calendar
import re

from workbench.domain.cjk import DIGITS, half_width_table
from workbench.domain.similarity.figures import EN_ORDINALS
from workbench.domain.similarity.labels import zh_small
from workbench.domain.similarity.naming import ABBREVIATED, MONTHS
from workbench.domain.similarity.words import CJK_RUN, split_words

# (the months and their abbreviations, as `labels` reads them in periods)
_MONTH_OF = {m: i for i, m in enumerate(MONTHS, start=1)} | ABBREVIATED
_MONTH = "|".join(sorted(_MONTH_OF, key=len, reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# (what a figure that follows a month counts, when it is no day: 3 million, 12 people, 40 flights)
_NOT_DAY_END = (
    r"\s*(?:(?:million|billion|thousand|trillion|bn|m|k|per|percent|pc|people|persons|of|more|"
    r"new|extra|additional|[a-z]+s)\b|%|[.,]\d)"
)
_ZH_SMALL = "[一二三四五六七八九十]+"
_DAYS = re.compile(
    # 18 December, 3rd of May
    rf"\b(?P<d1>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\b\.?"
    # December 18, Sept. 14, 2025 (not "May 2024": a day is one or two digits; nor "In June 3
    # million passengers...", "in May 12 people": a figure that counts something)
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?\b(?!\d)(?!{_NOT_DAY_END})"
    # 12月28日, 十二月二十八日
    rf"|(?<![\d.])(?P<zm>1[0-2]|0?[1-9]|{_ZH_SMALL})月(?P<zd>{_DAY}|{_ZH_SMALL})[日号]"
    # 2024-05-03
    rf"|\b(?:19|20)\d\d-(?P<im>1[0-2]|0?[1-9])-(?P<id>{_DAY})\b"
)


_DAY_HINT = re.compile(r"\d|[日号]")

# 2026.1.12, 2025.12.18: a date as a Chinese post or a table writes it (not 2026.1.125, a
# version 2.1.3, nor a release named by its date, PyCharm 2024.1.3, v2024.1.2, 版本号2024.1.5),
# read as the language around it says a date: 2026年1月12日, 12 january 2026.
_DOTTED_DATE = re.compile(
    rf"(?<![\d.])(?<!\bv)(?<!版本)(?<!版本号)((?:19|20)\d\d)\.(1[0-2]|0?[1-9])\.({_DAY})"
    r"(?!\.?\d|[a-z])"
)
# (the word before a date in English: any other word before it names a release, PyCharm
# 2024.1.3)
_WORD_BEFORE = re.compile(r"([a-z]+)\s*$")
_BEFORE_A_DATE = frozenset(
    split_words("on in from since until till by before after dated date of at to and between")
)


def dotted_dates(text: str, chinese: bool) -> str:
    """`text` (normalised, lower-cased) with its dotted dates written out (see above)."""
    if "." not in text:
        return text
    return _DOTTED_DATE.sub(lambda m: _written_out(m, chinese), text)


def _written_out(m: re.Match[str], chinese: bool) -> str:
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    if day > calendar.monthrange(int(year), month)[1]:
        return m.group()  # (2026.2.31 is no date)
    word = _WORD_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
    if word and word.group(1) not in _BEFORE_A_DATE:
        return m.group()
    return f"{year}年{month}月{day}日" if chinese else f"{day} {MONTHS[month - 1]} {year}"


def _small(s: str) -> int:
    return int(s) if s.isdigit() else zh_small(s)


def days(text: str) -> list[str]:
    """The days of a month that `text` (normalised, lower-cased) gives, as "=day:M-D"."""
    if not _DAY_HINT.search(text):
        return []  # most texts: one scan in C, not the whole expression at every position
    return [t for t in map(_day_term, _DAYS.finditer(text)) if t]


def _day_term(m: re.Match[str]) -> str | None:
    # (casefold: the text as stored may write a month in any case, even Auguſt)
    if m.group("d1"):
        month, day = _MONTH_OF.get(m.group("m1").casefold(), 0), int(m.group("d1"))
    elif m.group("d2"):
        month, day = _MONTH_OF.get(m.group("m2").casefold(), 0), int(m.group("d2"))
    elif m.group("zm"):
        month, day = _small(m.group("zm")), _small(m.group("zd"))
    else:
        month, day = int(m.group("im")), int(m.group("id"))
    return f"=day:{month}-{day}" if 1 <= month <= 12 and 1 <= day <= 31 else None


# The same reading of a text as stored, where a checker looks for a day's words to correct
# them: any case (December), and full-width digits as their ASCII ones (１２月２８日), one for
# one, so that a day's place in the reading is its place in the text.
_DAYS_AS_STORED = re.compile(_DAYS.pattern, re.IGNORECASE)
_HALF_WIDTH = half_width_table(DIGITS)


def written_days(text: str) -> dict[str, str]:
    """Each day of a month `text` (as stored) gives, "=day:M-D", with the words that give it
    at its first place ("28 December", "12月28日"): one pass over the text."""
    read = text.translate(_HALF_WIDTH)
    if not _DAY_HINT.search(read):
        return {}
    places = [(m.start(), m.end(), _day_term(m)) for m in _DAYS_AS_STORED.finditer(read)]
    lowered = read.lower()
    if "." in read and len(lowered) == len(read):  # (places kept: lower() may lengthen İ)
        chinese = CJK_RUN.search(lowered) is not None
        places += (
            (m.start(), m.end(), f"=day:{int(m.group(2))}-{int(m.group(3))}")
            for m in _DOTTED_DATE.finditer(lowered)
            if _written_out(m, chinese) != m.group()  # (a date, not a release: see above)
        )
    found: dict[str, str] = {}
    for start, end, term in sorted(places, key=lambda p: p[0]):
        if term and term not in found:
            # (a trailing full stop is the abbreviation's or the sentence's: not needed)
            found[term] = text[start:end].rstrip(".")
    return found


def day_words(term: str, chinese: bool) -> str:
    """A day ("=day:12-28") in words, as a text of its language writes it: 12月28日, 28
    December (for a day whose words were not found as `written_days` reads them)."""
    month, day = (int(n) for n in term.removeprefix("=day:").split("-"))
    return f"{month}月{day}日" if chinese else f"{day} {MONTHS[month - 1].capitalize()}"


def _blank_day(m: re.Match[str]) -> str:
    name = next(g for g in ("d1", "d2", "zd", "id") if m.group(g))
    start, end = m.span(name)
    return m.string[m.start() : start] + " " + m.string[end : m.end()]


def without_days(text: str) -> str:
    """`text` with the numbers of its days blanked: a day is read as "=day:M-D" (see `days`),
    not as a figure too, so that "signed on June 3" shares no figure with "three drugs"."""
    if not _DAY_HINT.search(text):
        return text
    return _DAYS.sub(_blank_day, text)


_ORDINAL_VALUE = {"first": 1, **EN_ORDINALS}
_ORDINAL = "|".join(_ORDINAL_VALUE)
_RANKS = re.compile(
    # No. 41, ranked No. 2
    r"\bno\.\s*(?P<no>\d{1,3})\b"
    # ranked third, ranked 41st, came second, placed 3rd
    rf"|\b(?:ranked|ranks|rank|came|placed|finished)\s+(?P<rw>{_ORDINAL}|\d{{1,3}}(?:st|nd|rd|th))\b"
    r"(?!\s+from\s+(?:the\s+)?bottom)"
    # the second-largest, 3rd biggest, fourth place
    rf"|\b(?P<ow>{_ORDINAL}|\d{{1,3}}(?:st|nd|rd|th))[\s-]+(?:largest|biggest|place)\b"
    # 排名全球第2位, 位居第三, 位列国内第41名 (a few characters between: 全球, 国内, 行业)
    # (not 排名前三: the top three)
    rf"|(?:排名|位居|位列|名列|排行|排在)(?:(?:(?!倒数)[\u4e00-\u9fff]){{0,4}}?第)?"
    rf"(?P<zr>\d{{1,3}}|{_ZH_SMALL})"
    r"(?:位|名)?"
    # 第二大, 第3大
    rf"|第(?P<zb>\d{{1,3}}|{_ZH_SMALL})大"
    # a final place said by its name: champions, runners-up, 冠军, 亚军, 季军
    # (a title taken, with what it was in between: "took the 2025 Weijiang Marathon women's
    # title"; 夺冠, 折桂: won it)
    # (not "a champion of free trade", "took the title of chief executive")
    r"|(?P<first>冠军|榜首|夺冠|折桂|\bchampions?\b(?!\s+of\b)"
    r"|\b(?:won|wins|win|took|takes|take|claimed|claims|clinched|retained)\s+the\s+"
    r"(?:[\w'’.-]+\s+){0,6}?(?:title|league|cup|championship|crown)\b(?!\s+of\b)"
    r"|\btopped\b|\bcame\s+top\b|\branked\s+top\b)"
    r"|(?P<second>亚军|\brunners?-up\b)|(?P<third>季军)"
    # 倒数第二: second from the bottom, a place of its own (counted from the end)
    rf"|倒数第(?P<zl>\d{{1,3}}|{_ZH_SMALL})|\b(?P<el>{_ORDINAL})\s+from\s+(?:the\s+)?bottom\b"
    r"|(?P<lastly>垫底|\b(?:ranked|came|finished|placed)\s+last\b|\bbottom\s+of\s+the\b)"
)


_NAMED_PLACES = {1: "first", 2: "second", 3: "third"}


# (substrings one of which every place in a ranking holds: most texts hold none, and are spared
# the expression, which tries every position)
_RANK_HINTS = (
    "no.",
    "rank",
    "came",
    "placed",
    "finished",
    "largest",
    "biggest",
    "place",
    "champion",
    "runner",
    "won the",
    "top",
    "last",
    "bottom",
    "排",
    "位",
    "名列",
    "第",
    "冠军",
    "夺冠",
    "折桂",
    "title",
    "crown",
    "亚军",
    "季军",
    "榜首",
    "倒数",
    "垫底",
)


def ranks(text: str) -> list[str]:
    """The places in a ranking that `text` (normalised, lower-cased) gives, as
    "=label:rank:N" (a label: two claims with two places disagree, see `disagreements`)."""
    if not any(h in text for h in _RANK_HINTS):
        return []
    out = []
    for m in _RANKS.finditer(text):
        named = next((n for n, g in _NAMED_PLACES.items() if m.group(g)), None)
        last = m.group("zl") or m.group("el")
        if named:
            place = str(named)
        elif m.group("lastly"):
            place = "last-1"
        elif last:
            place = f"last-{_place(last)}"
        else:
            word = m.group("no") or m.group("rw") or m.group("ow") or m.group("zr") or m.group("zb")
            place = str(_place(word) or "")
        if place:
            out.append(f"=label:rank:{place}")
    return out


def _place(word: str) -> int:
    """The number of a place: third, 3rd, 3, 三."""
    if word in _ORDINAL_VALUE:
        return _ORDINAL_VALUE[word]
    if word[0].isdigit():
        return int(word.rstrip("stndrh"))
    return _small(word)


# A move from one grade of a scale to another (a lake's water from class IV to class II, 由二类
# 下降至四类; a rating from band 3 to band 5): `=scale:4>2`. The same two grades in the other
# order are the other direction, whatever verbs say it (improved, fell; a better class has the
# smaller number), so the two claims deny each other (see `disagreements`). Roman numerals are
# read as normalisation leaves them (Ⅳ: iv).
_GRADE = r"(iv|ix|v?i{1,3}|v|x|[一二三四五六七八九十]|\d{1,2})"
_SCALE_WORD = r"(?:grade|class|band|level|category|tier|stage)"
_SCALES = re.compile(
    rf"[从由]\s*{_GRADE}\s*[类级档][^，。；,;从由]{{0,8}}?[为至到]\s*{_GRADE}\s*[类级档]"
    rf"|\bfrom\s+{_SCALE_WORD}\s+{_GRADE}\s+to\s+(?:{_SCALE_WORD}\s+)?{_GRADE}\b"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_ROMAN["x"] = 10


def _grade(word: str) -> int:
    if word.isdigit():
        return int(word)
    return _ROMAN.get(word) or zh_small(word) or 0


def scales(s: str) -> list[str]:
    """The moves from one grade to another that `s` (lower-cased, normalised) gives, as
    `=scale:4>2` (see above)."""
    out = []
    for m in _SCALES.finditer(s):
        one, other = m.group(1) or m.group(3), m.group(2) or m.group(4)
        a, b = _grade(one), _grade(other)
        if a and b and a != b:
            out.append(f"=scale:{a}>{b}")
    return out
