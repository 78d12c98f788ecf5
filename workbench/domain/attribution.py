"""Who a sentence of prose quotes: the speaker of a claim accepted from it.

`extract --accept` gave a transcript's claims their speaker and prose claims none, and a claim
with no speaker names no author in ClaimReview (trial48: 杭州市体育局局长陈刚说 and 比亚迪董事长
王传福表示 were each the article's words). A sentence that quotes someone by name says so in a
few set ways, read here only where they are plain: a quotation mark in the sentence, and

a personal name in Chinese (a common surname and one or two characters) right before a verb of
speech and a mark (王传福表示：“…”, “…，”陈刚说，“…”).

A pronoun (他说) names no one, nor does a word that only starts like a surname (高管称, 方面表示),
nor a name inside a compound surname (马光明 in 司马光明): None then, and the claim keeps no
speaker, as before. English prose is not read: its attributions carry titles, organisations,
days and possessives (`said Apple CEO Tim Cook`, `said Tuesday's report`) that a pattern took for
names (trial50), and no speaker is better than a wrong one.
"""

from __future__ import annotations

import re

from workbench.domain.checkworthy.zh_cues import CJK, SURNAMES

_QUOTE_MARKS = re.compile('[“”「」"]')
_ZH = re.compile(
    rf"([{SURNAMES}][{CJK}]{{1,2}}?)(?:说|表示|称|指出|坦言|透露|强调|回应)(?=[：:，,。“「])"
)
# Words that start with a surname's character and name no one.
_ZH_NOT_NAMES = frozenset(
    [
        "高管",
        "高层",
        "方面",
        "官方",
        "钟表",
        "万人",
        "白宫",
        "江湖",
        "金融",
        "董事",
        "朱门",
        "林业",
        "黄金",
        "史上",
        "文章",
        "报告",
    ]
)
# Compound surnames: a name inside one (马光明 in 司马光明) is not the person's.
_COMPOUND_FIRST = {
    "司": "马徒空",
    "欧": "阳",
    "上": "官",
    "诸": "葛",
    "东": "方",
    "皇": "甫",
    "令": "狐",
    "慕": "容",
    "夏": "侯",
    "公": "孙",
    "宇": "文",
    "尉": "迟",
    "端": "木",
}


def quoted_speaker(sentence: str) -> str | None:
    """The person `sentence` quotes by name, or None (see the module docstring)."""
    if _QUOTE_MARKS.search(sentence) is None:
        return None
    for found in _ZH.finditer(sentence):
        name, at = found.group(1), found.start(1)
        if at > 0 and name[0] in _COMPOUND_FIRST.get(sentence[at - 1], ""):
            return None  # 司马光明 read as 马光明: no speaker is better than a wrong one
        if name not in _ZH_NOT_NAMES:
            return name
    return None
