"""trial324: a fact-checker's article quoted a programmer, 工程师👩‍💻, who kept 10亿 records
under C:\\logs; a revision changed the figure to 12亿. `claim show` printed the new quote as
the document holds it, but the words it replaced ("was ...") and the words a flagged verdict
was given on through Python's repr: the emoji's zero-width joiners came out as `\\u200d`
(`👩\\u200d💻`, no emoji at all) and the path's backslash doubled (`C:\\\\logs`), though the
quote line above them showed both as stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

LEAD = "据报道，工程师👩\u200d💻在C:\\logs里存了{}亿条用户记录。"
TAIL = "园区已为项目预留了800亩土地。"
OLD = "工程师👩\u200d💻在C:\\logs里存了10亿条"


def _revised(cli: Run, *, again: bool) -> None:
    ok(cli("doc", "add", "-", input=LEAD.format(10) + TAIL))
    ok(cli("claim", "add", "1", "--text", "1 billion records", "--quote", OLD))
    ok(cli("evidence", "add", "1", "--citation", "Filing", "--stance", "supports"))
    ok(cli("claim", "status", "1", "in_progress"))
    ok(cli("claim", "status", "1", "verified", "--note", "filing"))
    ok(cli("doc", "update", "1", "-", input=LEAD.format(12) + TAIL))  # fuzzy, flagged
    if again:
        ok(cli("doc", "update", "1", "-", input=LEAD.format(12)))  # elsewhere


def _line(out: str, label: str) -> str:
    found = [line for line in out.splitlines() if line.startswith(f"  {label}")]
    assert found, out
    return found[0]


def test_claim_show_gives_the_replaced_quote_as_stored(cli: Run) -> None:
    _revised(cli, again=False)
    out = ok(cli("claim", "show", "1")).out
    assert "工程师👩\u200d💻在C:\\logs里存了12亿条" in _line(out, "quote")
    anchor = _line(out, "anchor")
    assert f"was '{OLD}'" in anchor, anchor


def test_claim_show_gives_the_judged_words_as_stored(cli: Run) -> None:
    _revised(cli, again=True)
    out = ok(cli("claim", "show", "1")).out
    verdict = _line(out, "verdict")
    assert f"('{OLD}')" in verdict, verdict
