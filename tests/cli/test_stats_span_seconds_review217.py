"""trial211 headed `stats --since/--until` with a bound's minute when it is not a whole day's,
cutting its seconds: `--since 2000-01-01T12:00:45Z --until 2000-01-01T12:00:50Z` (five seconds)
was headed "from 2000-01-01 12:00 UTC to 2000-01-01 12:00 UTC", a span of no time, and a
span from 12:00:45 said it counted the 45 seconds before. A bound on a whole minute is still
said to the minute."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def _title(cli: Run, *args: str) -> str:
    ok(cli("doc", "add", "-", input="甲公司估值40亿美元。"))
    out = ok(cli("stats", *args)).out
    return next(line.strip() for line in out.splitlines() if "who did what" in line)


def test_a_bound_within_a_minute_is_said_to_the_second(cli: Run) -> None:
    title = _title(cli, "--since", "2000-01-01T12:00:45Z", "--until", "2000-01-01T12:00:50Z")
    assert title == "who did what from 2000-01-01 12:00:45 UTC to 2000-01-01 12:00:50 UTC: nobody"


def test_a_bound_given_with_an_offset_is_said_in_utc_to_the_second(cli: Run) -> None:
    """Full-width, as a Chinese IME types it, with Beijing's offset."""
    title = _title(cli, "--since", "２０００－０１－０１Ｔ２０：００：３０＋０８：００")
    assert title == "who did what from 2000-01-01 12:00:30 UTC"


def test_a_bound_on_a_whole_minute_is_said_to_the_minute(cli: Run) -> None:
    title = _title(cli, "--since", "2000-01-01T12:00:00Z", "--until", "2000-01-01T13:30Z")
    assert title == "who did what from 2000-01-01 12:00 UTC to 2000-01-01 13:30 UTC: nobody"
