"""`best_in_order`: the N highest-scoring items of a stream, listed where they stand."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.best import best_in_order


def score(item: tuple[str, float]) -> float:
    return item[1]


def test_the_best_n_in_their_order_not_the_first_n() -> None:
    items = [("a", 0.81), ("b", 0.99), ("c", 1.0), ("d", 0.5)]
    assert best_in_order(items, 2, score) == [("b", 0.99), ("c", 1.0)]
    assert best_in_order(items, 0, score) == []
    assert best_in_order(items, None, score) == items
    assert best_in_order(items, 10, score) == items


def test_of_equal_scores_the_earlier_wins() -> None:
    items = [("a", 0.7), ("b", 0.9), ("c", 0.7), ("d", 0.7)]
    assert best_in_order(items, 2, score) == [("a", 0.7), ("b", 0.9)]


def test_a_stream_is_read_once() -> None:
    def stream() -> Iterator[tuple[str, float]]:
        yield from [("a", 0.2), ("b", 0.6), ("c", 0.4)]

    assert best_in_order(stream(), 2, score) == [("b", 0.6), ("c", 0.4)]


@given(
    scores=st.lists(st.sampled_from([0.5, 0.6, 0.7, 1.0]), max_size=30),
    n=st.integers(min_value=0, max_value=35),
)
def test_same_as_sorting_everything(scores: list[float], n: int) -> None:
    items = list(enumerate(scores))
    ranked = sorted(items, key=lambda p: (-p[1], p[0]))[:n]
    assert best_in_order(items, n, lambda p: p[1]) == sorted(ranked)
