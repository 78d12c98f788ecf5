"""A note's text as stored: the one rule for a note typed on the command line (`note add`),
sent to a service (a status's reason, an edit's note, an imported row's) or read from standard
input. Its emptiness alone is asked by the parser too (`note_empty`: a note typed empty is bad
usage, exit 2); what it holds is the service's (refused, exit 1)."""

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
    note_empty(text)
    return text


def note_empty(body: str) -> None:
    """Refuse a note with nothing visible in it."""
    if not has_visible(body):
        raise InvalidInput("the note is empty")
