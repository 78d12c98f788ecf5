"""A note's text as stored: the one rule for a note typed on the command line (`note add`,
read by the parser, so an empty one is bad usage, exit 2), sent to a service (a status's
reason, an edit's note, an imported row's: refused, exit 1) or read from standard input."""

from __future__ import annotations

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import MAX_NOTE, check_text, has_visible
from workbench.domain.text import normalise


def note_body(body: str | None) -> str:
    """`body` as a note stores it (NFC, trimmed), refused when it is empty (nothing visible),
    over MAX_NOTE characters, or holds a character no text may (`check_text`)."""
    # Stripped before it is measured: the newline that ends text read from a file or a pipe is
    # never stored, so it does not count against the limit.
    text = check_text(normalise(body or "").strip(), "the note", MAX_NOTE)
    if not has_visible(text):
        raise InvalidInput("the note is empty")
    return text
