"""A newsroom's scripts read `stats --json`'s `by_owner` and `by_assignee`, keyed by owner's
name, with the claims nobody owns under `(unassigned)`. A person could be given that very name
(`claim assign --to "(unassigned)"`, an import's assignee, `user add`), and then the board's
two groups were one key: `by_assignee` kept the person's count and lost the unassigned claims'.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "深圳市统计局3月2日发布数据，2025年全市地区生产总值达到3.9万亿元，同比增长5.8%。\n"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))
    ok(cli("claim", "add", "1", "--text", "GDP grew 5.8%", "--quote", "同比增长5.8%"))


def test_the_board_word_for_nobody_is_no_name(cli: Any, tmp_path: Path) -> None:
    """`claim assign 1 --to "(unassigned)"` was accepted; `stats --json` then said one claim
    was unassigned (the person's) where two were (one the person's, one nobody's)."""
    _desk(cli, tmp_path)
    result = cli("claim", "assign", "1", "--to", "(Unassigned)", "--json")
    # A name wrong in itself is bad usage, as every other refused name is (docs/errors.md).
    assert result.code == 2, result.out
    error = json.loads(result.err)["error"]
    assert error["kind"] == "usage" and "(unassigned)" in error["message"], error
    board = json.loads(ok(cli("stats", "--json")).out)
    assert board["by_assignee"] == {"(unassigned)": 2}, board["by_assignee"]
    assert board["by_owner"]["(unassigned)"]["total"] == 2, board["by_owner"]


def test_an_import_cannot_assign_to_nobody_by_name(cli: Any, tmp_path: Path) -> None:
    """An import's assignee `(unassigned)` (a spreadsheet's placeholder) came in as a person
    of that name, counted on the board together with the claims nobody owns."""
    _desk(cli, tmp_path)
    table = tmp_path / "claims.csv"
    table.write_text("quote,text,assignee\n3月2日发布数据,Released on 2 March,(unassigned)\n")
    result = cli("import", "claims", str(table), "--doc", "1")
    assert result.code == 1, result.out
    assert "(unassigned)" in result.err, result.err
    assert json.loads(ok(cli("stats", "--json")).out)["by_assignee"] == {"(unassigned)": 2}


def test_no_person_is_registered_as_nobody(cli: Any) -> None:
    """`user add "(unassigned)"` registered a person whose name the board uses for no one."""
    result = cli("user", "add", "(unassigned)")
    assert result.code == 2, result.out
    assert "(unassigned)" in result.err, result.err
