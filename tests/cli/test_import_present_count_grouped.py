"""The count of claims already present an import ends with, its thousands grouped.

An untouched export of a 20,000-claim desk imported back said "0 claims added, 20000 already
present" (and `--dry-run`, "0 claims would be added, 20000 already present"): the count of
claims added beside it is grouped ("20,000 claims added"), as every count the workbench says
is (`plural`), and 20000 read as an id. Both imports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "公司今年营收增长了１２％，达到３５亿元。\n"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))


def test_claims_import_groups_the_count_present(cli: Any, tmp_path: Path) -> None:
    """1,001 rows of one claim: the first added, the other 1,000 repeats of it."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "rows.csv"
    sheet.write_text("quote,text\n" + "营收增长了１２％,营收增长12%\n" * 1001, encoding="utf-8")
    for extra, added in (("--dry-run",), "1 claim would be added"), ((), "1 claim added"):
        r = cli("import", "claims", str(sheet), "--doc", "1", *extra)
        assert r.code == 0, (r.out, r.err)
        assert r.err.splitlines()[-1].startswith(f"{added}, 1,000 already present"), r.err


def test_annotations_import_groups_the_count_present(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    one = {
        "type": "Annotation",
        "bodyValue": "营收增长12%",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "营收增长了１２％"}},
    }
    path = tmp_path / "ann.json"
    path.write_text(json.dumps([one] * 1001, ensure_ascii=False), encoding="utf-8")
    for extra, added in (("--dry-run",), "1 claim would be added"), ((), "1 claim added"):
        r = cli("import", "annotations", str(path), "--doc", "1", *extra)
        assert r.code == 0, (r.out, r.err)
        assert r.err.splitlines()[-1].startswith(f"{added}, 1,000 already present"), r.err
