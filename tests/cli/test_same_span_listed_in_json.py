"""`--json`'s `same_span` lists at most the first hundred claims on the span, and counts them all.

Met this session: `import claims --json` of 5,000 rows quoting the same words printed 175 MB
(each added claim listed every claim before it on the span: 12.5 million ids), and a file of
the 100,000 rows an import takes would have printed some 70 GB, the square of the rows. The
stderr warning already named three and counted the rest (trial196). `same_span` now lists the
first `SAME_SPAN_LISTED` ids (the lowest, as before), and `same_span_count` says how many there
are, so that the output grows with the rows, not their square, and a script still learns the
whole count (docs/json.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok
from workbench.services.views import SAME_SPAN_LISTED

ARTICLE = "融资金额超过１０亿美元，估值达到２５亿美元。"
QUOTE = "融资金额超过１０亿美元"
ROWS = SAME_SPAN_LISTED + 20


def _sheet(tmp_path: Path, rows: int, word: str) -> Path:
    sheet = tmp_path / f"{word}.csv"
    lines = "".join(f"{QUOTE},{word}{n}\n" for n in range(rows))
    sheet.write_text("quote,text\n" + lines, encoding="utf-8")
    return sheet


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))


def test_an_imports_same_span_lists_the_first_hundred_and_counts_all(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    r = ok(cli("import", "claims", str(_sheet(tmp_path, ROWS, "说法")), "--doc", "1", "--json"))
    added = json.loads(r.out)["added"]
    assert [len(c["same_span"]) for c in added] == [min(n, SAME_SPAN_LISTED) for n in range(ROWS)]
    assert [c["same_span_count"] for c in added] == list(range(ROWS))
    last = added[-1]
    assert last["same_span"] == [c["id"] for c in added[:SAME_SPAN_LISTED]]
    keys = list(last)
    assert keys.index("same_span_count") == keys.index("same_span") + 1


def test_a_dry_runs_same_span_lists_the_first_hundred_present(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("import", "claims", str(_sheet(tmp_path, ROWS, "说法")), "--doc", "1"))
    more = _sheet(tmp_path, 2, "新说法")
    r = ok(cli("import", "claims", str(more), "--doc", "1", "--dry-run", "--json"))
    added = json.loads(r.out)["added"]
    assert [c["same_span"] for c in added] == [list(range(1, SAME_SPAN_LISTED + 1))] * 2
    assert [(c["same_span_count"], c["same_span_to_add"]) for c in added] == [(ROWS, 0), (ROWS, 1)]


def test_claim_add_lists_the_first_hundred_and_counts_all(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("import", "claims", str(_sheet(tmp_path, ROWS, "说法")), "--doc", "1"))
    r = ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", "又一种说法", "--json"))
    claim = json.loads(r.out)
    assert claim["same_span"] == list(range(1, SAME_SPAN_LISTED + 1))
    assert claim["same_span_count"] == ROWS


def test_a_few_claims_are_all_listed_and_counted(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("import", "claims", str(_sheet(tmp_path, 2, "说法")), "--doc", "1"))
    r = ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", "又一种说法", "--json"))
    claim = json.loads(r.out)
    assert (claim["same_span"], claim["same_span_count"]) == ([1, 2], 2)
    r = ok(cli("claim", "add", "1", "--quote", "估值达到２５亿美元", "--text", "估值", "--json"))
    claim = json.loads(r.out)
    assert (claim["same_span"], claim["same_span_count"]) == ([], 0)
