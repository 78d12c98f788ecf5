"""`workbench stats --by KEY` through the real CLI (trial57: a year's retrospective found no way
to count claims by tag, speaker or month): the table, --json, --limit and what it left out,
--since/--until, and a KEY not offered (exit 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def desk(cli: Run) -> None:
    """Four claims: #1 and #2 tagged economy (#1 估值 too) and false/in progress, #3 with no tag
    and no speaker, #4 withdrawn (counted nowhere)."""
    ok(cli("doc", "add", "-", input="甲公司估值40亿美元。乙公司成立于2021年。丙公司。丁公司。"))
    for quote, speaker in (("甲公司估值40亿美元", "张一鸣"), ("乙公司成立于2021年", "Lei Jun")):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", speaker))
    for quote in ("丙公司", "丁公司"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("claim", "tag", "1", "2", "economy"))
    ok(cli("claim", "tag", "1", "估值"))
    ok(cli("evidence", "add", "1", "--url", "https://example.org/a", "--stance", "refutes"))
    ok(cli("claim", "status", "1", "false", "--note", "filings say 30"))
    ok(cli("claim", "status", "2", "in_progress"))
    ok(cli("claim", "withdraw", "4", "--reason", "a duplicate of #3"))


HEADER = "claims | to check | in review | verified | false | misleading | unverifiable | opinion"


def cells(out: str) -> list[list[str]]:
    """The table's rows (header and rule lines left out), as their cells."""
    rows = [
        [c.strip() for c in line.strip("|").split("|")]
        for line in out.splitlines()
        if line.startswith("|")
    ]
    return rows[1:]


def test_stats_by_tag_prints_one_table_a_row_per_tag(cli: Run) -> None:
    """There was no count by tag: one row per tag (most claims first, then by name, (none) last
    among equals), a claim under each of its tags, the untagged in a (none) row, the withdrawn
    nowhere; the board itself is not printed."""
    desk(cli)
    r = ok(cli("stats", "--by", "tag"))
    assert HEADER in r.out and "oldest open" not in r.out and r.err == ""
    assert cells(r.out) == [
        ["economy", "2", "1", "0", "0", "1", "0", "0", "0"],
        ["估值", "1", "0", "0", "0", "1", "0", "0", "0"],
        ["(none)", "1", "1", "0", "0", "0", "0", "0", "0"],
    ]
    assert cells(ok(cli("stats", "--by", "speaker")).out) == [
        ["Lei Jun", "1", "1", "0", "0", "0", "0", "0", "0"],
        ["张一鸣", "1", "0", "0", "0", "1", "0", "0", "0"],
        ["(none)", "1", "1", "0", "0", "0", "0", "0", "0"],
    ]


def test_stats_by_json_is_a_list_of_rows_named_by_the_key(cli: Run) -> None:
    """--json: a list of {KEY: value, "claims": n, ...}; no speaker is null."""
    desk(cli)
    rows = json.loads(ok(cli("stats", "--by", "speaker", "--json")).out)
    assert rows[2] == {
        "speaker": None,
        **{"claims": 1, "to_check": 1, "in_review": 0, "verified": 0, "false": 0},
        **{"misleading": 0, "unverifiable": 0, "opinion": 0},
    }
    assert [r["speaker"] for r in rows] == ["Lei Jun", "张一鸣", None]
    (month,) = json.loads(ok(cli("stats", "--by", "month", "--json")).out)
    assert len(month["month"]) == 7 and month["claims"] == 3 and month["false"] == 1


def test_stats_by_limit_says_how_many_rows_it_left_out(cli: Run) -> None:
    """--limit (the board's) bounds the rows; stderr says how many there are in all."""
    desk(cli)
    r = ok(cli("stats", "--by", "tag", "--limit", "1"))
    assert [row[0] for row in cells(r.out)] == ["economy"]
    assert r.err == "tag rows 1–1 of 3 (--limit N shows more)\n"
    r = ok(cli("stats", "--by", "tag", "--limit", "0", "--json"))
    assert (json.loads(r.out), r.err) == ([], "tag rows none of 3 (--limit N shows more)\n")
    r = ok(cli("stats", "--by", "type", "--limit", "0"))
    assert r.out == "--limit 0: no type rows listed (1 in all)\n"


def test_stats_by_with_a_span_counts_the_claims_added_in_it(cli: Run) -> None:
    """--since/--until with --by: the claims added in that span."""
    desk(cli)
    assert cells(ok(cli("stats", "--by", "type", "--since", "2000-01-01")).out) == [
        ["fact", "3", "2", "0", "0", "1", "0", "0", "0"]
    ]
    r = ok(cli("stats", "--by", "type", "--since", "2000-01-01", "--until", "2000-12-31"))
    assert r.out == "no claims added from 2000-01-01 to 2000-12-31\n"


@pytest.mark.parametrize(
    "args",
    [
        ("--by", "status"),
        ("--by",),
        ("--by", "tag", "--until", "2026-01-01"),
        ("--by", "tag", "--limit", "-1"),
    ],
)
def test_stats_by_bad_usage_exits_2(cli: Run, args: tuple[str, ...]) -> None:
    """A KEY not offered, a missing KEY, --until without --since, a negative limit: bad usage,
    one line on stderr, nothing on stdout."""
    r = cli("stats", *args)
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("error: ") and len(r.err.strip().splitlines()) == 1


def test_stats_by_reads_on_the_driver_without_sqlalchemy(cli: Run, db_url: str) -> None:
    """The breakdown is a read path: one aggregate on the database driver, and a whole
    `stats --by` process imports neither SQLAlchemy, Alembic nor Pydantic."""
    desk(cli)
    probe = (
        "import sys\n"
        "from workbench.cli import main\n"
        "try:\n    main(['stats', '--by', 'tag', '--json'])\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "WORKBENCH_DB": db_url},
        timeout=60,
        check=True,
    )
    assert len(json.loads(proc.stdout)) == 3
    loaded = set(proc.stderr.strip().splitlines()[-1].split(","))
    assert "workbench" in loaded
    assert not loaded & {"sqlalchemy", "alembic", "pydantic"}


def test_stats_by_owner_names_the_unowned_as_the_board_does(cli: Run) -> None:
    """The board's owner table called the claims nobody owns `(unassigned)` and `stats --by
    owner`, on the same desk, `(none)`: two words for one group. --json stays null."""
    desk(cli)
    board = ok(cli("stats")).out
    assert "(unassigned)" in board
    rows = cells(ok(cli("stats", "--by", "owner")).out)
    assert rows[-1][0] == "(unassigned)"
    assert all(r[0] != "(none)" for r in rows)
    owners = json.loads(ok(cli("stats", "--by", "owner", "--json")).out)
    assert owners[-1]["owner"] is None
