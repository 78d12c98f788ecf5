"""`claim add --quote` finds an emoji typed without the selector the document has.

A new-user trial: the article stored `I ❤️ NY` (with U+FE0F), the quote typed `I ❤ NY` was
refused with a "nearest passage, 80% alike" that read the same as the quote. The claim now
holds the document's own span, selector and all, in code points of the stored text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

TEXT = "Fans wrote I \u2764\ufe0f NY on signs.\n"


def test_quote_typed_without_the_selector_pins_the_stored_emoji(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    ok(cli("doc", "add", str(path)))
    added = json.loads(
        ok(cli("claim", "add", "1", "--text", "T", "--quote", "I \u2764 NY", "--json")).out
    )
    assert added["quote"] == "I \u2764\ufe0f NY"
    assert (added["start"], added["end"]) == (11, 18)
