"""A stored text holding `_xHHHH_` in the XLSX claims table. A sheet's text is an ST_Xstring
(ECMA-376 Part 1, 22.9.2.19): a spreadsheet reads `_x0041_` in a cell's XML as "A", `_x000D_` as
a carriage return, and only `_x005F_` before it keeps the sequence as typed. The export wrote
such a text raw: a quote about a file name (`report_x0031_.pdf`), or a hostile one, showed as
other text in Excel and LibreOffice (`report1.pdf`), and the sheet saved as CSV read back as
another claim. Checked here by reading the sheet's XML as the standard says a reader must;
openpyxl, which the other tests read with, does not decode an inline string at all."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest

from workbench.exports import table_xlsx
from workbench.exports.claims_table import COLUMNS
from workbench.exports.table_xlsx import CELL_LIMIT

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# What a spreadsheet decodes in a cell's text (either case of hex digits).
ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
TEXTS = [
    "report_x0031_.pdf",
    "_x003D_HYPERLINK(1)",
    "a _x000D_ b _X000a_ c",
    "already _x005F_x0041_ escaped",
    "_x00_ and _x12345_ and x0041_ are not escapes",
    "_x0041__x0042_",
    "_x0041_x0042_",
]


def _row(i: int, text: str) -> dict[str, Any]:
    row: dict[str, Any] = {name: None for name in COLUMNS}
    return row | {"id": i, "document_id": 1, "text": text, "quote": text, "note": text, "tags": []}


def _as_read(xml_text: str) -> str:
    """A cell's text as a spreadsheet reads it: each `_xHHHH_` the character it names."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), xml_text)


def _cells(data: bytes) -> dict[str, str]:
    """Each text cell's XML text, by its reference (A1...), from the sheet itself."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    return {
        cell.attrib["r"]: "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
        for cell in sheet.iter(f"{MAIN}c")
        if cell.attrib.get("t") == "inlineStr"
    }


@pytest.mark.parametrize("text", TEXTS)
def test_a_spreadsheet_reads_back_the_text_as_stored(text: str) -> None:
    out = io.BytesIO()
    table_xlsx.write([_row(1, text)], out)
    cells = _cells(out.getvalue())
    for column in ("text", "quote", "note"):
        ref = f"{openpyxl.utils.get_column_letter(COLUMNS.index(column) + 1)}2"
        assert _as_read(cells[ref]) == text, (column, cells[ref])


# A text that fits a cell as a spreadsheet reads it, its escapes written six characters longer:
# openpyxl cuts any string it is given at 32,767 characters, silently, so the escaped form was
# cut short, with no mark and no warning (what the spreadsheet read lost its last characters).
FITS = ("a" * 93 + "_x0041_") * 320
# The quote's cell of the first row.
QUOTE = f"{openpyxl.utils.get_column_letter(COLUMNS.index('quote') + 1)}2"


def test_a_text_that_fits_is_written_whole_however_long_its_escaped_form() -> None:
    assert table_xlsx.fitted(FITS) is None and len(table_xlsx.xstring(FITS)) > CELL_LIMIT
    cuts: list[object] = []
    out = io.BytesIO()
    table_xlsx.write([_row(1, FITS)], out, on_cut=cuts.append)
    assert (_as_read(_cells(out.getvalue())[QUOTE]) == FITS, cuts) == (True, [])


def test_a_cut_text_keeps_its_mark_however_long_its_escaped_form() -> None:
    """The cut counts what the spreadsheet reads (the import's `was_cut` knows a cut by it): the
    mark must reach the sheet, after the escapes."""
    text = FITS * 2
    out = io.BytesIO()
    table_xlsx.write([_row(1, text)], out)
    read = _as_read(_cells(out.getvalue())[QUOTE])
    assert read == table_xlsx.fitted(text) and table_xlsx.was_cut(read)


PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"


@pytest.mark.parametrize("edges", [("  ", " "), ("\n", "\n\n"), ("\t", "")])
def test_a_long_escaped_text_keeps_its_edge_blanks(edges: tuple[str, str]) -> None:
    """Written as a rich text run, the text keeps its leading and trailing blanks: a reader
    may trim a `<t>`'s edges unless it says xml:space="preserve", as a plain string's does."""
    text = edges[0] + FITS + edges[1]
    out = io.BytesIO()
    table_xlsx.write([_row(1, text)], out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    [cell] = [c for c in sheet.iter(f"{MAIN}c") if c.attrib["r"] == QUOTE]
    [t] = cell.iter(f"{MAIN}t")
    assert (t.get(PRESERVE), _as_read(t.text or "")) == ("preserve", text)
