"""A rating left empty in a file, imported back: said as emptied, not as a changed rating.

review216: an annotation of a false claim whose `assessing` label an editor emptied ("") was
said as "its rating differs from the file and was not changed", of a file that gives no
rating at all; the same cell emptied in a claims table was said nothing of, where every other
emptied cell of an export is said (an editor takes it to be cleared). The rating follows from
the status (`status.RATINGS`) and is never imported: emptied, it is said as emptied, with why
it stays ("which follows from its status") and what changes it (`claim status`), in both
imports alike; not where the claim has no rating, nor where the row's own status has none.
Run on both backends.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _desk, _exported, _saved
from tests.cli.test_import_claims_rating_edited import _judged
from tests.cli.test_import_emptied_cells import _edited
from tests.cli.test_spreadsheet_round_trip_trial97 import _desk as trial97_desk
from tests.inprocess import ok

WHY = "(import adds claims only; use claim status)"


def _differs(r: Any) -> list[dict[str, Any]]:
    assert r.code == 0, (r.out, r.err)
    found: list[dict[str, Any]] = json.loads(r.out)["differs"]
    return found


def test_an_annotations_emptied_rating_is_said_as_emptied(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    for empty in ("", "  "):
        _body(data["first"]["items"][1], "assessing")["value"] = empty
        path = _saved(tmp_path, data)
        r = cli("import", "annotations", str(path), "--doc", "1", "--json")
        assert _differs(r) == [{"row": 2, "claim": 2, "fields": ["rating"], "emptied": ["rating"]}]
        r = cli("import", "annotations", str(path), "--doc", "1")
        assert (
            "annotation 2: claim #2 is already present; the file leaves its rating empty, which "
            f"follows from its status: not changed {WHY}"
        ) in r.err.splitlines(), r.err


def test_a_tables_emptied_rating_is_said_as_emptied(cli: Any, tmp_path: Path) -> None:
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, rating="")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert _differs(r) == [{"row": 2, "claim": 1, "fields": ["rating"], "emptied": ["rating"]}]
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert (
        "row 2: claim #1 is already present; the file leaves its rating empty, which follows "
        f"from its status: not changed {WHY}"
    ) in r.err.splitlines(), r.err


def test_an_emptied_rating_beside_a_changed_field_says_both(cli: Any, tmp_path: Path) -> None:
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, rating="", type="opinion")
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert (
        "row 2: claim #1 is already present; its type differs from the file and the file leaves "
        "its rating empty: not changed; its rating follows from its status (import adds claims "
        "only; use claim edit, claim status)"
    ) in r.err.splitlines(), r.err


def test_an_emptied_rating_the_rows_own_status_has_none_of_is_no_difference(
    cli: Any, tmp_path: Path
) -> None:
    """The row reopens the claim (in_progress, which has no rating): its empty rating is its
    own status's, said as the status is, not again as a rating (as a label that is its own
    status's is not)."""
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, rating="", status="in_progress")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert [d["fields"] for d in _differs(r)] == [["status"]], r.out


def test_an_empty_rating_of_a_claim_that_has_none_says_nothing(cli: Any, tmp_path: Path) -> None:
    """An open claim's row (claim #1's) leaves its rating empty in the export itself: imported
    back untouched, no word of it."""
    trial97_desk(cli, tmp_path)
    sheet = _edited(cli, tmp_path)
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["rating"]) for r in rows] == [("1", ""), ("2", "False")]
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert _differs(r) == [], r.out


def test_an_emptied_rating_beside_other_emptied_cells_gives_each_its_reason(
    cli: Any, tmp_path: Path
) -> None:
    """Beside a status no claim can be without, and beside a speaker that was not cleared."""
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, rating="", status="")
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert (
        "row 2: claim #1 is already present; the file leaves its status, rating empty: not "
        "changed; no claim can be without its status, and its rating follows from its status "
        f"{WHY}"
    ) in r.err.splitlines(), r.err
    ok(cli("claim", "status", "1", "in_progress", "--note", "再查说话人"))
    ok(cli("claim", "edit", "1", "--speaker", "闫俊杰"))
    ok(cli("claim", "status", "1", "false", "--note", "公告说融资金额为５亿美元"))
    sheet = _edited(cli, tmp_path, rating="", speaker="")
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert (
        "row 2: claim #1 is already present; the file leaves its speaker empty, which was not "
        "cleared, and its rating, which follows from its status (import adds claims only; use "
        "claim edit --clear speaker, claim status)"
    ) in r.err.splitlines(), r.err
