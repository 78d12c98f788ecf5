"""A claims table that Excel saved as plain "CSV" on a Chinese (or Western) Windows (trial97).

The bug: such a file is GBK (or Windows-1252), and `import claims` refused it naming the
encoding and suggesting `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8`, the advice `doc add`
gives for a text file. An editor on Windows has no iconv; what helps is saving the sheet again
as Excel's "CSV UTF-8" (or "Unicode Text"), which the import reads. Now a table file (.csv,
.tsv, .txt) gets that advice, worded where the workbook refusal's is; `doc add` of a GBK text,
and a JSON claims file (written by a program, not a spreadsheet), keep iconv's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

SAVE = "save it as CSV UTF-8 (or Unicode Text) and import that file"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))


@pytest.mark.parametrize(
    ("name", "text", "codec", "says"),
    [
        ("claims.csv", "quote,text\n甲说了一句话,甲说的话\n", "gbk", "GB18030/GBK (Chinese)"),
        ("claims.tsv", "quote\ttext\n甲说了一句话\t甲说的话\n", "gb18030", "GB18030/GBK"),
        ("claims.csv", "quote,text\nCafé,Café said\n", "cp1252", "Windows-1252"),
    ],
)
def test_a_table_saved_in_a_windows_code_page_is_told_to_save_as_utf8(
    cli: Any, tmp_path: Path, name: str, text: str, codec: str, says: str
) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / name
    sheet.write_bytes(text.encode(codec))
    r = cli("import", "claims", "--doc", "1", str(sheet))
    assert r.code == 1, (r.out, r.err)
    assert "row 2: not valid UTF-8" in r.err and says in r.err, r.err
    assert SAVE in r.err and "iconv" not in r.err, r.err
    assert r.err.count("\n") == 1


def test_the_workbook_refusal_says_the_same(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    book = tmp_path / "claims.xlsx"
    book.write_bytes(b"PK\x03\x04")
    r = cli("import", "claims", "--doc", "1", str(book))
    assert r.code == 1 and "a spreadsheet workbook is not read" in r.err, r.err
    assert "CSV UTF-8 (or Unicode Text) and import that file" in r.err


def test_doc_add_and_a_json_claims_file_keep_iconv(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    text = tmp_path / "gbk.txt"
    text.write_bytes("甲说了一句话。".encode("gbk"))
    r = cli("doc", "add", str(text))
    assert r.code == 1 and "iconv -f GB18030 -t UTF-8" in r.err, r.err
    assert "CSV UTF-8" not in r.err
    rows = tmp_path / "claims.json"
    rows.write_bytes(
        json.dumps([{"quote": "甲说了一句话", "text": "甲说"}], ensure_ascii=False).encode("gbk")
    )
    r = cli("import", "claims", "--doc", "1", str(rows))
    assert r.code == 1 and "iconv -f GB18030 -t UTF-8" in r.err, r.err
    assert "CSV UTF-8" not in r.err
