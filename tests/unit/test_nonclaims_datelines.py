"""A news agency's dateline standing alone, and a line that is only a date, are no claim.

A sports report opening "新华社北京5月20日电（记者 陈立新）" on a line of its own (the body on the
next line) was offered at 0.941 and `extract --accept` made it a claim; "新华社北京5月20日电"
alone scored 0.599. A results announcement signed "2024年2月27日" under the board's name (0.594)
and a post's "2024-10-28 10:30" (0.769) were candidates too: the credit rule knew a date as a
field only beside a label (文/李四 2024-10-28), and no dateline at all. Now a dateline (an
agency or paper, a place, a day, 电 or 讯) is a credit field that opens a credit line, and a line
of a date (and a time) alone is a credit line: each is `not a claim: byline "…"`. A dateline
that opens the report's first sentence on its line is read as any other sentence, as before.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from linear_time import linear
from nonclaim_lines import FACT, assert_left_to_model, assert_no_claim, read_not_claims


@pytest.mark.parametrize(
    "line",
    [
        "新华社北京5月20日电（记者 陈立新）",
        "新华社北京5月20日电",
        "新华社华盛顿5月19日电（记者 陈立新 王丽）",
        "本报北京5月20日讯 记者 陈立新",
        "中新网5月20日电",
        "2024年2月27日",
        "2024-10-28 10:30",
        "2024.3.18",
    ],
)
def test_a_dateline_or_a_date_alone_is_no_claim(line: str) -> None:
    assert_no_claim(line, "byline", (f"{line}\n{FACT}\n", f"{FACT}\n\n{line}\n"))


@pytest.mark.parametrize(
    "line",
    [
        "新华社北京10月28日电（记者 张三）国家统计局28日发布数据显示，前三季度GDP同比增长5.2%。",
        "2024年2月27日，公司董事会审议通过了年度报告。",
        "2024年2月27日公司在上交所上市",
        "5月20日电网负荷创下历史新高",
    ],
)
def test_a_dateline_or_date_that_opens_a_report_stays_a_claim(line: str) -> None:
    assert_left_to_model(line)


@pytest.mark.parametrize(
    "make",
    [
        # many date lines, each looked at once
        lambda n: "\n".join("2024年2月27日" for _ in range(8 * n)),
        # a run of spaces after a date, before what ends no date line
        lambda n: FACT + "\n2024-10-28" + " " * n + "x",
        # a long line with no break: one line start to try
        lambda n: "2024年2月27日，" + "公司营收增长了百分之五，" * n,
    ],
)
def test_date_lines_are_found_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(read_not_claims, make)
