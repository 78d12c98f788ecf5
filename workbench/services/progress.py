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


def counted(items: Iterable[T], progress: Progress | None, total: int | None) -> Iterator[T]:
    """`items` unchanged, reporting to `progress` every EVERY items and at the end."""
    if progress is None:
        yield from items
        return
    done = 0
    for item in items:
        yield item
        done += 1
        if done % EVERY == 0:
            progress(done, total)
    progress(done, total)
