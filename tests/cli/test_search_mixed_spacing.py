"""`claim list --search` and the space a writer puts, or leaves out, between Chinese and Latin.

Chinese copy puts a space between Han characters and a Latin word or a figure ("Kimi 智能助手",
the "pangu" spacing many style guides ask for) or leaves it out ("Kimi智能助手"), and a checker
types whichever their own habit is. `claim add --quote "Kimi 每天处理"` anchors on the article's
"Kimi每天处理" (README: a quote typed with other spacing is still found), and the search is
documented to fold what `--quote` folds; but the search compares spaces as typed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "公司成立仅四个月，就推出了首款产品Kimi智能助手。\nKimi 每天处理的对话请求超过一亿次。\n"


def _ids(cli: Any, *args: str) -> list[int]:
    return [c["id"] for c in json.loads(ok(cli("claim", "list", *args, "--json")).out)]


def test_search_ignores_the_space_between_han_and_latin(cli: Any, tmp_path: Path) -> None:
    """`--search "Kimi 智能助手"` found nothing of the article's "Kimi智能助手", and
    `--search "Kimi每天"` nothing of its "Kimi 每天", though `--quote` took either."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "首款产品", "--quote", "首款产品Kimi 智能助手"))
    ok(cli("claim", "add", "1", "--text", "一亿次", "--quote", "Kimi每天处理的对话请求超过一亿次"))
    assert _ids(cli, "--search", "Kimi智能助手") == [1]
    assert _ids(cli, "--search", "Kimi 智能助手") == [1]
    assert _ids(cli, "--search", "Kimi每天") == [2]
