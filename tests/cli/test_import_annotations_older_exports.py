"""`import annotations` of an export an older workbench wrote, given back untouched.

Exports named this workbench as their `generator` from 375733f3 on, so an import reads them as
its own, and since fix188 says a field such an annotation leaves out as emptied. But what the
export writes changed: until 85167ef3 no speaker (the target's `creator`), and until 6f944490
the claim's latest note rather than its verdict's reason. An editor who imported such a file,
untouched, was told "the file leaves its speaker empty, which was not cleared" of every claim
with a speaker. Nothing in those files tells their versions apart, so the export now names the
shape it writes (`schema:softwareVersion` on its generator), and a file of ours without it is
compared by the values it gives only, never said to have emptied a field.

The older files are a current export edited the way those versions wrote it (git show
375733f3, 6f944490 and 85167ef3: exports/annotations.py and services/exports.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _exported, _saved
from tests.cli.test_import_annotations_differs import _desk as differs_desk
from tests.cli.test_spreadsheet_round_trip_trial97 import _head
from tests.inprocess import ok

VERSION_KEY = "schema:softwareVersion"
QUIET = ["0 claims added, 2 already present"]


def _desk(cli: Any, tmp_path: Path) -> None:
    """Claim #1 open with a speaker and a note; claim #2 false, with its reason and a later
    note (a colleague's 同意), which an export before 6f944490 wrote as its note."""
    differs_desk(cli, tmp_path)
    ok(cli("note", "add", "2", "同意"))


def _unversioned(data: dict[str, Any]) -> None:
    """As every export before this one named its generator: id, type and name only."""
    for item in data["first"]["items"]:
        item["generator"].pop(VERSION_KEY, None)


def _before_the_speaker(data: dict[str, Any]) -> dict[str, Any]:
    """As 6f944490..85167ef3 wrote it: no speaker as the target's creator."""
    _unversioned(data)
    for item in data["first"]["items"]:
        item["target"].pop("creator", None)
    return data


def _before_the_reason(
    data: dict[str, Any], latest: dict[int, str], language: str
) -> dict[str, Any]:
    """As 375733f3..6f944490 wrote it: no speaker, no TimeState (019c9bd2), the describing body
    in the document's language (until 3297b383), and each claim's latest note as its note."""
    _before_the_speaker(data)
    for number, item in enumerate(data["first"]["items"], start=1):
        item["target"].pop("state", None)
        _body(item, "describing")["language"] = language
        _body(item, "commenting")["value"] = latest[number]
    return data


def _imported(cli: Any, path: Path) -> tuple[list[str], Any]:
    r = cli("import", "annotations", str(path), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    said = r.err.splitlines()
    r = cli("import", "annotations", str(path), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    return said, json.loads(r.out)["differs"]


def test_an_export_from_before_the_speaker_differs_in_nothing(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    older = _saved(tmp_path, _before_the_speaker(_exported(cli, tmp_path)))
    before = _head(cli)
    said, differs = _imported(cli, older)
    assert (said, differs) == (QUIET, [])
    assert _head(cli) == before


def test_an_export_from_before_the_reason_differs_in_nothing(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    language = json.loads(ok(cli("doc", "show", "1", "--json")).out)["language"] or "zh"
    data = _before_the_reason(_exported(cli, tmp_path), {1: "问过了公司", 2: "同意"}, language)
    said, differs = _imported(cli, _saved(tmp_path, data))
    assert (said, differs) == (QUIET, [])


def test_an_unversioned_exports_values_are_compared_its_gaps_are_not(
    cli: Any, tmp_path: Path
) -> None:
    """An editor changed claim #2's type and took claim #1's status out of an older export:
    the type is said; the status, which no version left out, is not said emptied either, as
    nothing in the file says which fields its version wrote."""
    _desk(cli, tmp_path)
    data = _before_the_speaker(_exported(cli, tmp_path))
    first, second = data["first"]["items"]
    first["body"] = [b for b in first["body"] if b["purpose"] != "tagging"]
    _body(second, "classifying")["value"] = "prediction"
    said, differs = _imported(cli, _saved(tmp_path, data))
    assert differs == [{"row": 2, "claim": 2, "fields": ["type"], "emptied": []}]
    assert said == [
        "annotation 2: claim #2 is already present; its type differs from the file and was "
        "not changed (import adds claims only; use claim edit)",
        *QUIET,
    ]


def test_the_export_names_the_shape_it_writes(cli: Any, tmp_path: Path) -> None:
    """Each annotation's generator gives the version of the export's shape (the W3C suite's
    MUST schemas still pass it: tests/exports/test_annotations.py)."""
    _desk(cli, tmp_path)
    for item in _exported(cli, tmp_path)["first"]["items"]:
        assert item["generator"] == {
            "id": "https://claim-workbench.invalid/",
            "type": "Software",
            "name": "Claim Workbench",
            VERSION_KEY: "2",
        }
