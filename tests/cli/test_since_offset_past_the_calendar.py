"""A date-time with an offset that moves it past the calendar's ends once read in UTC
(9999-12-31T23:59:59-05:00 is in the year 10000 there, 0001-01-01T00:00:00+05:00 in the year
0) crashed every option that reads one with a traceback (OverflowError from astimezone):
`audit export --since/--until`, `stats --since/--until`, `export claimreview --since` and
`claim list --updated-since/--untouched-since`. Each is bad usage, said in one line (exit 2),
naming the value and what is wrong with it, not calling it "not a date-time"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., Any]

LATE = "9999-12-31T23:59:59-05:00"
EARLY = "0001-01-01T00:00:00+05:00"


@pytest.mark.parametrize("value", [LATE, EARLY])
@pytest.mark.parametrize(
    "args",
    [
        ("audit", "export", "-o", "-", "--since"),
        ("audit", "export", "-o", "-", "--since", "2026-01-01", "--until"),
        ("stats", "--since"),
        ("export", "claimreview", "--since"),
        ("claim", "list", "--updated-since"),
        ("claim", "list", "--untouched-since"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else a,
)
def test_an_offset_past_the_calendar_is_bad_usage(
    cli: Run, args: tuple[str, ...], value: str
) -> None:
    r = cli(*args, value)
    assert r.code == 2, (r.code, r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert repr(value) in lines[0]
    assert "years 1 to 9999" in lines[0]
    assert "Traceback" not in r.err
