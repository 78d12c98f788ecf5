"""`doc show` of an updated document gave revision 1's length and sha256 unlabelled, beside
`current  revision 3: 634 characters`: trial308 read `length  636 characters` as the page's
length now. They stay revision 1's (the text as added; JSON `length`/`sha256` as before,
`current_length`/`current_sha256` the latest's), and the text rows now say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]

TEXT = "The council said the budget was 610 million. It was approved on Monday.\n"


def rows(out: str) -> dict[str, str]:
    """doc show's labelled rows, by label."""
    found = {}
    for line in out.splitlines():
        label, _, value = line.strip().partition("  ")
        found[label] = value.strip()
    return found


def test_an_updated_document_s_first_length_and_hash_are_labelled(cli: Run, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(page)).code == 0
    page.write_text(TEXT.replace("610", "6500"), encoding="utf-8")
    r = cli("doc", "update", "1", str(page))
    assert r.code == 0, r.err
    shown = rows(cli("doc", "show", "1").out)
    assert shown["length"] == f"{len(TEXT)} characters (revision 1, as added)", shown
    assert shown["sha256"].endswith(" (revision 1, as added)"), shown
    assert shown["current"].startswith(f"revision 2: {len(TEXT) + 1} characters"), shown


def test_a_document_of_one_revision_is_not_labelled(cli: Run, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(page)).code == 0
    shown = rows(cli("doc", "show", "1").out)
    assert shown["length"] == f"{len(TEXT)} characters", shown
