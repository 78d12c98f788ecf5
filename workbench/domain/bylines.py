"""Bylines: the line of an article that says who wrote it (and when), and the name in it.

A document's author is stored as a name, not as its byline: "文/王晓明", "记者 王晓明 报道",
"撰文：王晓明", "作者｜王晓明" and "By Jane Smith" all name 王晓明 or Jane Smith, and a
ClaimReview publishes that name. A page's extractor may hand over the byline itself (or split
it at its slash: "文; 王晓明"); `author_name` keeps the names.

A byline line on its own (`credit`) is only fields: a label and its value (文/王晓明, 来源：
南岭财经网, 记者 王晓明), a reporter (记者王晓明报道), a date and a time ("文/王晓明　2025年3月12
日 09:30", or "2025年3月12日 09:30" alone, but not a time alone: "08:05" is a live blog's
heading), or an English "By NAME" with a role, outlet or date after a separator. A sentence
is no byline: "本报讯（记者 张三）1月22日，市统计局发布……" holds more than fields.
(workbench.domain.checkworthy.nonclaims recognises the same lines anywhere in a text, as no
claims; this module only reads the one that leads a document.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.domain.cjk import HAN

_CJK = HAN

# The labels of a byline's fields. Those before an author's name (the name the document's
# author is read from), and the others: sources, editors, pictures, times.
AUTHOR_LABELS = frozenset(
    """文 文字 图文 撰文 作者 本文作者 采写 记者 本报记者 特约记者 见习记者 实习记者 首席记者
    特派记者 通讯员 实习生 口述 翻译 编译 整理""".split()  # noqa: SIM905
)
_OTHER_LABELS = frozenset(
    """来源 稿源 出处 来自 责任编辑 本期编辑 值班编辑 编辑 责编 主编 编审 审核 审校 校对 终审
    初审 复审 美编 排版 统筹 策划 出品 出品人 监制 制作 设计 视觉 制图 图 图片 图片来源 摄影
    摄像 视频 剪辑 图源 题图 配图 供图 时间 日期 发布时间 发表时间 更新时间 发布于 阅读 阅读量
    本报讯 浏览""".split()  # noqa: SIM905
)
LABELS = AUTHOR_LABELS | _OTHER_LABELS
# What a reporter's field ends with: 记者 王晓明 报道, 王晓明 摄, 记者 王晓明 发自上海.
_ENDS = re.compile(rf"报道|摄|供图|发自[{_CJK}]{{2,6}}|原创|独家")
# A label glued to its value, and a value glued to its end: 记者王晓明, 本报记者王晓明报道, an
# outlet's reporter (新华社记者 王晓明). Labels of two characters or more (文化新闻 and 图文直播
# are no 文 or 图文 and a name), and not the words they begin (记者会, 记者站, 作者们).
_GLUED = re.compile(
    rf"(?:[{_CJK}]{{0,10}}?(?P<reporter>记者|通讯员)|(?P<label>实习生|作者|撰文|采写))"
    rf"(?![会站节证团们部处群])(?P<value>[{_CJK}·]{{2,5}}?)?(?:{_ENDS.pattern})?"
)
_VALUE_ENDING = re.compile(rf"(?P<value>[{_CJK}·]{{2,5}}?)(?:{_ENDS.pattern})")
# Dates and times, read before the line is split at its separators (2025/03/12, 09:30).
_DATE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*[T ]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
    r"|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月"
    r"|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
)
_DATE_MARK = "\x00"  # what stands for a date while the line is split (a normalised text has none)
# A time of day alone: no dateline on its own line (a live blog's heading, "08:05", which the
# text keeps: trial54 found the first one dropped, and put back as "inserted" by a revision
# that posted a newer entry above it), though a date's or a label's part of one.
_TIME_ONLY = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
# Between fields: a bar, a slash, a colon, or a space (not one between two Latin words: "文/Jane
# Smith" names one person; a transliterated name keeps its dot, 阿卜杜拉·阿齐兹).
_SEPARATORS = re.compile(r"(?:[|丨｜/／:：•]|\s(?![A-Za-z])|(?<![A-Za-z])\s)+")
# A value: a name, an outlet, a place; no sentence punctuation, not long.
_VALUE = re.compile(r"[^，,。！？!?；;“”\"（）()]{1,12}")
_WRAPPERS = "()（）【】[]〔〕"
MAX_CREDIT = 80  # characters: a byline is short

# "By NAME" (English): capitalised words, with the particles names carry (Ludwig van
# Beethoven, Anna de la Cruz), initials (J. R. Smith) and hyphens or apostrophes (O'Brien).
_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|la|van|von|der|den|da|di|du|le|del|al|bin|ibn)\s+)*{_WORD}){{0,4}}"
# What may follow the name after a separator: a role, an outlet or a date ("Staff Writer",
# "The Harbourton Herald", "March 2, 2025"): capitalised words, the particles of titles, day
# numbers and years; no lower-case word, figure or full stop, which a sentence would have.
_TAIL_WORD = r"(?:[A-Z][\w'’.&-]*|of|the|for|to|and|at|in|on|\d{1,2}(?:st|nd|rd|th)?,?|\d{4})"
_TAIL = rf"{_TAIL_WORD}(?:,?\s+{_TAIL_WORD}){{0,8}}"
# "By NAME" alone, or followed by a role or date after a separator ("By Jane Smith, Staff
# Writer", "By Jane Smith | March 2, 2025"). "By 2030, ...", "By Tuesday the council had
# voted" or "By Election Day, turnout had reached 61 percent." is a sentence.
ENGLISH_BYLINE = re.compile(
    rf"(?:By|BY|by)\s+(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})*)"
    rf"(?:\s*[,|·•–—]\s*{_TAIL})?"
)
MAX_ENGLISH_BYLINE = 120
# Words a "By ..." sentence opens with that are no one's name: times, events and lead-ins.
NOT_A_NAME = frozenset(
    # One string split: sixty words a line each would hide the list (ruff's SIM905 asks that).
    """january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday
    noon midnight dawn dusk morning evening night nightfall daybreak week weekend month year
    spring summer autumn fall winter christmas easter election law contrast comparison design
    default far then now the this that these those all most some way chance heaven god
    numbers""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Credit:
    """A byline line read: the authors it names (none for a line of a date, a source or an
    editor only)."""

    authors: tuple[str, ...] = ()


def english_byline(line: str) -> str | None:
    """The name(s) of an English byline ("By Jane Smith, Staff Writer"), else None (a caller
    holds it to MAX_ENGLISH_BYLINE)."""
    text = " ".join(line.split())
    found = ENGLISH_BYLINE.fullmatch(text)
    if found is None or found["name"].split()[0].lower() in NOT_A_NAME:
        return None
    return found["name"]


def credit(line: str) -> Credit | None:
    """`line` read as a byline: only credit fields (see the module), else None."""
    text = " ".join(line.split()).strip(" 。.")
    if not text or len(text) > MAX_CREDIT:
        return None
    name = english_byline(text.strip("*_"))
    if name is not None:
        return Credit((name,))
    return _fields(text.strip(_WRAPPERS + " "))


def _fields(text: str) -> Credit | None:
    marked = _DATE.sub(_DATE_MARK, text)
    dates = sum(not _TIME_ONLY.fullmatch(found) for found in _DATE.findall(text))
    label: str | None = None  # the label the values read now follow
    values = 0  # values since that label
    labels = 0
    authors: list[str] = []
    for token in _SEPARATORS.split(marked.replace(_DATE_MARK, f" {_DATE_MARK} ")):
        token = token.strip(_WRAPPERS)
        if not token or token == _DATE_MARK:
            continue
        if token in LABELS:
            label, values, labels = token, 0, labels + 1
            continue
        glued = _GLUED.fullmatch(token)
        if glued is not None:
            label, labels = glued["reporter"] or glued["label"], labels + 1
            values = 1 if glued["value"] else 0
            if glued["value"]:
                authors.append(glued["value"])
            continue
        if label is not None and _ENDS.fullmatch(token):
            continue
        if label is None or values >= 3 or not _VALUE.fullmatch(token):
            return None
        ending = _VALUE_ENDING.fullmatch(token)
        values += 1
        if label in AUTHOR_LABELS:
            authors.append(ending["value"] if ending is not None else token)
    if not labels and not dates:
        return None
    return Credit(tuple(dict.fromkeys(authors)))


# Between the names of a document's author when it has several ("林晓东; 陈雨"), as stored: the
# extractor joins them so, and so does a byline read here.
AUTHOR_SEPARATOR = "; "


def author_names(author: str) -> list[str]:
    """Each name of a document's stored author, by the rule that joined them (AUTHOR_SEPARATOR;
    read as `author_name` reads a byline, at every ";"): a ClaimReview publishes each as an
    author of its own (trial54: "林晓东; 陈雨" was published as one person of that name)."""
    names = (" ".join(part.split()) for part in author.split(AUTHOR_SEPARATOR.strip()))
    return list(dict.fromkeys(name for name in names if name))


def author_name(value: str) -> str | None:
    """The name(s) in an author a document gives itself, its byline's labels left out
    ("文/王晓明" and "文; 王晓明" are 王晓明; "来源：新华社" is 新华社; "By Jane Smith" is Jane
    Smith). Names are joined with "; " (AUTHOR_SEPARATOR), as the extractor joins several.
    None when only labels are left ("文")."""
    names: list[str] = []
    for part in value.split(AUTHOR_SEPARATOR.strip()):
        part = " ".join(part.split()).strip(_WRAPPERS + " ")
        if not part or part in LABELS or _DATE.fullmatch(part):
            continue
        names.extend(_names_in(part))
    unique = list(dict.fromkeys(names))
    return AUTHOR_SEPARATOR.join(unique) if unique else None


def _names_in(part: str) -> list[str]:
    english = english_byline(part) if len(part) <= MAX_ENGLISH_BYLINE else None
    if english is not None:
        return [english]
    found = credit(part)
    if found is not None and found.authors:
        return list(found.authors)
    if found is not None:
        # Only a source's or an editor's fields: the values after their labels.
        marked = _DATE.sub(" ", part)
        kept = [t for t in _SEPARATORS.split(marked) if t and t not in LABELS]
        kept = [t for t in kept if not _ENDS.fullmatch(t)]
        return [" ".join(kept)] if kept else []
    # A label before the name with no separator the reader splits at (作者王晓明 is glued
    # above; "Author: Jane Smith" here), or none at all: the name as given.
    head, sep, rest = part.partition(":")
    if sep and head.strip().lower() in ("author", "authors", "writer", "by") and rest.strip():
        return [rest.strip()]
    return [part]
