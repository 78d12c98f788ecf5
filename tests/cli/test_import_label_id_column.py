"""A desk's own claims sheet, not an export, whose `id` column holds its own labels.

A desk keeps its claims in a sheet of its own, numbered A-01, A-02, ... in an `id` column, and
imports it. Each row failed, "id: 'A-01' is not a claim id", and the file was refused (before
the id cells were read, the column was ignored). A column that holds no claim id at all, in a
file that is no export (none of the export's other columns), is not the workbench's: it is
ignored, said once on stderr (and in `warnings`), and the rows come in as new claims. A column
where some cells are ids is a mistake in the ids, and those that are none stay bad rows; so
does a cell that is no id in an export's own rows (a typo in its id).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import RowsRefused, import_claims

ARTICLE = "月之暗面完成新一轮融资，融资金额超过１０亿美元。\n融资完成后，估值达到２５亿美元。\n"

WARNED = (
    "warning: column id holds no claim id ('A-01', 'A-02'): taken as the sheet's own labels and "
    "ignored, the rows added as new claims (an export's id is the claim's number, 12)"
)


def _sheet(tmp_path: Path, *ids: str) -> Path:
    sheet = tmp_path / "desk.csv"
    rows = [
        ("融资金额超过１０亿美元", "融资超过十亿美元"),
        ("估值达到２５亿美元", "估值二十五亿美元"),
    ]
    lines = ["id,quote,text,note"] + [
        f"{label},{quote},{text},待核：需原始来源（公告）"
        for label, (quote, text) in zip(ids, rows, strict=True)
    ]
    sheet.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return sheet


def _doc(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))


def test_a_column_of_labels_is_ignored_said_once(cli: Any, tmp_path: Path) -> None:
    _doc(cli, tmp_path)
    r = cli("import", "claims", str(_sheet(tmp_path, "A-01", "A-02")), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.err.splitlines().count(WARNED) == 1, r.err
    assert r.err.splitlines()[-1] == "2 claims added, 0 already present, 0 rows skipped"
    claims = json.loads(ok(cli("claim", "list", "--json")).out)
    assert [c["text"] for c in claims] == ["融资超过十亿美元", "估值二十五亿美元"]


def test_json_gives_the_warning_too(cli: Any, tmp_path: Path) -> None:
    _doc(cli, tmp_path)
    r = cli("import", "claims", str(_sheet(tmp_path, "A-01", "A-02")), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    result = json.loads(r.out)
    assert len(result["added"]) == 2
    assert result["warnings"] == [WARNED.removeprefix("warning: ")]


def test_a_column_mixing_ids_and_labels_stays_bad_rows(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    try:
        import_claims(wb, str(_sheet(tmp_path, "1", "A-02")), doc)
    except RowsRefused as exc:
        assert [p.split(":")[0] for p in exc.problems] == ["row 3"], exc.problems
        assert "id: 'A-02' is not a claim id" in exc.problems[0]
    else:
        raise AssertionError("a column with an id and a label was taken")


def test_labels_with_empty_cells_are_ignored(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    result = import_claims(wb, str(_sheet(tmp_path, "", "乙-2")), doc)
    assert len(result.added) == 2
    assert result.warnings == [
        "column id holds no claim id ('乙-2'): taken as the sheet's own labels and ignored, "
        "the rows added as new claims (an export's id is the claim's number, 12)"
    ]


def test_an_unlabelled_sheet_warns_nothing(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    result = import_claims(wb, str(_sheet(tmp_path, "", "")), doc)
    assert (len(result.added), result.warnings) == (2, [])
