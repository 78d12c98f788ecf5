"""A quote refused in a document's latest revision that the revision before it holds: the
words were changed by a `doc update`, often a moment before, while the person pinning them
read the text it replaced. The refusal says so, naming the revision and who stored it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.db.models import Document, DocumentRevision, Event
from workbench.domain.actions import DOCUMENT_REVISED
from workbench.domain.clock import as_read
from workbench.domain.errors import InvalidInput
from workbench.domain.revision_words import revision_of
from workbench.services.revisions import revision_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.spans import Span
    from workbench.services.context import Tx

# Revisions looked back through for the words (each a text read).
_LOOKED_BACK = 5


def quote_revised(
    tx: Tx, doc: Document, number: int, pin: Callable[[str], Span], refused: InvalidInput
) -> InvalidInput:
    """`refused` (the quote is not in revision `number`), saying which revision changed the
    words when `pin` finds them in one of the few before; else `refused` as it is."""
    held = _last_holding(tx, doc, number, pin)
    if held is None:
        return refused
    changed = held + 1
    revision_id = tx.session.scalar(
        select(DocumentRevision.id).where(
            DocumentRevision.document_id == doc.id, DocumentRevision.number == changed
        )
    )
    stored = tx.session.execute(
        select(Event.actor, Event.at).where(
            Event.action == DOCUMENT_REVISED,
            Event.entity_type == "revision",
            Event.entity_id == str(revision_id),
        )
    ).first()
    by = ""
    if stored is not None:
        by = f", stored by {stored.actor} at {as_read(stored.at)} UTC"
    now = "" if changed == number else f"; the document is now at revision {number}"
    return InvalidInput(
        f"{refused}; {revision_of(changed, doc.id)}{by}, changed these words "
        f"(revision {held} has them{now}): pin the claim in the current text",
        reason=refused.reason,
        hint=refused.hint,
    )


def _last_holding(tx: Tx, doc: Document, number: int, pin: Callable[[str], Span]) -> int | None:
    """The latest revision before `number` that `pin` finds the words in, of the last few: a
    checker may have read the text two revisions back (review200: a line added after the
    revision that changed her words hid it). Each is a text read, so few are looked at."""
    for earlier in range(number - 1, max(0, number - 1 - _LOOKED_BACK), -1):
        _, text = revision_text(tx, doc, earlier)
        try:
            pin(text)
        except InvalidInput:
            continue
        return earlier
    return None
