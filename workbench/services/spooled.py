"""A long list kept on disk instead of in memory: what a command returns, to print after its
transaction, when holding every item would make its memory grow with the input."""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Collection, Iterable, Iterator
from typing import IO, Any, Generic, TypeVar

T = TypeVar("T")


class _Pickler(pickle.Pickler):
    """Writes each object of the `held` types as a reference into `kept`, where it stays."""

    def __init__(self, file: IO[bytes], held: tuple[type, ...], kept: dict[int, Any]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._held = held
        self._kept = kept

    def persistent_id(self, obj: Any) -> int | None:
        if isinstance(obj, self._held):
            self._kept[id(obj)] = obj  # kept: its id stays its own while the file is read
            return id(obj)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: IO[bytes], kept: dict[int, Any]) -> None:
        super().__init__(file)
        self._kept = kept

    def persistent_load(self, pid: Any) -> Any:
        return self._kept[pid]


class Spooled(Collection[T], Generic[T]):
    """Items appended a batch at a time to an anonymous temporary file (gone when this object
    is), read back in the same order, as often as asked.

    Objects of the `held` types are kept in memory instead, each written as a reference and
    read back as itself: one the items of many batches share (the ids on one span, which every
    claim on it sees the start of: `span_twins.SpanClaims`) is then held once, where pickling
    it with each batch wrote it again, and read it back as a copy, per batch."""

    def __init__(self, *, held: tuple[type, ...] = ()) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the finalizer below
        # Closed with this object (no ResourceWarning); the file has no name to remove.
        weakref.finalize(self, self._file.close)
        self._count = 0
        self._held = held
        self._kept: dict[int, Any] = {}

    def extend(self, items: Iterable[T]) -> None:
        batch = list(items)
        if not batch:
            return
        self._file.seek(0, 2)
        if self._held:
            _Pickler(self._file, self._held, self._kept).dump(batch)
        else:
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
                batch: list[T] = _Unpickler(self._file, self._kept).load()
            except EOFError:
                return
            position = self._file.tell()
            yield from batch

    def __contains__(self, item: object) -> bool:
        return any(x == item for x in self)
