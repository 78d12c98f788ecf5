"""Texts the live-blog time-stamp rule (trial186) cut wrongly.

A desk running `extract` saw `12:00 起，地铁票价上调至3元。` offered as `起，地铁票价上调至3元。`:
the time the fare rises from, the sentence's own figure, was dropped as a live blog's stamp (so
were `24:00 前` and `10:00 至 12:00`); and `98:95 湖人险胜勇士` was offered without its score,
though `98:95` is no time of day.
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.segment import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "12:00 起，地铁票价上调至3元。",
        "24:00 前必须完成缴费，逾期将加收5%滞纳金。",
        "10:00 至 12:00 在北京举行，共有300人参加。",
        "8点30分 以后，全市共有12条线路停运。",
    ],
)
def test_a_time_the_sentence_runs_from_or_to_is_its_own(text: str) -> None:
    assert _sentences(text) == [text]
    found = [c for c in find_candidates(text, min_score=0.0)]
    assert [text[c.start : c.end] for c in found] == [text]


@pytest.mark.parametrize(
    "text",
    ["98:95 湖人险胜勇士，詹姆斯砍下40分。", "35:28 主队以7分优势获胜。"],
)
def test_a_score_that_is_no_time_of_day_stays_with_its_sentence(text: str) -> None:
    assert _sentences(text) == [text]


CLAIM = "公司宣布今年营收增长30%，新招员工500人。"


@pytest.mark.parametrize("marker", ["- ", "• ", "1. ", "2、", "（三）"])
def test_a_stamp_after_a_list_marker_is_left_out_too(marker: str) -> None:
    """A live blog written as a list (`- 10:05 公司宣布……`) had its stamp quoted: only a stamp
    at the very start of a line was left out."""
    text = f"发布会现场。\n{marker}10:05 {CLAIM}\n{marker}10时20分：{CLAIM}\n"
    assert _sentences(text) == ["发布会现场。", CLAIM, CLAIM]
    found = [c for c in find_candidates(text) if "营收" in c.text]
    assert [text[c.start : c.end] for c in found] == [CLAIM, CLAIM]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "会议将于明天\n10:00 在北京举行，共有3000名代表出席。",
            "10:00 在北京举行，共有3000名代表出席。",
        ),
        (
            "苏迪曼杯半决赛\n21:19 国羽险胜日本队，比分为3比2。",
            "21:19 国羽险胜日本队，比分为3比2。",
        ),
    ],
)
def test_a_time_the_line_before_runs_on_into_is_its_sentences_own(text: str, sentence: str) -> None:
    """A desk saw `会议将于明天` / `10:00 在北京举行` offered as `在北京举行……`, and a match
    report's `21:19 国羽险胜……` under its heading without its score: a lone time that opens a
    line was dropped as a live blog's stamp though the line before ran on into it (no stop)."""
    assert _sentences(text)[-1] == sentence
    found = [c for c in find_candidates(text, min_score=0.0) if c.end == len(text)]
    assert [c.text for c in found] == [sentence], found


def test_a_live_blog_under_a_heading_still_loses_its_stamps() -> None:
    """Two lines of the block open with a time: a live blog's stamps, whatever precedes."""
    text = f"发布会图文直播\n10:05 {CLAIM}\n10:20 {CLAIM}\n"
    assert _sentences(text) == ["发布会图文直播", CLAIM, CLAIM]
