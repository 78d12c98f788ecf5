"""`doc changes` says a paragraph the revision moved as moved, in text, Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

pytestmark = pytest.mark.usefixtures("trail_proves_itself")

P1 = "Unemployment fell to 3.5% in March, the lowest level since 1969."
P2 = "Exports to China rose by 12% last year according to the trade ministry."
P3 = "The mayor said crime had dropped 20% since she took office in 2020."


def test_doc_changes_says_a_moved_paragraph_moved(cli: Callable[..., Any], tmp_path: Path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(f"{P1}\n\n{P2}\n\n{P3}\n", encoding="utf-8")
    new.write_text(f"{P3}\n\n{P1}\n", encoding="utf-8")
    ok(cli("doc", "add", str(old)))
    ok(cli("claim", "add", "1", "--text", "Crime fell 20%.", "--quote", "crime had dropped 20%"))
    ok(cli("doc", "update", "1", str(new)))
    # The line matcher keeps P3 in place (the longer run of lines): P1 is the one moved.
    to = len(P3) + 2
    out = ok(cli("doc", "changes", "1")).out
    assert f"  move    [0:{len(P1)}] -> [{to}:{to + len(P1)}]  'Unemployment fell" in out, out
    assert "2 change(s)" in out, out
    md = ok(cli("doc", "changes", "1", "--format", "md")).out
    assert f"- move: “{P1}” → “{P1}”" in md, md
    data = json.loads(ok(cli("doc", "changes", "1", "--json")).out)
    ops = [c["op"] for c in data["revisions"][0]["changes"]]
    assert sorted(ops) == ["delete", "move"], ops
