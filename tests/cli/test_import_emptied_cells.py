"""An export's row of a claim with cells emptied in a spreadsheet, imported back.

An editor cleared claim #1's speaker, owner, due date and tags in the sheet and imported it:
the import said "0 claims added, 2 already present", nothing more, and `--json` had no
`differs` for the row, so the editor took the fields to be cleared; the claim kept them all.
An import adds claims only, so an emptied cell clears nothing; it is said now, on stderr and in
`--json` (`differs`, its `emptied`), with the commands that clear each. A row of a claim whose
quote cell was emptied was taken silently as the claim (pinned by its offsets); it is refused,
naming the row, as an emptied text is.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.cli.test_spreadsheet_round_trip_trial97 import _desk, _head
from tests.inprocess import ok


def _edited(cli: Any, tmp_path: Path, **cells: str) -> Path:
    """The export with claim #1's row's `cells` set, saved as a spreadsheet does."""
    rows = list(csv.DictReader(io.StringIO(ok(cli("export", "claims")).out)))
    rows[0].update(cells)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet = tmp_path / "claims.csv"
    sheet.write_text(out.getvalue(), encoding="utf-8-sig")
    return sheet


def _claim_one(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("claim", "edit", "1", "--speaker", "闫俊杰"))
    ok(cli("claim", "assign", "1", "--to", "王芳"))
    ok(cli("claim", "due", "1", "2026-12-20"))
    ok(cli("claim", "tag", "1", "融资"))


def test_emptied_cells_are_said_not_cleared(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    sheet = _edited(cli, tmp_path, speaker="", assignee="", due="", tags="")
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (result["added"], result["already_present"]) == ([], 2)
    emptied = ["speaker", "assignee", "due", "tags"]
    assert result["differs"] == [{"row": 2, "claim": 1, "fields": emptied, "emptied": emptied}]
    assert (
        "row 2: claim #1 is already present; the file leaves its speaker, assignee, due, "
        "tags empty, which were not cleared (import adds claims only; use claim edit --clear "
        "speaker, claim assign --clear, claim due --clear, claim untag TAG...)"
    ) in r.err.splitlines(), r.err
    assert _head(cli) == before
    claim = json.loads(ok(cli("claim", "show", "1", "--json")).out)
    assert (claim["speaker"], claim["assignee"], claim["tags"]) == ("闫俊杰", "王芳", ["融资"])


def test_an_emptied_cell_beside_an_edited_one_is_said_with_it(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    sheet = _edited(cli, tmp_path, speaker="", priority="high")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    differs = json.loads(r.out)["differs"]
    assert differs == [
        {"row": 2, "claim": 1, "fields": ["speaker", "priority"], "emptied": ["speaker"]}
    ]
    assert (
        "row 2: claim #1 is already present; its priority differs from the file and the file "
        "leaves its speaker empty: not changed (import adds claims only; use claim edit --clear "
        "speaker, claim priority)"
    ) in r.err.splitlines(), r.err


def test_an_emptied_text_or_quote_is_refused_naming_the_row(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    before = _head(cli)
    r = cli("import", "claims", str(_edited(cli, tmp_path, text="")), "--doc", "1")
    assert r.code == 1 and r.err.splitlines()[0] == "row 2: no text given", r.err
    r = cli("import", "claims", str(_edited(cli, tmp_path, quote="")), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert r.err.splitlines()[0] == (
        "row 2: quote: empty, where id 1 is claim #1, quoting '融资金额超过１０亿美元': an "
        "import does not change a claim's quote; give it back, or empty the id to add a claim"
    ), r.err
    assert _head(cli) == before


def test_a_field_set_after_the_export_is_not_said_emptied_by_the_file(
    cli: Any, tmp_path: Path
) -> None:
    """An export taken before claim #1 had an owner and tags, imported back after they were
    given, said 'the file empties its assignee, tags': the file never had them, and the
    editor went looking for who had cleared the cells in the sheet. The row leaves them
    empty, which is what is said now."""
    _desk(cli, tmp_path)
    exported = tmp_path / "before.csv"
    ok(cli("export", "claims", "-o", str(exported)))
    ok(cli("claim", "assign", "1", "--to", "王芳"))
    ok(cli("claim", "tag", "1", "融资"))
    r = cli("import", "claims", str(exported), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 1, "fields": ["assignee", "tags"], "emptied": ["assignee", "tags"]}
    ]
    assert "empties" not in r.err, r.err
    assert (
        "row 2: claim #1 is already present; the file leaves its assignee, tags empty, which "
        "were not cleared (import adds claims only; use claim assign --clear, claim untag TAG...)"
    ) in r.err.splitlines(), r.err


def test_an_emptied_note_is_said_not_deleted(cli: Any, tmp_path: Path) -> None:
    """An editor emptied the note cell of claim #1's row (its published note, "先查公司公告")
    and imported the sheet: "0 claims added, 2 already present", nothing more, and `--json`
    had no `differs` for the row, though an emptied speaker is said. A note is not deleted by
    an import: it is said as emptied, with `note internal`, which takes a published note
    back."""
    _claim_one(cli, tmp_path)
    ok(cli("note", "add", "1", "先查公司公告"))
    sheet = _edited(cli, tmp_path, note="")
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (result["added"], result["already_present"]) == ([], 2)
    assert result["differs"] == [{"row": 2, "claim": 1, "fields": ["note"], "emptied": ["note"]}]
    assert (
        "row 2: claim #1 is already present; the file leaves its note empty, which was not "
        "cleared (import adds claims only; use note internal)"
    ) in r.err.splitlines(), r.err
    assert _head(cli) == before
    notes = json.loads(ok(cli("note", "list", "1", "--json")).out)
    assert [n["body"] for n in notes] == ["先查公司公告"]


def test_an_emptied_note_is_said_with_the_other_emptied_cells(cli: Any, tmp_path: Path) -> None:
    """The note cell left holding a space, beside an emptied speaker: both are said. (A
    verdict's row whose reason is emptied is refused, naming the row, as ever.)"""
    _claim_one(cli, tmp_path)
    ok(cli("note", "add", "1", "先查公司公告"))
    sheet = _edited(cli, tmp_path, speaker="", note="  ")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 1, "fields": ["speaker", "note"], "emptied": ["speaker", "note"]}
    ]
    assert (
        "row 2: claim #1 is already present; the file leaves its speaker, note empty, which "
        "were not cleared (import adds claims only; use claim edit --clear speaker, note "
        "internal)"
    ) in r.err.splitlines(), r.err


def test_an_empty_note_cell_of_a_claim_with_only_internal_notes_is_no_difference(
    cli: Any, tmp_path: Path
) -> None:
    """An export never writes an internal note, so its empty cell is no edit."""
    _claim_one(cli, tmp_path)
    ok(cli("note", "add", "1", "线人电话：别外传", "--internal"))
    r = cli("import", "claims", str(_edited(cli, tmp_path)), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == []
