"""The timing helper the linear-time tests share (tests/unit/linear_time.py) still tells a
quadratic reading from a linear one now that it times the larger input once a round instead of
three times (it had cost the suite's linear-time tests about twice their time)."""

from __future__ import annotations

import re

from linear_time import linear


def _quadratic(text: str) -> object:
    # `a*b` over a run of a's with no b: each start reads to the end, the form those tests guard
    return re.findall(r"a*b", text)


def _linear(text: str) -> object:
    return sum(ord(c) % 7 for c in text)


def test_a_quadratic_reading_is_not_linear() -> None:
    # 2 x 4 x 1,500 a's: over the 0.1 s under which any reading passes, on an idle machine too
    assert not linear(_quadratic, lambda n: "a" * 2 * n, small=1_500)


def test_a_linear_reading_is_linear() -> None:
    # 4 x 1,500 x 300 characters: over 0.1 s, so the verdict is the ratio's, not the floor's
    assert linear(_linear, lambda n: "a" * 300 * n, small=1_500)
