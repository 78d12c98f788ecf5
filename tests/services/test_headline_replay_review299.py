"""review299: the `headline` fix292 keeps beside `after` in document.added / document.revised is
read by `doc changes` and said on the terminal, yet replay took any value there: a forged one of
a million characters, several lines or a control character (a trail written by hand, a bundle
from elsewhere) passed as consistent. A headline is recorded as a page's title is stored: one
printable line of at most MAX_TITLE characters; replay holds it to that, rebuilding nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.db.models import Event
from workbench.domain.limits import MAX_TITLE
from workbench.services.context import Workbench
from workbench.services.documents import add_from
from workbench.services.replay import replay

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>市统计局发布的数据显示，全市常住人口首次超过2000万，比去年增加了35万人，增长率为1.8%。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def _added(wb: Workbench, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    add_from(wb, str(page))


def _headline_set(wb: Workbench, value: Any) -> None:
    """The document.added event's headline rewritten by SQL, the append-only triggers dropped
    as the database's owner can (the chain is not replay's to check)."""
    with get_engine(wb.url).begin() as conn:
        drop_append_only_triggers(conn)
        seq, payload = conn.execute(
            select(Event.seq, Event.payload).where(Event.action == "document.added")
        ).one()
        forged = {**json.loads(payload), "headline": value}
        conn.execute(update(Event).where(Event.seq == seq).values(payload=json.dumps(forged)))


def test_a_recorded_headline_is_consistent(wb: Workbench, tmp_path: Path) -> None:
    _added(wb, tmp_path)
    report = replay(wb)
    assert report.consistent, report.differences


@pytest.mark.parametrize(
    "forged",
    [
        "长" * (MAX_TITLE + 1),
        "第一行\n第二行",
        "标题\u202e",
        "\x1b]0;x\x07标题",
        42,
        "",
        "Cafe\u0301",
        " 标题",
    ],
)
def test_a_forged_headline_is_a_difference(wb: Workbench, tmp_path: Path, forged: Any) -> None:
    _added(wb, tmp_path)
    _headline_set(wb, forged)
    report = replay(wb)
    found = [d.message for d in report.differences]
    assert any("headline" in m for m in found), found
