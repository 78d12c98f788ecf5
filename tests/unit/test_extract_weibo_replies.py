"""A Weibo reply's `回复@name：` and a repost chain's `//@name:` are no part of a candidate.

A Weibo comment `回复@星河小王：公司2023年营收增长了42%，不是你说的20%。` was offered with the reply
mark inside its text, and a repost chain `公司2023年营收增长了42%//@星河小王:不是20%吗？//@老李:…`
ran the reposter's words and the next poster's handle into one candidate: the mark names whom
the post answers, and each `//@name:` starts another person's post. Now each mark ends what
comes before it, and a candidate starts after it: its span and text are the post's own words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from linear_time import linear

from workbench.domain.checkworthy import find_candidates

CLAIM = "公司2023年营收增长了42%，不是你说的20%。"


@pytest.mark.parametrize(
    "mark",
    [
        "回复@星河小王：",
        "回复@星河小王:",
        "回复@Xinghe_Wang2024: ",
        "//@星河小王:",
        "//@老李-财经： ",
    ],
)
def test_a_candidate_starts_after_a_reply_or_repost_mark(mark: str) -> None:
    for text in (f"{mark}{CLAIM}", f"星河电池发布了年报。\n{mark}{CLAIM}\n"):
        found = [c for c in find_candidates(text) if c.start >= text.index(mark)]
        assert [c.text for c in found] == [CLAIM], (text, found)
        assert text[found[0].start : found[0].end] == CLAIM
        for c in find_candidates(text, min_score=0.0):
            assert "@" not in c.text, c


def test_a_repost_chain_is_cut_into_its_posts() -> None:
    text = "公司2023年营收增长了42%//@星河小王:不是20%吗？//@老李:星河电池2023年营收增长了20%"
    listed = [c.text for c in find_candidates(text, min_score=0.0)]
    assert "公司2023年营收增长了42%" in listed, listed
    assert "星河电池2023年营收增长了20%" in listed, listed
    assert not any("@" in t or "//" in t for t in listed), listed


def test_replies_to_replies_and_empty_reposts() -> None:
    text = "回复@甲:回复@乙：星河电池2023年营收增长了42%。//@丙:\n"
    assert [c.text for c in find_candidates(text)] == ["星河电池2023年营收增长了42%。"]


@pytest.mark.parametrize(
    "text",
    [
        # a mention that is no reply mark: left as written
        "@星河小王 星河电池2023年营收增长了42%。",
        "他回复@星河小王说，星河电池2023年营收增长了42%。",
        # a link's // before an @ is no repost
        "详见https://@example.com:8080，星河电池2023年营收增长了42%。",
        "联系邮箱 ir@xinghe.com：星河电池2023年营收增长了42%。",
    ],
)
def test_what_is_no_mark_is_read_as_before(text: str) -> None:
    assert [c.text for c in find_candidates(text)] == [text]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "回复@" + "星" * n + "：星河电池2023年营收增长了42%。",
        lambda n: "//@" * n + "星河:营收增长42%",
        lambda n: "回复@星河：营收增长42%。" * n,
        lambda n: "//@a:" * n,
    ],
)
def test_marks_are_found_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(find_candidates, make, small=500)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "回复@星河：" * n,
        lambda n: "回复@星河小王：\n" * n + "星河电池2023年营收增长了42%。",
        lambda n: "回复@a： " * n,
    ],
)
def test_replies_with_no_words_between_them_are_read_in_linear_time(
    make: Callable[[int], str],
) -> None:
    """A thread of replies whose words were lost (a sticker or a picture alone, scraped empty:
    `回复@星河：回复@老李：……`) cost time quadratic in their number: each mark's words were looked
    for past every blanked mark after it. 4,000 such replies took 2 s to extract, 13,000 30 s."""
    assert linear(find_candidates, make, small=1_000)
