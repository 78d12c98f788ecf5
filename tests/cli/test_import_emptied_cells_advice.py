"""What `import claims` tells an editor who emptied cells of an export to clear them.

An editor cleared claim #1's speaker, owner, due date and tags in the sheet; the import said
they were not cleared, "use claim edit, claim assign, claim due, claim tag/untag", and the
editor ran `workbench claim assign 1`, to be told "give either --to NAME or --clear". Each
emptied field names the command that clears it, as typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_import_emptied_cells import _claim_one, _edited


def test_each_emptied_field_names_the_command_that_clears_it(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    sheet = _edited(cli, tmp_path, speaker="", assignee="", due="", tags="")
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert (
        "row 2: claim #1 is already present; the file leaves its speaker, assignee, due, "
        "tags empty, which were not cleared (import adds claims only; use claim edit --clear "
        "speaker, claim assign --clear, claim due --clear, claim untag TAG...)"
    ) in r.err.splitlines(), r.err


def test_a_field_given_otherwise_beside_an_emptied_one_names_both(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    sheet = _edited(cli, tmp_path, speaker="闫", assignee="")
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert (
        "row 2: claim #1 is already present; its speaker differs from the file and the file "
        "leaves its assignee empty: not changed (import adds claims only; use claim edit, "
        "claim assign --clear)"
    ) in r.err.splitlines(), r.err
