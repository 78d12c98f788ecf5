"""An editor gave an open claim a verdict in an annotations export (its tagging body made
"opinion") and wrote no reason, then imported the file back: `import annotations` said only
"0 claims added, 2 already present", as if the file agreed with the desk, where the same
annotation made "in_progress" is said to differ. A verdict with no reason is taken as the
claim present (an older trail recorded some so), not refused; its status is still said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_spreadsheet_round_trip_trial97 import _desk
from tests.inprocess import ok


def test_an_open_claim_made_opinion_with_no_reason_is_said_to_differ(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    exported = tmp_path / "exported.json"
    ok(cli("export", "annotations", "--doc", "1", "-o", str(exported)))
    data = json.loads(exported.read_text(encoding="utf-8"))
    first = data["first"]["items"][0]
    assert not [b for b in first["body"] if b.get("purpose") == "commenting"]
    (tagging,) = [b for b in first["body"] if b.get("purpose") == "tagging"]
    assert tagging["value"] == "unverified"
    tagging["value"] = "opinion"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("import", "annotations", str(edited), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.err.splitlines() == [
        "annotation 1: claim #1 is already present; its status differs from the file and was "
        "not changed (import adds claims only; use claim status)",
        "0 claims added, 2 already present",
    ]
    shown = json.loads(ok(cli("claim", "show", "1", "--json")).out)
    assert shown["status"] == "unverified"
