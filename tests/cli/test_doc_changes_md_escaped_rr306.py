"""rr306: `doc changes --format md` wrote the desk's title and each revision's headline (a page's
own words, any publisher's) into Markdown as they were: `*`, `_`, `[`, `<` and `#` in them made
emphasis, links, HTML or heading markers of the report. They are escaped as the audit trail's
Markdown timeline escapes user text, by the same code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{title}</title></head><body><article><h1>{title}</h1>
<p>市统计局发布的数据显示，全市常住人口首次超过2000万，比去年增加了{n}万人，增长率为1.8%。
这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def _page(path: Path, title: str, n: int) -> str:
    path.write_text(PAGE.format(title=title, n=n), encoding="utf-8")
    return str(path)


def test_titles_and_headlines_are_escaped(cli: Run, tmp_path: Path) -> None:
    page = tmp_path / "stats.html"
    ok(
        cli(
            "doc", "add", _page(page, "人口 *首次* 超过", 35), "--title", "统计 _重要_ [链接](x) #1"
        )
    )
    ok(
        cli(
            "doc",
            "update",
            "1",
            _page(page, "人口 **突破** [2000万](http://x.example) ~~大关~~", 53),
        )
    )
    md = ok(cli("doc", "changes", "1", "--format", "md")).out
    assert "# Changes to 统计 \\_重要\\_ \\[链接\\](x) \\#1\n" in md, md
    assert (
        "Headline changed: 人口 \\*首次\\* 超过 → 人口 \\*\\*突破\\*\\* "
        "\\[2000万\\](http://x.example) \\~\\~大关\\~\\~\n"
    ) in md, md
