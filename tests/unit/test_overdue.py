"""When a claim is overdue: due before today (in UTC) and still open, the one rule `claim due`
warns by and `claim list --overdue` and `stats` filter by (their SQL is checked against it in
tests/services/test_queries.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.clock import now, today
from workbench.domain.desk import is_overdue
from workbench.domain.status import Status

DAY = dt.date(2026, 12, 2)
YESTERDAY, TOMORROW = DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1)


@pytest.mark.parametrize("status", ["unverified", "in_progress", "in_review"])
def test_an_open_claim_is_overdue_only_once_its_day_has_passed(status: str) -> None:
    assert is_overdue(YESTERDAY, status, DAY)
    assert not is_overdue(DAY, status, DAY)  # due today: still on time
    assert not is_overdue(TOMORROW, status, DAY)
    assert not is_overdue(None, status, DAY)


@pytest.mark.parametrize("status", ["verified", "false", "misleading", "unverifiable", "opinion"])
def test_a_claim_with_a_verdict_is_never_overdue(status: str) -> None:
    assert not is_overdue(YESTERDAY, status, DAY)
    assert not is_overdue(dt.date(2000, 1, 1), Status(status), DAY)


def test_today_is_the_date_in_utc() -> None:
    before = now().date()
    assert before <= today() <= now().date()
