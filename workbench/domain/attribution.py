"""Who a sentence of prose quotes: the speaker of a claim accepted from it.

`extract --accept` gave a transcript's claims their speaker and prose claims none, and a claim
with no speaker names no author in ClaimReview (trial48: 杭州市体育局局长陈刚说 and 比亚迪董事长
王传福表示 were each the article's words). A sentence that quotes someone by name says so in a
few set ways, read here only where they are plain: a quotation mark in the sentence, and

- Chinese: a personal name (a common surname and one or two characters) right before a verb of
  speech and a mark (王传福表示：“…”, “…，”陈刚说，“…”);
- English: a capitalised name after the closing quote and `said` (`"…," said Mayor Smith`,
  `"…," Smith said`) or before `said` and the opening quote (`Smith said: "…"`).

A pronoun (he said, 他说) names no one, and neither does a word that only starts like a surname
(高管称, 方面表示): None then, and the claim keeps no speaker, as before.
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
_EN_NAME = r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s)?[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})"
_EN_AFTER = re.compile(rf"[\"”],?\s+(?:said|says|added)\s+{_EN_NAME}\b")
_EN_AFTER_NAME_FIRST = re.compile(rf"[\"”],?\s+{_EN_NAME}\s+(?:said|says|added)\b")
_EN_BEFORE = re.compile(rf"{_EN_NAME}\s+(?:said|says)[,:]?\s+[\"“]")
_PRONOUNS = frozenset(["He", "She", "They", "It", "We", "I", "You", "This", "That"])


def quoted_speaker(sentence: str) -> str | None:
    """The person `sentence` quotes by name, or None (see the module docstring)."""
    if _QUOTE_MARKS.search(sentence) is None:
        return None
    for found in _ZH.finditer(sentence):
        name = found.group(1)
        if name not in _ZH_NOT_NAMES:
            return name
    for pattern in (_EN_AFTER, _EN_AFTER_NAME_FIRST, _EN_BEFORE):
        said = pattern.search(sentence)
        if said is not None and said.group(1).split()[0] not in _PRONOUNS:
            return said.group(1)
    return None
