"""What an import says of a type or status cell an editor emptied in an export.

An editor emptied claim #1's type and status cells in the sheet (and, in the annotations
file, took out the status) and imported it: she was told "the file leaves its type, status
empty, which were not cleared (use claim edit, claim status)", as of a speaker or an owner,
which can be cleared; a claim's type and status cannot be (every claim has both), and she
looked for the option that clears them. The line now says so of those two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _desk as annotated_desk
from tests.cli.test_import_annotations_differs import _exported, _saved
from tests.cli.test_import_emptied_cells import _desk, _edited
from tests.inprocess import ok


def _claim_one(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    ok(cli("claim", "edit", "1", "--type", "quantity", "--speaker", "闫俊杰"))
    ok(cli("claim", "status", "1", "in_progress"))


def _said(cli: Any, sheet: Path) -> list[str]:
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    return r.err.splitlines()


def test_an_emptied_type_and_status_are_said_to_be_kept(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    assert (
        "row 2: claim #1 is already present; the file leaves its type, status empty, which no "
        "claim can be without: not changed (import adds claims only; use claim edit, claim "
        "status)"
    ) in _said(cli, _edited(cli, tmp_path, type="", status=""))


def test_a_status_emptied_beside_a_speaker_is_told_from_it(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    assert (
        "row 2: claim #1 is already present; the file leaves its speaker empty, which was not "
        "cleared, and its status, which no claim can be without (import adds claims only; use "
        "claim edit --clear speaker, claim status)"
    ) in _said(cli, _edited(cli, tmp_path, speaker="", status=""))


def test_a_status_emptied_beside_a_changed_field(cli: Any, tmp_path: Path) -> None:
    _claim_one(cli, tmp_path)
    assert (
        "row 2: claim #1 is already present; its priority differs from the file and the file "
        "leaves its status empty: not changed; no claim can be without its status (import adds "
        "claims only; use claim status, claim priority)"
    ) in _said(cli, _edited(cli, tmp_path, priority="high", status=""))


def test_an_annotations_status_taken_out_is_said_alike(cli: Any, tmp_path: Path) -> None:
    annotated_desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    first = data["first"]["items"][0]
    first["body"] = [b for b in first["body"] if b["purpose"] not in ("tagging", "commenting")]
    del first["target"]["creator"]
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert (
        "annotation 1: claim #1 is already present; the file leaves its speaker, note empty, "
        "which were not cleared, and its status, which no claim can be without (import adds "
        "claims only; use claim edit --clear speaker, claim status, note internal)"
    ) in r.err.splitlines(), r.err
