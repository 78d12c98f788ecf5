"""How a long operation reports how far it got, without knowing who listens (the CLI draws a
bar on a terminal; a library caller passes nothing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

# progress(done, total): total is None when it is not known in advance (a filtered export).
Progress = Callable[[int, int | None], None]

T = TypeVar("T")

# Report once per this many items: often enough for a bar, too rarely to cost anything.
EVERY = 5000
# The same for claims added one at a time and compared with the rest (`extract --accept`):
# each costs milliseconds, not microseconds, so 5,000 would be half a minute between reports.
CLAIMS_EVERY = 50


class Tally:
    """One running count for an operation of several phases (a bundle's tables and then its
    chain check; an import's batches), told to `progress` each time it passes another EVERY
    items and once at `end`. Items are counted as they pass (`counting`) or a batch at a time
    (`add`). The total may be set once it is known (after a count, or a file's first line).
    """

    __slots__ = ("_next", "done", "every", "progress", "total")

    def __init__(
        self, progress: Progress | None, total: int | None = None, *, every: int = EVERY
    ) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        self.every = every
        self._next = every

    def add(self, n: int = 1) -> None:
        self.done += n
        if self.done >= self._next:
            self._passed()

    def counting(self, items: Iterable[T]) -> Iterator[T]:
        """`items` unchanged, each counted once the caller comes back for the next (an item it
        stops at is not counted as done)."""
        for item in items:
            yield item
            del item  # not held while the next is read (an event may carry a whole text)
            # add(1) written out: this runs once per event of a million-event trail.
            self.done += 1
            if self.done >= self._next:
                self._passed()

    def _passed(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)
        self._next = self.done + self.every

    def start(self) -> None:
        """Report the count as it stands (0 at a phase's start: a bar left full by the phase
        before starts again)."""
        if self.progress is not None:
            self.progress(self.done, self.total)

    def end(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


def counted(items: Iterable[T], progress: Progress | None, total: int | None) -> Iterator[T]:
    """`items` unchanged, reporting to `progress` every EVERY items and at the end."""
    if progress is None:
        yield from items
        return
    tally = Tally(progress, total)
    yield from tally.counting(items)
    tally.end()
