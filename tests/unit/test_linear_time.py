"""The timing helper the linear-time tests share (tests/unit/linear_time.py) still tells a
quadratic reading from a linear one now that it times the larger input once a round instead of
three times (it had cost the suite's linear-time tests about twice their time).

The readings sleep for a time set by the text's length rather than compute, so that the
verdict does not depend on how fast the machine is: a quadratic regex over 12,000 characters
took over 0.1 s on the loaded machine the test was written on, and under it on an idle one,
where the helper then called it linear enough and the test failed."""

from __future__ import annotations

import time

from linear_time import linear

SMALL = 1_500
WHOLE = 4 * SMALL


def _quadratic(text: str) -> object:
    # 0.04 s for the quarter, 0.64 s for the whole: sixteen times, over the 0.1 s floor
    time.sleep(0.64 * (len(text) / WHOLE) ** 2)
    return None


def _linear(text: str) -> object:
    # 0.05 s for the quarter, 0.2 s for the whole: four times, over the 0.1 s floor
    time.sleep(0.2 * len(text) / WHOLE)
    return None


def test_a_quadratic_reading_is_not_linear() -> None:
    assert not linear(_quadratic, lambda n: "a" * n, small=SMALL)


def test_a_linear_reading_is_linear() -> None:
    assert linear(_linear, lambda n: "a" * n, small=SMALL)
