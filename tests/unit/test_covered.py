from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.covered import Covered, Intervals, Spans

SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1]))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    # Sharing a character: an empty span [start, start), asked or held, has none to share.
    return start < end and any(s < e and s < end and start < e for s, e in spans)


@given(st.lists(SPAN, max_size=12), st.lists(SPAN, max_size=40))
def test_it_answers_as_a_scan_of_every_span_does(
    fixed: list[tuple[int, int]], asked: list[tuple[int, int]]
) -> None:
    # The claims may overlap each other; a span asked is added when it overlaps nothing, as
    # `extract --accept` does with its candidates.
    covered, seen = Covered(fixed), list(fixed)
    for start, end in asked:
        expected = _overlaps(seen, start, end)
        assert covered.overlaps(start, end) is expected
        if not expected:
            covered.add(start, end)
            seen.append((start, end))


def test_an_empty_span_overlaps_nothing_even_inside_a_span() -> None:
    # Found by hypothesis: [1, 1) between (0, 1) and (1, 2), and [2, 2) inside (0, 5).
    assert not Covered([(0, 1), (1, 2)]).overlaps(1, 1)
    assert not Covered([(0, 5)]).overlaps(2, 2)
    added = Covered([])
    added.add(0, 5)
    assert not added.overlaps(2, 2) and added.overlaps(2, 3)


@given(st.lists(SPAN, max_size=12), SPAN)
def test_a_window_is_the_spans_of_the_cut_intervals(
    spans: list[tuple[int, int]], at: tuple[int, int]
) -> None:
    # What the checkworthy scorer reads of a span: the document's quotations cut to it.
    start, end = at
    whole = Spans(spans)
    cut = [(max(a, start) - start, min(b, end) - start) for a, b in whole.overlapping(start, end)]
    window = whole.window(start, end)
    expected = Spans((a, b) for a, b in cut if a < b)
    assert (window.starts, window.ends) == (expected.starts, expected.ends)


def test_an_empty_interval_inside_a_window_is_no_span() -> None:
    # An empty quotation (“”) between two others: cut to a window, it leaves nothing behind.
    window = Spans([(0, 2), (5, 5), (8, 9)]).window(1, 9)
    assert (window.starts, window.ends) == ([0, 7], [1, 8])
    assert not Spans([(5, 5)]).window(0, 10)


def test_sentences_asked_out_of_order_are_each_added_once() -> None:
    spans = [(i * 10, i * 10 + 8) for i in range(30_000)]
    random.Random(1).shuffle(spans)
    covered = Covered([(5, 6)])
    added = sum(1 for s, e in spans if not covered.overlaps(s, e) and covered.add(s, e) is None)
    assert added == 29_999  # all but the sentence the claim sits in


@given(st.lists(SPAN, max_size=40), st.lists(SPAN, max_size=20))
def test_intervals_find_every_overlap_a_scan_finds(
    spans: list[tuple[int, int]], asked: list[tuple[int, int]]
) -> None:
    rows = [(s, e, n) for n, (s, e) in enumerate(spans)]
    intervals = Intervals(rows)
    for start, end in asked:
        expected = sorted(r for r in rows if r[0] < end and r[1] > start)
        assert intervals.overlapping(start, end) == expected


def test_a_long_interval_far_back_is_found_without_a_scan() -> None:
    """One interval over everything, then 10,000 short ones inside it: a span near the end
    overlaps the long one and no short one, and finding it visits a few nodes per level, not
    the 10,000 intervals that start before the span."""
    rows = [(0, 1_000_000, 0)] + [(i * 10, i * 10 + 5, i + 1) for i in range(10_000)]
    intervals = Intervals(rows)
    assert intervals.overlapping(100_006, 100_009) == [(0, 1_000_000, 0)]
    assert intervals.visited <= 4 * intervals.depth
