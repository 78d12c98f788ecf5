"""Every mutation, run through its guard scenario, leaves a trail that replays to the tables and
verifies: a new @mutation gets both checks by having its guard scenario."""

from __future__ import annotations

import pytest
from test_guard import SCENARIOS

from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.verify import verify_database


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_mutation_replays_and_verifies(name: str, wb: Workbench) -> None:
    setup, _ = SCENARIOS[name]
    setup(wb)()
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]
    assert verify_database(wb).ok
