"""Texts the Weibo topic-tag rule (trial186) cut wrongly.

A desk running `extract` saw `本课程使用C#和F#` offered as `本课程使用C`: `#和F#` was taken for
a topic tag at the end of the sentence (`这首曲子是升F#和C#` lost `#和C#` the same way). And
`#高考#，今年……` was offered as `，今年……`, `……报名，#高考#` as `……报名，`: the comma that
joined the tag to the words was left at the claim's edge.
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.segment import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    ["本课程使用C#和F#", "这首曲子是升F#和C#", "新版同时支持C#/F#"],
)
def test_a_language_or_note_named_with_a_hash_is_no_topic_tag(text: str) -> None:
    assert _sentences(text) == [text]
    assert _sentences(f"{text}\n第二行说了别的。")[0] == text


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("#高考#，今年全省高考报名人数达到67.3万人。", "今年全省高考报名人数达到67.3万人。"),
        ("今年全省高考报名人数达到67.3万人，#高考#", "今年全省高考报名人数达到67.3万人"),
        ("#高考#、#教育#：今年报名人数达到67.3万人。", "今年报名人数达到67.3万人。"),
    ],
)
def test_a_comma_that_joined_a_tag_goes_with_it(text: str, claim: str) -> None:
    assert _sentences(text) == [claim]
    for c in find_candidates(text, min_score=0.0):
        assert text[c.start : c.end] == c.text
