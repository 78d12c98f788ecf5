"""The command `import claims` names for an export's emptied tags cell, run as told.

An editor emptied claim #1's tags cell in the export and imported it back; the import said
the tags were not cleared, "use ... claim untag", and the editor ran `workbench claim untag 1`,
to be refused "name at least one tag after the IDs" (exit 2), as `claim assign` had refused
the owner's advice before fix182. The advice names the tags to give.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_import_emptied_cells import _claim_one, _edited
from tests.inprocess import ok


def test_the_advice_for_emptied_tags_says_to_name_them(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    sheet = _edited(cli, tmp_path, tags="")
    r = ok(cli("import", "claims", str(sheet), "--doc", "1"))
    assert (
        "row 2: claim #1 is already present; the file leaves its tags empty, which were not "
        "cleared (import adds claims only; use claim untag TAG...)"
    ) in r.err.splitlines(), r.err
    # Run as told, with the claim's id and its tag, it clears them.
    ok(cli("claim", "untag", "1", "融资"))
