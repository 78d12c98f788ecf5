"""Spans of a text: sorted, disjoint intervals asked "is this position inside?" or "does this
span overlap?" by bisection (`Spans`), the spans already covered while more are added one by
one (`Covered`), asked whether a new span overlaps any of them, in logarithmic time, and
intervals that may overlap each other (`Intervals`), asked which of them overlap a span.

`extract --accept` asks this once per candidate, of the document's claims and of the candidates
accepted so far: asked of a list, it cost time quadratic in the candidates (a 1.5 MB document
of 36,000 sentences took 80 s in the check alone).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable

# (start, end, id): a half-open interval and what it stands for (a claim's span and id)
Interval = tuple[int, int, int]


class Spans:
    """Sorted, disjoint intervals, for asking "is this position inside?" by bisection."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __reduce__(self) -> tuple[Callable[..., Spans], tuple[list[int], list[int]]]:
        # Rebuilt as it is, not merged again (a window's spans may touch): compiled, pickled
        # and copied as the sources are (see `rebuild`).
        return _spans, (self.starts, self.ends)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any interval (an empty one shares
        none, even inside an interval)."""
        if start >= end:
            return False
        i = bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_right(self.ends, start)
        out: list[tuple[int, int]] = []
        while i < len(self.starts) and self.starts[i] < end:
            out.append((self.starts[i], self.ends[i]))
            i += 1
        return out

    def window(self, start: int, end: int) -> Spans:
        """The intervals that overlap [start, end), cut to it, as offsets from `start`: what
        `Spans` makes of them, without sorting and merging them again (cut, they stay sorted
        and apart)."""
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end, i)
        if i >= j or start >= end:
            # Most windows (a sentence without quotations): the one empty instance, not a new
            # one built (and sorted) per window.
            return NO_SPANS
        if j == i + 1:  # most of the others: one interval, cut to the window
            a, b = max(self.starts[i], start) - start, min(self.ends[i], end) - start
            return _spans([a], [b]) if a < b else NO_SPANS
        starts = [a - start for a in self.starts[i:j]]
        ends = [b - start for b in self.ends[i:j]]
        starts[0] = max(starts[0], 0)
        ends[-1] = min(ends[-1], end - start)
        if any(a >= b for a, b in zip(starts, ends, strict=True)):
            # An empty interval kept between others (an empty quotation, “”) is no span.
            kept = [(a, b) for a, b in zip(starts, ends, strict=True) if a < b]
            starts, ends = [a for a, _ in kept], [b for _, b in kept]
        return _spans(starts, ends)


def _spans(starts: list[int], ends: list[int]) -> Spans:
    """Spans of intervals sorted and apart already: not sorted and merged again (built empty,
    then given them: `Spans.__new__` alone, which skipped the empty build, is no constructor a
    compiled class has, see `native`)."""
    out = Spans(())
    out.starts, out.ends = starts, ends
    return out


# No spans: never changed after construction (nothing changes a Spans once built), so one
# serves every window and every unit without quotations.
NO_SPANS = Spans(())


class Covered:
    """Spans (start, end), half-open: the claims of a document (which may overlap each other:
    `Spans` merges them) and spans added one by one (`add`)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        # An empty span covers no character (`Spans` keeps one as a point, for quotations).
        self._fixed = Spans((start, end) for start, end in spans if start < end)
        # spans added: kept apart from each other (only a span that overlaps nothing is
        # added), so a neighbour on each side is all there is to look at
        self._added: list[tuple[int, int]] = []

    def __reduce__(
        self,
    ) -> tuple[Callable[..., Covered], tuple[Spans, list[tuple[int, int]]]]:
        return _covered, (self._fixed, self._added)  # see `Spans.__reduce__`

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any span (an empty one shares none)."""
        if start >= end:
            return False
        if self._fixed.overlaps(start, end):
            return True
        i = bisect_right(self._added, (start, end))
        if i and self._added[i - 1][1] > start:
            return True
        return i < len(self._added) and self._added[i][0] < end

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none added before (see `overlaps`). An empty one covers
        nothing, and kept it would sit inside another and hide it from the bisection."""
        if start < end:
            insort(self._added, (start, end))


def _covered(fixed: Spans, added: list[tuple[int, int]]) -> Covered:
    """A `Covered` as it was (`Covered.__reduce__`)."""
    out = Covered(())
    out._fixed, out._added = fixed, list(added)
    return out


class Intervals:
    """Intervals (start, end, id) that may overlap and nest, asked which of them overlap a span:
    each one, however far back it starts (a claim over a whole article, then hundreds of short
    ones inside it).

    The intervals sorted by start are the leaves of a tree whose every node holds the greatest
    end below it. Those that start before a span's end are a prefix of the leaves; of these, a
    subtree whose greatest end does not pass the span's start holds none that overlaps and is
    not entered. A query costs the depth of the tree for each interval found (and one path when
    none is), where walking back over the prefix would cost every interval before the span.
    """

    __slots__ = ("_size", "_starts", "_tree", "depth", "rows", "visited")

    def __init__(self, rows: Iterable[Interval]) -> None:
        self.rows: list[Interval] = sorted(rows)
        self._starts = [start for start, _, _ in self.rows]
        self.depth = max(len(self.rows) - 1, 0).bit_length()
        self._size = 1 << self.depth
        # Node n's children are 2n and 2n + 1; the leaves start at _size. An empty leaf's -1
        # passes no start (positions count from 0).
        tree = [-1] * (2 * self._size)
        for k, (_, end, _) in enumerate(self.rows):
            tree[self._size + k] = end
        for node in range(self._size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._tree = tree
        # Nodes the last query looked at: what it cost, for the tests (no clock involved).
        self.visited = 0

    def __reduce__(self) -> tuple[Callable[..., Intervals], tuple[list[Interval]]]:
        return Intervals, (self.rows,)  # see `Spans.__reduce__`; the tree is built again

    def overlapping(self, start: int, end: int) -> list[Interval]:
        """Every interval that shares a position with [start, end), by start (then end, id)."""
        before = bisect_left(self._starts, end)  # the intervals that start before `end`
        tree = self._tree
        found: list[Interval] = []
        stack = [(1, 0, self._size)]  # node, and the leaves [low, high) below it
        self.visited = 0
        while stack:
            node, low, high = stack.pop()
            self.visited += 1
            if low >= before or tree[node] <= start:
                continue
            if high - low == 1:
                found.append(self.rows[low])
                continue
            middle = (low + high) // 2
            # The right half first onto the stack, so the left (earlier starts) comes out first.
            stack.append((2 * node + 1, middle, high))
            stack.append((2 * node, low, middle))
        return found
