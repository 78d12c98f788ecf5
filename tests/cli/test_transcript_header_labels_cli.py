"""`extract --accept` on an interview transcript whose header says when and where it was made:
the header's date was accepted as a claim said by "采访时间" (a label read as a speaker). Now
the label names no one: the date line is offered, if at all, with no speaker, and the
interviewee's claims keep their speaker."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

INTERVIEW = """\
采访时间：2024年3月1日
采访地点：澜汐电器广州总部

记者：澜汐电器是从什么时候开始做海外市场的？
林秋实：我们是2014年开始出海的，第一站是越南。
记者：现在海外业务的规模有多大？
林秋实：去年我们海外收入是27.6亿元，占总营收的比重达到了46%。

责任编辑：王丽
"""


def test_accept_records_no_header_label_as_a_speaker(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=INTERVIEW))
    listed = json.loads(ok(cli("extract", "1", "--min-score", "0", "--json")).out)
    assert {c["speaker"] for c in listed} <= {None, "记者", "林秋实"}
    ok(cli("extract", "1", "--accept", "--min-score", "0.5"))
    claims = json.loads(ok(cli("claim", "list", "--json")).out)
    speakers = {c["speaker"] for c in claims}
    assert "采访时间" not in speakers and "责任编辑" not in speakers
    assert any(c["speaker"] == "林秋实" and "27.6亿元" in c["text"] for c in claims)
