"""`audit verify --file` on a file with one line not UTF-8 further down (a byte a copy through
another encoding changed) ended with `error: line 10 is not UTF-8 (bad byte at 3): not an
export`: no event before it was said to hold, and a break above it (an event moved below it)
was lost, since reading on for the moved event hit the line. Such a line is a broken line, as a
line that is not JSON is, and reading on skips it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.services.test_verify_file_long_line import full_lines, write_bytes
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def test_a_line_not_utf8_is_a_broken_line_named(wb: Workbench, tmp_path: Path) -> None:
    lines = full_lines(wb)
    lines[3] = lines[3][:5] + b"\xe9" + lines[3][6:]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert report.broken.problems == (
        "line 4: is not UTF-8 (byte 0xE9 at byte 6): not a trail line",
    )
    assert report.count == 2


def test_a_break_above_a_line_not_utf8_is_kept(wb: Workbench, tmp_path: Path) -> None:
    """seq 2 moved below a line that is not UTF-8: found there, not lost to an error."""
    lines = full_lines(wb)
    moved = lines.pop(2)
    lines += [b"caf\xe9", moved]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert (report.broken.expected, report.broken.expected_line) == (2, len(lines))


def test_audit_verify_says_the_events_before_it_hold(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    lines = full_lines(wb)
    lines[3] = b"\xff" + lines[3]
    r = cli("audit", "verify", "--file", write_bytes(tmp_path, lines))
    assert r.code == 1, r.out + r.err
    assert r.out.startswith("BROKEN: line 4: is not UTF-8 (byte 0xFF at byte 1)"), r.out
    assert "2 events before it hold" in r.err


def test_the_byte_is_counted_in_the_file_on_a_first_line_with_a_byte_order_mark(
    wb: Workbench, tmp_path: Path
) -> None:
    """The mark dropped before the line is read, the byte's place was counted without it: 3
    short of where an editor's hex view shows it (review200)."""
    lines = full_lines(wb)
    lines[0] = b"\xef\xbb\xbf" + lines[0][:5] + b"\xe9" + lines[0][6:]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert report.broken.problems == (
        "line 1: is not UTF-8 (byte 0xE9 at byte 9): not a trail line",
    )
