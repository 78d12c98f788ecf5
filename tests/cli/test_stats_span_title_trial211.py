"""trial211: `stats --since 2026-11-28T12:00:00Z --until 2026-11-29T06:00:00Z` headed its table
"who did what from 2026-11-28 to 2026-11-29", as if it counted both whole days, and `--since
7d` "from 2026-11-29" where the span began at that day's 04:49. The heading now says the
minute where the span does not begin (or end) with a day, as the board's "untouched: no
activity since 2026-11-29 04:48 UTC" does; whole days are still said as dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]


def _title(cli: Run, *args: str) -> str:
    ok(cli("doc", "add", "-", input="甲公司估值40亿美元。"))
    out = ok(cli("stats", *args)).out
    return next(line.strip() for line in out.splitlines() if "who did what" in line)


def test_a_span_of_times_is_headed_with_its_times(cli: Run) -> None:
    title = _title(cli, "--since", "2000-01-01T12:00:00Z", "--until", "2000-01-02T06:00:00Z")
    assert title == "who did what from 2000-01-01 12:00 UTC to 2000-01-02 06:00 UTC: nobody"


def test_a_span_of_days_is_headed_with_its_dates(cli: Run) -> None:
    title = _title(cli, "--since", "2000-01-01", "--until", "2000-01-02")
    assert title == "who did what from 2000-01-01 to 2000-01-02: nobody"


def test_n_days_ago_is_a_moment_not_a_day(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """7d is 7 times 24 hours before now (12:34 on 30 November): said to the minute."""
    import workbench.domain.clock as clock

    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 11, 30, 12, 34, tzinfo=dt.UTC))
    title = _title(cli, "--since", "7d")
    assert title.startswith("who did what from 2026-11-23 12:34 UTC"), title
