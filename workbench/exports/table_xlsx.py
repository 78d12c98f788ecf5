"""The claims table as an XLSX workbook (`export claims --format xlsx -o FILE`).

Text cells are typed strings: a spreadsheet never runs them as formulas, and the text stays
exactly as stored (no apostrophe needed, unlike CSV).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from workbench.exports.claims_table import COLUMNS, flat


def write(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    from openpyxl import Workbook  # only this format needs it

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "claims"
    sheet.append(list(COLUMNS))
    count = 0
    for count, row in enumerate(rows, start=1):
        for col, value in enumerate(flat(row), start=1):
            cell = sheet.cell(row=count + 1, column=col, value=value)
            if isinstance(value, str):
                # openpyxl would store a text starting with "=" as a formula otherwise.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    book.save(out)
    return count
