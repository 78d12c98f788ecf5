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


@pytest.mark.parametrize(
    "text",
    [
        "#高考#将于6月7日开始，今年报名人数达1342万人。",
        "#高考#于6月7日开始，今年报名人数达1342万人。",
        "#奶茶#又涨价了，一杯要25元。",
        "#神舟二十号#已于4月24日发射升空。",
    ],
)
def test_a_tag_joined_to_its_predicate_is_the_sentences_subject(text: str) -> None:
    """A desk saw `#高考#将于6月7日开始，……` offered as `将于6月7日开始，……`: the tag is what
    the sentence is about, joined with no space to its verb, and the claim lost its subject."""
    assert _sentences(text) == [text]
    found = [c for c in find_candidates(text, min_score=0.0) if c.start == 0]
    assert found and found[0].text.startswith(text[: text.index("#", 1) + 1]), found


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "#高考# 将于6月7日开始，今年报名人数达1342万人。",
            "将于6月7日开始，今年报名人数达1342万人。",
        ),
        (
            "#高考#，将于6月7日开始，今年报名人数达1342万人。",
            "将于6月7日开始，今年报名人数达1342万人。",
        ),
        ("#高考#今年报名人数达1342万人。", "今年报名人数达1342万人。"),
    ],
)
def test_a_tag_set_apart_or_before_a_subject_of_its_own_is_still_left_out(
    text: str, claim: str
) -> None:
    assert _sentences(text) == [claim]
