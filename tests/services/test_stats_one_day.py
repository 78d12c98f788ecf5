"""stats judges every claim's due date by one day: midnight (UTC) passing while it reads must
not count the overdue on one day and list them on the next (review274)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from workbench.services import queries, workflow
from workbench.services.context import Workbench
from workbench.services.queries import stats
from workbench.services.workflow import set_due


def test_overdue_counted_and_listed_on_the_same_day(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = dt.date(2030, 6, 15)
    monkeypatch.setattr(workflow, "today", lambda: day)
    late, due_today = document_with_claims("第一句。第二句。", ["第一句", "第二句"]).claims
    set_due(wb, [late], (day - dt.timedelta(days=1)).isoformat())
    set_due(wb, [due_today], day.isoformat())

    # The first time stats asks the date it is the 15th; every later time, the 16th (when
    # the claim due on the 15th is overdue too).
    days: Iterator[dt.date] = iter([day])
    monkeypatch.setattr(queries, "today", lambda: next(days, day + dt.timedelta(days=1)))
    board = stats(wb).to_json()

    listed = [c["id"] for c in board["overdue"]]
    assert board["overdue_total"] == len(listed)  # not "2 of 1"


def test_a_page_of_the_overdue_and_its_total_on_the_same_day(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """claim list --overdue reads its page and its total by two statements: pinned() holds
    --untouched-since and --updated-since to one moment for both, and the overdue's day must be
    held too."""
    from workbench.services.queries import ClaimFilter, claims_page

    day = dt.date(2030, 6, 15)
    monkeypatch.setattr(workflow, "today", lambda: day)
    late, due_today = document_with_claims("第一句。第二句。", ["第一句", "第二句"]).claims
    set_due(wb, [late], (day - dt.timedelta(days=1)).isoformat())
    set_due(wb, [due_today], day.isoformat())

    days: Iterator[dt.date] = iter([day])
    monkeypatch.setattr(queries, "today", lambda: next(days, day + dt.timedelta(days=1)))
    shown, total = claims_page(wb, ClaimFilter(overdue=True, sort="due", limit=10))

    assert total == len(shown)  # not "1 of 2"
