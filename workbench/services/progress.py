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


def counted(
    items: Iterable[T],
    progress: Progress | None,
    total: int | None,
    *,
    weigh: Callable[[T], int] | None = None,
) -> Iterator[T]:
    """`items` unchanged, reporting to `progress` how many are done: every EVERY items, and at
    the end (an item is done when the caller asks for the next one). With `weigh`, an item is
    worth `weigh(item)` (a batch: its rows), and each one done is reported."""
    if progress is None:
        yield from items
        return
    done = 0
    told: int | None = None
    for item in items:
        yield item
        done += 1 if weigh is None else weigh(item)
        if weigh is not None or done % EVERY == 0:
            progress(done, total)
            told = done
    if told != done:
        progress(done, total)
