"""JSON written a piece at a time, the same bytes `json.dumps(..., indent=2)` gives: for the
exports whose list grows with the desk (a year's annotations or reviews), so that one item is
encoded and held at a time, never the list or its text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any


def list_pieces(items: Iterable[Any], level: int, encode: Callable[[Any], str]) -> Iterator[str]:
    """The text of a JSON list at nesting `level` (0: the document itself), as
    `json.dumps(indent=2)` writes it there, one piece per item: `encode` is the item's own
    `json.dumps(indent=2)`. Its lines are indented by the list's depth: a newline in encoded
    JSON is always layout (one inside a string is written `\\n`), so each is indented as is."""
    pad = "\n" + "  " * (level + 1)
    first = True
    for item in items:
        yield ("[" if first else ",") + pad + encode(item).replace("\n", pad)
        first = False
    # An empty list is written `[]`, as json.dumps writes it.
    yield "[]" if first else "\n" + "  " * level + "]"
