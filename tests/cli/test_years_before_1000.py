"""A moment before the year 1000 (`--since 0999-01-01`, a typo's year or a deliberate "since
ever") in the text a moment is compared as.

The bug: the fixed-width UTC text of a moment was written in two places in two ways.
`clock.format_at` (audit times, --since/--until bounds) and the SQLite binding of a datetime
used strftime's %Y, which on glibc writes the year 999 as `999`, not `0999`; the event payloads
(and SQLAlchemy's own storage) wrote `0999`. Compared as text, `999-…` sorts after `2026-…`, so
`audit export --since 0999-01-01` exported nothing, `--until 0999-12-31` everything, `stats
--since 0999-01-01 --until 2100-01-01` was refused as a span ending before it began, and (on
SQLite) `claim list --updated-since 0999-01-01` listed no claim. Now every moment is written by
`format_at`'s one rule, four digits of year always.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.clock import format_at
from workbench.domain.payloads import event_value

Run = Callable[..., Any]


@pytest.mark.parametrize("year", [1, 999, 1000, 2026, 9999])
def test_a_moment_is_fixed_width_text_whatever_its_year(year: int) -> None:
    moment = dt.datetime(year, 2, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    text = format_at(moment)
    assert text == f"{year:04d}-02-03T04:05:06.000007Z"
    # The events' payloads hold the same text (they had a quicker route of their own).
    assert event_value(moment) == text


def test_sqlite_binds_a_moment_as_sqlalchemy_stores_one() -> None:
    from workbench.db.sqlite import bind

    moment = dt.datetime(999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
    assert bind(moment) == "0999-12-31 23:59:59.000000"


@pytest.fixture
def desk(cli: Run) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0


def _exported(cli: Run, *flags: str) -> int:
    r = cli("audit", "export", "--format", "jsonl", *flags)
    assert r.code == 0, r.err
    header = json.loads(r.out.splitlines()[0])
    return int(header["export"]["count"])


def test_audit_export_since_and_until_a_year_before_1000(cli: Run, desk: None) -> None:
    everything = _exported(cli)
    assert everything > 0
    assert _exported(cli, "--since", "0999-01-01") == everything
    assert _exported(cli, "--until", "0999-12-31") == 0


def test_stats_span_from_a_year_before_1000(cli: Run, desk: None) -> None:
    r = cli("stats", "--since", "0999-01-01", "--until", "2100-01-01")
    assert r.code == 0, r.err


def test_claims_updated_since_a_year_before_1000(cli: Run, desk: None) -> None:
    r = cli("claim", "list", "--updated-since", "0999-01-01", "--json")
    assert r.code == 0, r.err
    assert [c["id"] for c in json.loads(r.out)] == [1]
