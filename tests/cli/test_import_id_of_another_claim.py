"""A claims file whose id cell names another claim than the row's quote and text.

trial168: an editor pasted the rows of a sheet under the wrong ids (and another desk's export
carries ids no claim here has). The import matched each row by its words, or added it as a new
claim, and said nothing of the id: "1 claim added, 2 already present", the editor taking the
rows to have been read as the claims their ids name. Each such row is said now, on stderr (a
warning naming the row, the id and what was done with the row) and in --json (`other_ids`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_spreadsheet_round_trip_trial97 import _desk
from tests.inprocess import ok


def _sheet(cli: Any, tmp_path: Path) -> Path:
    """The export with its rows' ids changed."""
    one, two = json.loads(ok(cli("export", "claims", "--format", "json")).out)
    one["id"], two["id"] = two["id"], 90  # claim #1's row under #2's id; #2's under no claim's
    path = tmp_path / "claims.json"
    path.write_text(json.dumps([one, two], ensure_ascii=False), encoding="utf-8")
    return path


def test_an_id_of_another_claim_is_said_in_text_and_json(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    sheet = _sheet(cli, tmp_path)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 0, r.err
    lines = r.err.splitlines()
    assert (
        "warning: row 1: id 2 is claim #2, whose quote and text are not the row's: taken as "
        "claim #1, already present, by its quote and text"
    ) in lines, r.err
    assert (
        "warning: row 2: id 90 is no claim of document #1: taken as claim #2, already "
        "present, by its quote and text"
    ) in lines, r.err
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["other_ids"] == [
        {"row": 1, "id": 2, "claim": 1, "added": False, "id_known": True},
        {"row": 2, "id": 90, "claim": 2, "added": False, "id_known": False},
    ]


def test_a_row_added_under_an_id_of_no_claim_says_so(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    path = tmp_path / "other_desk.json"
    row = {"id": 7, "quote": "估值达到２５亿美元", "text": "另一家的说法"}
    path.write_text(json.dumps([row], ensure_ascii=False), encoding="utf-8")
    r = cli("import", "claims", str(path), "--doc", "1", "--dry-run")
    assert r.code == 0, r.err
    assert (
        "warning: row 1: id 7 is no claim of document #1: would be added as a new claim"
    ) in r.err.splitlines(), r.err
    r = cli("import", "claims", str(path), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert [c["text"] for c in result["added"]] == ["另一家的说法"]
    assert result["other_ids"] == [
        {
            "row": 1,
            "id": 7,
            "claim": None,
            "added": True,
            "id_known": False,
            "added_as": result["added"][0]["id"],
        }
    ]


def test_many_such_rows_are_said_ten_then_counted(cli: Any, tmp_path: Path) -> None:
    """Another desk's export of many claims: ten warnings, then one line for the rest (every
    row is in --json's `other_ids`), not a line per row."""
    _desk(cli, tmp_path)
    path = tmp_path / "other_desk.json"
    rows = [{"id": 100 + i, "quote": "估值达到２５亿美元", "text": f"说法{i}"} for i in range(12)]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    r = cli("import", "claims", str(path), "--doc", "1", "--dry-run")
    assert r.code == 0, r.err
    said = [line for line in r.err.splitlines() if ": id 1" in line]
    assert len(said) == 10, r.err
    assert (
        "warning: and 2 more rows whose id is not the claim the row was taken as (--json: "
        "other_ids)"
    ) in r.err.splitlines(), r.err
    r = cli("import", "claims", str(path), "--doc", "1", "--dry-run", "--json")
    assert len(json.loads(r.out)["other_ids"]) == 12
