"""Empty rows are skipped by `import claims` (a spreadsheet saves the empty rows of its used
range) and were not counted against its 100,000-row limit: a 20 MB file of empty lines, within
the size limit, was read line by line three times over (counting, checking, writing), minutes
of work with the desk's write lock held for two of the passes, to say "0 claims added" with
exit 0. No spreadsheet's sheet holds more than 1,048,576 rows: a file of more records than that,
empty ones counted, is refused on the first pass, in one line."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]

SHEET_ROWS = 1_048_576


@pytest.mark.parametrize(
    ("name", "empty"),
    [("claims.csv", ",\n"), ("claims.csv", "\n")],
    ids=["csv-commas", "csv-newlines"],
)
def test_more_empty_rows_than_a_sheet_holds_are_refused(
    cli: Run, tmp_path: Path, name: str, empty: str
) -> None:
    assert cli("demo").code == 0
    table = tmp_path / name
    table.write_text("text,quote\n" + empty * (SHEET_ROWS + 10), encoding="utf-8")
    started = time.monotonic()
    r = cli("import", "claims", "--doc", "1", str(table))
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    assert f"over {SHEET_ROWS:,} rows" in r.err, r.err
    # Refused on the counting pass: one read of the file, not three.
    assert time.monotonic() - started < 30


def test_empty_rows_a_sheet_can_hold_are_still_skipped(cli: Run, tmp_path: Path) -> None:
    assert cli("demo").code == 0
    table = tmp_path / "claims.csv"
    table.write_text(
        "text,start,end\nTen years at SenseTime,10,20\n" + ",\n" * 200_000, encoding="utf-8"
    )
    r = cli("import", "claims", "--doc", "1", "--dry-run", str(table))
    assert r.code == 0, (r.code, r.out, r.err)
    assert "1 claim would be added" in r.out + r.err, (r.out, r.err)


def test_a_json_lines_file_of_more_blank_lines_than_a_sheet_holds_is_refused(
    cli: Run, tmp_path: Path
) -> None:
    """The same hole in JSON Lines (rA): blank lines are skipped uncounted, so one object and
    20 MB of newlines was read three times over (53 s for a dry run, exit 0). A file of more
    lines than a sheet's rows, blank ones counted, is refused on the first pass as a CSV is."""
    assert cli("demo").code == 0
    table = tmp_path / "claims.jsonl"
    table.write_text(
        '{"text": "Ten years at SenseTime", "start": 10, "end": 20}\n' + "\n" * SHEET_ROWS,
        encoding="utf-8",
    )
    r = cli("import", "claims", "--doc", "1", "--dry-run", str(table))
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    assert f"row {SHEET_ROWS + 1}:" in r.err, r.err
    assert f"over {SHEET_ROWS:,} lines" in r.err, r.err


def test_blank_lines_a_sheet_can_hold_are_still_skipped_in_json_lines(
    cli: Run, tmp_path: Path
) -> None:
    """Exactly as many lines as a sheet's rows, the object among them: still imported."""
    assert cli("demo").code == 0
    table = tmp_path / "claims.jsonl"
    table.write_text(
        "\n" * (SHEET_ROWS - 1) + '{"text": "Ten years at SenseTime", "start": 10, "end": 20}\n',
        encoding="utf-8",
    )
    r = cli("import", "claims", "--doc", "1", "--dry-run", str(table))
    assert r.code == 0, (r.code, r.out, r.err)
    assert "1 claim would be added" in r.out + r.err, (r.out, r.err)
