"""A claim text over Excel's 32,767 characters a cell, exported as a workbook and brought back.

`export claims --format xlsx` cuts such a text, ending the cell with '[…cut: ...]', and warns.
The editor saved the sheet as CSV UTF-8 (as `import claims` advises for a workbook) and
imported it: the cut row no longer matched its claim, and the import silently added a second
claim on the same span, its text the cut one with the marker in it. A cell ending with the
export's cut marker is refused now, naming the row and where the whole text is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.spreadsheet_saves import workbook_saved_as_csv


# A text of CJK Extension B (𠀀, U+20000: two UTF-16 units each, as Excel counts) was cut to
# the mark alone, and the cut, short of a full cell, was not known as one: the row came back
# as the claim's text edited.
@pytest.mark.parametrize("text", ["文" * 40_000, "𠀀" * 40_000])
def test_a_cut_cell_saved_back_is_refused_not_added_as_a_claim(
    cli: Any, tmp_path: Path, text: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("开头。" + "长" * 40_000 + "。结尾。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "开头", "--text", text))
    workbook = tmp_path / "claims.xlsx"
    exported = ok(cli("export", "claims", "-o", str(workbook)))
    assert "cut 1 text" in exported.err
    sheet = tmp_path / "claims.csv"
    workbook_saved_as_csv(workbook, sheet)
    before = json.loads(ok(cli("audit", "head", "--json")).out)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert r.err.splitlines()[0] == (
        "row 2: text: cut to Excel's 32,767 characters by `export claims --format xlsx` "
        "(it ends '[…cut: ...]'): import `export claims --format csv` instead, or give the "
        "whole text"
    ), r.err
    assert json.loads(ok(cli("audit", "head", "--json")).out) == before
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 1
    # The CSV export keeps it whole, and comes back as the claim present.
    whole = tmp_path / "whole.csv"
    ok(cli("export", "claims", "--format", "csv", "-o", str(whole)))
    assert text in whole.read_text(encoding="utf-8")
    r = cli("import", "claims", str(whole), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert (json.loads(r.out)["added"], json.loads(r.out)["already_present"]) == ([], 1)


def test_a_short_text_ending_with_the_cut_marks_words_is_not_refused(
    cli: Any, tmp_path: Path
) -> None:
    """A cell ending with the cut mark's words is a cut only when it fills an Excel cell.

    A desk checking a story about this very tool (its help quoted in an article) pinned a
    claim on the sentence that ends with the mark's words: its own csv export, imported
    back, was refused row by row as 'cut to Excel's 32,767 characters ... import `export
    claims --format csv` instead', though it was that csv export and nothing was cut; a new
    row quoting the sentence could not be imported at all."""
    from workbench.exports.table_xlsx import CUT_MARK

    sentence = "导出的单元格结尾写着" + CUT_MARK.strip()
    article = tmp_path / "a.txt"
    article.write_text(f"开头。{sentence}\n结尾。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", sentence, "--text", sentence))
    whole = tmp_path / "whole.csv"
    ok(cli("export", "claims", "--format", "csv", "-o", str(whole)))
    r = cli("import", "claims", str(whole), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert (json.loads(r.out)["added"], json.loads(r.out)["already_present"]) == ([], 1)
    # A row of one's own, quoting the same sentence with another text, is a claim to add.
    own = tmp_path / "own.csv"
    own.write_text(f'quote,text\n"{sentence}",单元格被截断\n', encoding="utf-8")
    r = cli("import", "claims", str(own), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert len(json.loads(r.out)["added"]) == 1
