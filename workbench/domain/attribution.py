"""Who a sentence of prose quotes: the speaker of a claim accepted from it.

`extract --accept` gave a transcript's claims their speaker and prose claims none, and a claim
with no speaker names no author in ClaimReview (trial48: 杭州市体育局局长陈刚说 and 比亚迪董事长
王传福表示 were each the article's words). A sentence that quotes someone by name says so in a
few set ways, read here only where they are plain: a quotation mark in the sentence, and

a personal name in Chinese (a common surname and one or two characters) right before a verb of
speech and a mark (王传福表示：“…”, “…，”陈刚说，“…”).

A pronoun (他说) names no one, nor does a word that only starts like a surname (高管称, 方面表示),
nor a name run into another word (马光明 in 司马光明, 周三 in 美联储周三表示, 林肯 in 布林肯,
王明 in 他对王明说: only a title may stand right before a name): None then, and the claim keeps
no speaker, as before. An adverb and a time may stand between the name and the verb (王明还表示,
杨植麟曾在2023年表示), but are never taken into the name. English prose is not
read: its attributions carry titles, organisations, days and possessives (`said Apple CEO Tim
Cook`, `said Tuesday's report`) that a pattern took for names (trial50), and no speaker is
better than a wrong one.
"""

from __future__ import annotations

import re

from workbench.domain.checkworthy.zh_cues import CJK, SURNAMES
from workbench.domain.cjk import is_han

_QUOTE_MARKS = re.compile('[“”「」"]')
# An adverb, then when or where it was said, that may stand between a name and its verb:
# 王明还表示, 杨植麟曾在2023年表示 (trial53), 李华去年底指出, 王建华在新闻发布会上表示
# (trial54): a date, a plain word of time, or 在 and a short place or occasion ending in 上, 中
# or 时 (在会上, 在接受采访时).
_ADVERB = "还也则曾又亦再更并已早仍就"
_WHERE = r"在[^，,。：:；;“”「」\n]{1,12}?[上中时]"
_WHEN = (
    r"(?:在|于)?(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}月(?:\d{1,2}日)?|[初底中末])?"
    r"|\d{1,2}月\d{1,2}日|去年|今年|前年|此前|近日|日前|早前|当时|随后|昨天|今天|昨日|今日"
    r"|上周|本周|上月|本月)(?:[初底末]|年[初底中末])?"
)
# A name (a common surname and one or two characters) right before a verb of speech and a
# mark, with at most an adverb and a time between; tried at every surname's character, so
# 主任王明说 finds 王明, not 任王明. (介绍: 据公司CEO张鹏介绍，“……” names him as 表示 would:
# trial53.)
_ZH = re.compile(
    rf"([{SURNAMES}][{CJK}]{{1,2}}?)[{_ADVERB}]?(?:{_WHEN})?(?:{_WHERE})?[{_ADVERB}]?"
    r"(?:声称|表示|指出|坦言|透露|强调|回应|介绍|说|称)(?=[：:，,。“「])"
)
# What may stand right before a name: a title (局长陈刚, 董事长王传福); any other character of
# a word (美联储周三, 布林肯, 他对王明) makes the match part of something else (review51).
_TITLE_WORDS = """局长 主任 董事长 副董事长 总裁 副总裁 总经理 经理 创始人 联合创始人 发言人 部长
    副部长 主席 副主席 秘书长 副秘书长 书记 市长 副市长 省长 副省长 县长 区长 校长 院长 所长 处长
    科长 行长 会长 理事长 总监 教授 研究员 分析师 经济学家 律师 医生 专家 院士 记者 主持人 负责人
    官员 总统 总理 首相 大使 CEO CTO CFO 老师 代表 委员"""
_TITLES = tuple(_TITLE_WORDS.split())
# Words that start with a surname's character and name no one.
_NOT_NAME_WORDS = """高管 高层 方面 官方 钟表 万人 白宫 江湖 金融 董事 朱门 林业 黄金 史上 文章
    报告 韩方 韩国 陆军 武警 苏宁 余额宝 许多人 许多 顾客 顾问 程序员 周末 郑重 彭博社 周刊 万科
    华为 方案"""
_ZH_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
# The days of the week (周三表示: a day, not 周 and a given name).
_WEEKDAYS = tuple("周" + day for day in "一二三四五六日天末")
# A last character that is no part of a name: an adverb before the verb (王明还表示).
_NOT_NAME_ENDS = frozenset("还也则曾又都就亦再均即便更并正已早仍却声他她它在于")


def quoted_speaker(sentence: str, before: str = "") -> str | None:
    """The person `sentence` quotes by name, or None (see the module docstring). `before` is
    the text before the sentence (its last LEAD characters are all that is read, so a caller
    hands no more): a quotation that opens its own line or sentence is the words
    of the person the clause before it names with a colon (王建华在新闻发布会上表示：, then “……”
    on the next line, as a web page sets a quotation: trial54)."""
    if _QUOTE_MARKS.search(sentence) is None:
        return None
    named = _named_in(sentence)
    if named is None and sentence.lstrip().startswith(_OPENING_MARKS):
        lead = _introducing_clause(before)
        named = None if lead is None else _named_in(lead)
    return named


# How far back the clause that introduces a quotation is looked for (a clause, not a page).
LEAD = 120
_OPENING_MARKS = ("“", "「", '"')


def _introducing_clause(before: str) -> str | None:
    """The clause `before` ends with, when it ends with a colon (spaces and line breaks
    aside): 局长王建华在新闻发布会上表示：; None otherwise."""
    tail = before[-LEAD:].rstrip()
    if not tail.endswith(("：", ":")):
        return None
    start = max(tail.rfind(mark) for mark in "。！？!?\n；;”」") + 1
    return tail[start:] or None


def _named_in(sentence: str) -> str | None:
    for at, char in enumerate(sentence):
        if char not in SURNAMES:
            continue
        found = _ZH.match(sentence, at)
        if found is None:
            continue
        name = found.group(1)
        if name in _ZH_NOT_NAMES or name[-1] in _NOT_NAME_ENDS or name.startswith(_WEEKDAYS):
            continue
        if _part_of_a_word(sentence, at):
            continue
        return name
    return None


def _part_of_a_word(sentence: str, at: int) -> bool:
    """Whether the character before `at` binds the name into another word: a CJK character
    that ends no title (美联储|周三, 布|林肯, 他对|王明, 司|马光明)."""
    if at == 0 or not is_han(sentence[at - 1]):
        return False
    before = sentence[:at]
    return not any(before.endswith(title) for title in _TITLES)
