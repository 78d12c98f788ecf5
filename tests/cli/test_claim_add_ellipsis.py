"""`claim add --quote` with `...` finds a document's `…` (and the reverse).

An English desk's trial: the wire story kept Husted's “But there’s more to do… wages have to
follow.”; the checker typed the quote with straight quotes and three full stops and was refused
(`quote not found in the document ... the nearest passage, 93% alike`), though curly quotes
alone were folded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

TEXT = (
    "He added: “But there’s more to do… wages have to follow.”\nOKAFOR: four more years... six.\n"
)


def test_typed_full_stops_pin_the_documents_ellipsis(cli: Run, tmp_path: Path) -> None:
    """The quote typed plainly was refused; now the claim holds the document's own span."""
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    ok(cli("doc", "add", str(path)))
    quote = '"But there\'s more to do... wages have to follow."'
    added = json.loads(ok(cli("claim", "add", "1", "--text", "T", "--quote", quote, "--json")).out)
    assert added["quote"] == "“But there’s more to do… wages have to follow.”"
    typed = "four more years… six"
    again = json.loads(ok(cli("claim", "add", "1", "--text", "U", "--quote", typed, "--json")).out)
    assert again["quote"] == "four more years... six"


def test_typed_stops_pin_an_ellipsis_before_an_ideographic_full_stop(
    cli: Run, tmp_path: Path
) -> None:
    """rr260: the "。" after a "……" was read as a fourth dot of the ellipsis' run, and the
    quote typed with six full stops refused, the nearest passage "100% alike"."""
    path = tmp_path / "story.txt"
    path.write_text("记者问他。他说……。我们会做到。\n", encoding="utf-8")
    ok(cli("doc", "add", str(path)))
    added = json.loads(
        ok(cli("claim", "add", "1", "--text", "T", "--quote", "他说......", "--json")).out
    )
    assert added["quote"] == "他说……"
