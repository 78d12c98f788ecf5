"""The on-disk list a large import returns its added claims in."""

from __future__ import annotations

import gc
import warnings
from dataclasses import dataclass

from workbench.services.spooled import Spooled


@dataclass(frozen=True, slots=True)
class Item:
    n: int
    text: str
    tags: tuple[str, ...]


def test_items_come_back_equal_and_in_order_as_often_as_asked() -> None:
    spool: Spooled[Item] = Spooled()
    assert len(spool) == 0 and list(spool) == []
    spool.extend(Item(i, f"第{i}句", ("a",) * (i % 3)) for i in range(5))
    spool.extend([])  # an empty batch changes nothing
    spool.extend([Item(5, "last", ())])
    expected = [Item(i, f"第{i}句", ("a",) * (i % 3)) for i in range(5)] + [Item(5, "last", ())]
    assert len(spool) == 6
    assert list(spool) == expected
    assert list(spool) == expected  # read again from the start
    assert Item(5, "last", ()) in spool and Item(6, "x", ()) not in spool


def test_an_extend_between_reads_appends_after_what_was_read() -> None:
    spool: Spooled[int] = Spooled()
    spool.extend([1, 2])
    reading = iter(spool)
    assert next(reading) == 1
    spool.extend([3])
    assert list(reading) == [2, 3]
    assert list(spool) == [1, 2, 3]


def test_its_file_closes_with_it_without_a_warning() -> None:
    spool: Spooled[int] = Spooled()
    spool.extend([1])
    file = spool._file
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        del spool
        gc.collect()
    assert file.closed


class Shared(list[int]):
    __slots__ = ()


def test_an_object_of_a_held_type_is_read_back_as_itself_across_batches() -> None:
    """`held`: the ids on one span, which the claims of every batch share (fix229), are kept,
    not written with each batch again and read back as a copy per batch."""
    shared = Shared([1, 2, 3])
    spool: Spooled[tuple[int, Shared]] = Spooled(held=(Shared,))
    spool.extend([(0, shared), (1, shared)])
    shared.append(4)  # held, not copied: what is read back is the list as it is now
    spool.extend([(2, shared)])
    back = list(spool)
    assert [n for n, _ in back] == [0, 1, 2]
    assert all(s is shared for _, s in back)
    assert next(iter(spool))[1] == [1, 2, 3, 4]
    # Not held: a copy per batch, as before.
    plain: Spooled[tuple[int, Shared]] = Spooled()
    plain.extend([(0, shared)])
    plain.extend([(1, shared)])
    first, second = (s for _, s in plain)
    assert first == second == shared and first is not second
