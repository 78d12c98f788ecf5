"""A table's header row, and a row of figures alone, are no claim.

A results table pasted into a document was read line by line as prose: its header row
`项目 2023年 2022年 同比变动` was offered (0.566; `项目 本报告期 上年同期 增减变动幅度（%）` at
0.715, `指标  2024年1-6月  2023年1-6月  同比增减` at 0.985) for its years, and a row of bare
figures (`12.5 13.2 -5.3%`, `| 1,234.56 | 1,000.00 | 23.46% |`) for its numbers, though neither
says what was measured. Now a line of cells (split by spaces, tabs or |) that are all column
names and periods, or all figures, is `not a claim: table "…"`. A row that names what it
measures (营业收入 1,234.56 1,000.00 23.46%) is left to the model, as is any line whose cells
hold a sentence's words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from linear_time import linear
from nonclaim_lines import FACT, assert_left_to_model, assert_no_claim, read_not_claims, reasons_of

from workbench.domain.checkworthy.nonclaims import NOT_A_CLAIM


@pytest.mark.parametrize(
    "line",
    [
        # header rows: column names and periods
        "项目 2023年 2022年 同比变动",
        "项目\t2023年\t2022年\t同比变动",
        "| 项目 | 2023年 | 2022年 | 同比变动 |",
        "项目 本报告期 上年同期 增减变动幅度（%）",
        "指标  2024年1-6月  2023年1-6月  同比增减",
        "主要会计数据　　2023年末　　2022年末　　本年末比上年末增减（%）",
        "第一季度 第二季度 第三季度 第四季度",
        # rows of bare figures
        "12.5 13.2 -5.3%",
        "2023 1,234.56 23.46%",
        "2023年\t1,234.56\t1,000.00\t23.46%",
        "| 1,234.56 | 1,000.00 | 23.46% |",
        "¥1,234.56  ¥1,000.00  —  23.46%",
    ],
)
def test_a_header_row_or_a_row_of_bare_figures_is_no_claim(line: str) -> None:
    assert_no_claim(line, "table", (f"{FACT}\n{line}\n{FACT}\n", f"{FACT}\n\n{line}\n"))


@pytest.mark.parametrize(
    "line",
    [
        # a row that names what it measures: a figure a desk can check
        "营业收入 1,234.56 1,000.00 23.46%",
        "| 净利润 | 120.5 | 100.2 | 20.26% |",
        # prose with spaces, and a slogan's words, are no table
        "公司 2023 年营收 1,234 亿元",
        "2023年 2022年 同比增长42%",
        "星河电池 全球第一 储能电池企业",
        "In 2023 sales rose 42% to 1,234 units",
        # a sentence on the line, not cells
        "2023年，公司营收1,234.56亿元，同比增长23.46%。",
    ],
)
def test_a_row_that_says_what_it_measures_is_not_ruled_out(line: str) -> None:
    assert_left_to_model(line, "table ")


def test_the_row_must_be_its_line() -> None:
    # cells that end a line of prose are not a row of their own
    line = "营收如下：12.5 13.2 -5.3%"
    assert not any(r.startswith(f"{NOT_A_CLAIM}table ") for r in reasons_of(f"{line}\n", line))


@pytest.mark.parametrize(
    "make",
    [
        # many rows, each looked at once
        lambda n: "\n".join("项目 2023年 2022年 同比变动" for _ in range(4 * n)),
        lambda n: "\n".join("12.5 13.2 -5.3%" for _ in range(4 * n)),
        # one long line of cells, and one of spaces
        lambda n: "12.5 " * n,
        lambda n: "项目" + " " * n + "x",
        lambda n: "2023年 " * n + "同比增长42%",
    ],
)
def test_tables_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(read_not_claims, make)
