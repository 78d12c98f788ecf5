"""What the publishing formats read: documents with their claims, notes, evidence and history.

One read-only transaction gathers plain views; the builders in `workbench.exports` turn them
into ClaimReview, Web Annotations, an HTML report or a claims table without touching the
database.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, Select, and_, cast, func, or_, select
from sqlalchemy.orm import selectinload

from workbench.db.models import (
    Claim,
    ClaimTag,
    Document,
    DocumentRevision,
    Event,
    Evidence,
    Note,
)
from workbench.domain.actions import DOCUMENT_EDITED, NOTE_VISIBILITY_CHANGED
from workbench.domain.errors import InvalidInput
from workbench.domain.payloads import event_value
from workbench.domain.reviewers import Registered
from workbench.domain.sign_off import (
    REVIEW_MOVES,
    VERDICT_ACTIONS,
    RanAhead,
    last_verdict_move,
    public_reason,
    rated_before_opinion,
    reason_note,
    sign_off,
    trail_time,
    verdict_before,
    verdict_reasons,
)
from workbench.domain.spans import Span
from workbench.domain.status import (
    FINAL_STATUSES,
    FINAL_VALUES,
    OPEN_STATUSES,
    RATINGS,
    WITHDRAWN_VALUE,
    Status,
)
from workbench.services.context import Tx, Workbench, transaction

# judged_span: the one fold of a claim's events that says which words its flagged verdict was
# given on (what `doc update` gives back and `claim status` warns by).
from workbench.services.earlier_spans import judged_span
from workbench.services.lookup import get_document
from workbench.services.revisions import revision_text
from workbench.services.sign_off_reads import registered_for_sign_off
from workbench.services.views import (
    ClaimView,
    DocumentView,
    EventView,
    EvidenceView,
    NoteView,
    from_row,
)


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim with everything a published page shows about it."""

    claim: ClaimView
    notes: tuple[NoteView, ...]
    evidence: tuple[EvidenceView, ...]
    events: tuple[EventView, ...]
    # When the claim reached the verdict it holds (the `at` of that event), if it holds one.
    verdict_at: str | None
    # A verdict flagged for re-review: the span it was given on, in revision
    # `claim.verdict_revision` (read only when asked: `records_in(judged=True)`; None when not
    # flagged, or when the words cannot be told: a speaker changed since).
    judged: Span | None = None
    # The registered people's addresses and display names (one for every record), by which an
    # approval by the proposer's own address (fix259) or display name (rr270) is none
    # (`unapproved`).
    people: Registered = field(default_factory=Registered)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    document: DocumentView
    # The latest revision's text and number: the text the desk reads now, and the one a page
    # highlights (claims pinned to an older revision are listed but not highlighted).
    text: str
    claims: tuple[ClaimRecord, ...]
    revision: int = 1
    # The sha256 of each revision's text, by number: what names the text a claim's offsets
    # count in (a claim pins into one revision; see `ClaimView.revision`).
    text_sha256: Mapping[int, str] = field(default_factory=dict)
    # When each revision's text was stored, by number: the state of the page it was taken from.
    stored_at: Mapping[int, str] = field(default_factory=dict)

    def sha256_of(self, revision: int) -> str:
        return self.text_sha256.get(revision, self.document.sha256)

    def stored_at_of(self, revision: int) -> str:
        return self.stored_at.get(revision, self.document.created_at)


def verdict_time(claim: ClaimView, events: Sequence[EventView]) -> str | None:
    """The moment the claim's current verdict was set: the last event that moved it there."""
    found = _verdict_event(claim, events)
    return None if found is None else found.at


def _verdict_event(claim: ClaimView, events: Sequence[EventView]) -> EventView | None:
    if Status(claim.status) not in FINAL_STATUSES:
        return None
    found: EventView | None = None
    for ev in events:
        after = ev.payload.get("after")
        if isinstance(after, dict) and after.get("status") == claim.status:
            found = ev
    return found


def first_verdict_time(claim: ClaimView, events: Sequence[EventView]) -> str | None:
    """The moment the claim first held a rated verdict (one a ClaimReview publishes), if it
    holds one now: when its review was first published, kept through later corrections
    (trial73: a verdict reopened and given again was dated by the correction alone)."""
    found = _first_verdict_event(claim, events)
    return None if found is None else found.at


def _first_verdict_event(claim: ClaimView, events: Sequence[EventView]) -> EventView | None:
    if Status(claim.status) not in FINAL_STATUSES:
        return None
    for ev in events:
        after = ev.payload.get("after")
        if isinstance(after, dict) and after.get("status") in _RATED:
            return ev
    return None


# The statuses a ClaimReview rates, by value.
_RATED = frozenset(status.value for status in RATINGS)


def unapproved(record: ClaimRecord | ReviewedClaim) -> bool:
    """Whether a claim's verdict is one no second person approved (given while review.required
    was off, or imported, or approved by the proposer's own address), from its verdict events
    (VERDICT_ACTIONS at least): what every publishing command warns of when the desk's rule
    now asks for a second reviewer."""
    events = record.events
    signed = sign_off(((e.seq, e.actor, e.action, e.payload) for e in events), record.people)
    return signed is None or signed.approved_by is None


def public_notes(notes: Iterable[NoteView]) -> list[NoteView]:
    """The notes a published view may show or publish as the claim's note: all but the
    internal ones (`note add --internal`, the desk's own: review100). The one rule of which
    notes are published, with `sign_off.public_reason` (which the claims table's read, with no
    views, asks as well)."""
    return [n for n in notes if not n.internal]


def published_note(record: ClaimRecord) -> str | None:
    """The note an export publishes for the claim: its verdict's reason, else an open claim's
    latest published note (`public_reason`). Needs the record's verdict events (history True,
    or VERDICT_ACTIONS)."""
    chosen = public_reason(
        ((e.seq, e.actor, e.action, e.payload) for e in record.events),
        [(n.id, n.author, n.internal) for n in record.notes],
    )
    return next((n.body for n in record.notes if n.id == chosen), None)


def withheld_notes(record: ClaimRecord) -> frozenset[int]:
    """The ids of the notes a published view leaves out of a claim: every internal note
    (`public_notes`), and of a verdict withheld (flagged for re-review: `ClaimView.flagged`),
    the reasons written with its verdicts, given or proposed, and the note its exports would
    publish as the reason (`published_note`). The report lists a claim's other notes; a Web
    Annotation, which publishes one note, publishes none of a withheld verdict
    (`Annotated.withheld`). Needs the record's verdict events (history True, or
    VERDICT_ACTIONS)."""
    internal = _internal_ids(record.notes)
    if not record.claim.flagged:
        return internal
    events = [(e.seq, e.actor, e.action, e.payload) for e in record.events]
    chosen = reason_note(events, [(n.id, n.author) for n in public_notes(record.notes)])
    return internal | verdict_reasons(events) | ({chosen} if chosen is not None else set())


def published_history(record: ClaimRecord) -> list[EventView]:
    """A claim's events as a published view lists them: none about an internal note (its entry
    would say who kept a note back, and when), nor any note's visibility change (`note
    internal` / `note public`: the desk's own). What each entry then says of a withheld verdict
    is the view's (`withheld_notes`)."""
    internal = {str(i) for i in _internal_ids(record.notes)}
    return [
        ev
        for ev in record.events
        if not (ev.entity_type == "note" and ev.entity_id in internal)
        and ev.action != NOTE_VISIBILITY_CHANGED
    ]


def _internal_ids(notes: Iterable[NoteView]) -> frozenset[int]:
    return frozenset(n.id for n in notes if n.internal)


def _judged(tx: Tx, claim: Claim) -> Span | None:
    """The span `claim`'s flagged verdict was given on (None: not flagged, or not told)."""
    if claim.verdict_revision is None:
        return None
    span = judged_span(tx, claim, claim.verdict_revision)
    if span is None or not isinstance(span["quote"], str):
        return None
    return Span(
        span["start"], span["end"], span["quote"], span["prefix"] or "", span["suffix"] or ""
    )


def _records(
    tx: Tx,
    claims: Sequence[Claim],
    *,
    history_too: bool | Sequence[str],
    judged: bool = False,
    people: Registered,
) -> list[ClaimRecord]:
    ids = [c.id for c in claims]
    history: dict[int, list[EventView]] = {i: [] for i in ids}
    for start in range(0, len(ids) if history_too else 0, CLAIMS_AT_ONCE):
        chunk = ids[start : start + CLAIMS_AT_ONCE]
        # The views' columns, not Event rows: the session built an object (with its
        # identity and state) for each of a year's 200,000 events, a third of `report --all`'s
        # time, for views that are then made of them (perf223).
        query = select(*_EVENT_VIEW_COLUMNS).where(Event.claim_id.in_(chunk)).order_by(Event.seq)
        if not isinstance(history_too, bool):
            query = query.where(Event.action.in_(list(history_too)))
        for row in tx.session.execute(query):
            claim_id, event = _event_of(row)
            assert claim_id is not None
            history[claim_id].append(event)
    # Their notes and evidence as views of the columns too, by id as the relationships order
    # them: loaded with the claims, the session built an object for each of a year's 87,000
    # notes and 28,000 items of evidence (perf223).
    notes: dict[int, list[NoteView]] = {i: [] for i in ids}
    evidence: dict[int, list[EvidenceView]] = {i: [] for i in ids}
    for start in range(0, len(ids), CLAIMS_AT_ONCE):
        chunk = ids[start : start + CLAIMS_AT_ONCE]
        for row in tx.session.execute(
            select(*_NOTE_VIEW_COLUMNS).where(Note.claim_id.in_(chunk)).order_by(Note.id)
        ):
            notes[row.claim_id].append(from_row(NoteView, row))
        for row in tx.session.execute(
            select(*_EVIDENCE_VIEW_COLUMNS)
            .where(Evidence.claim_id.in_(chunk))
            .order_by(Evidence.id)
        ):
            evidence[row.claim_id].append(from_row(EvidenceView, row))
    out = []
    for c in claims:
        view = ClaimView.of(c, evidence_count=len(evidence[c.id]))
        events = tuple(history[c.id])
        out.append(
            ClaimRecord(
                claim=view,
                notes=tuple(notes[c.id]),
                evidence=tuple(evidence[c.id]),
                events=events,
                verdict_at=verdict_time(view, events),
                judged=_judged(tx, c) if judged else None,
                people=people,
            )
        )
    return out


def _people(tx: Tx) -> Registered:
    """The registered people's addresses and display names (reviewers.Registered), read once
    for an export's records, as `claim show` and the claims table read them."""
    with tx.reading() as conn:
        return registered_for_sign_off(conn)


def iter_documents(
    wb: Workbench,
    *,
    document_ids: Sequence[int] = (),
    claim_ids: Sequence[int] = (),
    history: bool | Sequence[str] = True,
) -> Iterator[DocumentRecord]:
    """Documents (all, or those named) with their claims (all, or those named; never a
    withdrawn one, which is not published), by id, a document at a time, in one read
    transaction: a format that writes as it goes holds one document's claims, not the desk's
    (2 GB at 100,000 claims, when they were all loaded first). `history=False` leaves out
    each claim's events (and so its verdict time) for the formats that do not show them: the
    trail is the biggest table; a sequence of actions keeps only those events
    (VERDICT_ACTIONS: what `published_note` reads)."""
    with transaction(wb) as tx:
        yield from records_in(tx, document_ids=document_ids, claim_ids=claim_ids, history=history)


def _named_claims(tx: Tx, claim_ids: Sequence[int], document_ids: Sequence[int]) -> list[int]:
    """The ids of the claims named (NotFound for a missing one). With documents named too, a
    claim in none of them is refused: the two would select nothing, and the export would be
    empty with no word of why (session 45's new user)."""
    from workbench.services.lookup import claims_by_ids

    rows = claims_by_ids(tx, claim_ids) if claim_ids else []
    for row in rows:
        if document_ids and row.document_id not in document_ids:
            docs = ", ".join(f"#{d}" for d in document_ids)
            raise InvalidInput(
                f"claim #{row.id} is in document #{row.document_id}, not in the "
                f"document{'s' if len(document_ids) > 1 else ''} named ({docs})"
            )
    return [row.id for row in rows]


def records_in(
    tx: Tx,
    *,
    document_ids: Sequence[int] = (),
    claim_ids: Sequence[int] = (),
    history: bool | Sequence[str] = True,
    judged: bool = False,
) -> Iterator[DocumentRecord]:
    """`iter_documents` inside a transaction the caller holds (to read more in the same one).
    `judged`: give each flagged verdict the span it was given on (`ClaimRecord.judged`), a read
    of its events each, for the formats that publish a flagged verdict on its own words."""
    for doc_id in document_ids:
        get_document(tx, doc_id)  # NotFound for an unknown one, before anything is built
    named = _named_claims(tx, claim_ids, document_ids)
    people = _people(tx)  # once: a desk's thousands of documents each read them otherwise
    for doc_id in list(tx.session.scalars(_documents_query(document_ids, claim_ids, named))):
        doc = tx.session.get_one(Document, doc_id)
        query = (
            select(Claim)
            .options(
                # (notes and evidence: read by `_records`, as views)
                selectinload(Claim.tags),
            )
            # A withdrawn claim was taken back: no page or annotation ever carries it.
            .where(Claim.document_id == doc_id, Claim.status != WITHDRAWN_VALUE)
            .order_by(Claim.id)
        )
        if claim_ids:
            query = query.where(Claim.id.in_(named))
        number, text = revision_text(tx, doc)
        document = DocumentView.of(doc)
        hashes, stored_at = _revisions(tx, doc)
        yield DocumentRecord(
            document=document,
            text=text,
            claims=tuple(
                _records(
                    tx,
                    list(tx.session.scalars(query)),
                    history_too=history,
                    judged=judged,
                    people=people,
                )
            ),
            revision=number,
            text_sha256=hashes,
            stored_at={1: document.created_at, **stored_at},
        )
        # Nothing of this document is needed again: let the session forget it.
        tx.session.expunge_all()


@dataclass(frozen=True, slots=True)
class ReviewedClaim:
    """A claim as a ClaimReview is made of it: the claim, and, when it holds a final verdict,
    its events (for when the verdict was given, and who signed it off); a claim without one
    is only skipped, and its events are not read (an open one's verdict moves are, for the
    verdict it held before it was reopened: `held_verdict`)."""

    claim: ClaimView
    events: tuple[EventView, ...]
    verdict_at: str | None
    # When it first held a rated verdict: the review's first publication (`first_verdict_time`).
    first_verdict_at: str | None = None
    # A withdrawn or reopened claim's verdict before (`sign_off.verdict_before`).
    held_verdict: str | None = None
    # The seq of the last event that set its status or flagged its verdict
    # (`sign_off.last_verdict_move`).
    moved_seq: int | None = None
    # Its verdict times (first, then current) that its trail shows a clock ran ahead for
    # (`sign_off.trail_time`): `verdict_at` and `first_verdict_at` are the times the trail
    # supports (a later move's), which date its review.
    ran_ahead: tuple[RanAhead, ...] = ()
    # The registered people's addresses and display names, as ClaimRecord's.
    people: Registered = field(default_factory=Registered)


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """A document's fields (not its text: a review names the document, it does not quote it)
    and its claims, as `review_records` reads them."""

    document: DocumentView
    claims: tuple[ReviewedClaim, ...]
    # Read with `moved_after`: whether the document's published fields were edited after it
    # (`document.edited`), which changes the review of each of its rated claims.
    edited_after: bool = False


def _edited_documents(after: int) -> Select[int]:
    """The ids of the documents whose fields were edited after event `after` (DOCUMENT_EDITED
    changes only fields a ClaimReview publishes, its itemReviewed: the URL, headline, author,
    date and language of where the claim appeared): a document's event names it by its id as
    text (`entity_id`)."""
    return select(cast(Event.entity_id, Integer)).where(
        Event.seq > after, Event.entity_type == "document", Event.action == DOCUMENT_EDITED
    )


# Documents read at a time by `review_records` (their fields, claims, tags and evidence counts
# in one statement each), and claims whose events are read in one statement (within every
# backend's limit of bound parameters).
DOCUMENTS_AT_ONCE = 50
CLAIMS_AT_ONCE = 500
# Claims whose views a batch of documents holds at most, and a page of one document's, when it
# alone has more (`_pages`): 50 documents of a year's desk held 10,000 claims' views at once
# (105 MB peak).
CLAIMS_AT_A_TIME = 1000
# The claims columns a ClaimView is made of (the rest are given: tags, evidence_count...).
_CLAIM_VIEW_COLUMNS = tuple(
    getattr(Claim, f.name).label(f.name)
    for f in fields(ClaimView)
    if f.name not in {"tags", "evidence_count", "similar", "same_span", "last_activity"}
)
_DOCUMENT_VIEW_COLUMNS = tuple(
    getattr(Document, f.name).label(f.name) for f in fields(DocumentView)
)
# The columns a NoteView and an EvidenceView are made of.
_NOTE_VIEW_COLUMNS = tuple(getattr(Note, f.name).label(f.name) for f in fields(NoteView))
_EVIDENCE_VIEW_COLUMNS = tuple(
    getattr(Evidence, f.name).label(f.name) for f in fields(EvidenceView)
)
# The claim, then EventView's fields in order.
_EVENT_VIEW_COLUMNS = (
    Event.claim_id,
    Event.seq,
    Event.at,
    Event.actor,
    Event.action,
    Event.entity_type,
    Event.entity_id,
    Event.payload,
)


def review_records(
    tx: Tx,
    *,
    document_ids: Sequence[int] = (),
    claim_ids: Sequence[int] = (),
    touched: tuple[str, str | None] | None = None,
    moved_after: int | None = None,
) -> Iterator[ReviewRecord]:
    """`records_in` for ClaimReview: the documents (all, or those named) with their claims
    (all, or those named), by id, reading what a review needs and nothing else: no text, notes,
    evidence or revisions, and events only of the claims with a final verdict or withdrawn
    (and of open ones, those that move a verdict: `reopened_verdict`). Batched by
    document: a few statements per DOCUMENTS_AT_ONCE documents, and one per CLAIMS_AT_ONCE
    claims with a verdict, where `records_in` took about eight per document. `touched` (the
    `at` bounds of a span, the end None for open): only the claims with an event in it, which
    every claim whose review is dated in it has (the time of its verdict's event or its first
    verdict's, or of the later move that re-dates one whose clock ran ahead: `review_dates`,
    `sign_off.trail_time`; what `export claimreview --since` reads: a week's verdicts
    without reading the year's). `moved_after` (a seq): only the claims with an event after it
    that may set the status or flag its verdict (REVIEW_MOVES), which every claim whose
    verdict moved since has, or of a document whose fields were edited after it (what a
    review publishes of where the claim appeared: `ReviewRecord.edited_after`), what
    `export claimreview --after` reads."""
    from workbench.services.lookup import check_documents

    check_documents(tx, document_ids)  # NotFound for an unknown one, before anything is read
    named = _named_claims(tx, claim_ids, document_ids)
    in_span: ColumnElement[bool] | None = None
    if touched is not None:
        since, until = touched
        events = select(Event.claim_id).where(Event.at >= since, Event.claim_id.is_not(None))
        if until is not None:
            events = events.where(Event.at <= until)
        in_span = Claim.id.in_(events)
    if moved_after is not None:
        moves = select(Event.claim_id).where(
            Event.seq > moved_after,
            Event.action.in_(REVIEW_MOVES),
            Event.claim_id.is_not(None),
        )
        edited = _edited_documents(moved_after)
        moved = or_(Claim.id.in_(moves), Claim.document_id.in_(edited))
        in_span = moved if in_span is None else and_(in_span, moved)
    conn = tx.session.connection()
    edited_all = set(conn.scalars(edited)) if moved_after is not None else set()
    doc_ids = list(tx.session.scalars(_documents_query(document_ids, claim_ids, named)))
    # A window's (--since's, --after's) claims are found once for the whole export, not once a
    # run of documents (a year's desk is 100 runs, each reading the window's events again).
    selected = None if in_span is None else _Selected.read(conn, in_span, named)
    if selected is not None:
        doc_ids = [d for d in doc_ids if d in selected.of_document]
    people = _people(tx)
    for chunk in _batches(conn, doc_ids):
        of_chunk: ColumnElement[bool] = Claim.document_id.in_(chunk)
        if claim_ids:
            of_chunk = and_(of_chunk, Claim.id.in_(named))
        edited_now = edited_all.intersection(chunk)
        documents = {
            row.id: from_row(DocumentView, row)
            for row in conn.execute(select(*_DOCUMENT_VIEW_COLUMNS).where(Document.id.in_(chunk)))
        }
        # A document alone in its run may hold more than a page of claims (a transcript's, an
        # import's: 100,000 in one document were held at once): read a page at a time.
        held = None if selected is None else selected.of_run(chunk)
        for page in _pages(conn, chunk, of_chunk, held):
            yield from _page_records(conn, page, chunk, documents, edited_now, people)


def _page_records(
    conn: Connection,
    page: Sequence[ColumnElement[bool]],
    chunk: Sequence[int],
    documents: Mapping[int, DocumentView],
    edited_now: set[int],
    people: Registered,
) -> Iterator[ReviewRecord]:
    """The review records of one page of a run of documents' claims (`page`: the conditions
    that select it, `_pages`), document by document in `chunk`'s order."""
    tags: dict[int, list[str]] = {}
    evidence_counts: dict[int, int] = {}
    for of_page in page:
        for claim_id, tag in conn.execute(
            select(ClaimTag.claim_id, ClaimTag.tag).join(Claim).where(of_page)
        ):
            tags.setdefault(claim_id, []).append(tag)
        evidence_counts.update(
            conn.execute(
                select(Evidence.claim_id, func.count())
                .join(Claim)
                .where(of_page)
                .group_by(Evidence.claim_id)
            ).all()
        )
    claims: dict[int, list[ClaimView]] = {doc_id: [] for doc_id in chunk}
    for of_page in page:
        for row in conn.execute(
            select(*_CLAIM_VIEW_COLUMNS).where(of_page).order_by(Claim.document_id, Claim.id)
        ):
            claims[row.document_id].append(
                from_row(
                    ClaimView,
                    row,
                    tags=tuple(sorted(tags.get(row.id, ()))),
                    evidence_count=evidence_counts.get(row.id, 0),
                    similar=None,
                    same_span=None,
                    last_activity=None,
                )
            )
    # The events are read for a run of documents at a time, about CLAIMS_AT_ONCE claims with a
    # verdict, and their records handed on before the next run's are read.
    run: list[int] = []
    verdicts = 0
    for doc_id in chunk:
        run.append(doc_id)
        verdicts += sum(c.status in FINAL_VALUES for c in claims[doc_id])
        if verdicts < CLAIMS_AT_ONCE and doc_id != chunk[-1]:
            continue
        # A withdrawn claim's events too: whether it held a verdict (skipped_as).
        finals = [
            c.id
            for d in run
            for c in claims[d]
            if c.status in FINAL_VALUES or c.status == WITHDRAWN_VALUE
        ]
        # An open claim's verdict moves too: whether it was reopened after one.
        opened = [c.id for d in run for c in claims[d] if c.status in _OPEN_VALUES]
        histories = _histories(conn, finals, opened)
        for done in run:
            yield ReviewRecord(
                documents[done],
                tuple(_reviewed(c, histories.get(c.id, ()), people) for c in claims.pop(done)),
                done in edited_now,
            )
        run, verdicts = [], 0


class _Selected:
    """The claims a window (--since's span, --after's moves) selects, by document: read in one
    statement for the whole export, their ids held in order of document and id (8 bytes each:
    800 KB for a year's 100,000 claims) with each document's run of them."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.of_document: dict[int, tuple[int, int]] = {}

    @classmethod
    def read(
        cls,
        conn: Connection,
        in_span: ColumnElement[bool],
        named: Sequence[int],
    ) -> _Selected:
        """The claims `in_span` selects; a document is among them when any of its claims is,
        named or not (the documents `export claimreview --since` lists), its claims read only
        those of `named` when claims are named."""
        selected = cls()
        wanted = frozenset(named) if named else None  # (claims named: every one found)
        rows = conn.execute(
            select(Claim.document_id, Claim.id).where(in_span).order_by(Claim.document_id, Claim.id)
        )
        for doc_id, claim_id in rows:
            start, _ = selected.of_document.get(doc_id, (len(selected.ids), 0))
            if wanted is None or claim_id in wanted:
                selected.ids.append(claim_id)
            selected.of_document[doc_id] = (start, len(selected.ids))
        return selected

    def of_run(self, chunk: Sequence[int]) -> array[int]:
        """The selected claims of a run of documents (`chunk`, in order), in order of document
        and id."""
        held = array("q")
        for doc_id in chunk:
            start, end = self.of_document.get(doc_id, (0, 0))
            held.extend(self.ids[start:end])
        return held


def _pages(
    conn: Connection,
    chunk: Sequence[int],
    of_chunk: ColumnElement[bool],
    held: array[int] | None,
) -> Iterator[list[ColumnElement[bool]]]:
    """The claims of a run of documents (`of_chunk`), a page at a time, in order of id, each
    page the conditions that together select its claims, in order of id: the run itself when
    it has several documents (`_batches` holds it to CLAIMS_AT_A_TIME claims); a document alone
    in its run, CLAIMS_AT_A_TIME claims a page; and the run once when none of its claims is
    selected (its record, empty, as the full records give it). `held` (a window's: --since's,
    --after's): the run's selected claims (`_Selected.of_run`), in order of document and id,
    and a page is its ids, CLAIMS_AT_ONCE a condition; a page's statements otherwise each read
    the window's events again (`export claimreview --since` over most of the trail of a
    document of 20,000 claims, 20 pages: 5.98 -> 10.40 s)."""
    if held is not None:
        if not held:
            yield []  # no statement: none is selected
            return
        step = CLAIMS_AT_A_TIME if len(chunk) == 1 else len(held)
        for start in range(0, len(held), step):
            of = held[start : start + step]
            yield [
                Claim.id.in_(of[at : at + CLAIMS_AT_ONCE].tolist())
                for at in range(0, len(of), CLAIMS_AT_ONCE)
            ]
        return
    if len(chunk) > 1:
        yield [of_chunk]
        return
    after: int | None = None
    while True:
        ids = select(Claim.id).where(of_chunk)
        if after is not None:
            ids = ids.where(Claim.id > after)
        page = ids.order_by(Claim.id).limit(CLAIMS_AT_A_TIME).subquery()
        last, count = conn.execute(
            select(func.max(page.c.id), func.count()).select_from(page)
        ).one()
        if last is None:
            if after is None:
                yield [of_chunk]
            return
        bounded = Claim.id <= last if after is None else and_(Claim.id > after, Claim.id <= last)
        yield [and_(of_chunk, bounded)]
        if count < CLAIMS_AT_A_TIME:
            return
        after = last


def _batches(conn: Connection, doc_ids: list[int]) -> Iterator[list[int]]:
    """`doc_ids` in order, in runs of at most DOCUMENTS_AT_ONCE documents and CLAIMS_AT_A_TIME
    claims (a document with more is a run of its own), by each document's count of claims
    (an upper bound of those selected), read CLAIMS_AT_ONCE documents a statement."""
    run: list[int] = []
    held = 0
    for start in range(0, len(doc_ids), CLAIMS_AT_ONCE):
        chunk = doc_ids[start : start + CLAIMS_AT_ONCE]
        counts: dict[int, int] = dict(
            conn.execute(
                select(Claim.document_id, func.count())
                .where(Claim.document_id.in_(chunk))
                .group_by(Claim.document_id)
            ).all()
        )
        for doc_id in chunk:
            claims = counts.get(doc_id, 0)
            if run and (held + claims > CLAIMS_AT_A_TIME or len(run) >= DOCUMENTS_AT_ONCE):
                yield run
                run, held = [], 0
            run.append(doc_id)
            held += claims
    if run:
        yield run


_OPEN_VALUES = frozenset(s.value for s in OPEN_STATUSES)


def _reviewed(claim: ClaimView, history: Sequence[EventView], people: Registered) -> ReviewedClaim:
    """`history`: a claim's events as `_histories` read them (an open claim's verdict moves
    only, which are not kept: what `reopened_verdict` reads)."""
    events = tuple(history)
    moves = [(e.seq, e.actor, e.action, e.payload) for e in events]
    # (a verdict a partner may hold a review of: withdrawn, reopened, or judged an opinion)
    held = verdict_before(moves) or rated_before_opinion(moves)
    moved = last_verdict_move(moves)
    if claim.status in _OPEN_VALUES:
        events = ()
    verdict, first = _verdict_event(claim, events), _first_verdict_event(claim, events)
    timed = [(e.seq, e.at, e.action, e.payload) for e in events]
    # Each dated as the trail supports it: no later than a later move of the claim written
    # at an earlier time, when the clocks before and after the verdict agree (`trail_time`).
    ahead = tuple(
        found
        for ev in {e.seq: e for e in (first, verdict) if e is not None}.values()
        if (found := trail_time(timed, ev.seq, ev.at)) is not None
    )
    supported = {a.seq: a.dated for a in ahead}
    return ReviewedClaim(
        claim,
        events,
        None if verdict is None else supported.get(verdict.seq, verdict.at),
        None if first is None else supported.get(first.seq, first.at),
        held,
        moved,
        ahead,
        people,
    )


def _documents_query(
    document_ids: Sequence[int], claim_ids: Sequence[int], named: Sequence[int]
) -> Select[int]:
    """The ids of the documents to read, in order: those named, those of the claims named, or
    all of them."""
    query = select(Document.id).order_by(Document.id)
    if document_ids:
        return query.where(Document.id.in_(list(document_ids)))
    if claim_ids:
        return query.where(Document.id.in_(select(Claim.document_id).where(Claim.id.in_(named))))
    return query


def _histories(
    conn: Connection, claim_ids: Sequence[int], moves_of: Sequence[int] = ()
) -> dict[int | None, list[EventView]]:
    """Each claim's events, oldest first: all of them for `claim_ids`, and for `moves_of` those
    of VERDICT_ACTIONS only; CLAIMS_AT_ONCE claims a statement."""
    found: dict[int | None, list[EventView]] = {}
    wanted = [(i, True) for i in claim_ids] + [(i, False) for i in moves_of]
    for start in range(0, len(wanted), CLAIMS_AT_ONCE):
        chunk = wanted[start : start + CLAIMS_AT_ONCE]
        whole = [i for i, every in chunk if every]
        moves = [i for i, every in chunk if not every]
        of: list[ColumnElement[bool]] = []
        if whole:
            of.append(Event.claim_id.in_(whole))
        if moves:
            of.append(and_(Event.claim_id.in_(moves), Event.action.in_(VERDICT_ACTIONS)))
        query = select(*_EVENT_VIEW_COLUMNS).where(or_(*of)).order_by(Event.seq)
        for row in conn.execute(query):
            claim_id, event = _event_of(row)
            found.setdefault(claim_id, []).append(event)
    return found


def _event_of(row: Any) -> tuple[int | None, EventView]:
    """The claim and the view of a row of `_EVENT_VIEW_COLUMNS`: `event_view` written out, as
    every field is text or a number stored as the view holds it (only the payload is parsed),
    and a desk's report or verdicts read many events (perf223: built from Event rows, a third
    of `report --all`'s time)."""
    claim_id, seq, at, actor, action, entity_type, entity_id, payload = row
    return claim_id, EventView(seq, at, actor, action, entity_type, entity_id, json.loads(payload))


def _revisions(tx: Tx, doc: Document) -> tuple[dict[int, str], dict[int, str]]:
    """Each revision's sha256 and when it was stored (revision 1's time is the document's)."""
    rows = tx.session.execute(
        select(DocumentRevision.number, DocumentRevision.sha256, DocumentRevision.created_at).where(
            DocumentRevision.document_id == doc.id
        )
    ).all()
    hashes = {1: doc.sha256, **{number: digest for number, digest, _ in rows}}
    return hashes, {number: str(event_value(at)) for number, _, at in rows}
