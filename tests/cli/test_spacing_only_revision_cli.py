"""`doc update` of a file holding the document's words spaced otherwise says so and stores
nothing: one revision in `doc revisions`, the check in `doc show`, `--json`'s spacing_only."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

pytestmark = pytest.mark.usefixtures("trail_proves_itself")

TEXT = (
    "Unemployment fell to 3.5% in March, the lowest level since 1969.\n"
    "\n"
    "The city spent 2.8 million dollars on the new bridge, officials said.\n"
)


def test_doc_update_with_spacing_alone_changed_stores_nothing(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    first, spaced = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    spaced.write_text(TEXT.replace("\n", "  \n").replace(" the ", "   the "), encoding="utf-8")
    ok(cli("doc", "add", str(first)))
    ok(cli("claim", "add", "1", "--text", "The bridge cost 2.8m.", "--quote", "2.8 million"))
    r = cli("doc", "update", "1", str(spaced))
    assert r.code == 0 and r.out == "", (r.code, r.out, r.err)
    assert r.err.strip() == (
        "revision 1 of document #1 already has this text but for its spacing; nothing stored "
        "(recorded as checked)"
    ), r.err
    r = ok(cli("doc", "revisions", "1", "--json"))
    assert [row["number"] for row in json.loads(r.out)] == [1]
    r = cli("doc", "update", "1", str(spaced), "--json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert (out["created"], out["spacing_only"], out["number"]) == (False, True, 1)
    r = ok(cli("doc", "show", "1"))
    # Checked, not unchanged: the source read had other spacing than the revision holds.
    assert "revision 1 of document #1 held the text read but for its spacing" in r.out, r.out
    assert "unchanged" not in r.out, r.out


def test_doc_show_says_which_check_was_last(cli: Callable[..., Any], tmp_path: Path) -> None:
    """`doc show` said "revision 1 of document #1 unchanged" after a check that found the
    words spaced otherwise (the event's spacing_only true), as after one that read the very
    text; its --json had no word of it. The last check decides, each said as it was."""
    first, spaced = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    spaced.write_text(TEXT.replace(" the ", "   the "), encoding="utf-8")
    ok(cli("doc", "add", str(first)))
    ok(cli("doc", "update", "1", str(spaced)))
    shown = json.loads(ok(cli("doc", "show", "1", "--json")).out)
    assert (shown["checked_revision"], shown["checked_spacing_only"]) == (1, True), shown
    ok(cli("doc", "update", "1", str(first)))
    shown = json.loads(ok(cli("doc", "show", "1", "--json")).out)
    assert (shown["checked_revision"], shown["checked_spacing_only"]) == (1, False), shown
    assert "revision 1 of document #1 unchanged" in ok(cli("doc", "show", "1")).out
