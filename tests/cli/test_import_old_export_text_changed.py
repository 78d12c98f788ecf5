"""An old export re-imported after a claim's text was edited says who changed it, and when.

trial196: a checker exported the desk's claims (`export claims --format csv`); an editor then
corrected claim #1's text (`claim edit --text`); the old export was imported back. The row,
its id claim #1's, its text the one before the edit, was added as a new claim on #1's span,
as the rules say, with the same-span warning and "id 1 is claim #1, whose quote and text are
not the row's": nothing said that #1's text had been changed since the export, nor by whom,
and the checker took the new claim for an accident of the import. The row's line says it now
("claim #1's text was changed by maria at ... after this export was made"), in --json too
(`other_ids`' `text_changed`, and `added_as`, the new claim's id).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "融资金额超过１０亿美元，估值达到２５亿美元。"


def _old_export_then_edited(cli: Any, tmp_path: Path) -> tuple[Path, str]:
    """Two claims exported; then maria changes claim #1's text. The export's path, and when
    her edit was made (as the trail records it)."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "融资金额超过１０亿美元", "--text", "融资超过十亿美元"))
    ok(cli("claim", "add", "1", "--quote", "估值达到２５亿美元", "--text", "估值二十五亿美元"))
    old = tmp_path / "old.csv"
    old.write_text(ok(cli("export", "claims", "--format", "csv")).out, encoding="utf-8")
    edit = ("claim", "edit", "1", "--text", "融资超过十亿美元（修订）")
    ok(cli(*edit, env={"WORKBENCH_USER": "maria"}))
    trail = ok(cli("audit", "export", "--claim", "1")).out.splitlines()
    edited = [json.loads(line) for line in trail if '"claim.edited"' in line]
    return old, edited[-1]["at"]


def _said(at: str) -> str:
    return f"{at[:19].replace('T', ' ')} UTC"


def test_the_old_exports_row_says_the_claims_text_was_changed_since(
    cli: Any, tmp_path: Path
) -> None:
    old, at = _old_export_then_edited(cli, tmp_path)
    r = ok(cli("import", "claims", str(old), "--doc", "1"))
    warned = [line for line in r.err.splitlines() if line.startswith("warning: row")]
    # (the row's text, added, pins claim #1's words again: said too, naming its row, as the
    # dry run says it)
    assert warned == [
        "warning: row 2: claim #1 already pins exactly these words (characters 0–11) with "
        "other text; #3 is another claim on the same span",
        f"warning: row 2: claim #1's text was changed by maria at {_said(at)} after this "
        "export was made; the row's text is added as a new claim #3",
    ], r.err


def test_a_dry_run_says_it_would_be_added(cli: Any, tmp_path: Path) -> None:
    old, at = _old_export_then_edited(cli, tmp_path)
    r = ok(cli("import", "claims", str(old), "--doc", "1", "--dry-run"))
    warned = [line for line in r.err.splitlines() if line.startswith("warning: row")]
    # (the row's text, added, would pin claim #1's words again: said too, naming its row)
    assert warned == [
        "warning: row 2: claim #1 already pins exactly these words (characters 0–11) with "
        "other text; the import would add another claim on the same span",
        f"warning: row 2: claim #1's text was changed by maria at {_said(at)} after this "
        "export was made; the row's text would be added as a new claim",
    ], r.err


def test_imported_again_the_row_is_the_claim_it_added(cli: Any, tmp_path: Path) -> None:
    old, at = _old_export_then_edited(cli, tmp_path)
    ok(cli("import", "claims", str(old), "--doc", "1"))
    r = ok(cli("import", "claims", str(old), "--doc", "1"))
    warned = [line for line in r.err.splitlines() if line.startswith("warning: row")]
    assert warned == [
        f"warning: row 2: claim #1's text was changed by maria at {_said(at)} after this "
        "export was made; the row's text is claim #3, already present"
    ], r.err


def test_json_gives_who_changed_the_text_when_and_the_new_claims_id(
    cli: Any, tmp_path: Path
) -> None:
    old, at = _old_export_then_edited(cli, tmp_path)
    r = ok(cli("import", "claims", str(old), "--doc", "1", "--json"))
    result = json.loads(r.out)
    (added,) = result["added"]
    assert result["other_ids"] == [
        {
            "row": 2,
            "id": 1,
            "claim": None,
            "added": True,
            "id_known": True,
            "added_as": added["id"],
            "text_changed": {"by": "maria", "at": at},
        }
    ], r.out


def test_a_row_under_the_id_of_a_claim_that_never_had_its_text_says_no_edit(
    cli: Any, tmp_path: Path
) -> None:
    """A row pasted under another claim's id (its text never that claim's) is no old copy of
    it: said as before, no edit named."""
    _old_export_then_edited(cli, tmp_path)
    sheet = tmp_path / "pasted.csv"
    sheet.write_text("id,quote,text\r\n2,融资金额超过１０亿美元,另一种说法\r\n", encoding="utf-8")
    r = ok(cli("import", "claims", str(sheet), "--doc", "1"))
    warned = [line for line in r.err.splitlines() if line.startswith("warning: row")]
    assert warned == [
        "warning: row 2: claim #1 already pins exactly these words (characters 0–11) with "
        "other text; #3 is another claim on the same span",
        "warning: row 2: id 2 is claim #2, whose quote and text are not the row's: added as a "
        "new claim",
    ], r.err
    r = ok(cli("import", "claims", str(sheet), "--doc", "1", "--dry-run", "--json"))
    assert "text_changed" not in json.loads(r.out)["other_ids"][0], r.out
