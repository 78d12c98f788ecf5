"""Notes on claims. Adding one commutes with every other change, so it never conflicts.

A note is published with its claim (the report lists it; an open claim's latest is the note
its exports publish) unless it is internal, the desk's own (review100: a "DESK-ONLY: do not
name her" note reached the public page)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from workbench.db.models import Claim, Event, Note
from workbench.domain.actions import NOTE_ADDED, NOTE_VISIBILITY_CHANGED
from workbench.domain.clock import now
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.limits import check_characters
from workbench.domain.note_text import note_body
from workbench.domain.payloads import changed, created, note_payload
from workbench.domain.sign_off import VERDICT_ACTIONS, public_reason
from workbench.domain.status import WITHDRAWN_VALUE, holds_verdict
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.views import NoteView


def check_stored_note(body: str) -> None:
    """A stored note's body (a restored bundle's, services.bundle) holds no character
    note_body refuses (check_characters). A bundle edited by hand, its events made to match,
    replays consistently, and restored an ESC in a note (review restore). Neither the limit
    nor the form note_body stores (NFC, trimmed, something visible) is asked: a release before
    MAX_NOTE stored longer notes, and its desk restores (review rrestore)."""
    check_characters(body, "the note")


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
        tx.record(NOTE_ADDED, "note", note.id, created(note_payload(note)), claim_id=claim.id)
        return NoteView.of(note)


@dataclass(frozen=True, slots=True)
class NoteVisibility:
    """The note as it now is, and whether `set_note_visibility` changed it (False: it already
    was so, and nothing was written)."""

    note: NoteView
    changed: bool


@mutation
def set_note_visibility(
    wb: Workbench, note_id: int, *, internal: bool, reason: str
) -> NoteVisibility:
    """Take a published note back (`internal` True: no published view shows it from now on),
    or give an internal one back to publication. Notes are otherwise immutable, and a note
    written without --internal ("called Ms Li at home, she asked not to be named") would be
    published by the next report. One event, `note.visibility_changed`, on the note: `internal`
    before and after, and `reason` written with it as an internal note (why a note was kept
    back says what it holds). A note already so is left as it is, nothing written (`changed`
    False), as a claim given the status it has is: a desk's script run twice must not fail the
    second time. Refused for the reason the claim's verdict publishes (taking it back would
    publish the verdict without it: reopen first)."""
    text = note_body(reason)
    with transaction(wb, write=True) as tx:
        note = tx.session.get(Note, note_id) if 0 < note_id < 2**63 else None
        if note is None:
            raise NotFound(f"no note #{note_id}")
        if note.internal == internal:
            return NoteVisibility(NoteView.of(note), changed=False)
        claim = get_claim_row(tx, note.claim_id)
        if internal and _publishes_as_reason(tx, claim, note.id):
            raise InvalidInput(
                f"note #{note.id} is the reason claim #{claim.id}'s {claim.status} verdict is "
                "published with: reopen the claim (claim status ID in_progress --note ...) "
                "before taking it back"
            )
        before = {"internal": note.internal}
        note.internal = internal
        why = insert_note(tx, claim, text, internal=True)
        payload = changed(before, {"internal": internal}, note_payload(why))
        tx.record(NOTE_VISIBILITY_CHANGED, "note", note.id, payload, claim_id=claim.id)
        return NoteVisibility(NoteView.of(note), changed=True)


def _publishes_as_reason(tx: Tx, claim: Claim, note_id: int) -> bool:
    """Whether `note_id` is the note a published view gives as the claim's verdict (or its
    proposal's, or its withdrawal's) reason: `public_reason`, while the claim has one."""
    if not holds_verdict(claim.status) and claim.status != WITHDRAWN_VALUE:
        return False
    rows = tx.session.execute(
        select(Event.seq, Event.actor, Event.action, Event.payload)
        .where(Event.claim_id == claim.id, Event.action.in_(VERDICT_ACTIONS))
        .order_by(Event.seq)
    )
    events = [(seq, actor, action, json.loads(payload)) for seq, actor, action, payload in rows]
    notes = tx.session.execute(
        select(Note.id, Note.author, Note.internal)
        .where(Note.claim_id == claim.id)
        .order_by(Note.id)
    )
    return public_reason(events, [(i, a, bool(x)) for i, a, x in notes]) == note_id
