"""What a spreadsheet program writes when a person saves an exported workbook as CSV: the
round trips of tests/cli read a workbook back as Excel's "CSV UTF-8" would."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def workbook_saved_as_csv(workbook: Path, saved: Path) -> None:
    """Write `workbook`'s sheet to `saved` as Excel saves "CSV UTF-8": a BOM, CRLF rows, each
    cell's text (a date cell as its ISO date)."""
    from openpyxl import load_workbook

    sheet = load_workbook(workbook).active
    assert sheet is not None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in sheet.iter_rows(values_only=True):
        cells = [v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v for v in row]
        writer.writerow(["" if v is None else str(v) for v in cells])
    saved.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
