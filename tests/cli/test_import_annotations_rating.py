"""`import annotations` of an export whose rating (the `assessing` body) an editor changed.

The rating is the verdict as published (False, True, Misleading, Unproven), and follows from
the status. An editor changed only the rating of a `false` claim to True and imported the
file back: the import said "0 claims added, 2 already present" and nothing else, and since
every other field an editor changes is said (`differs`), the silence read as "imported
fine". A rating that is neither the claim's nor the one the file's own status carries is now
said as its `rating`, not changed; a rating that follows the file's status says nothing the
status does not (the status is said), and an untouched export says nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _claim, _desk, _exported, _saved
from tests.cli.test_spreadsheet_round_trip_trial97 import _head


def test_a_rating_changed_alone_is_said_not_changed(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    second = data["first"]["items"][1]
    assert _body(second, "assessing")["value"] == "False"
    _body(second, "assessing")["value"] = "True"
    edited = _saved(tmp_path, data)
    before = _head(cli)
    r = cli("import", "annotations", str(edited), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.err.splitlines() == [
        "annotation 2: claim #2 is already present; its rating differs from the file and was "
        "not changed (import adds claims only; use claim status)",
        "0 claims added, 2 already present",
    ], r.err
    r = cli("import", "annotations", str(edited), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 2, "fields": ["rating"], "emptied": []}
    ]
    assert _head(cli) == before
    assert _claim(cli, 2) == (None, "fact", "false")


def test_a_rating_given_to_an_open_claim_is_said(cli: Any, tmp_path: Path) -> None:
    """Claim #1 is in_progress (no rating): an editor rated it False in the file."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    first = data["first"]["items"][0]
    first["body"].append({"type": "TextualBody", "purpose": "assessing", "value": "False"})
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [
        {"row": 1, "claim": 1, "fields": ["rating"], "emptied": []}
    ]


def test_a_rating_that_follows_the_files_status_is_said_as_the_status(
    cli: Any, tmp_path: Path
) -> None:
    """Status false -> verified and rating False -> True: the status differs, said once."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    second = data["first"]["items"][1]
    _body(second, "tagging")["value"] = "verified"
    _body(second, "assessing")["value"] = "True"
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 2, "fields": ["status"], "emptied": []}
    ]


def test_the_claims_rating_retyped_differs_in_nothing(cli: Any, tmp_path: Path) -> None:
    """A rating typed in other case, or with spaces about it, is the same rating; so is the
    untouched export's."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == []
    _body(data["first"]["items"][1], "assessing")["value"] = " false "
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == []
