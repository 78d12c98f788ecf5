"""A page's earlier readings read before the write transaction that may need them, not in it.

Each earlier reading of a page is another extraction (0.6-0.9 s of a 120,000-character one),
needed only when the page's text as read now is not the one stored (fix292); asked first inside
the write, SQLite's write lock was held for it (review299). So `doc add` and `doc update` ask in
a read first and read them then. The write asks again on what it reads itself, and decides on
that alone: another writer may store a text between the two (rr306, tests/services/
test_page_update_interleaved_rr306.py). Read here, the readings are remembered for the write; a
text stored in between that makes them needed where the read said not has the write read them
itself (the lock held then, in that race only), never decide on the read's answer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from workbench.domain.errors import WorkbenchError
from workbench.services.context import Tx, Workbench, transaction

if TYPE_CHECKING:
    from workbench.services.sources import Content


def read_readings_first(
    wb: Workbench,
    contents: Iterable[Content],
    held: Callable[[Tx, Content], bool],
    *,
    unread_needs: bool,
) -> None:
    """The earlier readings of each page among `contents` whose text as read now the desk does
    not hold (`held`), read now, outside any write. `unread_needs`: whether they are needed
    when the desk cannot be read (doc add: no desk yet, so nothing is stored; doc update: no
    desk or no such document, which its write refuses in its own words)."""
    pages = [c for c in contents if c.format == "html"]
    if not pages:
        return  # a file's earlier readings are no extraction: nothing worth a read
    try:
        with transaction(wb) as tx:
            needed = [c for c in pages if not held(tx, c)]
    except WorkbenchError:
        needed = pages if unread_needs else []
    for content in needed:
        content.readings()  # read now, remembered for the write
