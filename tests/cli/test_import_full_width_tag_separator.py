"""`import claims` of a CSV whose tags a Chinese desk typed in a spreadsheet.

The tags cell is 'a; b' (`workbench schema claims`), and a tag is stored folded, full-width
forms as ASCII. A Chinese IME types the semicolon full-width (`融资；估值`), but the row's cell
is split on the ASCII `;` only (workbench/services/imports.py: `row.tags.split(";")`), before
the tag is folded: the whole cell came out as one tag `融资;估值`, refused because it "holds
';'", a character the user never typed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "月之暗面完成新一轮融资，融资金额超过１０亿美元。\n融资完成后，估值达到２５亿美元。\n"


def _tags_imported(cli: Any, tmp_path: Path, first: str, second: str) -> list[list[str]]:
    """The tags of two claims imported from a sheet whose tags cells are `first` and `second`
    (CSV cells as written)."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    table = tmp_path / "claims.csv"
    table.write_text(
        "text,quote,tags\n"
        f"融资超过十亿美元,融资金额超过１０亿美元,{first}\n"
        f"估值二十五亿美元,估值达到２５亿美元,{second}\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(table), "--doc", "1")
    assert r.code == 0, (r.code, r.out, r.err)
    return [c["tags"] for c in json.loads(ok(cli("claim", "list", "--json")).out)]


def test_full_width_semicolon_separates_tags(cli: Any, tmp_path: Path) -> None:
    """A row with tags `融资；估值` failed: "tag '融资;估值' holds ';' or ',', which separate
    tags in exports"; the same cell with `;` imported two tags."""
    tags = _tags_imported(cli, tmp_path, "融资; 估值", "融资；估值")
    assert tags == [["估值", "融资"], ["估值", "融资"]], tags


def test_a_comma_separates_tags_too(cli: Any, tmp_path: Path) -> None:
    """A Chinese editor typed a new row's tags `时间线，CLIP` (the IME's full-width comma), or
    `融资, 估值`: the row failed, "tag '时间线,clip' holds ';' or ',', which separate tags in
    exports", a comma the editor typed between two tags. No tag can hold a comma, so a comma
    (half- or full-width) in a tags cell can only separate two: it does."""
    tags = _tags_imported(cli, tmp_path, '"融资, 估值"', "融资，估值；CLIP")
    assert tags == [["估值", "融资"], ["clip", "估值", "融资"]], tags
