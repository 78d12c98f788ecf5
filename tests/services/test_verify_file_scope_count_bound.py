"""trial252 left `audit verify --file -` reading without end on two streams: events that hold,
one after another, without end (a script's output piped in), and a file with a line gone
followed by more than it holds (`cat cut-export.jsonl /dev/zero`): the search for the missing
seq further down read on for ever. The scope line says how many events the file holds
(`count`), and a file holding more is refused at the end in any case ("lines were added"): the
check now reads no more lines than that, in the walk and in the search for a moved event, and
says so at the first event over it.

Lines that are no events (zeros, text not UTF-8) are not events the count bounds: the search
reads past them, as a moved event may follow one (test_verify_file_long_line), so a line gone
followed by endless zeros is still read on: the count gives no limit for it.

Each stream here fails the test past a bound instead of hanging it."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from tests.services.test_verify_file_long_line import full_lines
from workbench.domain.chain import record_hash
from workbench.services.context import Workbench
from workbench.services.verify import verify_file

BOUND = 5_000  # lines past the file's own; a check reading on without end stops here


class Stream(io.RawIOBase):
    """`head`, then the lines of `more` (without end), failing past BOUND of them."""

    def __init__(self, head: bytes, more: Iterator[bytes]) -> None:
        self.pending = head
        self.more = more
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.pending:
            if self.given >= BOUND:
                raise AssertionError(f"read on without end: {self.given:,} lines past the file")
            self.pending = next(self.more)
            self.given += 1
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


class _Stdin:
    def __init__(self, raw: io.RawIOBase) -> None:
        self.buffer = io.BufferedReader(raw)


def stdin(monkeypatch: pytest.MonkeyPatch, lines: list[bytes], more: Iterator[bytes]) -> Stream:
    raw = Stream(b"".join(line + b"\n" for line in lines), more)
    monkeypatch.setattr(sys, "stdin", _Stdin(raw))
    return raw


def events_after(last: bytes) -> Iterator[bytes]:
    """Events that hold without end, each linked to the one before: the last event's own
    fields again, under the next seq."""
    record = json.loads(last)
    while True:
        record = {**record, "seq": record["seq"] + 1, "prev_hash": record["hash"]}
        record["hash"] = record_hash(record)
        yield json.dumps(record).encode() + b"\n"


def test_events_that_hold_without_end_stop_past_the_scope_lines_count(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = full_lines(wb)
    count = json.loads(lines[0])["export"]["count"]
    raw = stdin(monkeypatch, lines, events_after(lines[-1]))
    report = verify_file("-")
    assert report.broken is not None and not report.ok
    assert report.broken.problems == (
        f"line {count + 2}: one event more than the {count} its scope line says: lines were "
        "added (read no further)",
    )
    assert raw.given <= 2


def test_the_search_for_a_missing_seq_stops_at_the_scope_lines_count(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = full_lines(wb)
    del lines[3]  # seq 3
    raw = stdin(monkeypatch, lines, events_after(lines[-1]))
    report = verify_file("-")
    assert report.broken is not None
    assert report.broken.expected == 3
    assert report.broken.expected_line is None  # found nowhere: missing, not moved
    assert raw.given <= 2
