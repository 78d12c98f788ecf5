"""A Weibo post's topic tags (`#话题#`) before or after its words are no part of a candidate.

A desk running `extract` on Weibo posts saw `#城市地铁票价调整# 刚看到通知😱 地铁起步价从2元涨到
3元了！` and `据说这家奶茶店一天卖出了3000杯 #奶茶#` offered with the topic tag inside the span:
accepted, the claim quoted the tag as though the poster had asserted it. A tag that opens or
closes a sentence labels the post; one inside the sentence (`今天#高考#正式开始`) is read as
its words, and a `#` that is no Weibo tag (`#1 and #2`) is left alone.
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.segment import split_sentences

CLAIM = "今年全省高考报名人数达到67.3万人，比去年增加4.1万人。"


@pytest.mark.parametrize(
    "text",
    [
        f"#高考# {CLAIM}",
        f"#高考#{CLAIM}",
        f"#高考# #教育#　{CLAIM}",
        f"{CLAIM} #高考#",
        f"#高考# {CLAIM}#教育#",
        f"刚看完新闻。\n#高考# {CLAIM}\n",
    ],
)
def test_a_topic_tag_at_a_sentence_edge_is_left_out(text: str) -> None:
    found = find_candidates(text)
    assert [c.text for c in found if "高考报名" in c.text] == [CLAIM], found
    for c in find_candidates(text, min_score=0.0):
        assert text[c.start : c.end] == c.text
        assert "#" not in c.text, c


@pytest.mark.parametrize(
    "text",
    [
        "今天#高考#正式开始，全省报名人数达到67.3万人。",
        "Items #1 and #2 rose 12% in 2023.",
        "#1 and #2 rose 12% in 2023.",
    ],
)
def test_a_tag_inside_a_sentence_or_no_tag_stays(text: str) -> None:
    assert [(s.start, s.end) for s in split_sentences(text)] == [(0, len(text))]
