"""trial116: `claim list --untouched-since 7d` took a number of days and `--updated-since 7d`,
on the same command, was refused ("'7d' is not a date"): one option of a pair read a form the
other did not. --updated-since reads Nd too, pinned as --untouched-since is (a page and its
total ask about one moment), and a time more than a day ahead is refused as a typo, as for
--untouched-since (every claim would be missing from the list)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def _desk(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="MiniMax在2021年底创业。智谱在2019年成立。\n"))
    ok(cli("claim", "add", "1", "--quote", "2021年底", "--text", "founded 2021"))


def test_updated_since_takes_a_number_of_days(cli: Run) -> None:
    _desk(cli)
    listed = json.loads(ok(cli("claim", "list", "--updated-since", "7d", "--json")).out)
    assert [c["id"] for c in listed] == [1]
    assert json.loads(ok(cli("claim", "list", "--updated-since", "７天", "--json")).out)


def test_updated_since_far_ahead_is_refused_as_a_typo(cli: Run) -> None:
    _desk(cli)
    r = cli("claim", "list", "--updated-since", "2062-12-01")
    assert r.code == 2, r.out + r.err
    assert "more than a day ahead" in r.err and "no claim has changed since then" in r.err


def test_the_same_days_both_ways_read_as_one_moment(cli: Run) -> None:
    """review119: `--updated-since 7d --untouched-since 7d` read the clock once for each, a
    microsecond apart. Both are pinned to one moment (`pinned`): a claim added within the
    week was worked on within it, and no `doc update` has moved it, so none is listed."""
    _desk(cli)
    r = cli("claim", "list", "--updated-since", "7d", "--untouched-since", "7d", "--json")
    assert r.code == 0, r.out + r.err
    assert json.loads(r.out) == []
