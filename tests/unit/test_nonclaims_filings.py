"""A listed company's announcement: its header of security codes and its boilerplate pledge are
no claim.

An announcement opens with `证券代码：600000    证券简称：某某银行    公告编号：2024-012`, which
was offered at 0.988 (its code read as a number, its serial number as a year), and the board's
pledge that the announcement holds no false record (本公司董事会及全体董事保证本公告内容不存在任何
虚假记载……) at up to 0.665: neither says anything a desk would check. Now the header is
`not a claim: filing "证券代码"` (a line of only security and announcement fields) and the pledge
is `not a claim: boilerplate "…"`. A sentence that reports a false record, or names a company's
code in prose, is read as before.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from linear_time import linear
from nonclaim_lines import FACT, assert_left_to_model, assert_no_claim, read_not_claims


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("证券代码：600000    证券简称：某某银行    公告编号：2024-012", "filing"),
        ("证券代码：600000 证券简称：某某银行 公告编号：临2024-012", "filing"),
        ("股票代码：000001　　股票简称：星河电池　　公告编号：2024-035", "filing"),
        ("证券代码:688123  证券简称:恒锐科技  公告编号:2024-015", "filing"),
        ("债券代码：113050    债券简称：星河转债", "filing"),
        (
            "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，"
            "并对其内容的真实性、准确性和完整性承担个别及连带责任。",
            "boilerplate",
        ),
        (
            "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述"
            "或重大遗漏。",
            "boilerplate",
        ),
        (
            "公司负责人、主管会计工作负责人及会计机构负责人（会计主管人员）保证季度报告中财务信息"
            "的真实、准确、完整。",
            "boilerplate",
        ),
    ],
)
def test_a_filing_header_or_pledge_is_no_claim(line: str, kind: str) -> None:
    assert_no_claim(line, kind, (f"{line}\n{FACT}\n", f"{FACT}\n\n{line}\n\n{FACT}\n"))


@pytest.mark.parametrize(
    "line",
    [
        # a false record reported, not pledged against
        "证监会查明，星河电池2019年年报存在虚假记载，虚增营业收入3.2亿元。",
        "因信息披露存在虚假记载、误导性陈述，公司被罚款60万元。",
        # a company's code in prose
        "星河电池的证券代码为600000，2023年营收增长了42%。",
        "公司于2015年在上交所上市，证券代码：600000，首日涨幅44%。",
    ],
)
def test_a_report_about_a_filing_stays_a_claim(line: str) -> None:
    assert_left_to_model(line)


@pytest.mark.parametrize(
    "make",
    [
        # a pledge's opening word, then a long run before what is no pledge
        lambda n: "本公司保证" + "公司营收增长了百分之五、" * n + "虚假的数字。",
        # many headers, each looked at once
        lambda n: "\n".join("证券代码：600000 证券简称：某某银行" for _ in range(4 * n)),
        # a header's label, then a long run of spaces and values
        lambda n: "证券代码：" + "600000 " * n,
    ],
)
def test_filings_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(read_not_claims, make)
