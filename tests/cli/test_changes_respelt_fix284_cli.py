"""`doc changes` names a claim whose quote a revision respelt (its `...` made `…`): the text
report and --json (tests/services/test_changes_respelt_fix284.py has the rule)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.services.test_changes_respelt_fix284 import NEW, OLD, QUOTES

pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def test_doc_changes_says_the_quote_is_respelt(cli: Callable[..., Any], tmp_path: Path) -> None:
    """After `doc update` turned the quote's `...` into `…`, `doc changes` said "0 claim(s)
    touched"; it names the claim, its quote respelt, before and after."""
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    ok(cli("doc", "add", str(old)))
    ok(cli("claim", "add", "1", "--text", "more", "--quote", QUOTES[0]))
    ok(cli("doc", "update", "1", str(new)))
    out = cli("doc", "changes", "1").out.splitlines()
    assert "revision 2" in out[2] and "1 claim(s) touched" in out[2], out
    at = out.index("  claim #1 (status unverified, quote respelt): more")
    assert out[at + 1 : at + 3] == [
        "      before: “more to do... and we will”",
        "      after:  “more to do\u2026 and we will”",
    ]
    [rev] = json.loads(cli("doc", "changes", "1", "--format", "json").out)["revisions"]
    assert [(c["claim_id"], c["state"], c["respelt"]) for c in rev["claims"]] == [
        (1, "exact", True)
    ]
