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
