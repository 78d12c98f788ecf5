"""`doc update` says which quotes the revision respelt, as `doc changes` does (fix284 left
the update's own summary at `claims: exact 1`): the editor who runs the update is told there
that the stored quote no longer reads as the one its verdict was given on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.services.test_changes_respelt_fix284 import NEW, OLD, QUOTES

pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def test_doc_update_names_the_quote_it_respelt(cli: Callable[..., Any], tmp_path: Path) -> None:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    ok(cli("doc", "add", str(old)))
    for quote in QUOTES:
        ok(cli("claim", "add", "1", "--text", "c", "--quote", quote))
    out = ok(cli("doc", "update", "1", str(new))).out.splitlines()
    assert "claims: exact 1, moved 2" in out, out
    respelt = [line for line in out if "respelt" in line]
    assert respelt == [
        "  #1 quote respelt: more to do[-...-]{+\u2026+} and we will",
        "  #2 quote respelt: 他说[-\u2026\u2026-]{+\u22ef\u22ef+}我们会继续努力",
    ], out
    third = tmp_path / "v3.txt"
    # A word changed too: spacing alone is no revision (a check), and no respelling either.
    third.write_text(
        NEW.replace("5%  last", "5% last").replace("she said", "she added"), encoding="utf-8"
    )
    result = json.loads(ok(cli("doc", "update", "1", str(third), "--json")).out)
    assert [a["respelt"] for a in result["anchors"]] == [False, False, False]
