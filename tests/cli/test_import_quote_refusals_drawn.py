"""An import's refusals of an export's row quote the claim's quote as a person can copy it.

Two refusals of `import claims` (a row of a claim whose quote cell was emptied, and an id whose
row pins the claim elsewhere) wrote the stored quote through Python's repr: an emoji came out
as `\\U0001f469\\u200d...` and a backslash doubled, which no one can paste back or compare with
the article (quote333 moved the other quote refusals to `said_quote`; these two were left).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "她说👩‍👩‍👧一家三口去了上海。\n第二句话在这里。\n"


def _desk(cli: Any, tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--quote",
            "她说👩‍👩‍👧一家三口去了上海",
            "--text",
            "一家三口去了上海",
        )
    )
    rows = list(csv.DictReader(io.StringIO(ok(cli("export", "claims")).out)))
    rows[0]["quote"] = ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet = tmp_path / "claims.csv"
    sheet.write_text(out.getvalue(), encoding="utf-8")
    return sheet


def test_an_emptied_quote_is_refused_quoting_the_claim_as_drawn(cli: Any, tmp_path: Path) -> None:
    sheet = _desk(cli, tmp_path)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1, (r.code, r.out, r.err)
    assert "'她说👩\u200d👩\u200d👧一家三口去了上海'" in r.err, r.err
    assert "\\U0001f469" not in r.err and "\\u200d" not in r.err, r.err
