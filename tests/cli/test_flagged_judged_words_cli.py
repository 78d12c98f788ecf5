"""trial263: a story revised over a week. Revision 3 corrected a figure in claim #2's quote
(10亿 -> 12亿), which flagged its verdict; revision 4 cut a sentence elsewhere. From then on
`claim show 2` said only "verified was given on the words of revision 2" and showed the new
quote: the words the verdict was given on (the "was '...10亿...'" line) were gone from it,
and `previous_quote` in --json was null, so the editor checking it again had to dig the old
words out of the history or `doc text --revision 2`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

LEAD = "星河新能源今日宣布完成{}亿元C轮融资。"
LAND = "园区已为项目预留了800亩土地。"
TAIL = "工厂投产后年产能可达20GWh。"


def _flagged_then_revised(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=LEAD.format(10) + LAND + TAIL))
    ok(cli("claim", "add", "1", "--text", "1 billion", "--quote", "完成10亿元C轮融资"))
    ok(cli("evidence", "add", "1", "--citation", "Filing", "--stance", "supports"))
    ok(cli("claim", "status", "1", "in_progress"))
    ok(cli("claim", "status", "1", "verified", "--note", "filing"))
    ok(cli("doc", "update", "1", "-", input=LEAD.format(12) + LAND + TAIL))  # flagged
    ok(cli("doc", "update", "1", "-", input=LEAD.format(12) + TAIL))  # elsewhere


def test_claim_show_names_the_words_a_flagged_verdict_was_given_on(cli: Run) -> None:
    _flagged_then_revised(cli)
    r = ok(cli("claim", "show", "1"))
    assert "完成12亿元C轮融资" in r.out
    verdict = [line for line in r.out.splitlines() if line.startswith("  verdict")]
    assert verdict and "'完成10亿元C轮融资'" in verdict[0], r.out


def test_claim_show_json_keeps_the_quote_a_revision_changed(cli: Run) -> None:
    _flagged_then_revised(cli)
    shown = json.loads(ok(cli("claim", "show", "1", "--json")).out)
    assert shown["quote"] == "完成12亿元C轮融资"
    assert shown["judged_quote"] == "完成10亿元C轮融资", shown
