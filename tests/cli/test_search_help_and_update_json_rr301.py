"""What review295 left: `claim list --help` names every ellipsis the search takes for three
full stops (… ⋯ ︙, as README does), and `doc update --json` marks a respelt quote `respelt:
true` (review295's test asserted only false, so an outcome never set would pass)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.services.test_changes_respelt_fix284 import NEW, OLD, QUOTES


def test_claim_list_help_names_every_ellipsis(cli: Callable[..., Any]) -> None:
    out = " ".join(ok(cli("claim", "list", "--help")).out.split())
    search = out[out.index("--search") :]
    for mark in ("…", "⋯", "︙", "..."):
        assert mark in search, (mark, search[:400])


@pytest.mark.usefixtures("trail_proves_itself")
def test_doc_update_json_marks_the_respelt_quotes(cli: Callable[..., Any], tmp_path: Path) -> None:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    ok(cli("doc", "add", str(old)))
    for quote in QUOTES:
        ok(cli("claim", "add", "1", "--text", "c", "--quote", quote))
    result = json.loads(ok(cli("doc", "update", "1", str(new), "--json")).out)
    respelt = {a["claim_id"]: a["respelt"] for a in result["anchors"]}
    assert respelt == {1: True, 2: True, 3: False}, result["anchors"]
