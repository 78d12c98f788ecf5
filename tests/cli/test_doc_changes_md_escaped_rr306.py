"""rr306: `doc changes --format md` wrote the desk's title and each revision's headline (a page's
own words, any publisher's) into Markdown as they were: `*`, `_`, `[`, `<` and `#` in them made
emphasis, links, HTML or heading markers of the report. They are escaped as the audit trail's
Markdown timeline escapes user text, by the same code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.headline_page import headline_page as _page
from tests.inprocess import ok

Run = Callable[..., Any]


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
