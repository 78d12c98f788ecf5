"""`extract --accept` on a sports report whose agency dateline stands on its own line, and on an
announcement signed with a date: the dateline (0.941) and the date (0.594) became claims. Now
they are no claim (`not a claim: byline`), listed only at --min-score 0; the report's facts are
still offered."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

REPORT = """\
中超第12轮：申城海港客场2比1力克北岸国安

新华社北京5月20日电（记者 陈立新）
申城海港队19日晚客场以2比1击败北岸国安队，取得联赛四连胜。
本场比赛现场观众达到52,317人，创下本赛季中超单场观众人数纪录。

恒锐科技股份有限公司董事会
2024年2月27日
"""


def test_accept_makes_no_claim_of_a_dateline_or_a_signature_date(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=REPORT))
    listed = json.loads(ok(cli("extract", "1", "--min-score", "0", "--json")).out)
    by_text = {c["text"]: c for c in listed}
    for line in ("新华社北京5月20日电（记者 陈立新）", "2024年2月27日"):
        assert by_text[line]["score"] == 0.0
        assert by_text[line]["reasons"][0].startswith("not a claim: byline ")
    ok(cli("extract", "1", "--accept"))
    texts = [c["text"] for c in json.loads(ok(cli("claim", "list", "--json")).out)]
    assert not any("5月20日电" in t or t == "2024年2月27日" for t in texts), texts
    assert any("52,317人" in t for t in texts)
