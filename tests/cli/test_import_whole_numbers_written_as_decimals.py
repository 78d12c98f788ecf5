"""A claims table's number cells as a spreadsheet program writes them back, imported.

roundtrip: Excel's "Number" format (Home → Number) shows and saves a whole number as `12.00`,
and a sheet read by pandas (`read_excel`, then `to_csv`) writes a number column that has an
empty cell, as one holds after the editor adds a claim at the bottom with no id, as `12.0`.
The export's own rows then came back refused, every one: "id: '1.0' is not a claim id",
"document_id '1.0' is not document #1" (it is) and "start: a whole number in digits, not
'12.0'". A cell with a fraction (`12.5`) is no whole number and is still refused. Offsets
typed full-width by a Chinese IME (`１２`) were refused as well, where an id cell beside them
took the same digits.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

ARTICLE = "公司2023年营收增长12%，员工人数为300人。\n新工厂将于明年投产。\n"
NUMBERS = ("id", "document_id", "start", "end", "revision")


def _desk(cli: Any, tmp_path: Path) -> list[list[str]]:
    """A document with two claims, and its claims table's rows (the header first)."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "营收增长12%", "--text", "营收增长百分之十二"))
    ok(cli("claim", "add", "1", "--quote", "员工人数为300人", "--text", "员工三百人"))
    return list(csv.reader(io.StringIO(ok(cli("export", "claims")).out)))


def _saved(tmp_path: Path, rows: list[list[str]]) -> Path:
    """The rows as Excel saves "CSV UTF-8": a BOM, CRLF."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    sheet = tmp_path / "claims.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return sheet


@pytest.mark.parametrize("fraction", [".0", ".00"])
def test_whole_numbers_saved_with_a_zero_fraction_read_as_written(
    cli: Any, tmp_path: Path, fraction: str
) -> None:
    rows = _desk(cli, tmp_path)
    header = rows[0]
    for row in rows[1:]:
        for name in NUMBERS:
            row[header.index(name)] += fraction
    # The editor's new claim: no id, no document_id, no revision (the database decides them).
    new = dict.fromkeys(header, "")
    new.update(quote="新工厂将于明年投产", text="新工厂明年投产", type="date")
    rows.append([new[name] for name in header])
    sheet = _saved(tmp_path, rows)
    assert f"\r\n1{fraction},1{fraction}," in sheet.read_bytes().decode("utf-8-sig")

    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert [c["text"] for c in result["added"]] == ["新工厂明年投产"], result
    assert (result["already_present"], result["differs"]) == (2, []), result
    listed = json.loads(ok(cli("claim", "list", "--json")).out)
    assert len(listed) == 3, listed


def test_offsets_typed_full_width_pin_the_claim(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    start = ARTICLE.index("新工厂")
    end = start + len("新工厂将于明年投产")
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    sheet = tmp_path / "new.csv"
    sheet.write_text(
        f"start,end,text\n{str(start).translate(full_width)},"
        f"{str(end).translate(full_width)},新工厂明年投产\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    added = json.loads(r.out)["added"]
    assert [(c["start"], c["end"]) for c in added] == [(start, end)], added


@pytest.mark.parametrize("cell", ["12.5", "12.", ".0", "1e1", "12.0.0"])
def test_a_number_with_a_fraction_is_still_refused(cli: Any, tmp_path: Path, cell: str) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "new.csv"
    sheet.write_text(f"start,end,text\n{cell},20,某句话\n", encoding="utf-8")
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert f"row 2: start: a whole number in digits, not '{cell}'" in r.err, r.err
