"""rG (review of session 65's timeline): an export on the database driver stopped partway (a
full disk under `-o FILE`, Ctrl-C, a refusal) said its one line and then, on SQLite, Python's
"Exception ignored in: <generator object Reader.pages> ... ProgrammingError: Cannot operate
on a closed database." The rows' cursor was still open when `reading` closed the connection,
and it was closed later, when the stopped stream was collected. The timeline closed its own
claims' stream by hand (c783c9fb); the CSV (events_csv) and the JSON Lines after a head
(events_after), which hold their rows by name, did not, nor would any read that holds a
`Reader.pages` stream so. Seen on the CLI: `audit export --format csv --doc 2 -o FILE`, and
`--format jsonl`, on a full disk (a 4 KB tmpfs, a document of 3 MB)."""

from __future__ import annotations

import errno
import gc
import io
import sys
from collections.abc import Callable
from typing import Any

import pytest

from workbench.db.sql import select
from workbench.exports.events import export_events
from workbench.services.context import Workbench, reading
from workbench.services.event_filter import EventFilter
from workbench.services.notes import add_note


class FullDisk(io.StringIO):
    """A file whose disk fills once `ok(text)` says no: that write, and every one after it,
    is refused as the system refuses it."""

    def __init__(self, ok: Callable[[str], bool]) -> None:
        super().__init__()
        self.ok = ok
        self.full = False

    def write(self, text: str) -> int:
        self.full = self.full or not self.ok(text)
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def _unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(
        sys, "unraisablehook", lambda u: seen.append(f"{u.object!r}: {u.exc_value!r}")
    )
    return seen


def _stopped(wb: Workbench, fmt: str, flt: EventFilter, out: FullDisk) -> None:
    """The export, stopped by `out` partway; its stream collected as the process ends."""
    try:
        export_events(wb, fmt, out, flt)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    else:
        raise AssertionError(f"{fmt} {flt}: the disk never filled")
    assert out.getvalue(), "stopped before the first row: not partway"
    gc.collect()


@pytest.fixture
def desk(wb: Workbench, document_with_claims: Any) -> tuple[int, int]:
    """Two documents, a claim with notes: (a document, its claim)."""
    doc = document_with_claims()
    document_with_claims(text="丙说了第三句话。", claims=["丙说了第三句话"])
    for i in range(4):
        add_note(wb, doc.claims[0], f"note {i}")
    return doc.doc, doc.claims[0]


@pytest.mark.parametrize(
    ("fmt", "by"),
    [("csv", "doc"), ("csv", "claim"), ("csv", None), ("jsonl", None), ("jsonl", "after")],
)
def test_a_driver_export_stopped_partway_leaves_no_cursor_open(
    wb: Workbench,
    desk: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    by: str | None,
) -> None:
    from workbench.services import events_after, events_csv

    doc, claim = desk
    flt = {
        "doc": EventFilter(document_id=doc),
        "claim": EventFilter(claim_id=claim),
        "after": EventFilter(after_seq=1),
    }.get(by or "", EventFilter())
    assert (events_csv if fmt == "csv" else events_after).takes(fmt, flt)  # the driver's path
    seen = _unraisable(monkeypatch)
    writes = iter(range(10**6))
    # The header (CSV) or the scope line (JSONL) and the first event's row are written.
    _stopped(wb, fmt, flt, FullDisk(lambda _text: next(writes) < 2))
    assert seen == []


def test_the_timelines_other_events_stopped_partway_leave_no_cursor_open(
    wb: Workbench, desk: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills at the first of the events about no claim (the documents' own). This
    one held before the fix too: write_timeline holds that stream only in its `for` loop, which
    lets it go as the error leaves; it stays so."""
    seen = _unraisable(monkeypatch)
    heard: list[str] = []

    def ok(text: str) -> bool:
        heard.append(text)
        return "## Other events" not in "".join(heard[:-1])

    _stopped(wb, "md", EventFilter(), FullDisk(ok))
    assert seen == []


def test_a_reader_closed_with_a_page_stream_open_closes_the_stream_first(
    wb: Workbench, desk: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any read holding its stream of pages by name (as export_csv and export_after hold
    their rows) and stopped partway (Ctrl-C, a refusal): the stream is closed with its reader,
    not after it. (A stream held only by a `for` loop is let go as the error leaves the loop.)"""
    from workbench.db import tables

    seen = _unraisable(monkeypatch)
    e = tables.events.c

    def first_of_two() -> None:
        with reading(wb) as conn:
            pages = conn.pages(select(e.seq, source=tables.events).order_by(e.seq), 1)
            next(pages)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        first_of_two()
    gc.collect()
    assert seen == []
