"""rr344: rr340 keeps the occurrences of the quotes a `Matcher` was asked for, for the next rows
of an import, bounded by their count; the count was summed over every quote kept at each quote
asked, and an import of annotations each quoting its own words (the common case) grew with the
square of its rows: 40,000 took 52 s, 26 s before rr340. Counted as kept, not summed."""

from __future__ import annotations

import time

import pytest

from workbench.domain import anchoring
from workbench.domain.anchoring import Matcher


def test_many_distinct_quotes_cost_each_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # Where each quote is, looked up in no time: what is left is the keeping.
    monkeypatch.setattr(anchoring, "occurrence_starts", lambda text, quote: [0])
    monkeypatch.setattr(anchoring, "past_selectors", lambda text, end: end)
    matcher = Matcher("x" * 100)
    began = time.perf_counter()
    for i in range(30_000):
        assert matcher.occurrences(f"quote {i}") == [(0, 0 + len(f"quote {i}"))]
    took = time.perf_counter() - began
    assert took < 1.0, f"{took:.2f} s"
