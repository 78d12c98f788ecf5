"""The claims table as an XLSX workbook (`export claims --format xlsx -o FILE`).

Text cells are typed strings: a spreadsheet never runs them as formulas, and the text stays
exactly as stored (no apostrophe needed, unlike CSV), but for a text that itself starts with
an apostrophe and a formula character (`'=SUM(A1)`): it gets one more, as in CSV, so the sheet
saved as CSV and imported gives it back (`cells.kept_apostrophe`). A claim's due date is a
date cell, and its verdict's time (`verdict_at`, UTC) a date-time cell, so the sheet filters
and sorts by either (trial225: `verdict_at` was text).

A cell holds at most 32,767 characters (Excel's limit, in UTF-16 units: a character outside
the Basic Multilingual Plane counts two). A longer text (a claim's text or note may run to
100,000) is cut, never silently: the cell ends with CUT_MARK, which says where the whole text
is, and the writer tells `on_cut` of each cell it cut.

A cell cannot hold every character a document may (XML 1.0 has no place for most C0 controls,
nor for U+FFFE and U+FFFF): a quote may hold an ESC sequence, a bell or a backspace. Each such
character is written as a visible stand-in (the Control Pictures block: ␛ for ESC, ␇ for BEL,
␈ for backspace; U+FFFD for the two noncharacters), one character for one, and the writer tells
`on_stand_in` of each cell it changed. The json export keeps the text as stored.

A cell's text is an ST_Xstring (ECMA-376 Part 1, 22.9.2.19), which a spreadsheet reads with
`_xHHHH_` as the character it names: a stored text holding one (`report_x0031_.pdf`) has the
underscore that opens it written `_x005F_` (`xstring`), so that it reads as stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from workbench.exports.cells import kept_apostrophe
from workbench.exports.claims_table import COLUMNS, flat

CELL_LIMIT = 32_767
# The column of a claim's due date (1-based, as openpyxl counts): written as a date.
DUE = COLUMNS.index("due") + 1
# The column of the verdict's time (UTC, to the second): written as a date-time. A cell holds no
# time zone, so its format says the one it is in.
VERDICT_AT = COLUMNS.index("verdict_at") + 1
VERDICT_AT_FORMAT = 'yyyy-mm-dd hh:mm:ss "UTC"'
CUT_MARK = " […cut: an Excel cell holds 32,767 characters; the csv or json export has it all]"


# The characters an XLSX cell cannot hold: C0 controls but tab, newline and carriage return
# (what openpyxl refuses), and the noncharacters U+FFFE and U+FFFF (what lxml refuses).
UNHOLDABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STAND_INS = {
    **{c: chr(0x2400 + c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))},
    0xFFFE: "\ufffd",
    0xFFFF: "\ufffd",
}


# The `_` that opens what a spreadsheet reads as an escape (`_x0041_` is "A"), wherever one
# starts: in `_x0041_x0042_` both (the second begins with the first's closing underscore).
_XSTRING_OPENS = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def xstring(text: str) -> str:
    """The text as a cell's XML holds it, for a spreadsheet to read it back as stored: each
    `_` opening an `_xHHHH_` written as the escape of itself, `_x005F_`."""
    return _XSTRING_OPENS.sub("_x005F_", text) if "_x" in text else text


@dataclass(frozen=True, slots=True)
class StoodIn:
    """A cell whose characters an XLSX cell cannot hold were written as stand-ins: the claim,
    the column, and how many characters."""

    claim_id: int
    column: str
    count: int


def held(text: str) -> tuple[str, int]:
    """The text with each character a cell cannot hold replaced by its visible stand-in (the
    same length), and how many were replaced."""
    count = len(UNHOLDABLE.findall(text))
    return (text.translate(STAND_INS), count) if count else (text, 0)


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
    while over > 0:
        # Half as many characters as units over, each one or two units: never more gone than
        # needed but the one unit an astral character cannot be split by. Taking one character
        # per unit over cut a text of astral characters to the mark alone, and a cut short of a
        # full cell is none to `was_cut`.
        drop = (over + 1) // 2
        over -= _units(kept[-drop:])
        kept = kept[:-drop]
    return kept + CUT_MARK


def was_cut(text: str) -> bool:
    """Whether a cell's text is one `fitted` cut (read back from a sheet saved as CSV: a
    spreadsheet may drop the trailing space or not, never the mark's words). A cut fills the
    cell: the kept text takes all the room the mark leaves (`fitted`), so a shorter text
    ending with the mark's words is a text that quotes them (an article about the export),
    not a cut; the mark's length is left as room for blanks a spreadsheet trims."""
    kept = text.rstrip()
    return kept.endswith(CUT_MARK.strip()) and _units(kept) >= CELL_LIMIT - _units(CUT_MARK)


def write(
    rows: Iterable[dict[str, Any]],
    out: IO[bytes],
    *,
    on_cut: Callable[[CutCell], None] | None = None,
    on_stand_in: Callable[[StoodIn], None] | None = None,
) -> int:
    """The rows as a sheet, written as they come: openpyxl's write-only mode keeps none of the
    rows in memory (the whole sheet was held: 725 MB for a year's 100,000 claims, trial57)."""
    from openpyxl import Workbook  # only this format needs it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.cell.rich_text import CellRichText

    book = Workbook(write_only=True)
    sheet = book.create_sheet("claims")
    sheet.freeze_panes = "A2"  # set before the first row: a write-only sheet writes as it goes
    sheet.append(list(COLUMNS))

    def text_cell(value: str) -> Any:
        # Escaped once cut to fit: the cell's limit counts the characters a spreadsheet reads.
        value = xstring(value)
        if len(value) > CELL_LIMIT:
            # openpyxl cuts a string it is given at the limit, unsaid, escapes and all (the
            # cut's mark was lost, or the end of a text that fits); a rich text of one run is
            # written as it is, and read as the same text.
            return CellRichText([value])
        # openpyxl would store a text starting with "=" as a formula, and one such as "#N/A"
        # as an error value, otherwise: typed as a string, it is text.
        if not (value.startswith("=") or value in ERROR_CODES):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    def date_cell(value: str) -> Any:
        # A date cell, so the sheet sorts and filters claims by when they are due (as text
        # "2030-01-09" sorted right but no date filter took it).
        day: Any = date.fromisoformat(value)  # openpyxl's stubs leave out date (not datetime)
        cell = WriteOnlyCell(sheet, value=day)
        cell.number_format = "yyyy-mm-dd"
        return cell

    def time_cell(value: str) -> Any:
        # The trail's UTC time ("2026-11-30T09:15:02Z") as the naive date-time a cell holds.
        moment = datetime.fromisoformat(value).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=moment)
        cell.number_format = VERDICT_AT_FORMAT
        return cell

    count = 0
    for row in rows:
        count += 1
        cells: list[Any] = []
        for col, value in enumerate(flat(row), start=1):
            if not isinstance(value, str):
                cells.append(value)
                continue
            value, replaced = held(value)
            if replaced and on_stand_in is not None:
                on_stand_in(StoodIn(row["id"], COLUMNS[col - 1], replaced))
            if col == DUE:
                cells.append(date_cell(value))
                continue
            if col == VERDICT_AT:
                cells.append(time_cell(value))
                continue
            text = kept_apostrophe(value)  # (before the cut: the cell's limit counts it)
            cut = fitted(text)
            if cut is not None:
                if on_cut is not None:
                    on_cut(CutCell(row["id"], COLUMNS[col - 1], len(value)))
                text = cut
            cells.append(text_cell(text))
        sheet.append(cells)
    _save(book, sheet, out)
    return count


def _save(book: Any, sheet: Any, out: IO[bytes]) -> None:
    """openpyxl's `save_workbook`, with what it leaves half-way when a write fails (a full
    disk) closed at once: its zip archive and the sheet's writers were otherwise cleaned up at
    exit, after the file under them was closed, and printed three tracebacks (trial96)."""
    import contextlib
    import datetime as dt
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    # Its rows are all written: save would close it first thing in the zip, and one not closed
    # because an earlier write failed left its writers suspended mid-element.
    sheet.close()
    archive = ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True)
    book.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(book, archive).save()
    except BaseException:
        # The file is abandoned (new_file.writing removes it): the archive lets go of it now.
        with contextlib.suppress(Exception):
            archive.close()
        raise
