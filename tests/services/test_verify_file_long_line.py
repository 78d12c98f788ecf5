"""trial185: `audit verify --file` on a file with a 300 MB line peaked at some 580 MB before it
refused the line (over the 256 MB limit), since the line was read whole, twice over, first; and
the refusal ended the check as an error, so a line further down that verify reads on for (the
event that belongs at a break, moved, not deleted) was never found. The line is now refused
without holding more than the limit, as a broken line with its number, and lines after it are
read from their start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.services.test_verify_file_workflow_rules import signed_off_desk
from workbench.exports.events import export_text
from workbench.services import verify
from workbench.services.context import Workbench
from workbench.services.verify import verify_file

LIMIT = 4096


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line limit a test can pass, and pieces smaller than it: a long line is then read and
    skipped piece by piece, as a 300 MB one is."""
    monkeypatch.setattr(verify, "MAX_LINE", LIMIT)
    monkeypatch.setattr(verify, "_PIECE", 1000)


def write_bytes(tmp_path: Path, lines: list[bytes], end: bytes = b"\n") -> str:
    path = tmp_path / "trail.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines[:-1]) + lines[-1] + end)
    return str(path)


def full_lines(wb: Workbench) -> list[bytes]:
    signed_off_desk(wb)
    return [line.encode() for line in export_text(wb, "jsonl").splitlines()]


def test_a_line_over_the_limit_is_a_broken_line_named(
    wb: Workbench, tmp_path: Path, small_limit: None
) -> None:
    lines = full_lines(wb)
    lines[2] = b"x" * (LIMIT * 5)  # seq 2's line
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None and not report.ok
    assert report.broken.problems == (
        f"line 3: longer than {LIMIT:,} bytes: not a trail line (no line is read past that size)",
    )
    assert report.count == 1  # seq 1, before it, holds


def test_lines_after_a_long_one_are_read_from_their_start(
    wb: Workbench, tmp_path: Path, small_limit: None
) -> None:
    """seq 2 moved below a long line: the check reads on past the long line, counted as one
    line, and finds seq 2 where it is (not a piece of the long line taken for a line)."""
    lines = full_lines(wb)
    moved = lines.pop(2)
    lines += [b"y" * (LIMIT * 3 + 17), moved]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert report.broken.expected == 2
    assert report.broken.expected_line == len(lines)


def test_a_line_of_exactly_the_limit_is_read(
    wb: Workbench, tmp_path: Path, small_limit: None
) -> None:
    """The limit counts the newline: a line of LIMIT bytes with it is read, not refused."""
    lines = full_lines(wb)
    lines.append(b" " * (LIMIT - 1))  # a blank line, skipped as blank lines are
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.ok, report.broken


def test_audit_verify_says_the_long_line_and_what_held_before_it(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path, small_limit: None
) -> None:
    lines = full_lines(wb)
    lines[2] = b"x" * (LIMIT * 5)
    r = cli("audit", "verify", "--file", write_bytes(tmp_path, lines))
    assert r.code == 1, r.out + r.err
    assert r.out.startswith(f"BROKEN: line 3: longer than {LIMIT:,} bytes"), r.out
    assert "1 event before it holds" in r.err


def test_a_line_one_byte_over_is_refused_and_the_next_read_whole(
    wb: Workbench, tmp_path: Path, small_limit: None
) -> None:
    """LIMIT bytes and its newline: over the limit, and its newline already read, so the next
    line (seq 2, moved there) is not skipped as the rest of it."""
    lines = full_lines(wb)
    moved = lines.pop(2)
    lines += [b"z" * LIMIT, moved]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert (report.broken.expected, report.broken.expected_line) == (2, len(lines))
