"""`doc changes` (text) dropped the spaces at a changed passage's edges: trial308 saw
`insert [31:31] -> [31:47]  '' -> 'after late vote'` for the 16 characters `" after late vote"`
(JSON and the md format had them), and `delete [109:111] '3' -> ''` for two characters. The
text format is to show every character of a passage it shows whole, edges included."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]

BEFORE = "The budget passed on Monday. The vote was 4 to 3 in the end.\n"
AFTER = "The budget passed on Monday after late vote. The vote was 4 to in the end.\n"


def test_a_passage_s_edge_spaces_are_shown(cli: Run, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(BEFORE, encoding="utf-8")
    assert cli("doc", "add", str(page)).code == 0
    page.write_text(AFTER, encoding="utf-8")
    assert cli("doc", "update", "1", str(page)).code == 0
    changes = json.loads(cli("doc", "changes", "1", "--json").out)["revisions"][0]["changes"]
    passages = [p for c in changes for p in (c["old_text"], c["new_text"])]
    edged = [p for p in passages if p.strip() and p != p.strip()]
    assert edged, changes  # (the diff gives passages with a space at an edge)
    text = cli("doc", "changes", "1").out
    for passage in edged:
        assert repr(passage) in text, (passage, text)
