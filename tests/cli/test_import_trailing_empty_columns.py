"""A CSV that a spreadsheet saved with empty columns after the table's (trial sheet).

Excel saves every column of a sheet's used range: a column once typed in and cleared, to the
right of the table, comes back as a nameless, empty column, a `,` more at the end of every
line. The bug: one such column was read (its cells empty), but two or more refused the whole
file as "the CSV header repeats a column: id, ..., verdict_at, , " (the repeated name being
nothing). Nameless columns are nobody's column: empty, they are read as one is; one that
holds a value is still refused, naming it, as a column a claims table does not have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok


def _export(cli: Any, tmp_path: Path) -> list[str]:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))
    ok(cli("claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲说"))
    out = tmp_path / "claims.csv"
    ok(cli("export", "claims", "-o", str(out)))
    return out.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("extra", [",", ",,", ",,,,,"])
def test_empty_nameless_columns_are_read_as_none(cli: Any, tmp_path: Path, extra: str) -> None:
    lines = _export(cli, tmp_path)
    saved = tmp_path / "saved.csv"
    saved.write_bytes(b"\xef\xbb\xbf" + "".join(f"{line}{extra}\r\n" for line in lines).encode())
    r = ok(cli("import", "claims", "--doc", "1", str(saved)))
    assert "0 claims added, 1 already present" in r.err, r.err


def test_a_nameless_column_with_a_value_is_refused(cli: Any, tmp_path: Path) -> None:
    lines = _export(cli, tmp_path)
    saved = tmp_path / "saved.csv"
    saved.write_text(f"{lines[0]},,\n{lines[1]},,看一下\n", encoding="utf-8")
    r = cli("import", "claims", "--doc", "1", str(saved))
    assert r.code == 1 and "a column a claims table does not: ''" in r.err, r.err


def test_a_named_column_given_twice_is_still_refused(cli: Any, tmp_path: Path) -> None:
    _export(cli, tmp_path)
    saved = tmp_path / "saved.csv"
    saved.write_text("quote,text,Text\n甲说了一句话,a,b\n", encoding="utf-8")
    r = cli("import", "claims", "--doc", "1", str(saved))
    assert r.code == 1 and "the CSV header repeats a column" in r.err, r.err
