"""The claims table as an XLSX workbook (`export claims --format xlsx -o FILE`).

Text cells are typed strings: a spreadsheet never runs them as formulas, and the text stays
exactly as stored (no apostrophe needed, unlike CSV).

A cell holds at most 32,767 characters (Excel's limit, in UTF-16 units: a character outside
the Basic Multilingual Plane counts two). A longer text (a claim's text or note may run to
100,000) is cut, never silently: the cell ends with CUT_MARK, which says where the whole text
is, and the writer tells `on_cut` of each cell it cut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

from workbench.exports.claims_table import COLUMNS, flat

CELL_LIMIT = 32_767
CUT_MARK = " […cut: an Excel cell holds 32,767 characters; the csv or json export has it all]"


@dataclass(frozen=True, slots=True)
class CutCell:
    """A cell cut to CELL_LIMIT: the claim, the column, and how long the whole text is (code
    points, as the workbench counts)."""

    claim_id: int
    column: str
    length: int


def _units(text: str) -> int:
    """The text's length as Excel counts it: UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fitted(text: str) -> str | None:
    """The text cut to fit a cell, ending with CUT_MARK; None when it fits whole."""
    if len(text) <= CELL_LIMIT // 2 or _units(text) <= CELL_LIMIT:
        return None
    room = CELL_LIMIT - _units(CUT_MARK)
    kept = text[:room]
    over = _units(kept) - room  # characters of two units each: fewer of them fit
    if over > 0:
        kept = kept[:-over]  # each character is at least one unit
    return kept + CUT_MARK


def write(
    rows: Iterable[dict[str, Any]],
    out: IO[bytes],
    *,
    on_cut: Callable[[CutCell], None] | None = None,
) -> int:
    from openpyxl import Workbook  # only this format needs it

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "claims"
    sheet.append(list(COLUMNS))
    count = 0
    for count, row in enumerate(rows, start=1):
        for col, value in enumerate(flat(row), start=1):
            if isinstance(value, str):
                cut = fitted(value)
                if cut is not None:
                    if on_cut is not None:
                        on_cut(CutCell(row["id"], COLUMNS[col - 1], len(value)))
                    value = cut
            cell = sheet.cell(row=count + 1, column=col, value=value)
            if isinstance(value, str):
                # openpyxl would store a text starting with "=" as a formula otherwise.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    book.save(out)
    return count
