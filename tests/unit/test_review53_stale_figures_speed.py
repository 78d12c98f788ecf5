"""review53: the stale-figure warning named each figure "as written" (e0793cf) by trying every
figure start of the claim's text, and for each up to 17 ends, calling the term reader on each
substring, once per figure that went stale: quadratic in the text. It runs inside the write
transaction of `claim status` and `claim approve`, so a paragraph-long claim held SQLite's
writer lock for seconds (240 figures: 51 s). Now one pass over the starts: the term reader is
called a bounded number of times per figure start, whatever the number of stale figures
(counted, not timed: the project times nothing in its tests)."""

from __future__ import annotations

import pytest

from workbench.domain import stale_figures as module
from workbench.domain.stale_figures import stale_figures


def _paragraph(n: int, delta: int) -> str:
    return " ".join(
        f"In {2000 + i % 25} region {i} reported {i * 3 + 7 + delta}.{i % 10} percent growth."
        for i in range(n)
    )


@pytest.mark.parametrize("n", [60, 120, 240])
def test_stale_figures_read_each_start_a_bounded_number_of_times(
    n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged, now = _paragraph(n, 0), _paragraph(n, 1)
    calls = 0
    real = module._figures

    def counted(words: str) -> list[str]:
        nonlocal calls
        calls += 1
        return real(words)

    monkeypatch.setattr(module, "_figures", counted)
    figures = stale_figures(judged, judged, now)
    assert len(figures) > n * 9 // 10 and figures[:2] == ["10.1", "13.2"]
    starts = len(list(module._START.finditer(judged)))
    # three reads of whole texts, then at most one per end tried from each start
    assert calls <= 3 + starts * (module._REACH + 1), (calls, starts)
