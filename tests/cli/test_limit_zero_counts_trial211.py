"""`--limit 0` on a year's desk (trial211): the editor asked for none of a list to learn how
many there are, as `stats --by KEY --limit 0` tells them ("(11 in all)"). `claim list --limit
0` said only "no claims listed", and the board's `stats --limit 0` said "oldest open: 8921",
which reads as the id of the oldest open claim, unlike the board's "(10 of 8,921)"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def desk(cli: Run) -> None:
    """Three open claims, one of them tagged money."""
    ok(cli("doc", "add", "-", input="甲公司估值40亿美元。乙公司成立于2021年。丙公司。"))
    for quote in ("甲公司估值40亿美元", "乙公司成立于2021年", "丙公司"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("claim", "tag", "1", "money"))


def test_claim_list_limit_zero_says_how_many_match(cli: Run) -> None:
    """The editor met "--limit 0: no claims listed" and no count; now the count of the claims
    the filters match is said, as `stats --by` says its rows'."""
    desk(cli)
    assert (
        ok(cli("claim", "list", "--limit", "0")).out == "--limit 0: no claims listed (3 in all)\n"
    )
    r = ok(cli("claim", "list", "--open", "--tag", "money", "--limit", "0"))
    assert r.out == "--limit 0: no claims listed (1 in all)\n" and r.err == ""


def test_claim_list_limit_zero_with_nothing_matching_says_nothing_matches(cli: Run) -> None:
    """No count to give when nothing matches: the list is empty of itself, not by the limit."""
    desk(cli)
    r = ok(cli("claim", "list", "--status", "verified", "--limit", "0"))
    assert r.out == "no claims match\n"


def test_board_limit_zero_says_none_listed_of_how_many(cli: Run) -> None:
    """`stats --limit 0` said "oldest open: 3", a bare figure after a list's name (an id?);
    now "oldest open: none listed (3 in all)", as `stats --by --limit 0` says it."""
    desk(cli)
    out = ok(cli("stats", "--limit", "0")).out
    assert "oldest open: none listed (3 in all)\n" in out
    assert "open, no evidence: none listed (3 in all)\n" in out
    assert "awaiting approval: none\n" in out
