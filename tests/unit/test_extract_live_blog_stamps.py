"""A live blog's time stamp at the start of a line is no part of the candidate after it.

A desk running `extract` on a Chinese live blog (`10:05 发布会正式开始，……`, `10时20分 市交通委
表示，……`, `10时35分：记者提问环节开始。`) saw each candidate open on the line's time stamp:
accepted, the claim quoted `10:05 ` as though the speaker had said it, and the stamp was read as
the sentence's figure (a sentence with no figure but the stamp scored 0.997). A stamp that
stands apart from its line's words (a space or a colon after it) now ends the line before, as a
line that is only a time already did, and is no part of any sentence; a time written into the
sentence (`10时20分，市交通委表示`) is the sentence's own.
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.segment import split_sentences

CLAIM = "截至昨日24时，全市累计报告确诊病例1256例，其中今日新增37例。"


@pytest.mark.parametrize(
    "stamp",
    ["10:12 ", "10:12　", "10:12：", "10：12 ", "9:05:30 ", "10时12分 ", "10时12分：", "10点12分 "],
)
def test_a_candidate_starts_after_the_stamp_that_opens_its_line(stamp: str) -> None:
    for text in (f"{stamp}{CLAIM}", f"全市举行新闻发布会。\n{stamp}{CLAIM}\n"):
        found = [c for c in find_candidates(text) if c.end > text.index(stamp)]
        assert [c.text for c in found] == [CLAIM], (text, found)
        assert text[found[0].start : found[0].end] == CLAIM
        # no sentence holds the stamp, so no candidate does, at any score
        at = text.index(stamp)
        for s in split_sentences(text):
            assert s.end <= at or s.start >= at + len(stamp), text[s.start : s.end]
        for c in find_candidates(text, min_score=0.0):
            assert c.end <= at or c.start >= at + len(stamp), c


def test_a_live_blog_is_cut_into_its_entries() -> None:
    text = (
        "10:05 发布会正式开始，市卫健委主任首先通报了疫情情况。\n"
        f"10:12 {CLAIM}\n"
        "10时20分 市交通委表示，全市公交客流已恢复至去年同期的85%。\n"
        "14:30\n"
        "本市新增3家定点医院，床位总数增加到4200张。\n"
    )
    for c in find_candidates(text, min_score=0.0):
        assert text[c.start : c.end] == c.text
        assert not c.text[:1].isdigit() or c.text == "14:30", c
    listed = [c.text for c in find_candidates(text)]
    assert CLAIM in listed, listed
    assert "市交通委表示，全市公交客流已恢复至去年同期的85%。" in listed, listed


@pytest.mark.parametrize(
    "text",
    [
        # a time the sentence itself tells: its own words
        "10时20分，市交通委表示，全市公交客流已恢复至去年同期的85%。",
        "10:20前，全市公交客流已恢复至去年同期的85%。",
        # a ratio, a score and a time inside a sentence are no stamps
        "3:1的比分让主队晋级，全场观众达到4.2万人。",
        "全市公交客流已恢复至去年同期的85%，10:20 发车的班次增加了12趟。",
    ],
)
def test_a_time_inside_the_sentence_stays(text: str) -> None:
    assert [s for s in split_sentences(text)] == [split_sentences(text)[0]]
    assert [(c.start, c.end) for c in find_candidates(text)] == [(0, len(text))]
