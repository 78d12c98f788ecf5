"""An export's row of a claim whose note an editor rewrote in the spreadsheet, imported back.

The import said "0 claims added, 2 already present" and nothing more, and `--json` had no
`differs` for the row: the new note was dropped without a word, and the editor took it to be
recorded. An import adds claims only, so the note is not added; it is said now, on stderr and
in `--json` (`differs`, its `fields` naming `note`), with the command that adds one, as an
edited speaker or an emptied cell is. A note cell the same as one of the claim's notes (the
export's own, or an older one) is no difference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_emptied_cells import _edited
from tests.cli.test_spreadsheet_round_trip_trial97 import _desk, _head
from tests.inprocess import ok


def test_an_edited_note_is_said_not_added(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("note", "add", "1", "先查公司公告"))
    sheet = _edited(cli, tmp_path, note="已核实：公告第3页", speaker="闫俊杰")
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (result["added"], result["already_present"]) == ([], 2)
    assert result["differs"] == [
        {"row": 2, "claim": 1, "fields": ["speaker", "note"], "emptied": []}
    ]
    assert (
        "row 2: claim #1 is already present; its speaker, note differ from the file and were "
        "not changed (import adds claims only; use claim edit, note add)"
    ) in r.err.splitlines(), r.err
    assert _head(cli) == before


def test_a_note_of_the_claim_is_no_difference(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("note", "add", "1", "先查公司公告"))
    ok(cli("note", "add", "1", "再查工商登记"))
    # The export's note is the latest; an older one of the claim's in its place is no edit.
    sheet = _edited(cli, tmp_path, note="先查公司公告")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == []


def test_a_note_given_to_a_claim_with_none_is_said(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    sheet = _edited(cli, tmp_path, note="待核：需要原始来源")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 1, "fields": ["note"], "emptied": []}
    ]
    assert (
        "row 2: claim #1 is already present; its note differs from the file and was not "
        "changed (import adds claims only; use note add)"
    ) in r.err.splitlines(), r.err
