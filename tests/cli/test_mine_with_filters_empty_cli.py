"""trial330: a checker with five open claims, none of them overdue, asked `claim list --mine
--overdue` and was told "no open or flagged claims in your queue": as if her queue were empty,
when it was only the filter that matched none of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def test_an_empty_filtered_queue_is_not_said_to_be_an_empty_queue(cli: Run, tmp_path: Path) -> None:
    """bo owns two open claims with no due date: `--mine --overdue` and `--mine --tag x`
    match none of them, and say so, not that bo has no open claims."""
    doc = tmp_path / "a.txt"
    doc.write_text("宁德时代2024年营收4009亿元。\n海螺AI拥有超过一亿用户。\n", encoding="utf-8")
    ok(cli("doc", "add", str(doc)))
    for quote in ("营收4009亿元", "海螺AI拥有超过一亿用户"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("claim", "assign", "1", "2", "--to", "bo"))
    for narrowing in (("--overdue",), ("--tag", "x")):
        r = ok(cli("--as", "bo", "claim", "list", "--mine", *narrowing))
        assert "no open or flagged claims in your queue" not in r.out, (narrowing, r.out)
        assert "match" in r.out, (narrowing, r.out)
    # The queue itself, unfiltered and empty, still says it is empty.
    r = ok(cli("--as", "cy", "claim", "list", "--mine"))
    assert r.out == "no open or flagged claims in your queue (--all adds verdicts)\n"
