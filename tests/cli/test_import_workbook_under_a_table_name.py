"""A spreadsheet workbook given to `import claims` under a table's name (trial sheet).

The bug: a workbook named .csv (an .xlsx saved or downloaded as claims.csv, an old Excel
.xls renamed .txt) was read as a CSV and refused as "row 1: not valid UTF-8 (byte 0x9a on
line 1); the file looks like a binary file (it holds NUL bytes), not text or HTML": what it is
not, and nothing to do about it. A workbook named .xlsx is told to be saved as CSV UTF-8; the
same file under another name must be told the same, by its bytes. And Excel's binary
workbook, .xlsb, was told "a claims file is .csv ... (got .xlsb)", where .xls is a workbook.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

SAVE = "save its sheet as CSV UTF-8 (or Unicode Text) and import that file"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))
    ok(cli("claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲说"))


def test_an_exported_workbook_named_csv_is_told_to_be_saved_as_csv(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    book = tmp_path / "claims.xlsx"
    ok(cli("export", "claims", "-o", str(book)))
    named = tmp_path / "claims.csv"
    named.write_bytes(book.read_bytes())
    r = cli("import", "claims", "--doc", "1", str(named))
    assert r.code == 1, (r.out, r.err)
    assert "claims.csv" in r.err and "workbook" in r.err and SAVE in r.err, r.err
    assert "not valid UTF-8" not in r.err and r.err.count("\n") == 1, r.err


@pytest.mark.parametrize("name", ["claims.txt", "claims.tsv", "claims.json"])
def test_an_old_excel_workbook_under_a_table_name_is_told_so(
    cli: Any, tmp_path: Path, name: str
) -> None:
    _desk(cli, tmp_path)
    named = tmp_path / name
    named.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    r = cli("import", "claims", "--doc", "1", str(named))
    assert r.code == 1, (r.out, r.err)
    assert name in r.err and "workbook" in r.err and SAVE in r.err, r.err
    assert r.err.count("\n") == 1, r.err


def test_an_xlsb_is_a_workbook(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    book = tmp_path / "claims.xlsb"
    book.write_bytes(b"PK\x03\x04" + bytes(60))
    r = cli("import", "claims", "--doc", "1", str(book))
    assert r.code == 1 and "a spreadsheet workbook is not read" in r.err and SAVE in r.err, r.err


def _zip(entries: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # Review rsheet: a Word document or an e-book renamed .csv is a ZIP archive too, and
        # was told "a spreadsheet workbook is not read ...: save its sheet as CSV UTF-8".
        ("report.csv", _zip({"[Content_Types].xml": "x", "word/document.xml": "x"})),
        ("book.csv", _zip({"mimetype": "application/epub+zip", "content.opf": "x"})),
        ("memo.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),  # or an old .doc
    ],
)
def test_an_archive_under_a_table_name_is_not_called_a_workbook(
    cli: Any, tmp_path: Path, name: str, data: bytes
) -> None:
    _desk(cli, tmp_path)
    named = tmp_path / name
    named.write_bytes(data)
    r = cli("import", "claims", "--doc", "1", str(named))
    assert r.code == 1, (r.out, r.err)
    assert name in r.err and "not a table" in r.err, r.err
    assert "if it is a spreadsheet's workbook, " + SAVE in r.err, r.err
    assert r.err.count("\n") == 1, r.err
