"""`stats --by KEY` (and the board's tables of counts) on an ordinary 80-column terminal.

The breakdown's count columns (to_check, in_review, verified, false, misleading,
unverifiable, opinion) are not among `render.NARROW`, so `layout.fit` takes each for a text
column needing 28 cells, finds no room below about 104 columns, and stacks the table: a line
per row with the value and its claims, then seven bare numbers indented under it, with no
column name anywhere. For a speaker or a tag in Chinese (wider) the value itself went under
its count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "月之暗面完成新一轮融资，融资金额超过１０亿美元。\n融资完成后，估值达到２５亿美元。\n"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(
        cli(
            "claim", "add", "1", "--text", "融资超过１０亿美元", "--quote", "融资金额超过１０亿美元"
        )
    )
    ok(cli("claim", "add", "1", "--text", "估值２５亿美元", "--quote", "估值达到２５亿美元"))
    ok(cli("claim", "tag", "1", "2", "融资"))


def test_stats_by_tag_at_80_columns_names_its_columns(cli: Any, tmp_path: Path) -> None:
    """`COLUMNS=80 workbench stats --by tag` printed "融资  2" and then seven numbers, one per
    line, with no header: which number was verified and which false could not be told."""
    _desk(cli, tmp_path)
    out = ok(cli("stats", "--by", "tag", env={"COLUMNS": "80"})).out
    assert "verified" in out and "to check" in out, out
    assert all(len(line) <= 80 for line in out.splitlines()), out


def test_stats_by_speaker_at_90_columns_names_its_columns(cli: Any, tmp_path: Path) -> None:
    """At 90 columns, `stats --by speaker` put the claim count alone on the first line
    ("2") and the speaker under it, indented among the bare numbers."""
    _desk(cli, tmp_path)
    ok(cli("claim", "edit", "1", "--speaker", "阿卜杜拉·默罕默德"))
    out = ok(cli("stats", "--by", "speaker", env={"COLUMNS": "90"})).out
    assert "speaker" in out and "claims" in out, out


def test_the_board_stacked_names_each_count(cli: Any, tmp_path: Path) -> None:
    """The board's by-owner table, stacked on a narrow terminal, printed the claims count alone
    and then the owner and three bare numbers under it."""
    _desk(cli, tmp_path)
    ok(cli("user", "add", "王芳"))
    ok(cli("claim", "assign", "1", "--to", "王芳"))
    out = ok(cli("stats", env={"COLUMNS": "40"})).out
    assert "by owner 王芳" in out and "to check 1" in out and "claims 1" in out, out
    assert all(len(line) <= 40 for line in out.splitlines()), out
