"""The elements of a JSON array read one at a time from a text stream, in bounded memory.

The standard library parses a JSON document whole; a 100,000-row claims file parsed whole is
several times its size in Python objects. Here `json.JSONDecoder.raw_decode` parses one element
at a time out of a buffer filled a chunk at a time, and the buffer never holds more than one
element (and one chunk) of text: an element larger than the limit is refused, not buffered.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from workbench.domain.errors import InvalidInput
from workbench.domain.unique_keys import RepeatedKey, unique_object, value_refused

# Characters read from the stream at a time.
CHUNK = 1 << 16
_DECODER = json.JSONDecoder(object_pairs_hook=unique_object)
_SPACE = " \t\n\r"


class NotAnArray(InvalidInput):
    """The text is not a JSON array at all (the message says what it starts with)."""


class _Buffer:
    """The unparsed text, where it starts in the stream (for line and column in messages)."""

    def __init__(self, read: Callable[[int], str]) -> None:
        self._read = read
        self.text = ""
        self.pos = 0
        self.ended = False
        # Line and column (from 1) of text[0] in the whole stream.
        self._line = 1
        self._column = 1

    def more(self) -> bool:
        """Append a chunk, dropping the text already parsed; False at the end of the stream."""
        if self.ended:
            return False
        chunk = self._read(CHUNK)
        if not chunk:
            self.ended = True
            return False
        done = self.text[: self.pos]
        lines = done.count("\n")
        if lines:
            self._line += lines
            self._column = self.pos - done.rindex("\n")
        else:
            self._column += self.pos
        self.text = self.text[self.pos :] + chunk
        self.pos = 0
        return True

    def skip_space(self) -> str:
        """The next character that is not white space ("" at the end of the stream)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in _SPACE:
                pos += 1
            self.pos = pos
            if pos < len(text):
                return text[pos]
            if not self.more():
                return ""

    def where(self, pos: int) -> str:
        """'line L column C' of the buffer's position `pos` in the whole stream."""
        before = self.text[:pos]
        lines = before.count("\n")
        if lines:
            return f"line {self._line + lines} column {pos - before.rindex(chr(10))}"
        return f"line {self._line} column {self._column + pos}"

    def unread(self) -> int:
        return len(self.text) - self.pos


def iter_array(read: Callable[[int], str], limit: int) -> Iterator[Any]:
    """Each element of the JSON array that `read(n)` returns the text of, in order.

    InvalidInput (saying where) when the text is not one JSON array: another value, an element
    that does not parse, an array that ends early or never ends, anything but white space
    after it. An element of over `limit` characters is refused before it is all read.
    """
    buf = _Buffer(read)
    first = buf.skip_space()
    if first != "[":
        raise NotAnArray("it is empty" if not first else f"it starts with {first!r}")
    buf.pos += 1
    number = 0
    comma = False  # a ',' was the last thing read: an element must follow
    while True:
        nxt = buf.skip_space()
        if not nxt:
            raise _truncated(buf, None)
        if nxt == "]":
            if comma:
                raise _syntax(buf, None, "a ',' before the closing ']' (no element after it)")
            buf.pos += 1
            break
        if number and not comma:
            if nxt != ",":
                raise _syntax(buf, number + 1, "expected ',' or ']' after an element")
            buf.pos += 1
            comma = True
            continue
        number += 1
        comma = False
        yield _element(buf, number, limit)
    if buf.skip_space():
        raise _syntax(buf, None, "more text after the array's closing ']'")


def _truncated(buf: _Buffer, number: int | None) -> InvalidInput:
    """The text ends inside the array (`number` None) or inside its element `number`: a file
    cut short, said as the JSON it is not, with where it ends."""
    row = f"row {number}: " if number is not None else ""
    inside = "inside this element" if number is not None else "without the array's closing ']'"
    return InvalidInput(
        f"{row}not valid JSON: the text ends at {buf.where(len(buf.text))} {inside} "
        "(a truncated file?)"
    )


def row_not_json(number: int, exc: RecursionError | ValueError) -> InvalidInput:
    """How a claims file's row `number` that json will not read (nested too deeply, a key
    given twice, another error json raises) is refused, the same in a JSON array (read here)
    and in JSON Lines (workbench.exports.claims_table.read_jsonl). A syntax error reaches here
    from JSON Lines only (the array reader says its own, where it is in the stream): a row
    there starts its line, and json counted the position from that line alone ("line 1"; a
    line 2 is past its newline, where a row cut short ends)."""
    if isinstance(exc, RecursionError):
        return InvalidInput(f"row {number}: nested too deeply")
    if isinstance(exc, RepeatedKey):
        return InvalidInput(f"row {number}: {exc}")
    if isinstance(exc, json.JSONDecodeError):
        return _not_json_at(number, exc.msg, f"line {number + exc.lineno - 1} column {exc.colno}")
    return InvalidInput(f"row {number}: not valid JSON: {value_refused(exc)}")


def _not_json_at(number: int | None, msg: str, at: str) -> InvalidInput:
    """A syntax error json raised (`msg`, its words) at `at` ('line L column C' of the file),
    in row `number` or (None) outside any."""
    row = f"row {number}: " if number is not None else ""
    return InvalidInput(f"{row}not valid JSON: {msg[0].lower()}{msg[1:]} ({at})")


# A parse that fails this close to the end of the text read so far may only need more text:
# a number, a literal or a \u escape cut by the chunk's edge.
_NEAR_END = 8


def _element(buf: _Buffer, number: int, limit: int) -> Any:
    """The next element, reading more text until it parses, the stream ends or the limit."""
    while True:
        start = buf.pos
        try:
            value, end = _DECODER.raw_decode(buf.text, start)
        except json.JSONDecodeError as exc:
            cut_short = exc.msg.startswith("Unterminated string") or (
                exc.msg.startswith("Invalid \\uXXXX") and exc.pos + 6 > len(buf.text)
            )
            if buf.ended:
                if cut_short or exc.pos >= len(buf.text.rstrip()):
                    raise _truncated(buf, number) from None
                raise _syntax(buf, number, exc.msg, exc.pos) from None
            if not cut_short and exc.pos < len(buf.text) - _NEAR_END:
                raise _syntax(buf, number, exc.msg, exc.pos) from None
        except (RecursionError, ValueError) as exc:
            # Not a syntax error but a value json refuses (an integer over Python's 4,300
            # digits, a key given twice) or nesting too deep: more text cannot mend it.
            raise row_not_json(number, exc) from None
        else:
            # A bare number that reaches the end of the text read so far may go on ("1" of
            # "1.5e3") in the next chunk; anything else ends where it parsed.
            number_value = isinstance(value, int | float) and not isinstance(value, bool)
            if buf.ended or not number_value or len(buf.text) - end >= _NEAR_END:
                if end - start > limit:
                    raise _too_large(number, limit)
                buf.pos = end
                return value
        if buf.unread() > limit:
            raise _too_large(number, limit)
        buf.more()


def _too_large(number: int, limit: int) -> InvalidInput:
    return InvalidInput(f"row {number}: the element is over {limit:,} characters")


def _syntax(buf: _Buffer, number: int | None, msg: str, pos: int | None = None) -> InvalidInput:
    return _not_json_at(number, msg, buf.where(buf.pos if pos is None else pos))
