"""A claim whose text, quote or note itself starts with an apostrophe and a formula character
(`'=SUM(A1)`, `'+1`, `'-`, `'@`: a text quoting a spreadsheet's typed cell) exported and
imported back must come back exactly. The CSV export adds one more apostrophe (the formula
guard) and the import takes one off, so the CSV held; the xlsx export wrote the text as
stored, and its sheet saved as CSV (as `import claims` advises for a workbook) gave
`'=SUM(A1)`, which the import read as a guarded `=SUM(A1)`: the apostrophe was lost, and each such
claim was added again, with the text and quote cut."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.spreadsheet_saves import workbook_saved_as_csv

ARTICLE = "表格里写着'=SUM(A1)，旁边是'+1与'@某人。\n"
TEXTS = ["'=SUM(A1)：单元格原文", "'-减号开头", "'@某人说"]


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "'=SUM(A1)", "--text", TEXTS[0]))
    ok(cli("claim", "add", "1", "--quote", "'+1", "--text", TEXTS[1]))
    ok(cli("claim", "add", "1", "--quote", "'@某人", "--text", TEXTS[2]))
    ok(cli("note", "add", "1", "'+1 是笔记"))


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_text_starting_with_an_apostrophe_comes_back_exactly(
    cli: Any, tmp_path: Path, form: str
) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    if form == "csv":
        ok(cli("export", "claims", "-o", str(sheet)))
    else:
        workbook = tmp_path / "claims.xlsx"
        ok(cli("export", "claims", "-o", str(workbook)))
        workbook_saved_as_csv(workbook, sheet)
    # Every claim already present, none differing: read back as stored, text, quote, note.
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (result["added"], result["already_present"], result["differs"]) == ([], 3, []), result
