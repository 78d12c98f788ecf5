"""A value as a message shows it: its repr, clipped to a few hundred characters.

Replay's and verify's messages name the values they found, and those come from events and
files anyone with write access can forge: a claim's tags a list of two million, an id of 50 MB,
a scope line naming 20,000 actors. Whole, one message was as long as the value, and replay keeps
up to 1,000 of them. Clipped, the message keeps the value's start and says how much is left out
(`['t0', 't1', … and 1,999,998 more]`), and costs the same to make whatever the value's size:
only the part shown is ever turned into text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.domain.limits import visible

# Characters of one value a message shows, about (an item started is shown whole, up to this).
SHOWN = 200
# Characters of a value's repr that --json gives whole (a replay difference's `events` and
# `table`); a longer one is given as the text `clip` makes of it. A claim's tags are well under.
KEPT = 4096
# Containers inside containers shown before the rest is `…` (a payload nests 64 at most).
DEPTH_SHOWN = 16


@dataclass(frozen=True, slots=True)
class Clipped:
    """A value too long to give whole, as `shown` gives it: JSON output carries the text."""

    text: str

    def __repr__(self) -> str:
        return self.text


def shown(value: Any, limit: int = SHOWN) -> str:
    """repr(value) if it is at most about `limit` characters; else its start, an ellipsis and
    how much more there is."""
    return _Writer(limit).write(value)


def clip(value: Any, limit: int) -> Any:
    """The value itself if its repr is at most `limit` characters, else it `Clipped`."""
    writer = _Writer(limit)
    text = writer.write(value)
    return Clipped(text) if writer.clipped else value


def shown_text(text: Any, limit: int = SHOWN) -> str:
    """A text as is (not its repr), clipped to `limit` characters, on one line: each control
    or reordering character written as \\uXXXX (domain.limits.visible: a forged action's
    newline would write a line of the forger's into the report, its ESC sequence act on the
    terminal); anything else `shown`."""
    if not isinstance(text, str):
        return shown(text, limit)
    if len(text) <= limit:
        return visible(text, one_line=True)
    return f"{visible(text[:limit], one_line=True)}… and {len(text) - limit:,} more characters"


def shown_items(items: Iterable[Any], sep: str = ", ", limit: int = SHOWN) -> str:
    """Items as text (not reprs; each as `shown_text` writes it) joined by `sep`, as many as
    fit in about `limit` characters, then how many more: `maria,lin,… and 19,998 more`. A
    first item longer than that is clipped itself."""
    out: list[str] = []
    used = left_out = 0
    for item in items:
        if left_out:
            left_out += 1
            continue
        text = str(item)
        if out and used + len(text) > limit:
            left_out = 1
            continue
        text = shown_text(text, limit)
        out.append(text)
        used += len(text) + len(sep)
    if left_out:
        out.append(f"… and {left_out:,} more")
    return sep.join(out)


class _Writer:
    """Writes a value's repr piece by piece until `limit` characters are spent."""

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.clipped = False
        self.out: list[str] = []

    def write(self, value: Any) -> str:
        self._value(value, 0)
        return "".join(self.out)

    def _put(self, text: str) -> None:
        self.out.append(text)
        self.left -= len(text)

    def _value(self, value: Any, depth: int) -> None:
        if isinstance(value, str):
            self._str(value)
        elif isinstance(value, list | tuple | dict | set | frozenset):
            self._container(value, depth)
        else:
            # Numbers, None, a Digest or a Between: their reprs are short, but for a number of
            # thousands of digits, which is clipped like a text.
            text = repr(value)
            if len(text) > max(self.left, 8):
                self.clipped = True
                keep = max(self.left, 8)
                text = f"{text[:keep]}… and {len(text) - keep:,} more digits"
            self._put(text)

    def _str(self, value: str) -> None:
        keep = max(self.left, 8)
        if len(value) <= keep:
            text = repr(value)
            if len(text) <= 4 * keep:  # (escapes lengthen it, by at most four times)
                self._put(text)
                return
        self.clipped = True
        self._put(f"{value[:keep]!r}… and {len(value) - keep:,} more characters")

    def _container(self, value: Any, depth: int) -> None:
        opening, closing = _brackets(value)
        if isinstance(value, set | frozenset) and not value:
            self._put(f"{type(value).__name__}()")
            return
        if depth >= DEPTH_SHOWN:
            self.clipped = True
            self._put(f"{opening}…{closing}")
            return
        self._put(opening)
        mapping = isinstance(value, dict)
        done = 0
        for item in value.items() if mapping else value:
            if done and self.left <= 0:
                break
            if done:
                self._put(", ")
            if mapping:
                self._value(item[0], depth + 1)
                self._put(": ")
                self._value(item[1], depth + 1)
            else:
                self._value(item, depth + 1)
            done += 1
        if done < len(value):
            self.clipped = True
            self._put(f"{', ' if done else ''}… and {len(value) - done:,} more")
        elif isinstance(value, tuple) and done == 1:
            self._put(",")
        self._put(closing)


def _brackets(value: Any) -> tuple[str, str]:
    if isinstance(value, list):
        return "[", "]"
    if isinstance(value, tuple):
        return "(", ")"
    if isinstance(value, frozenset):
        return "frozenset({", "})"
    return "{", "}"
