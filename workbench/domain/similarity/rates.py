"""The period a rate is given per: "600 yuan a year for each child" and 每月可领取六百元 share the
figure, the sum, the subsidy and the child, and are two facts, since one is twelve times the
other. Each period a claim gives a figure per is kept as a term ("=per:year", "=per:month"),
and two claims that share a figure but give it per another period disagree (see
`disagreements.RATES`).

Read: "a year", "per year", "each year", "every year", "annually", "yearly", "per annum" and
the same for months, weeks and days; 每年, 每月, 每周, 每天, 每日, their averages (年均, 月均,
日均) and a figure per a unit of time (600元/月). Not "a year earlier", "a year-ago level", "in a
year", "for a year": those date a figure, they give no rate; nor a length of time ("took a
year", "spent a month in", "a year and a half", "a year late"); nor a paper's name (China Daily,
每日经济新闻), nor a day or year before 均, all (今日均价, 今年均实现, 3月均价).
"""

from __future__ import annotations

import re

from workbench.domain.similarity.kinds import RATE

# (the Latin word, or the Chinese character, of each period)
_EN_PERIOD = {"year": "year", "annum": "year", "month": "month", "week": "week", "day": "day"}
_ZH_PERIOD = {"年": "year", "月": "month", "周": "week", "星期": "week", "天": "day", "日": "day"}

# "a year" gives a rate unless a word before it says when or how long ("in a year", "for a
# year", "more than a year", "once a year" is still a rate) or a word after it dates something
# ("a year earlier", "a year ago", "a year later", "a year on" where nothing is named after it:
# "a year on, the plant...", "a year on from the fire", but "£5m a year on road repairs" is a
# rate; hyphenated too: "a year-earlier level", "a year-ago basis", "a year-long strike").
# Matched in any case: an adjective capitalised but at the text's start is a name's (China
# Daily, the Daily Mail: see `rates`).
_EN_RATE = re.compile(
    r"(?<!\bin )(?<!\bfor )(?<!\bwithin )(?<!\bafter )(?<!\bthan )(?<!\bover )(?<!\bhalf )"
    r"(?<!\bup to )(?<!\bnearly )(?<!\babout )(?<!\balmost )"
    r"\b(?:a|an|per|each|every)\s+(year|annum|month|week|day)\b"
    r"(?![\s-]+(?:earlier|ago|before|later|after|on\b(?!\s+(?!from\b|year\b)\w)|since|old|long"
    r"|into|from|late\b|early\b"
    r"|behind|ahead|and\s+a\s+half|or\s+two))"
    r"|\b(?:annual(?:ly)?|yearly|per\s+annum|monthly|weekly|daily)\b",
    re.IGNORECASE,
)
# A verb of a length of time right before "a year" (took a year, it took them a month, spent a
# week in Lisbon, lasted a day, was sentenced to a year): how long, not how often. (Not "spent
# £5m a year": a figure between, the sum is a rate; nor "each year" or "per year" after the
# verb: the £5m spent each year.)
_LASTED = re.compile(
    r"\b(?:t[oa]ok|takes?|taking|spen[dt]s?|spending|last(?:s|ed|ing)?|wait(?:s|ed|ing)?"
    r"|sentenced\s+to)(?:\s+(?:me|us|you|him|her|it|them))?\s+$",
    re.IGNORECASE,
)
_EN_ADJECTIVE = {
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
}
# (每年, 每个月, 每一周, 每星期, 月均; a figure per a unit of time: 600元/月, 3次/周. Not a
# paper: 每日经济新闻, 每日邮报; nor a day, month or year that 均, all, follows: 今日均价, 今年均
# 实现增长, 3月均价, 周日均有航班, 全年均价)
_ZH_RATE = re.compile(
    r"每(?:一|个)?(年|月|周|星期|天|(?:日(?!经济|邮报|电讯|快报|镜报)))"
    r"|(?<![今明去前本上下当次同全半周0-9零〇一二两三四五六七八九十])(年|月|周|日)均"
    r"|/(年|月|周|天|日)"
)


def rates(s: str) -> list[str]:
    """The "=per:" terms of `s` (normalised, case kept): each period a figure is given per,
    once (see above)."""
    found: set[str] = set()
    if "a" in s or "e" in s or "A" in s:  # (most Chinese claims have no Latin letter)
        for m in _EN_RATE.finditer(s):
            word = m.group(1)
            if word:
                lasted = m.group()[0] in "aA" and _LASTED.search(
                    s, max(0, m.start() - 30), m.start()
                )
                if not lasted:  # (a length of time: see `_LASTED`)
                    found.add(_EN_PERIOD[word.lower()])
                continue
            whole = m.group().lower()
            if whole.startswith("per"):
                found.add("year")
            elif m.group()[0].islower() or not s[: m.start()].strip():
                found.add(_EN_ADJECTIVE[whole])  # (capitalised after the start: a name)
    if "每" in s or "均" in s or "/" in s:
        for m in _ZH_RATE.finditer(s):
            period = next(g for g in m.groups() if g)
            found.add(_ZH_PERIOD[period])
    return sorted(RATE + p for p in found)
