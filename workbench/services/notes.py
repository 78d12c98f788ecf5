"""Notes on claims. Adding one commutes with every other change, so it never conflicts.

A note is published with its claim (the report lists it; an open claim's latest is the note
its exports publish) unless it is internal, the desk's own (review100: a "DESK-ONLY: do not
name her" note reached the public page)."""

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


def insert_note(tx: Tx, claim: Claim, body: str | None, *, internal: bool = False) -> Note:
    """The note row only; the caller's event carries it (a status change's reason, say, which
    is never internal: a reason is what a verdict publishes)."""
    note = Note(
        claim_id=claim.id,
        author=tx.actor,
        body=note_body(body),
        created_at=now(),
        internal=internal,
    )
    tx.session.add(note)
    tx.session.flush()
    return note


@mutation
def add_note(wb: Workbench, claim_id: int, body: str, *, internal: bool = False) -> NoteView:
    """A note on the claim; `internal`: the desk's own, which no published view shows or
    publishes as the claim's note. Its event says which it is, as the row does. Workflow rules
    read it as any note: one added after a proposal holds the approval (it may say STOP)."""
    text = note_body(body)
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        note = insert_note(tx, claim, text, internal=internal)
        tx.record("note.added", "note", note.id, created(note_payload(note)), claim_id=claim.id)
        return NoteView.of(note)
