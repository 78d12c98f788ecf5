"""Whether reading a text costs time linear in its length, for the tests that guard against a
pattern that tries a long run every way (hostile input must never hang a command)."""

from __future__ import annotations

import time
from collections.abc import Callable

ROUNDS = 5


def seconds(read: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    read(text)
    return time.perf_counter() - start


def linear(read: Callable[[str], object], make: Callable[[int], str], small: int = 2_500) -> bool:
    """Whether `read(make(n))` costs time linear in n, not quadratic: four times the input
    must not cost ten times the time (linear is four, quadratic sixteen; the margin is for
    the noise of runs of a few milliseconds). Judged against the same code on a quarter of the
    input in the same run, not against a clock: a loaded machine slows both alike. Under
    0.1 s for the larger input is linear enough (the quadratic forms this guards against took
    seconds at twice its size).

    The quarter is timed three times a round and the whole once, the whole between the
    quarters, so a burst of load falls on both; a verdict of "not linear" is measured again up
    to ROUNDS - 1 times, keeping each size's best time over the rounds (a quadratic reading
    fails every time; a CI machine's noise once failed a linear one). Why the whole only once
    a round: a slow quarter is what could pass a quadratic reading, so it gets the best of
    three at once; a slow whole can only fail a linear one, which the next round measures
    again. Timing the whole three times a round as well cost twice the time, and was no
    stricter: one time of the whole is never below the best of three, and the best times only
    fall round by round."""
    quarter_text, whole_text = make(small), make(4 * small)
    quarter = whole = float("inf")
    # Up to five rounds: a linear reading passes in the first almost always, so more rounds
    # cost only where a verdict is in doubt (session 54: with the load average at 5.6 on two
    # cores, a reading measured linear at 0.025 s / 0.072 s idle failed three rounds running).
    for _ in range(ROUNDS):
        quarter = min(quarter, seconds(read, quarter_text))
        whole = min(whole, seconds(read, whole_text))
        quarter = min(quarter, seconds(read, quarter_text), seconds(read, quarter_text))
        if whole < 0.1 or whole < 10 * quarter:
            return True
    return False
