"""Dates as people type them: ISO 8601, in ASCII or full-width forms."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.clock import parse_date, parse_since
from workbench.domain.errors import InvalidInput


@pytest.mark.parametrize(
    "typed", ["2026-12-10", " 2026-12-10\n", "２０２６-１２-１０", "２０２６－１２－１０"]
)
def test_a_date_in_ascii_or_full_width_forms(typed: str) -> None:
    assert parse_date(typed) == dt.date(2026, 12, 10)


def test_a_date_time_in_full_width_forms() -> None:
    assert parse_since("２０２６-１２-１０Ｔ１０:００:００Ｚ") == dt.datetime(
        2026, 12, 10, 10, tzinfo=dt.UTC
    )
    assert parse_since("２０２６-１２-１０") == dt.datetime(2026, 12, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "typed",
    [
        "2026/12/10",
        "2026/12/10 ",
        "2026.12.10",
        "2026年12月10日",
        "２０２６年１２月１０日",
        "2026年12月10号",  # (号 for 日, as it is said: trial58's 2024年3月1号 was refused)
        "2026-12-10",  # (and 2026-3-10 below: trial48's 2027-2-3 was refused, 2027/2/3 not)
    ],
)
def test_a_year_first_date_as_a_spreadsheet_or_a_chinese_text_writes_it(typed: str) -> None:
    assert parse_date(typed) == dt.date(2026, 12, 10)
    assert parse_date(typed.replace("12", "3").replace("１２", "３")) == dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    "typed",
    [
        "tomorrow",
        "31/01/2025",
        "10/12/2026",  # 10 December or October 12: either way round
        "2026/12-10",  # one separator throughout
        "2026-3-10-1",
        "2026/13/01",
        "2026年2月30日",
        "2026-13-01",
        "二〇二六-12-10",
        "",
    ],
)
def test_what_is_not_a_date_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="not a date"):
        parse_date(typed, "--due")
    with pytest.raises(InvalidInput, match="not a date"):
        parse_since(typed)


def test_the_latest_today_is_at_least_every_time_zones_today() -> None:
    from workbench.domain.clock import latest_today, now

    in_utc = now()
    for hours in range(-12, 15):
        assert (in_utc + dt.timedelta(hours=hours)).date() <= latest_today()
    assert latest_today() - in_utc.date() <= dt.timedelta(days=1)


@pytest.mark.parametrize("typed", ["2026/12/10", "2026.12.10", "2026年12月10日", "2026-12-10"])
def test_since_and_until_read_a_day_in_every_form_a_date_takes(typed: str) -> None:
    from workbench.domain.clock import is_day, until_bound

    assert parse_since(typed) == dt.datetime(2026, 12, 10, tzinfo=dt.UTC)
    assert is_day(typed)
    assert until_bound(typed) == "2026-12-10T23:59:59.999999Z"  # the day to its end
    assert until_bound("2026-12-10T10:00:00Z") == "2026-12-10T10:00:00.000000Z"


def test_a_date_that_has_come_is_today_where_it_is_latest_or_before() -> None:
    from workbench.domain.clock import latest_today, past_date

    today = latest_today()
    assert past_date(today.isoformat()) == today
    assert past_date("2020-01-31", "published date", "published") == dt.date(2020, 1, 31)
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    with pytest.raises(InvalidInput, match=f"^published date {tomorrow} is in the future ") as e:
        past_date(tomorrow, "published date", "published")
    # (what today is by this computer's clock: tests/cli/test_date_refusals_say_today.py)
    assert str(e.value).endswith(f"at most {today} anywhere)")
    assert e.value.hint is not None and e.value.hint.facts == {"field": "published"}
    with pytest.raises(InvalidInput, match="is not a date"):
        past_date("31/01/2020")


def test_a_date_long_past_is_taken_for_a_typo() -> None:
    """trial48: `doc add --published 0001-01-01` was published in ClaimReview."""
    from workbench.domain.clock import EARLIEST_ACCESSED, EARLIEST_PAST, past_date

    with pytest.raises(InvalidInput, match=r"^published date 0001-01-01 is not a likely date: "):
        past_date("0001-01-01", "published date", "published")
    assert past_date(EARLIEST_PAST.isoformat()) == EARLIEST_PAST
    with pytest.raises(InvalidInput, match=r"one before 1990-01-01 is taken for a typo$"):
        past_date("1900-01-01", "accessed date", "accessed", EARLIEST_ACCESSED)
