"""A long list kept on disk instead of in memory: what a command returns, to print after its
transaction, when holding every item would make its memory grow with the input."""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Collection, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Spooled(Collection[T], Generic[T]):
    """Items appended a batch at a time to an anonymous temporary file (gone when this object
    is), read back in the same order, as often as asked."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the finalizer below
        # Closed with this object (no ResourceWarning); the file has no name to remove.
        weakref.finalize(self, self._file.close)
        self._count = 0

    def extend(self, items: Iterable[T]) -> None:
        batch = list(items)
        if not batch:
            return
        self._file.seek(0, 2)
        pickle.dump(batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += len(batch)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        position = 0
        while True:
            # Seek each time: another iteration, or an extend, may have moved the file.
            self._file.seek(position)
            try:
                # Only this object's own pickles are read back: the file is anonymous and
                # private to this process.
                batch: list[T] = pickle.load(self._file)
            except EOFError:
                return
            position = self._file.tell()
            yield from batch

    def __contains__(self, item: object) -> bool:
        return any(x == item for x in self)
