"""`extract` on a listed company's announcement and on a Weibo thread.

The announcement's header of security codes (0.988), its board's pledge and its results table's
header row and bare figures were offered, and `--accept` made claims of them; a Weibo reply's
candidate began with 回复@name：. Now the header is `not a claim: filing`, the pledge
`boilerplate`, the table's rows `table` (all listed only at --min-score 0), the report's facts
are still offered, and a reply's claim starts after its mark.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

ANNOUNCEMENT = """\
证券代码：600000    证券简称：星河电池    公告编号：2024-012

星河电池股份有限公司2023年年度业绩快报公告

本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担个别及连带责任。

2023年度，公司实现营业收入1,234.56亿元，同比增长23.46%。

项目 2023年 2022年 同比变动
12.5 13.2 -5.3%

（星河电池董事会办公室供稿）
"""

THREAD = "回复@星河小王：星河电池2023年营收增长了23.46%，不是你说的20%。\n"


def test_an_announcement_offers_its_facts_and_nothing_of_its_form(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=ANNOUNCEMENT))
    listed = json.loads(ok(cli("extract", "1", "--min-score", "0", "--json")).out)
    kinds = {c["text"]: c["reasons"][0] for c in listed if c["score"] == 0.0}
    assert kinds["证券代码：600000    证券简称：星河电池    公告编号：2024-012"] == (
        'not a claim: filing "证券代码"'
    )
    assert any(
        t.startswith("本公司董事会") and k.startswith("not a claim: boilerplate ")
        for t, k in kinds.items()
    ), kinds
    assert kinds["项目 2023年 2022年 同比变动"].startswith("not a claim: table ")
    assert kinds["12.5 13.2 -5.3%"].startswith("not a claim: table ")
    assert kinds["（星河电池董事会办公室供稿）"].startswith("not a claim: byline ")
    ok(cli("extract", "1", "--accept"))
    texts = [c["text"] for c in json.loads(ok(cli("claim", "list", "--json")).out)]
    assert "2023年度，公司实现营业收入1,234.56亿元，同比增长23.46%。" in texts, texts
    assert not set(texts) & set(kinds), texts


def test_a_reply_is_claimed_without_its_mark(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=THREAD))
    listed = json.loads(ok(cli("extract", "1", "--json")).out)
    assert [c["text"] for c in listed] == ["星河电池2023年营收增长了23.46%，不是你说的20%。"]
    assert listed[0]["start"] == THREAD.index("星河电池")
