"""trial252: `workbench audit verify --file - < /dev/zero` never ended: a line over the limit
was read on to its end before it was refused, and a line of /dev/zero (or of any stream that
never sends a newline) has none, so the check spun at full CPU until it was killed. A 2 GB
sparse file was read to its end likewise (4 s, all of it zeros) to refuse its first line. A
line over the limit now ends the check where it is: its rest is read past only when a line after
it is wanted (a moved event looked for further down)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.services.test_verify_file_long_line import LIMIT, full_lines, small_limit, write_bytes
from workbench.services import verify
from workbench.services.context import Workbench
from workbench.services.verify import verify_file

__all__ = ["small_limit"]  # the fixture, used by name

# Far more than a check that stops at the limit reads; the stream fails past it, so a check
# that reads on without end fails the test instead of hanging it.
BOUND = LIMIT * 50


class Endless(io.RawIOBase):
    """`head` and then NUL bytes without end, as `cat FILE /dev/zero` gives."""

    def __init__(self, head: bytes = b"") -> None:
        self.head = head
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.given >= BOUND:
            raise AssertionError(f"read on without end: {self.given:,} bytes")
        n = len(buffer)
        at = self.given
        chunk = self.head[at : at + n]
        chunk += b"\0" * (n - len(chunk))
        buffer[:n] = chunk
        self.given += n
        return n


class _Stdin:
    def __init__(self, raw: Endless) -> None:
        self.buffer = io.BufferedReader(raw)


def endless_stdin(monkeypatch: pytest.MonkeyPatch, head: bytes = b"") -> Endless:
    raw = Endless(head)
    monkeypatch.setattr(sys, "stdin", _Stdin(raw))
    return raw


def test_standard_input_of_zeros_is_refused_at_the_limit(
    monkeypatch: pytest.MonkeyPatch, small_limit: None
) -> None:
    raw = endless_stdin(monkeypatch)
    report = verify_file("-")
    assert report.broken is not None
    assert report.broken.problems == (
        f"line 1: longer than {LIMIT:,} bytes: not a trail line (no line is read past that size)",
    )
    assert raw.given <= LIMIT * 4


def test_zeros_after_good_events_end_the_check_at_their_line(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, small_limit: None
) -> None:
    """An export with zeros after it (a copy that went on, a disk's tail): the events before
    hold, the endless line is named, and the check stops there."""
    lines = full_lines(wb)
    head = b"".join(line + b"\n" for line in lines[:3])
    raw = endless_stdin(monkeypatch, head)
    report = verify_file("-")
    assert report.broken is not None
    assert report.broken.problems == (
        f"line 4: longer than {LIMIT:,} bytes: not a trail line (no line is read past that size)",
    )
    assert report.count == 2
    assert raw.given <= len(head) + LIMIT * 4


def test_a_long_first_line_of_a_file_is_not_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_limit: None
) -> None:
    """A file's first line over the limit: refused, and the rest of it (a 2 GB sparse file's
    zeros) left unread, as nothing after it is checked."""
    path = write_bytes(tmp_path, [b"x" * (LIMIT * 40)])
    opened: list[Counted] = []

    def open_counted(name: str) -> io.BufferedReader:
        opened.append(Counted(name))
        return io.BufferedReader(opened[-1])

    monkeypatch.setattr(verify, "open_regular", open_counted)
    report = verify_file(path)
    assert report.broken is not None and not report.ok
    assert report.broken.problems[0].startswith(f"line 1: longer than {LIMIT:,} bytes")
    assert opened[0].given <= LIMIT * 4


class Counted(io.FileIO):
    """A file that counts the bytes read from it."""

    def __init__(self, name: str) -> None:
        super().__init__(name, "rb")
        self.given = 0

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = super().readinto(buffer)
        self.given += n or 0
        return n or 0
