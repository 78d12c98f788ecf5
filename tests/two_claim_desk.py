"""A desk of one document and two claims, driven through the real CLI: the notes tests
(internal notes, taking a note back) each write their own notes onto it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]

ARTICLE = "甲公司去年营收一百亿元。乙公司成立于二〇二一年。\n"


def two_claim_desk(db_url: str, tmp_path: Path) -> Run:
    """Document #1 with claims #1 (营收一百亿元) and #2 (成立于二〇二一年), added as maria; the
    runner acts as maria unless told `who`."""

    def go(*args: str, who: str = "maria") -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": who})

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ok(go("doc", "add", str(tmp_path / "a.txt")))
    for quote in ("营收一百亿元", "成立于二〇二一年"):
        ok(go("claim", "add", "1", "--text", quote, "--quote", quote))
    return go
