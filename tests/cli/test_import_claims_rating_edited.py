"""A claims table whose rating cell an editor changed, imported back.

What the user met (fix195's left-alone item): `import annotations` says a rating an editor
changed, but `import claims` never read the table's `rating` column: an editor who changed
claim #1's "False" to "True" in the sheet and imported it was told "0 claims added, 2 already
present" and took the verdict to be changed; the claim kept it. The rating follows from the
status, so it is said as a differing field (`rating`, changed by `claim status`) when it is
neither the claim's nor the rating of the status the row itself gives. Run on both backends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_emptied_cells import _edited
from tests.cli.test_spreadsheet_round_trip_trial97 import _desk, _head
from tests.inprocess import ok


def _judged(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("evidence", "add", "1", "--citation", "公司公告", "--stance", "refutes"))
    ok(cli("claim", "status", "1", "false", "--note", "公告说融资金额为５亿美元"))


def test_a_rating_changed_alone_is_said(cli: Any, tmp_path: Path) -> None:
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, rating="True")
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 1, "fields": ["rating"], "emptied": []}
    ]
    assert (
        "row 2: claim #1 is already present; its rating differs from the file and was not "
        "changed (import adds claims only; use claim status)"
    ) in r.err.splitlines(), r.err
    assert _head(cli) == before
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["status"] == "false"


def test_an_untouched_export_and_a_rating_typed_in_another_case_say_nothing(
    cli: Any, tmp_path: Path
) -> None:
    _judged(cli, tmp_path)
    for rating in ("False", " false "):
        sheet = _edited(cli, tmp_path, rating=rating)
        r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
        assert r.code == 0, r.err
        assert json.loads(r.out)["differs"] == [], (rating, r.out)


def test_a_rating_changed_with_its_status_is_said_as_the_status(cli: Any, tmp_path: Path) -> None:
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, status="verified", rating="True")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert [d["fields"] for d in json.loads(r.out)["differs"]] == [["status"]], r.out
