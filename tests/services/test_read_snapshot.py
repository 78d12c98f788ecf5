"""A read command's statements see one moment on both backends (review55): the read path's
transaction on PostgreSQL was READ COMMITTED, each statement a snapshot of its own, so a page
of `claim list` and its total, or the board and `stats --since`'s activity, could disagree
with a writer committing between them. SQLite's read transaction was one snapshot already."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.conftest import Result
from workbench.services import queries
from workbench.services.context import Workbench


def _desk(cli: Callable[..., Result]) -> None:
    assert cli("doc", "add", "-", input="甲说了一句话。乙说了另一句话。\n").code == 0
    for quote in ("甲说了一句话", "乙说了另一句话"):
        assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0


def _another_claim(cli: Callable[..., Result]) -> None:
    r = cli("claim", "add", "1", "--text", "another", "--quote", "乙说了")
    assert r.code == 0, r.err


def test_a_page_and_its_total_are_one_moment(
    cli: Callable[..., Result], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _desk(cli)
    original = queries._matching

    def matching_then_a_writer_commits(conn: Any, flt: Any, day: Any = None) -> Iterator[Any]:
        yield from original(conn, flt, day)
        _another_claim(cli)

    monkeypatch.setattr(queries, "_matching", matching_then_a_writer_commits)
    shown, total = queries.claims_page(
        Workbench(url=db_url, actor="tester"), queries.ClaimFilter(limit=50)
    )
    assert (len(shown), total) == (2, 2)  # the page is everything that matched: not "2 of 3"


def test_the_board_and_its_activity_are_one_moment(
    cli: Callable[..., Result], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _desk(cli)
    original = queries.activity

    def a_writer_commits_then_activity(conn: Any, span: Any) -> Any:
        _another_claim(cli)
        return original(conn, span)

    monkeypatch.setattr(queries, "activity", a_writer_commits_then_activity)
    s = queries.stats(Workbench(url=db_url, actor="tester"), since="2000-01-01")
    assert s.activity is not None
    added = sum(p.counts["claims_added"] for p in s.activity.people)
    assert sum(s.by_status.values()) == added == 2
