"""A checker's queue on the command line: flagged verdicts are their owner's work (in
`claim list --mine`, and `--mine --flagged` lists them), and giving the same verdict again with
a reason confirms one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

OLD = "宁德时代2024年营收4009亿元。\n公司表示，其海螺AI在全球拥有超过一亿用户。\n"


@pytest.fixture
def queue(cli: Run, tmp_path: Path) -> None:
    """王芳 owns #1 (misleading, quote changed since: flagged) and #2 (in progress)."""
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(OLD.replace("4009亿", "4010亿"), encoding="utf-8")
    ok(cli("doc", "add", str(old)))
    for quote in ("营收4009亿元", "海螺AI在全球拥有超过一亿用户"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("claim", "assign", "1", "2", "--to", "王芳"))
    ok(cli("claim", "status", "1", "in_progress"))
    ok(cli("claim", "status", "2", "in_progress"))
    ok(cli("evidence", "add", "1", "--citation", "annual report", "--stance", "refutes"))
    ok(cli("--as", "王芳", "claim", "status", "1", "misleading", "--note", "half the story"))
    ok(cli("doc", "update", "1", str(new)))


def ids(cli: Run, *args: str) -> list[int]:
    r = ok(cli("--as", "王芳", "claim", "list", *args, "--json"))
    return [c["id"] for c in json.loads(r.out)]


def test_mine_holds_flagged_verdicts_and_flagged_narrows_it(cli: Run, queue: None) -> None:
    assert ids(cli, "--mine") == [1, 2]
    assert ids(cli, "--mine", "--flagged") == [1]
    assert ids(cli, "--mine", "--open") == [2]
    assert ids(cli, "--mine", "--status", "misleading") == [1]
    r = ok(cli("--as", "someone", "claim", "list", "--mine"))
    assert r.out == "no open or flagged claims in your queue (--all adds verdicts)\n"


def test_the_same_verdict_with_a_note_confirms_a_flagged_claim(cli: Run, queue: None) -> None:
    r = ok(cli("claim", "show", "1"))
    assert "confirm it: workbench claim status 1 misleading --note TEXT" in r.out
    r = cli("--as", "王芳", "claim", "status", "1", "misleading")
    assert r.code == 1 and "flagged for re-review" in r.err and "--note" in r.err
    r = ok(cli("--as", "王芳", "claim", "status", "1", "misleading", "--note", "4010亿: still"))
    assert r.out == "claim #1: misleading confirmed; no longer flagged\n"
    assert ids(cli, "--mine") == [2]
    assert "flagged" not in ok(cli("claim", "show", "1")).out.split("history")[0]


def test_stats_by_owner_shows_open_work_beside_the_total(cli: Run, queue: None) -> None:
    ok(cli("claim", "add", "1", "--text", "more", "--quote", "公司表示"))
    out = ok(cli("stats")).out
    lines = [x.replace(" ", "") for x in out.splitlines()]
    assert "|byowner|tocheck|inreview|flagged|claims|" in lines
    assert "|王芳|1|0|1|2|" in lines and "|(unassigned)|1|0|0|1|" in lines
    assert "awaiting approval: none" in out


def test_stats_json_and_table_order_owners_alike(cli: Run, queue: None) -> None:
    """A trial: "(unassigned)" came first in `stats --json` on SQLite, last on PostgreSQL. Both
    backends give the table's order: owners by name, the unassigned last."""
    ok(cli("claim", "add", "1", "--text", "more", "--quote", "公司表示"))
    ok(cli("claim", "add", "1", "--text", "revenue", "--quote", "宁德时代"))
    ok(cli("claim", "assign", "4", "--to", "ana"))
    s = json.loads(ok(cli("stats", "--json")).out)
    assert list(s["by_assignee"]) == ["ana", "王芳", "(unassigned)"]
    assert list(s["by_owner"]) == ["ana", "王芳", "(unassigned)"]
    rows = [x.split("|")[1].strip() for x in ok(cli("stats")).out.splitlines() if "|" in x]
    owners = rows[rows.index("by owner") + 1 : rows.index("by type")]
    assert owners == ["ana", "王芳", "(unassigned)"]


def test_stats_on_an_empty_desk_names_each_empty_section(cli: Run) -> None:
    out = ok(cli("stats")).out
    assert "by owner: none" in out and "by type: none" in out and "result:" not in out


def test_a_flagged_proposal_in_review_is_open_and_flagged(
    cli: Run, queue: None, tmp_path: Path
) -> None:
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("--as", "王芳", "claim", "status", "2", "unverifiable", "--note", "no source"))
    v3 = tmp_path / "v3.txt"
    v3.write_text(OLD.replace("4009亿", "4010亿").replace("一亿", "两亿"), encoding="utf-8")
    ok(cli("doc", "update", "1", str(v3)))
    assert ids(cli, "--mine", "--flagged") == [1, 2]
    assert ids(cli, "--mine", "--open", "--flagged") == [2]
    assert ids(cli, "--mine") == [1, 2]


@pytest.mark.usefixtures("queue")
def test_the_table_says_which_verdicts_are_flagged(cli: Run) -> None:
    # a flagged verdict in a table looked settled (the desk trial): its status says it is not
    rows = ok(cli("--as", "王芳", "claim", "list", "--mine")).out
    flagged = next(line for line in rows.splitlines() if line.startswith("| 1 "))
    assert "misleading (flagged)" in flagged
    open_row = next(line for line in rows.splitlines() if line.startswith("| 2 "))
    assert "in_progress" in open_row and "(flagged)" not in open_row
