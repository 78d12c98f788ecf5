"""The best few of a stream, kept where they stand: `extract --limit N` lists the N
highest-scoring candidates in document order."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TypeVar

T = TypeVar("T")


def best_in_order(items: Iterable[T], n: int | None, score: Callable[[T], float]) -> list[T]:
    """The `n` items of highest `score` (of equal scores, the earlier), in their original
    order; every item when `n` is None. A heap of `n`, not a sort of everything: memory is
    bounded by `n` however many items stream by."""
    if n is None:
        return list(items)
    best = heapq.nlargest(n, enumerate(items), key=lambda pair: (score(pair[1]), -pair[0]))
    return [item for _, item in sorted(best, key=itemgetter(0))]
