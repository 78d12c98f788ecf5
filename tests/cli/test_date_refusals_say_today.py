"""Date refusals judged against today say what today is by this computer's clock (trial99,
proposal 7).

On a laptop whose clock had fallen back to 2001-01-01, `evidence add --accessed 2026-12-01`
and `doc add --published 2026-12-01` were refused with "date 2026-12-01 is in the future", and
`claim list --untouched-since 2026-12-01` with "is more than a day ahead": true by that clock,
but with no clue that the clock was what was wrong. Now each says the date this computer's
clock gives (in UTC, and at the latest anywhere, the bound a date typed is held to).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.domain.errors import InvalidInput

Run = Callable[..., Any]


@pytest.fixture
def set_clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """This computer's clock (workbench.domain.clock.now) stopped at a moment, in UTC."""
    import workbench.domain.clock as clock

    def at(moment: str) -> None:
        fixed = dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC)
        monkeypatch.setattr(clock, "now", lambda: fixed)

    return at


def test_in_the_future_says_today_by_this_clock(set_clock: Callable[[str], None]) -> None:
    from workbench.domain.clock import past_date

    set_clock("2001-01-01T12:00:00")  # 2001-01-02 at 02:00 in Kiribati
    with pytest.raises(InvalidInput) as refused:
        past_date("2026-12-01", "accessed date")
    assert str(refused.value) == (
        "accessed date 2026-12-01 is in the future (today is 2001-01-01 in UTC by this computer's "
        "clock, at most 2001-01-02 anywhere)"
    )
    set_clock("2001-01-01T05:00:00")  # the same day everywhere east of UTC
    with pytest.raises(InvalidInput) as refused:
        past_date("2026-12-01")
    assert str(refused.value) == (
        "date 2026-12-01 is in the future (today is 2001-01-01 in UTC by this computer's clock, at "
        "most 2001-01-01 anywhere)"
    )


def test_more_than_a_day_ahead_says_this_clock(set_clock: Callable[[str], None]) -> None:
    from workbench.domain.clock import parse_since_or_days

    set_clock("2001-01-01T12:00:00")
    with pytest.raises(InvalidInput) as refused:
        parse_since_or_days("2026-12-01")
    assert str(refused.value).startswith(
        "'2026-12-01' is more than a day ahead of this computer's clock (2001-01-01T12:00Z): "
        "every claim is untouched since then"
    )


def test_the_cli_says_today_by_this_clock(
    cli: Run, set_clock: Callable[[str], None], tmp_path: Path
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。\n", encoding="utf-8")
    ok(cli("doc", "add", str(text)))
    ok(cli("claim", "add", "1", "--text", "营收增长30%", "--quote", "营收增长30%"))
    set_clock("2001-01-01T12:00:00")
    today = "(today is 2001-01-01 in UTC by this computer's clock, at most 2001-01-02 anywhere)"
    args = ["evidence", "add", "1", "--url", "https://a.example", "--stance", "context"]
    refused = cli(*args, "--accessed", "2026-12-01")
    assert refused.code == 2
    assert f"date 2026-12-01 is in the future {today}" in refused.err
    refused = cli("doc", "edit", "1", "--published", "2026-12-01")
    assert refused.code == 2
    assert f"date 2026-12-01 is in the future {today}" in refused.err
    refused = cli("claim", "list", "--untouched-since", "2026-12-01")
    assert refused.code == 2
    assert "more than a day ahead of this computer's clock (2001-01-01T12:00Z)" in refused.err
