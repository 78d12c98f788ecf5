"""A date typed with a Chinese input method is read in ASCII, and only that: the date options
folded by NFKC, which also reads superscripts and circled digits as digits (2026-1²-10 was
2026-12-10, 2026/12/① was 2026-12-01), where an id or a number typed so is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.clock import parse_date, parse_since
from workbench.domain.errors import InvalidInput


def test_full_width_dates_are_still_read() -> None:
    assert parse_date("２０２６－１２－１０") == dt.date(2026, 12, 10)
    assert parse_date("２０２６年１２月３日\u3000") == dt.date(2026, 12, 3)
    assert parse_since("２０２６－１２－１０Ｔ０８：３０") == dt.datetime(
        2026, 12, 10, 8, 30, tzinfo=dt.UTC
    )


@pytest.mark.parametrize("typed", ["2026-1²-10", "2026/12/①", "２０２６－１２－⑩"])
def test_a_superscript_or_circled_digit_was_read_as_a_digit(typed: str) -> None:
    """NFKC made them digits: a typo became another day, silently."""
    with pytest.raises(InvalidInput):
        parse_date(typed)
