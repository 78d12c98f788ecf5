"""Trial 53's desk (a Chinese-language desk's research editor): its article and two claims, and
the ids `claim list` gives, for the tests of what the trial found (test_desk_trial53,
test_search_folding)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

ARTICLE = (
    "他表示,公司员工已超过800人,其中研发人员占比70%。\n"
    "月之暗面旗下的Kimi智能助手月活跃用户已突破1亿。\n"
)


def desk(cli: Run, tmp_path: Path) -> None:
    """Document 1 (ARTICLE) with claim 1 (its staff) and claim 2 (Kimi's users)."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    for quote in ("他表示,公司员工已超过800人", "Kimi智能助手月活跃用户已突破1亿"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))


def listed(cli: Run, *args: str) -> list[int]:
    """The ids `claim list ARGS` lists."""
    r = ok(cli("claim", "list", *args, "--json"))
    return [c["id"] for c in json.loads(r.out)]
