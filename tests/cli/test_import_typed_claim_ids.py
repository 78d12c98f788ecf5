"""An export's id cell edited in a spreadsheet as the tool shows ids, brought back.

The tool writes every id as #12, and a Chinese IME in full-width mode types １２: an editor
who typed `#1`, ` 1 ` or `１` into the id column of the export's row of claim #1 had the id
ignored unsaid, so that row, its quote saved by the spreadsheet as a number (0.50 as 0.5), was
silently added as a second claim on part of the first's span, where `1` was refused saying so.
An id cell that is no claim id at all (`abc`, `1.5`) was ignored too. Such ids are read as the
claim's, and a cell that is none is refused, naming the row.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok


def _sheet(cli: Any, tmp_path: Path, claim_id: str) -> Path:
    """The export of claim #1, quoting 0.50, as a spreadsheet saved it: the quote as the
    number 0.5, and the id cell as the editor typed it."""
    article = tmp_path / "n.txt"
    article.write_text("公司2023年营收增长0.50，编号007的产品卖出了1,000台。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "0.50", "--text", "营收增长零点五"))
    rows = list(csv.reader(io.StringIO(ok(cli("export", "claims")).out)))
    rows[1][rows[0].index("quote")] = "0.5"
    rows[1][rows[0].index("id")] = claim_id
    sheet = tmp_path / "claims.csv"
    with sheet.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    return sheet


@pytest.mark.parametrize("claim_id", ["#1", " 1 ", "１", "＃１"])
def test_an_id_typed_as_the_tool_shows_it_is_the_claims(
    cli: Any, tmp_path: Path, claim_id: str
) -> None:
    sheet = _sheet(cli, tmp_path, claim_id)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert r.err.startswith("row 2: id 1 is claim #1, with this text, pinned to '0.50'"), r.err
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 1


@pytest.mark.parametrize("claim_id", ["abc", "1.5", "#", "1 2"])
def test_an_id_cell_that_is_no_id_is_refused_naming_the_row(
    cli: Any, tmp_path: Path, claim_id: str
) -> None:
    sheet = _sheet(cli, tmp_path, claim_id)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert r.err.splitlines()[0] == (
        f"row 2: id: {claim_id!r} is not a claim id (the export writes it as 12; #12 and "
        "１２ are read too): give the claim's id, or empty the cell to add a claim"
    ), r.err
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 1
