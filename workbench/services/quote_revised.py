"""A quote refused in a document's latest revision that the revision before it holds: the
words were changed by a `doc update`, often a moment before, while the person pinning them
read the text it replaced. The refusal says so, naming the revision and who stored it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.db.models import Document, DocumentRevision, Event
from workbench.domain.errors import InvalidInput
from workbench.services.revisions import revision_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.text import Span
    from workbench.services.context import Tx

REVISED = "document.revised"


def quote_revised(
    tx: Tx, doc: Document, number: int, pin: Callable[[str], Span], refused: InvalidInput
) -> InvalidInput:
    """`refused` (the quote is not in revision `number`), saying which revision changed the
    words when `pin` finds them in the one before; else `refused` as it is."""
    if number < 2:
        return refused
    _, earlier = revision_text(tx, doc, number - 1)
    try:
        pin(earlier)
    except InvalidInput:
        return refused
    revision_id = tx.session.scalar(
        select(DocumentRevision.id).where(
            DocumentRevision.document_id == doc.id, DocumentRevision.number == number
        )
    )
    stored = tx.session.execute(
        select(Event.actor, Event.at).where(
            Event.action == REVISED,
            Event.entity_type == "revision",
            Event.entity_id == str(revision_id),
        )
    ).first()
    by = ""
    if stored is not None:
        by = f", stored by {stored.actor} at {str(stored.at)[:19].replace('T', ' ')} UTC"
    return InvalidInput(
        f"{refused}; revision {number} of document #{doc.id}{by}, changed these words "
        f"(revision {number - 1} has them): pin the claim in the current text",
        reason=refused.reason,
        hint=refused.hint,
    )
