"""A credit in brackets on a line of its own is no claim: who supplied the text, where it came
from.

`（临江市人民政府新闻办公室供稿）` under a press release was read as a sentence (0.218, and up to
0.43 for `（本文由星河电池供稿）`), and `（资料来源：Wind，星河证券研究所）` under a chart at 0.907:
the credit rule knew only a photo's （张三 摄） in brackets, no source label but 来源 and
图片来源, nor a source that names two with a comma. Now a bracketed credit (…供稿, …来稿, …撰稿)
and a bracketed source note (（来源：…）, （数据来源：…）, （资料来源：…）) are
`not a claim: byline "…"`. A caption's credit at the end of a sentence, and a source named in a
sentence that reports something, are read as before.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from linear_time import linear

from workbench.domain.checkworthy import find_candidates, score_text
from workbench.domain.checkworthy.nonclaims import NOT_A_CLAIM, not_claims
from workbench.domain.segment import split_sentences

FACT = "星河电池2023年出货量达到12GWh，同比增长60%。"


def reasons_of(text: str, line: str) -> list[str]:
    """The first reason of each candidate `find_candidates` gives inside `line` of `text`."""
    start = text.index(line)
    end = start + len(line)
    return [
        c.reasons[0] if c.reasons else ""
        for c in find_candidates(text, min_score=0.0)
        if start <= c.start < end
    ]


@pytest.mark.parametrize(
    "line",
    [
        "（临江市人民政府新闻办公室供稿）",
        "（本文由星河电池供稿）",
        "(星河电池 供稿)",
        "（星河日报特约撰稿）",
        "（数据来源：国家统计局）",
        "（资料来源：Wind，星河证券研究所）",
        "（来源：星河电池2023年年报，星河证券研究所整理）",
        "(数据来源: 国家统计局、海关总署)",
    ],
)
def test_a_bracketed_credit_is_no_claim(line: str) -> None:
    for text in (f"{FACT}\n{line}\n{FACT}\n", f"{FACT}\n\n{line}\n", f"{FACT}{line}\n"):
        why = reasons_of(text, line)
        assert why and all(r.startswith(f"{NOT_A_CLAIM}byline ") for r in why), (text, why)
        assert [c.text for c in find_candidates(text)] == [FACT] * text.count(FACT)
    score, reasons, _ = score_text(line)
    assert score == 0.0 and reasons[0].startswith(f"{NOT_A_CLAIM}byline "), reasons


@pytest.mark.parametrize(
    "line",
    [
        # a source named in a report
        "据国家统计局数据来源显示，2023年全国GDP增长5.2%。",
        "该公司称，供稿给星河日报的作者在2019年获得了新闻奖。",
        # a caption that describes its picture, its credit at the end
        "图为2023年10月星河电池宁德工厂投产仪式现场（星河电池供稿）。",
        # a bracket that states a fact, not a source
        "（2023年，星河电池的营收增长了42%，来源于海外市场的收入占比超过60%。）",
    ],
)
def test_a_report_that_names_a_source_stays_a_claim(line: str) -> None:
    text = f"{FACT}\n\n{line}\n"
    assert not any(r.startswith(NOT_A_CLAIM) for r in reasons_of(text, line))
    assert not score_text(line)[1][0].startswith(NOT_A_CLAIM)


@pytest.mark.parametrize(
    "make",
    [
        # an opening bracket, a long run, then a credit word with no closing bracket
        lambda n: "（" + "星河电池" * n + "供稿",
        # many brackets opened, and a source label at the end
        lambda n: "（" * n + "来源：星河日报）",
        # many credits in a row on one line
        lambda n: "（星河电池供稿）" * n,
    ],
)
def test_bracketed_credits_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(lambda text: not_claims(text, split_sentences(text)), make)
