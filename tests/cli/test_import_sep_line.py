"""A CSV whose first line is Excel's `sep=;` directive (trial sheet).

Excel reads a first line `sep=;` (or `sep=,`, `sep=\t`) as the file's separator, not as data,
and tools that write CSV for Excel in a European locale put it there. The bug: `import claims`
took it as the header and refused the file as "no 'text' column and no 'quote' column ...: the
file's columns are sep=, ''". The line says the separator; the header is the line after it,
row 1 as Excel shows it (the directive is not shown).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_the_sep_line_says_the_separator(cli: Any, tmp_path: Path, sep: str) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    rows = [["quote", "text", "note"], ["甲说了一句话", "甲说, 一句", "x; y"]]
    body = "".join(sep.join(f'"{c}"' for c in row) + "\r\n" for row in rows)
    sheet.write_bytes(b"\xef\xbb\xbf" + f"sep={sep}\r\n{body}".encode())
    r = ok(cli("import", "claims", "--doc", "1", str(sheet)))
    assert "1 claim added" in r.err, r.err
    assert "甲说, 一句" in ok(cli("claim", "list")).out


def test_a_bad_row_is_numbered_as_excel_shows_it(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    sheet.write_text("sep=;\nquote;text\n甲说了一句话;a\n不在文中;b\n", encoding="utf-8")
    r = cli("import", "claims", "--doc", "1", str(sheet))
    assert r.code == 1 and "row 3: quote not found" in r.err, r.err
