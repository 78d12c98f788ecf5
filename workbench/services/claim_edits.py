"""Correcting what a claim says: its text, type and speaker, and where it is pinned
(`workbench claim edit`).

A claim comes in with the words someone first gave it (`extract --accept` takes the sentence
itself); checking it often shows they need correcting, and so may its span: a quote cut short
of its figure, or one a revision changed or removed (fuzzy, orphaned), which the person pins
again in the text as it reads now. An edit is one change of one claim: one transaction, one
`claim.edited` event holding the changed fields before and after, and the note written with
it. Once a verdict is given or proposed the words and the span are what was judged, and the
workflow refuses the edit (workbench.domain.transitions.check_edit).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from workbench.db.models import Claim
from workbench.domain.actions import EDITED
from workbench.domain.anchoring import AnchorState
from workbench.domain.claim_identity import claim_text, pinned_twice, same_claim
from workbench.domain.errors import Conflict, InvalidInput, give
from workbench.domain.note_text import note_body
from workbench.domain.spans import Span
from workbench.domain.status import parse_claim_type
from workbench.domain.transitions import PIN, Refusal, check_edit, edited_parts, refuse
from workbench.services.claim_updates import check_version, claim_state, update_claim
from workbench.services.claims import SpanRequest
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row, get_document
from workbench.services.revisions import revision_text
from workbench.services.span_twins import same_span_claims
from workbench.services.speakers import document_speaker, same_speaker, speaker_name
from workbench.services.views import ClaimView, NoteView


@dataclass(frozen=True, slots=True)
class ClaimEdit:
    """The claim after an edit, which of its fields changed (none: it already said so, and
    nothing was recorded) and the note written with the change."""

    claim: ClaimView
    changed: tuple[str, ...]
    note: NoteView | None = None

    def to_json(self) -> dict[str, Any]:
        note = None if self.note is None else self.note.to_json()
        # Always the same keys: other claims on its span are [] when none are, or when the
        # edit did not move the span (review58: the key came and went with the span).
        shown = {"same_span": [], "same_span_count": 0, **self.claim.to_json()}
        return {**shown, "changed": list(self.changed), "note": note}


def wanted_values(
    text: str | None, claim_type: str | None, speaker: str | None, *, span: bool = False
) -> dict[str, str | None]:
    """The fields asked for, as they would be stored (the rules `claim add` applies: the text
    normalised and bounded, a known type, the speaker one line or "" for none). `span`: a new
    span is asked for too (it is read against the document's text, in the transaction)."""
    wanted: dict[str, str | None] = {}
    if text is not None:
        wanted["text"] = claim_text(text)
    if claim_type is not None:
        wanted["type"] = parse_claim_type(claim_type).value
    if speaker is not None:
        wanted["speaker"] = speaker_name(speaker)
    if not wanted and not span:
        raise InvalidInput(
            "nothing to change: give the claim's new text, type, speaker or span",
            hint=give("text"),
        )
    return wanted


@mutation
def edit_claim(
    wb: Workbench,
    claim_id: int,
    *,
    text: str | None = None,
    claim_type: str | None = None,
    speaker: str | None = None,
    span: SpanRequest | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> ClaimEdit:
    """Change what the claim says: each field given (None: leave it; speaker "" removes it),
    and with `span` where it is pinned: found in the document's latest revision and pinned
    there exactly, as `claim add` pins a new claim.

    A value equal to the stored one changes nothing, and an edit that changes nothing records
    nothing (a note given with it is refused rather than lost). Refused on a claim in review or
    with a verdict, and when the claim is no longer at `expected_version`.
    """
    wanted: dict[str, Any] = wanted_values(text, claim_type, speaker, span=span is not None)
    if span is not None and (problem := span.problem()) is not None:
        raise problem
    body = note_body(note) if note is not None else None
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        check_version(claim, expected_version)
        if span is not None:
            wanted.update(_pinned_anew(tx, claim, span))
        speaker = wanted.get("speaker")
        if speaker is not None and not same_speaker(claim.speaker, speaker):
            # One person, one spelling on a document (as `claim add` keeps it). Another spelling
            # of the claim's own speaker is the person respelling it: stored as typed, or a
            # spelling other claims share could never be changed (ALICE on a claim of two
            # "Alice"s was stored as Alice, nothing changed).
            wanted["speaker"] = document_speaker(tx, claim.document_id, speaker, besides=claim.id)
        changes = {n: v for n, v in wanted.items() if getattr(claim, n) != v}
        state = claim_state(claim)
        if not changes:
            if body is not None:
                raise refuse(
                    state,
                    Refusal.NOTE_WITHOUT_CHANGE,
                    f"claim #{claim.id} already says this, so the note was not saved",
                    step="add_note",
                )
            return ClaimEdit(ClaimView.of(claim), ())
        check_edit(state, changes)
        if "text" in changes or any(name in changes for name in PIN):
            _refuse_twin(tx, claim, {**_pin_of(claim), **changes})
        written = update_claim(tx, claim, EDITED, changes, note=body)
        view = ClaimView.of(claim)
        if any(name in changes for name in PIN):
            # Moved onto another claim's very words: said, as `claim add` says it.
            twins = same_span_claims(
                tx, claim.document_id, _span_of(claim), revision=claim.revision
            )
            view = replace(view, same_span=tuple(i for i in twins if i != claim.id))
        return ClaimEdit(view, edited_parts(changes), written)


def _span_of(claim: Claim) -> Span:
    return Span(claim.start, claim.end, claim.quote, claim.prefix, claim.suffix)


def _pin_of(claim: Claim) -> dict[str, Any]:
    """The claim's text and where it is pinned, by the fields an edit changes."""
    return {"text": claim.text, **{name: getattr(claim, name) for name in PIN}}


def _pinned_anew(tx: Tx, claim: Claim, span: SpanRequest) -> dict[str, Any]:
    """The pin's fields of `span` found in the latest revision of the claim's document: exact,
    and in the text the desk reads now, whatever revision the claim was anchored to before."""
    number, current = revision_text(tx, get_document(tx, claim.document_id))
    pinned = span.resolve(current)
    return {
        **pinned.columns(),
        "revision": number,
        "anchor_state": AnchorState.EXACT.value,
        "anchor_score": None,
    }


def _refuse_twin(tx: Tx, claim: Claim, edited: dict[str, Any]) -> None:
    """The new text or span must not make the claim a duplicate: `claim add` refuses a second
    claim on the same span with the same text, so an edit cannot make one either."""
    span = Span(edited["start"], edited["end"], edited["quote"], edited["prefix"], edited["suffix"])
    columns = Claim.__table__.c
    same = same_claim(claim.document_id, span, str(edited["text"]), revision=edited["revision"])
    twin = tx.session.scalar(
        select(Claim.id).where(*(columns[n] == v for n, v in same), Claim.id != claim.id)
    )
    if twin is not None:
        raise Conflict(pinned_twice(twin))
