"""A page's headline as the event storing its text records it (fix292), and as replay holds a
recorded one to: one rule for both, so that the workbench never writes one its own replay calls
forged (rr306: cut at MAX_TITLE before NFC, which lengthens some text, one was recorded longer
than replay allowed)."""

from __future__ import annotations

from typing import Any

from workbench.domain.canonical_order import composed
from workbench.domain.limits import MAX_TITLE, has_visible
from workbench.domain.text import printable_line


def recorded_headline(value: str) -> str | None:
    """`value` as a headline is recorded: NFC, one printable line (control and bidi characters
    left out), of at most MAX_TITLE characters (a longer one cut, with an ellipsis, as a
    page's title is); None when nothing visible is left. NFC after leaving those out (one
    between a letter and its accent kept them apart; finalA) and before the cut (NFC can
    lengthen a text: U+0958 is two code points in NFC)."""
    line = composed(printable_line(value))
    if not has_visible(line):
        return None
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1].rstrip() + "…"


def is_recorded_headline(value: Any) -> bool:
    """Whether `value` is a headline as the workbench records one (replay's check)."""
    return isinstance(value, str) and recorded_headline(value) == value
