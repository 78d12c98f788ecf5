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
from nonclaim_lines import FACT, assert_left_to_model, assert_no_claim, read_not_claims


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
    assert_no_claim(
        line, "byline", (f"{FACT}\n{line}\n{FACT}\n", f"{FACT}\n\n{line}\n", f"{FACT}{line}\n")
    )


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
    assert_left_to_model(line)


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
    assert linear(read_not_claims, make)
