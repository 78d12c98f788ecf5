"""review299: fix292 kept each revision's headline but only `doc changes` said it: `doc show`,
where a person reads the document's title, did not say that its page is now headlined
otherwise (a correction's new headline), so the title kept by the desk read as the page's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.headline_page import headline_page as _page
from tests.inprocess import ok

Run = Callable[..., Any]


def _headline_line(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip().startswith("headline")]


def test_doc_show_says_the_current_headline_where_it_is_not_the_title(
    cli: Run, tmp_path: Path
) -> None:
    page = tmp_path / "stats.html"
    ok(cli("doc", "add", _page(page, "城市人口首次超过2000万", 35)))
    # The page's own headline is the title: nothing more to say.
    assert _headline_line(ok(cli("doc", "show", "1")).out) == []
    assert json.loads(ok(cli("doc", "show", "1", "--json")).out)["headline"] == (
        "城市人口首次超过2000万"
    )
    ok(cli("doc", "update", "1", _page(page, "城市人口突破2000万大关\u202e", 53)))
    (line,) = _headline_line(ok(cli("doc", "show", "1")).out)
    assert "城市人口突破2000万大关" in line and "\u202e" not in line
    shown = json.loads(ok(cli("doc", "show", "1", "--json")).out)
    assert shown["title"] == "城市人口首次超过2000万"
    assert shown["headline"] == "城市人口突破2000万大关"
    # A plain text states no headline.
    text = tmp_path / "a.txt"
    text.write_text("第一行标题\n市统计局发布的数据显示，全市常住人口首次超过2000万。\n", "utf-8")
    ok(cli("doc", "add", str(text)))
    assert json.loads(ok(cli("doc", "show", "2", "--json")).out)["headline"] is None
    assert _headline_line(ok(cli("doc", "show", "2")).out) == []
