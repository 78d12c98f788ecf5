"""Notes on claims. Adding one commutes with every other change, so it never conflicts."""

from __future__ import annotations

from workbench.db.models import Claim, Note
from workbench.domain.clock import now
from workbench.domain.errors import InvalidInput
from workbench.domain.limits import MAX_NOTE, check_text, has_visible
from workbench.domain.payloads import created, note_payload
from workbench.domain.text import normalise
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.views import NoteView


def note_body(body: str | None) -> str:
    # Stripped before it is measured: the newline that ends text read from a file or a pipe is
    # never stored, so it does not count against the limit.
    text = check_text(normalise(body or "").strip(), "the note", MAX_NOTE)
    if not has_visible(text):
        raise InvalidInput("the note is empty")
    return text


def insert_note(tx: Tx, claim: Claim, body: str | None) -> Note:
    """The note row only; the caller's event carries it (a status change's reason, say)."""
    note = Note(claim_id=claim.id, author=tx.actor, body=note_body(body), created_at=now())
    tx.session.add(note)
    tx.session.flush()
    return note


@mutation
def add_note(wb: Workbench, claim_id: int, body: str) -> NoteView:
    text = note_body(body)
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        note = insert_note(tx, claim, text)
        tx.record("note.added", "note", note.id, created(note_payload(note)), claim_id=claim.id)
        return NoteView.of(note)
