"""An export of claims, opened in a spreadsheet and saved unchanged, imported back: nothing
changes, and the import says so (0 added, every row present, no row differing), with Chinese
text, full-width punctuation, line breaks inside cells and texts that start with `=`, `+`,
`-` or `@` (the CSV export's formula guard, a leading apostrophe, comes off on import; a
spreadsheet that keeps it or drops it, and a second round trip, pile none up).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.spreadsheet_saves import workbook_saved_as_csv

ARTICLE = "他说：“=SUM(A1)是公式”，又说+1也是。\n第二行，“引号”与《书名》！\n"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "=SUM(A1)是公式", "--text", "=SUM(A1)：公式，“引号”"))
    ok(cli("claim", "add", "1", "--quote", "+1也是", "--text", "+1也是（全角）"))
    ok(cli("claim", "add", "1", "--quote", "又说+1也是。\n第二行", "--text", "-两行：《书名》！"))
    ok(cli("claim", "edit", "1", "--speaker", "@某人"))
    ok(cli("claim", "tag", "2", "融资"))
    ok(cli("note", "add", "1", "=第一行\n第二行"))


def _resaved(exported: str, *, apostrophe: bool, crlf_in_cells: bool) -> bytes:
    """As a spreadsheet saves the sheet as CSV UTF-8: a BOM, CRLF between rows; the guard's
    apostrophe kept or dropped (`apostrophe`), a line break inside a cell CRLF or not."""
    rows = list(csv.reader(io.StringIO(exported)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        cells = [c if apostrophe or not c.startswith("'") else c[1:] for c in row]
        writer.writerow([c.replace("\n", "\r\n") if crlf_in_cells else c for c in cells])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _head(cli: Any) -> Any:
    return json.loads(ok(cli("audit", "head", "--json")).out)


@pytest.mark.parametrize(("apostrophe", "crlf_in_cells"), [(True, False), (False, True)])
def test_an_unchanged_export_changes_nothing_and_says_so(
    cli: Any, tmp_path: Path, apostrophe: bool, crlf_in_cells: bool
) -> None:
    _desk(cli, tmp_path)
    exported = ok(cli("export", "claims")).out
    assert "'=SUM(A1)" in exported and "'+1" in exported and "'@某人" in exported
    before = _head(cli)
    sheet = tmp_path / "claims.csv"
    for _ in range(2):  # saved, imported, exported and saved again: nothing piles up
        sheet.write_bytes(_resaved(exported, apostrophe=apostrophe, crlf_in_cells=crlf_in_cells))
        r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
        assert r.code == 0, r.err
        result = json.loads(r.out)
        assert (result["added"], result["already_present"]) == ([], 3), result
        assert (result["differs"], result["skipped"], result["notices"]) == ([], [], [])
        assert r.err == "0 claims added, 3 already present, 0 rows skipped\n", r.err
        assert ok(cli("export", "claims")).out == exported
    assert _head(cli) == before


def test_an_unchanged_workbook_saved_as_csv_changes_nothing(cli: Any, tmp_path: Path) -> None:
    """The xlsx export, its sheet saved as CSV UTF-8 (as `import claims` advises for a
    workbook): its text cells hold the texts as stored, `=` and all, with no guard."""
    _desk(cli, tmp_path)
    ok(cli("claim", "due", "2", "2026-12-20"))
    workbook = tmp_path / "claims.xlsx"
    ok(cli("export", "claims", "-o", str(workbook)))
    saved = tmp_path / "claims.csv"
    workbook_saved_as_csv(workbook, saved)
    before = _head(cli)
    r = cli("import", "claims", str(saved), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (result["added"], result["already_present"], result["differs"]) == ([], 3, [])
    assert _head(cli) == before
