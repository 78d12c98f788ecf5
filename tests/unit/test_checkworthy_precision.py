"""Precision rules of Chinese check-worthiness, on sentences invented for these tests (no seed,
no labelled article is read here; see `checkworthy.candidates.framed` and the features
`dated_plan`, `family_age` and `hearsay` of `checkworthy.features`)."""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.checkworthy.candidates import document_scorer, framed


def offered(text: str) -> list[str]:
    return [c.text for c in find_candidates(text)]


# A run of clauses is not offered alone when the clauses before it, in its sentence, frame it as
# a forecast, a what-if or a wish: alone it reads as a fact that the sentence only foresees.
@pytest.mark.parametrize(
    "sentence",
    [
        "有行业机构预测，到2029年，国内陪护机器人的市场规模将超过300亿元。",
    ],
)
def test_a_run_framed_by_a_forecast_is_not_offered_alone(sentence: str) -> None:
    assert not any(len(c) < len(sentence) for c in offered(sentence))


def test_a_fact_set_against_another_is_still_offered() -> None:
    # 如果说……，那么…… supposes nothing: what follows it is asserted.
    sentence = "如果说两年前还有人怀疑，那么现在这家公司已经拥有超过200名工程师。"
    assert "那么现在这家公司已经拥有超过200名工程师。" in offered(sentence)


@pytest.mark.parametrize(
    ("opening", "rest", "frames"),
    [
        ("这份报告如果可信，", "意味着一块电池可以循环充放电超过8000次。", True),
        ("她希望在两年内，", "让公司的芯片支持4K电影的实时渲染。", True),
        ("展望未来，", "周衡的雄心远不止20座充电站。", True),
        ("公司计划明年，", "把门店开到500家。", True),
        ("如果说两年前还有人怀疑，", "那么现在公司已经拥有超过200名工程师。", False),
        ("值得注意的是，", "公司2023年的研发投入达到4.2亿元。", False),
        ("据招股书披露，", "公司2023年的营收为18.6亿元。", False),
        ("If the plan works, ", "the company will sell 4.2 million cars.", False),
    ],
)
def test_what_frames_the_clauses_after_it(opening: str, rest: str, frames: bool) -> None:
    text = opening + rest
    assert framed(document_scorer(text), 0, len(opening)) is frames
    assert not framed(document_scorer(text), 0, 0)
