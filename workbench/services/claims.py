"""Claims: adding them with their exact source span, finding them, moving their status."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from workbench.db.models import Claim, Document
from workbench.domain.actions import CLAIM_ADDED
from workbench.domain.anchoring import AnchorState
from workbench.domain.claim_identity import claim_text as claim_text
from workbench.domain.claim_identity import pinned_twice, same_claim
from workbench.domain.clock import now
from workbench.domain.desk import Priority
from workbench.domain.errors import Conflict, InvalidInput, bad, give, step
from workbench.domain.limits import check_characters
from workbench.domain.payloads import claim_payload, created
from workbench.domain.pinning import find_quote_tolerant
from workbench.domain.settings import REVIEW_REQUIRED
from workbench.domain.spans import Span, offsets_problem, span_at
from workbench.domain.stale_figures import stale_figures
from workbench.domain.status import (
    WITHDRAWN_VALUE,
    ClaimType,
    Status,
    holds_verdict,
    parse_claim_type,
    parse_status,
)
from workbench.domain.text import normalise
from workbench.domain.transcript import turn_speaker
from workbench.domain.transitions import Move, Request, decide
from workbench.services.claim_updates import apply_decision, check_version, claim_state
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import get_claim_row, get_document

# show_claim reads on Core now (services/queries.py); still importable from here for callers
# written against this module.
from workbench.services.queries import show_claim as show_claim
from workbench.services.quote_revised import quote_revised
from workbench.services.review import sign_off_people
from workbench.services.revisions import revision_text, unpublished_judged_quote
from workbench.services.settings import setting_value
from workbench.services.similar import catch_up, with_similar
from workbench.services.span_twins import same_span_claims
from workbench.services.speakers import document_speaker, speaker_name
from workbench.services.views import (
    ClaimView,
    StatusChange,
)


@dataclass(frozen=True, slots=True)
class SpanRequest:
    """How the user pinned the claim: by quote (and occurrence) or by offsets."""

    quote: str | None = None
    occurrence: int | None = None
    start: int | None = None
    end: int | None = None

    def problem(self) -> InvalidInput | None:
        """What is wrong with the way the span is asked for, before any text is read (the rule
        `resolve` enforces, asked by the CLI before it calls, to answer with a usage error)."""
        if self.quote is not None:
            if self.start is not None or self.end is not None:
                return InvalidInput(
                    "a claim is pinned by a quote or by offsets, not both",
                    hint=give("quote_or_offsets"),
                )
            # Asked here too, not only where the quote is looked for: `claim add --quote ''`
            # is then bad usage (exit 2), as an empty note typed is (docs/errors.md).
            # Read as the service reads it (normalised: a BOM alone is empty there too).
            if not normalise(self.quote).strip():
                return InvalidInput("the quote is empty")
            return None
        if self.occurrence is not None:
            return InvalidInput("an occurrence number goes with a quote", hint=bad("occurrence"))
        if self.start is None or self.end is None:
            return InvalidInput("pin the claim to its source", hint=give("span"))
        return offsets_problem(self.start, self.end)

    def words_in(self, text: str) -> bool:
        """Whether `text` holds the quote as many times as the occurrence asks: a quote refused
        there as occurring several times (say which) is in it, no revision changed it."""
        try:
            replace(self, occurrence=self.occurrence or 1).resolve(text)
        except InvalidInput:
            return False
        return True

    def resolve(self, text: str) -> Span:
        if (problem := self.problem()) is not None:
            raise problem
        if self.quote is not None:
            # Typed with other punctuation or spacing, it is still found; the span then holds
            # the document's own characters.
            return find_quote_tolerant(text, self.quote, self.occurrence)
        assert self.start is not None and self.end is not None  # problem() saw to it
        return span_at(text, self.start, self.end)


def check_stored_claim(*, text: str, speaker: str | None, proposed_note: str | None) -> None:
    """A stored claim's text and speaker (a restored bundle's, services.bundle) hold no
    character claim_text and speaker_name refuse (check_characters): a bundle edited by hand,
    its events made to match, replays consistently, and restored an ESC sequence in a claim's
    text (review restore). Nor does its proposed verdict's reason hold one a note refuses: the
    proposal is written with a note that note_body checks, in one transaction (restore2). That
    reason is kept as typed, a CR of its line ends too (the note has LF): a CR is read as the
    line end it was. Neither the limits nor the form they are stored in (NFC, spacing,
    invisible characters taken out, not empty) is asked: an older release's desk restores
    (review rrestore)."""
    check_characters(text, "the claim text")
    if speaker is not None:
        check_characters(speaker, "the speaker", one_line=True)
    if proposed_note is not None:
        check_characters(proposed_note.replace("\r", "\n"), "the proposed verdict's reason")


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
    cleaned = claim_text(text)
    catch_up(wb)  # the index brought up to date in short transactions, not in this one
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        # New claims pin into the latest revision: the text the desk is reading now.
        number, current = revision_text(tx, doc)
        try:
            pinned = span.resolve(current)
        except InvalidInput as refused:
            if span.quote is None or span.words_in(current):
                raise
            raise quote_revised(tx, doc, number, span.resolve, refused) from None
        twin = existing_claim(tx, doc, pinned, cleaned, revision=number)
        if twin is not None:
            if tx.session.scalar(select(Claim.status).where(Claim.id == twin)) == WITHDRAWN_VALUE:
                # Taken back once: bringing it back is a decision the trail records as such.
                raise Conflict(
                    f"{pinned_twice(twin)}, and was withdrawn",
                    hint=step("restore", claim_id=twin),
                )
            raise Conflict(pinned_twice(twin))
        on_span = same_span_claims(tx, doc.id, pinned, revision=number)
        # Without --speaker, a transcript's claim is the speaker's whose turn holds it, as
        # `extract --accept` records it.
        said_by = (
            speaker if speaker_name(speaker) else turn_speaker(current, pinned.start, pinned.end)
        )
        who = document_speaker(tx, doc.id, said_by)
        claim = insert_claim(
            tx, doc, pinned, cleaned, speaker=who, claim_type=ctype, revision=number
        )
        return replace(with_similar(tx, [claim])[0], same_span=on_span)


def existing_claim(
    tx: Tx, doc: Document, span: Span, text: str, *, revision: int = 1
) -> int | None:
    """The one rule for "this claim already exists": a claim of the same document on the same
    span with the same (normalised) text. `claim add` refuses it, `seed load` counts it as
    present. Another text on the same span is a different claim (a decision, not a duplicate).
    """
    columns = Claim.__table__.c
    same = same_claim(doc.id, span, text, revision=revision)
    return tx.session.scalar(select(Claim.id).where(*(columns[n] == v for n, v in same)))


def insert_claim(
    tx: Tx,
    doc: Document,
    span: Span,
    text: str,
    *,
    speaker: str | None,
    claim_type: ClaimType,
    revision: int = 1,
) -> Claim:
    """Insert one claim and its event; shared by every route a claim can come in by."""
    claim = new_claim_row(
        tx, doc, span, text, speaker=speaker, claim_type=claim_type, revision=revision
    )
    tx.record(
        CLAIM_ADDED,
        "claim",
        claim.id,
        created(claim_payload(claim, tags=[])),
        claim_id=claim.id,
    )
    return claim


def new_claim_row(
    tx: Tx,
    doc: Document,
    span: Span,
    text: str,
    *,
    speaker: str | None,
    claim_type: ClaimType | str,
    revision: int = 1,
) -> Claim:
    """The claim row, flushed so it has its id; the caller records the event."""
    values = new_claim_values(
        tx.actor, doc.id, span, text, speaker=speaker, claim_type=claim_type, revision=revision
    )
    # A new claim has no tags, evidence or notes: said here, its view does not read them back
    # (two queries a claim, most of the view's cost when an extraction accepts thousands).
    claim = Claim(**values, tags=[], evidence=[], notes=[])
    tx.session.add(claim)
    tx.session.flush()
    return claim


def new_claim_values(
    actor: str,
    document_id: int,
    span: Span,
    text: str,
    *,
    speaker: str | None,
    claim_type: ClaimType | str,
    revision: int = 1,
    **arriving: Any,
) -> dict[str, Any]:
    """Every field of a new claim but its id, by the model's attribute names (start and end;
    `claim_columns` gives the columns'): the text and speaker as stored, what a claim just
    pinned is (unverified, version 1, exactly anchored, normal priority), and the fields it
    may arrive with instead (`arriving`: an imported claim's owner, priority, due date and
    the status the workflow decided). `claim add` (through the ORM) and a bulk import
    (through Core) both take a new claim from here."""
    moment = now()
    values: dict[str, Any] = {
        "document_id": document_id,
        **span.columns(),
        "text": claim_text(text),
        "speaker": speaker_name(speaker),
        "type": ClaimType(claim_type).value,
        "status": Status.UNVERIFIED.value,
        "created_by": actor,
        "created_at": moment,
        "updated_at": moment,
        "version": 1,
        "assignee": None,
        "priority": Priority.NORMAL.value,
        "due": None,
        "proposed_status": None,
        "proposed_by": None,
        "proposed_note": None,
        "revision": revision,
        "anchor_state": AnchorState.EXACT.value,
        "anchor_score": None,
        "verdict_revision": None,
    }
    unknown = arriving.keys() - values.keys()
    if unknown:
        raise TypeError(f"a new claim has no field {', '.join(sorted(unknown))}")
    return values | arriving


def claim_columns(values: dict[str, Any]) -> dict[str, Any]:
    """A claim's values by the model's attribute names, by column name instead (span_start and
    span_end): the keys a Core INSERT of the claims table takes."""
    return {_COLUMN_OF.get(name, name): value for name, value in values.items()}


# The claim attributes whose column has another name ("start" and "end" are SQL keywords).
_COLUMN_OF = {
    prop.key: prop.columns[0].name
    for prop in Claim.__mapper__.column_attrs
    if prop.key != prop.columns[0].name
}


def get_claim(wb: Workbench, claim_id: int) -> ClaimView:
    with transaction(wb) as tx:
        return ClaimView.of(get_claim_row(tx, claim_id))


@mutation
def set_status(
    wb: Workbench,
    claim_id: int,
    status: str,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> StatusChange:
    """Move a claim to `status`; the reason, when given, is kept as a note on the claim.

    With review.required on, a verdict is only proposed: the claim goes to in_review until a
    different person approves it (see workbench.services.review). A withdrawn claim is
    restored by moving it to unverified or in_progress, with a reason.
    """
    target = parse_status(status)
    return _move(wb, claim_id, Move.SET, target, note, expected_version)


@mutation
def withdraw(
    wb: Workbench,
    claim_id: int,
    *,
    reason: str,
    expected_version: int | None = None,
) -> StatusChange:
    """Take back a claim picked out by mistake (not a claim, a duplicate, the wrong span): its
    status becomes withdrawn, the reason kept as the note of the change. A withdrawn claim is
    no one's work and is never published; `set_status` to unverified or in_progress, with a
    reason, restores it. The rules are the workflow's (domain.transitions)."""
    return _move(wb, claim_id, Move.WITHDRAW, None, reason, expected_version)


def _move(
    wb: Workbench,
    claim_id: int,
    move: Move,
    target: Status | None,
    note: str | None,
    expected_version: int | None,
) -> StatusChange:
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        check_version(claim, expected_version)
        previous = claim.status
        request = Request(
            move,
            tx.actor,
            target=target,
            note=note,
            review_required=bool(setting_value(tx, REVIEW_REQUIRED)),
        )
        if claim.status == Status.IN_REVIEW and claim.proposed_by is not None:
            # Refused (in review): told whether the verdict is theirs by the rules `claim
            # approve` reads, their display names and addresses too (review264: the proposer's
            # own address was told to approve it, and approve refused it).
            request = replace(request, people=sign_off_people(tx, claim.proposed_by, tx.actor))
        # The words a flagged verdict judged, read before the decision clears the flag.
        judged = unpublished_judged_quote(tx, claim)
        decision = decide(claim_state(claim), request)
        written = apply_decision(tx, claim, decision)
        confirmed = holds_verdict(claim.status)
        view = ClaimView.of(claim)
        return StatusChange(
            claim=view,
            changed=decision.changed,
            previous=previous,
            notes=[written] if written else [],
            stale_figures=(
                stale_figures(claim.text, judged, claim.quote)
                if judged is not None and confirmed and decision.changed
                else []
            ),
            quote_gone=confirmed and decision.changed and view.quote_gone,
        )
