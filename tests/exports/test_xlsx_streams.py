"""The XLSX claims table is written as the rows come (trial57: the whole sheet was held, 725 MB
for a year's 100,000 claims, where the CSV took 34 MB)."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator
from typing import Any

from workbench.exports import table_xlsx
from workbench.exports.claims_table import COLUMNS

ROWS = 4_000


def _rows(count: int) -> Iterator[dict[str, Any]]:
    for i in range(1, count + 1):
        yield {
            "id": i,
            "document_id": 1 + i // 200,
            "quote": f"公司估值超过{i}亿美元",
            "start": i,
            "end": i + 10,
            "revision": 1,
            "text": f"The company was valued at over {i} billion dollars in 2021. " * 3,
            "speaker": "Article author",
            "type": "statistic",
            "status": "false",
            "rating": "False",
            "flagged": False,
            "note": f"估值数字来自第{i}篇的二手报道。" * 4,
            "tags": ["economy", "估值"],
            "assignee": "张伟",
            "priority": "normal",
            "due": "2026-12-01" if i % 2 else None,
            "verdict_by": "张伟",
            "approved_by": "editor",
            "verdict_at": "2026-11-30T09:15:02Z",
        }


def test_the_sheet_is_not_held_in_memory() -> None:
    """A normal openpyxl workbook held every cell of the sheet until it was saved (about
    7 KB a claim: some 28 MB for these rows); written-only, what is held stays the same
    whatever the rows."""
    table_xlsx.write(_rows(1), io.BytesIO())  # openpyxl imported first: its modules are not rows
    out = io.BytesIO()
    tracemalloc.start()
    try:
        count = table_xlsx.write(_rows(ROWS), out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == ROWS
    # What is held besides the file written (held here in a BytesIO, so it is counted too).
    assert peak - len(out.getvalue()) < 4_000_000, peak


def test_the_cells_are_typed_as_before() -> None:
    """Written a row at a time, the sheet keeps its cells: texts that look like a formula or
    an error value are text, the due date is a date cell, the header row is frozen."""
    from datetime import datetime

    from openpyxl import load_workbook

    rows = list(_rows(2))
    rows[0] |= {"text": "=1+1", "note": "#N/A", "speaker": "@user", "due": "2030-01-09"}
    out = io.BytesIO()
    assert table_xlsx.write(rows, out) == 2
    sheet = load_workbook(io.BytesIO(out.getvalue()))["claims"]
    assert sheet.freeze_panes == "A2"
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == COLUMNS
    first = {name: cell for name, cell in zip(COLUMNS, sheet[2], strict=True)}
    assert [first[c].value for c in ("text", "note", "speaker")] == ["=1+1", "#N/A", "@user"]
    assert {first[c].data_type for c in ("text", "note", "speaker", "quote")} == {"s"}
    assert first["due"].value == datetime(2030, 1, 9)
    assert first["due"].number_format == "yyyy-mm-dd"
    assert first["tags"].value == "economy; 估值" and first["flagged"].value is False
    assert values[2][COLUMNS.index("due")] is None


def test_the_verdict_time_is_a_date_time_cell() -> None:
    """trial225: opened in a spreadsheet, `verdict_at` was text ("2026-11-30T09:15:02Z"), so
    the month's verdicts could not be filtered or sorted by a date filter, while `due` beside
    it was a date cell. It is a date-time cell (UTC, as the column has always been), shown
    with its seconds and the zone; a claim with no verdict leaves the cell empty."""
    from datetime import datetime

    from openpyxl import load_workbook

    rows = list(_rows(2))
    rows[1] |= {"verdict_by": None, "approved_by": None, "verdict_at": None}
    out = io.BytesIO()
    assert table_xlsx.write(rows, out) == 2
    sheet = load_workbook(io.BytesIO(out.getvalue()))["claims"]
    cell = sheet[2][COLUMNS.index("verdict_at")]
    assert cell.value == datetime(2026, 11, 30, 9, 15, 2)
    assert cell.is_date and "ss" in cell.number_format and "UTC" in cell.number_format
    assert sheet[3][COLUMNS.index("verdict_at")].value is None
