"""A due date as a spreadsheet wrote it, in an imported claims table (trial97).

The bug: a `due` cell written `12/3/2026` (Excel in a US locale) or as Excel's serial number of
the day (`46359`, a date cell formatted General) was refused as any typo is, "due '12/3/2026'
is not a date; use YYYY-MM-DD": right to refuse (3 December or 12 March?), but the editor was
not told why the sheet holds such a date or how to make it write one the import reads. Now the
refusal says it is a spreadsheet's date and how to format the column; a due date typed wrong
elsewhere (`claim due`), or a cell that is no spreadsheet's date, is refused as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

ADVICE = "format the column as yyyy-mm-dd (Format Cells → Custom) and save again"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))


@pytest.mark.parametrize("cell", ["12/3/2026", "3.12.2026", "03-12-26", "46359", "46359.0"])
def test_a_spreadsheet_date_is_refused_saying_so(cli: Any, tmp_path: Path, cell: str) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    sheet.write_text(f"quote,text,due\n甲说了一句话,A said,{cell}\n", encoding="utf-8")
    r = cli("import", "claims", "--doc", "1", str(sheet))
    assert r.code == 1, (r.out, r.err)
    assert f"row 2: due '{cell}' is not a date; use YYYY-MM-DD" in r.err, r.err
    assert "a spreadsheet's date" in r.err and ADVICE in r.err, r.err


@pytest.mark.parametrize("cell", ["2026-13-45", "soon", "20301340"])
def test_another_bad_date_is_refused_as_before(cli: Any, tmp_path: Path, cell: str) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    sheet.write_text(f"quote,text,due\n甲说了一句话,A said,{cell}\n", encoding="utf-8")
    r = cli("import", "claims", "--doc", "1", str(sheet))
    assert r.code == 1 and f"row 2: due '{cell}' is not a date" in r.err, r.err
    assert "spreadsheet" not in r.err


def test_claim_due_typed_so_is_refused_as_before(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    r = cli("claim", "due", "1", "12/3/2026")
    assert r.code == 2 and "is not a date; use YYYY-MM-DD" in r.err
    assert "spreadsheet" not in r.err
