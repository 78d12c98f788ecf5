"""`import claims` of an export whose every row an editor changed in the sheet.

An editor set every claim's priority to high in an export of a large desk and imported it
back: the import said a line for each row ("row N: claim #M is already present; its priority
differs from the file and was not changed ..."), 100,000 rows a 100,000-line stderr, the
summary lost above them. Like the import's other lists (rows whose id is another claim's,
claims added on another's span), the first few are said and the rest counted in one line;
--json's `differs` keeps every row.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

# The rows said a line each (as many as the rows whose id is another claim's), and more
# claims than that.
DIFFERS_SHOWN = 10
CLAIMS = DIFFERS_SHOWN + 4


def _every_priority_raised(cli: Any, tmp_path: Path) -> Path:
    """A desk of CLAIMS claims, and its export with every row's priority set to high."""
    sentences = [f"第{n}句话说了第{n}件事。" for n in range(1, CLAIMS + 1)]
    article = tmp_path / "a.txt"
    article.write_text("".join(sentences), encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("quote,text\n" + "".join(f"{s},{s}\n" for s in sentences), "utf-8")
    ok(cli("import", "claims", str(sheet), "--doc", "1"))
    rows = list(csv.DictReader(io.StringIO(ok(cli("export", "claims")).out)))
    assert len(rows) == CLAIMS
    for row in rows:
        row["priority"] = "high"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    edited = tmp_path / "edited.csv"
    edited.write_text(out.getvalue(), encoding="utf-8-sig")
    return edited


def test_the_rows_that_differ_are_said_a_few_then_counted(cli: Any, tmp_path: Path) -> None:
    edited = _every_priority_raised(cli, tmp_path)
    r = cli("import", "claims", str(edited), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    lines = r.err.splitlines()
    said = [line for line in lines if "is already present" in line]
    assert len(said) == DIFFERS_SHOWN, r.err
    assert said[0] == (
        "row 2: claim #1 is already present; its priority differs from the file and was not "
        "changed (import adds claims only; use claim priority)"
    )
    assert lines[-2:] == [
        "and 4 more rows whose claim, already present, differs from the file: not changed "
        "(--json: differs)",
        f"0 claims added, {CLAIMS} already present, 0 rows skipped",
    ], r.err


def test_json_gives_every_row_that_differs(cli: Any, tmp_path: Path) -> None:
    edited = _every_priority_raised(cli, tmp_path)
    r = cli("import", "claims", str(edited), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    differs = json.loads(r.out)["differs"]
    assert [(d["row"], d["claim"], d["fields"]) for d in differs] == [
        (n + 1, n, ["priority"]) for n in range(1, CLAIMS + 1)
    ]
