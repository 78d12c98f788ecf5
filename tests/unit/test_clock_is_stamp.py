"""rrbundle: `clock.is_stamp`, which `audit verify` asks of every event's `at` (odd_stamps):
true of every moment `format_at` writes, false of any other text, a form that only looks like
one (a day no month has, an hour 24, a leap second) included."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.clock import format_at, is_stamp


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC),
        dt.datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=dt.UTC),
        dt.datetime(2026, 1, 31, tzinfo=dt.UTC),
        dt.datetime(2026, 4, 30, tzinfo=dt.UTC),
        dt.datetime(1, 1, 1, tzinfo=dt.UTC),
        dt.datetime(999, 12, 31, 12, tzinfo=dt.UTC),
        dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC),
    ],
)
def test_every_moment_format_at_writes_is_a_stamp(moment: dt.datetime) -> None:
    assert is_stamp(format_at(moment))


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-06 10:00:00.000000Z",
        "2026-12-06T10:00:00.000000+00:00",
        "2026-12-06T10:00:00",
        "2026-12-06T10:00:00.000Z",
        "2026-12-06T10:00:00.000000z",
        "2026-12-06T10:00:00.000000Z ",
        "2026-12-06T10:00:00.000000Z\n",
        "２０２６-12-06T10:00:00.000000Z",
        "0000-01-01T00:00:00.000000Z",
        "2026-00-10T00:00:00.000000Z",
        "2026-13-01T00:00:00.000000Z",
        "2026-12-00T00:00:00.000000Z",
        "2026-12-32T00:00:00.000000Z",
        "2026-02-29T00:00:00.000000Z",
        "2026-02-30T00:00:00.000000Z",
        "2026-04-31T00:00:00.000000Z",
        "2100-02-29T00:00:00.000000Z",
        "2026-12-06T24:00:00.000000Z",
        "2026-12-06T23:60:00.000000Z",
        "2026-12-31T23:59:60.000000Z",
        "",
    ],
)
def test_any_other_text_is_not(text: str) -> None:
    assert not is_stamp(text)
