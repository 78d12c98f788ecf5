"""Claims: adding them with their exact source span, finding them, moving their status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from workbench.db.models import Claim, Document, Event
from workbench.domain.clock import iso, now
from workbench.domain.errors import Conflict, InvalidInput
from workbench.domain.status import (
    ClaimType,
    Status,
    check_transition,
    parse_claim_type,
    parse_status,
)
from workbench.domain.text import Span, find_quote, sentence_bounds, span_at
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row, get_document
from workbench.services.notes import insert_note
from workbench.services.views import ClaimDetail, ClaimView, EventView, NoteView, StatusChange


@dataclass(frozen=True, slots=True)
class SpanRequest:
    """How the user pinned the claim: by quote (and occurrence) or by offsets."""

    quote: str | None = None
    occurrence: int | None = None
    start: int | None = None
    end: int | None = None

    def resolve(self, text: str) -> Span:
        by_offsets = self.start is not None or self.end is not None
        if self.quote is not None and by_offsets:
            raise InvalidInput("give either --quote or --start/--end, not both")
        if self.quote is not None:
            return find_quote(text, self.quote, self.occurrence)
        if self.occurrence is not None:
            raise InvalidInput("--occurrence goes with --quote")
        if self.start is None or self.end is None:
            raise InvalidInput(
                "pin the claim to its source: give --quote, or both --start and --end"
            )
        return span_at(text, self.start, self.end)


@mutation
def add_claim(
    wb: Workbench,
    document_id: int,
    text: str,
    span: SpanRequest,
    *,
    speaker: str | None = None,
    claim_type: str = ClaimType.FACT.value,
) -> ClaimView:
    ctype = parse_claim_type(claim_type)
    claim_text = _claim_text(text)
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        pinned = span.resolve(doc.text)
        claim = insert_claim(tx, doc, pinned, claim_text, speaker=speaker, claim_type=ctype)
        return ClaimView.of(claim)


def _claim_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput("the claim text is empty: say in one sentence what is claimed")
    return cleaned


def insert_claim(
    tx: Tx,
    doc: Document,
    span: Span,
    text: str,
    *,
    speaker: str | None,
    claim_type: ClaimType,
) -> Claim:
    """Insert one claim and its event; shared by every route a claim can come in by."""
    moment = now()
    claim = Claim(
        document_id=doc.id,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        text=_claim_text(text),
        speaker=(speaker or "").strip() or None,
        type=claim_type.value,
        status=Status.UNVERIFIED.value,
        created_by=tx.actor,
        created_at=moment,
        updated_at=moment,
    )
    tx.session.add(claim)
    tx.session.flush()
    tx.record(
        "claim.added",
        "claim",
        claim.id,
        {"after": ClaimView.of(claim).to_json()},
        claim_id=claim.id,
    )
    return claim


def get_claim(wb: Workbench, claim_id: int) -> ClaimView:
    with transaction(wb) as tx:
        return ClaimView.of(get_claim_row(tx, claim_id))


def show_claim(wb: Workbench, claim_id: int) -> ClaimDetail:
    with transaction(wb) as tx:
        claim = get_claim_row(tx, claim_id)
        text = claim.document.text
        left, right = sentence_bounds(text, claim.start, claim.end)
        events = tx.session.scalars(
            select(Event).where(Event.claim_id == claim_id).order_by(Event.seq)
        )
        return ClaimDetail(
            claim=ClaimView.of(claim),
            context_start=left,
            context=text[left:right],
            notes=[NoteView.of(n) for n in claim.notes],
            events=[event_view(e) for e in events],
        )


def event_view(ev: Event) -> EventView:
    import json

    return EventView(
        seq=ev.seq,
        at=ev.at,
        actor=ev.actor,
        action=ev.action,
        entity_type=ev.entity_type,
        entity_id=ev.entity_id,
        payload=json.loads(ev.payload),
    )


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    statuses: Sequence[str] = ()
    document_id: int | None = None
    speaker: str | None = None
    claim_type: str | None = None
    limit: int | None = None


def list_claims(wb: Workbench, flt: ClaimFilter | None = None) -> list[ClaimView]:
    flt = flt or ClaimFilter()
    query = select(Claim).order_by(Claim.id)
    if flt.statuses:
        query = query.where(Claim.status.in_([parse_status(s).value for s in flt.statuses]))
    if flt.document_id is not None:
        query = query.where(Claim.document_id == flt.document_id)
    if flt.speaker:
        query = query.where(Claim.speaker == flt.speaker)
    if flt.claim_type:
        query = query.where(Claim.type == parse_claim_type(flt.claim_type).value)
    if flt.limit is not None:
        if flt.limit < 0:
            raise InvalidInput("--limit must be 0 or more")
        query = query.limit(flt.limit)
    with transaction(wb) as tx:
        return [ClaimView.of(c) for c in tx.session.scalars(query)]


@mutation
def set_status(
    wb: Workbench,
    claim_id: int,
    status: str,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> StatusChange:
    """Move a claim to `status`. The reason, when given, is kept as a note on the claim."""
    target = parse_status(status)
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        if expected_version is not None and claim.version != expected_version:
            raise _stale(claim_id, expected_version, claim.version)
        current = Status(claim.status)
        if current == target:
            return StatusChange(claim=ClaimView.of(claim), changed=False, previous=current.value)
        check_transition(current, target, note)
        read_version = claim.version
        before = {
            "status": current.value,
            "version": read_version,
            "updated_at": iso(claim.updated_at),
        }
        claim.status = target.value
        claim.updated_at = now()
        try:
            tx.session.flush()
        except StaleDataError:
            raise _stale(claim_id, read_version, None) from None
        reason = insert_note(tx, claim, note) if note and note.strip() else None
        payload = {
            "before": before,
            "after": {
                "status": target.value,
                "version": claim.version,
                "updated_at": iso(claim.updated_at),
            },
            "note": reason.to_json() if reason else None,
        }
        tx.record("claim.status_changed", "claim", claim.id, payload, claim_id=claim.id)
        return StatusChange(
            claim=ClaimView.of(claim),
            changed=True,
            previous=current.value,
            notes=[reason] if reason else [],
        )


def _stale(claim_id: int, expected: int, actual: int | None) -> Conflict:
    now_is = f" (it is now at version {actual})" if actual is not None else ""
    return Conflict(
        f"claim #{claim_id} was changed by someone else since version {expected}{now_is}; "
        f"re-read it with `workbench claim show {claim_id}` and try again"
    )
