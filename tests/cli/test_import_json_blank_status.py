"""A JSON export whose status and type a script set to "" (as it set the owner to "").

An editor's script emptied fields of `export claims --format json` by writing "": the owner's
"" is said as an emptied cell (fix182), as the same CSV cell left empty is, but the status's
and the type's "" refused the row ("unknown status ''", nothing imported), where the CSV's
empty status and type cells are taken as left empty. A JSON "" is an empty cell, as a CSV's is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_emptied_cells import _claim_one
from tests.inprocess import ok


def test_a_json_export_s_emptied_status_and_type_are_empty_cells(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    ok(cli("claim", "status", "1", "in_progress"))
    rows = json.loads(ok(cli("export", "claims", "--format", "json")).out)
    rows[0].update(status="", type="", assignee="")
    sheet = tmp_path / "claims.json"
    sheet.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (result["added"], result["already_present"]) == ([], 2)
    assert result["differs"] == [
        {"row": 1, "claim": 1, "fields": ["status", "assignee"], "emptied": ["status", "assignee"]}
    ]
