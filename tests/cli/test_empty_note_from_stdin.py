"""`--note -` reads the note from standard input; an empty one there is a note that did not
come (the command piping it failed), not a change without a note."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_an_empty_note_from_stdin_is_refused_not_dropped(cli: Run) -> None:
    """`summarise | workbench claim status 2 in_progress --note -`, with the summariser
    failing and printing nothing, moved claim #2 to in_progress, exit 0, and the note was
    silently dropped; `note add 2 -` and `doc add -` refuse an empty standard input."""
    assert cli("demo").code == 0
    r = cli("claim", "status", "2", "in_progress", "--note", "-", input="")
    assert r.code == 1 and "empty" in r.err, (r.code, r.out, r.err)
    shown = json.loads(cli("claim", "show", "2", "--json").out)
    assert shown["status"] == "unverified"
