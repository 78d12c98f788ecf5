"""The sign-off queue says what is proposed and by whom (trial57: `claim list --status
in_review` showed only `in_review`, its CSV neither the verdict nor the proposer, and an editor
found their own proposals only when a batch approval was refused over one)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import err_line, ok

Run = Callable[..., Any]


def desk(cli: Run, tmp_path: Path) -> None:
    """Claims 1-3; maria proposes 1 as unverifiable, tom 2 as false; 3 stays unverified."""
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。乙公司裁员200人。丙公司成立于2021年。\n", encoding="utf-8")
    ok(cli("doc", "add", str(text)))
    for quote in ("营收增长30%", "裁员200人", "成立于2021年"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL
    ok(cli("evidence", "add", "2", "--citation", "公司公告", "--stance", "refutes"))
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录"))
    ok(cli("--as", "tom", "claim", "status", "2", "false", "--note", "公告说裁员20人"))


def test_the_table_csv_and_board_show_the_verdict_proposed_and_its_proposer(
    cli: Run, tmp_path: Path
) -> None:
    """The table showed `in_review` and no proposer, the CSV had neither column, and the
    board's "awaiting approval" list gave the verdict but not who proposed it."""
    desk(cli, tmp_path)
    shown = ok(cli("claim", "list", "--status", "in_review")).out
    assert "proposed by" in shown
    rows = {line.split("|")[1].strip(): line for line in shown.splitlines() if "| 营收" in line}
    rows |= {line.split("|")[1].strip(): line for line in shown.splitlines() if "| 裁员" in line}
    assert "in_review: unverifiable" in rows["1"] and "maria" in rows["1"]
    assert "in_review: false" in rows["2"] and "tom" in rows["2"]
    # a list with nothing in review keeps its table as it was
    assert "proposed by" not in ok(cli("claim", "list", "--status", "unverified")).out
    table = list(csv.DictReader(io.StringIO(ok(cli("claim", "list", "--csv")).out)))
    assert [(r["id"], r["proposed_status"], r["proposed_by"]) for r in table] == [
        ("1", "unverifiable", "maria"),
        ("2", "false", "tom"),
        ("3", "", ""),
    ]
    board = ok(cli("stats")).out
    awaiting = board[board.index("awaiting approval") :]
    assert "proposed by" in awaiting.splitlines()[2]
    assert "maria" in awaiting and "tom" in awaiting


def test_approvable_lists_what_the_approver_may_approve(cli: Run, tmp_path: Path) -> None:
    """No filter left out the approver's own proposals: the editor found them only when the
    batch approval was refused."""
    desk(cli, tmp_path)

    def approvable(who: str) -> list[int]:
        r = ok(cli("--as", who, "claim", "list", "--approvable", "--json"))
        return [c["id"] for c in json.loads(r.out)]

    assert approvable("tom") == [1]
    assert approvable("maria") == [2]
    assert approvable("TOM") == [1]  # tom by the sign-off's rule, however typed
    assert approvable("editor") == [1, 2]
    ok(cli("--as", "tom", "claim", "approve", *map(str, approvable("tom"))))
    assert approvable("tom") == []
    err_line(
        cli("--as", "tom", "claim", "list", "--approvable", "--status", "false"), 2, "in review"
    )
