"""trial185: a raw NUL byte in an exported line (a file a crash or a bad copy left zeros in)
was said by `audit verify --file` as `not JSON (Expecting property name ...)`, which names JSON
syntax, not the byte: the outsider looked for a missing quote. It is named now, with its line
and its column (in characters, as every text offset is)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.services.test_verify_file_long_line import full_lines, write_bytes
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def test_a_nul_byte_is_named_with_its_column_in_characters(wb: Workbench, tmp_path: Path) -> None:
    lines = full_lines(wb)
    text = lines[1].decode()
    assert "2021年底" in text
    at = text.index("2021年底") + len("2021年底")
    lines[1] = (text[:at] + "\x00" + text[at + 1 :]).encode()
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert report.broken.problems[0].startswith(
        f"line 2: holds a NUL byte at column {at + 1}: not a trail line"
    )
    assert report.count == 0


def test_a_nul_where_a_quote_was_is_not_said_as_json_syntax(wb: Workbench, tmp_path: Path) -> None:
    """The trial's case: `{` then a NUL, which json said as `Expecting property name`."""
    lines = full_lines(wb)
    lines[3] = b"{\x00" + lines[3][2:]
    (problem,) = verify_file(write_bytes(tmp_path, lines)).broken.problems  # type: ignore[union-attr]
    assert problem.startswith("line 4: holds a NUL byte at column 2: not a trail line")
    assert "Expecting" not in problem


def test_a_tail_of_zeros_is_named(wb: Workbench, tmp_path: Path) -> None:
    """A file whose end a crash left as zeros (no newline after them)."""
    lines = full_lines(wb)
    report = verify_file(write_bytes(tmp_path, [*lines, b"\x00" * 512], end=b""))
    assert report.broken is not None
    assert report.broken.problems[0].startswith(
        f"line {len(lines) + 1}: holds a NUL byte at column 1: not a trail line"
    )
    assert report.count == len(lines) - 1


def test_a_nul_in_the_scope_line_is_named(wb: Workbench, tmp_path: Path) -> None:
    lines = full_lines(wb)
    lines[0] = b"\x00" + lines[0]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    assert report.broken.problems[0].startswith(
        "line 1: holds a NUL byte at column 1: not a trail line"
    )


def test_audit_verify_names_the_nul(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    lines = full_lines(wb)
    lines[3] = b"{\x00" + lines[3][2:]
    r = cli("audit", "verify", "--file", write_bytes(tmp_path, lines))
    assert r.code == 1, r.out + r.err
    assert r.out.startswith("BROKEN: line 4: holds a NUL byte at column 2: not a trail line"), r.out
