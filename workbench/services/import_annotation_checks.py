"""Every check of one annotation of a Web Annotation collection, into a claim ready to
write; and the document's claims by their export's annotation ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.db.models import Claim, Document
from workbench.domain.anchoring import Matcher
from workbench.domain.arrival import Arrival, arrival
from workbench.domain.errors import TransitionRefused
from workbench.domain.inputs import typed_word
from workbench.domain.limits import has_visible
from workbench.domain.note_text import note_body
from workbench.domain.payloads import event_value
from workbench.domain.pinning import QuoteHint, anchor_quote
from workbench.domain.spans import Span
from workbench.domain.speaker_kind import type_tag
from workbench.domain.status import (
    CLAIM_TYPE_NAMES,
    STATUS_NAMES,
    ClaimType,
    Status,
    parse_claim_type,
    parse_status,
)
from workbench.domain.transitions import Decision
from workbench.services.annotation_targets import DocumentSources
from workbench.services.claims import claim_text
from workbench.services.context import Tx
from workbench.services.import_ready import (
    STORED_COLUMNS,
    Ready,
    Stored,
    claim_key,
    how_anchored,
)
from workbench.services.speakers import speaker_name

if TYPE_CHECKING:
    from workbench.exports.annotations import IncomingAnnotation


def annotation_ready(
    tx: Tx,
    item: IncomingAnnotation,
    within: Matcher,
    review: bool,
    claims: AnnotatedClaims,
    sources: DocumentSources,
) -> Ready:
    """Every check of one annotation (type, status, span, workflow), as `check_row` of a row. An
    export's own annotation of a claim of the document is not anchored (`_own_annotation`);
    one whose target names another document of the desk is said to (`DocumentSources`)."""
    # Read as a claims table's cells are (`typed_word`): a body retyped full-width too.
    claim_type = (
        parse_claim_type(typed_word(item.claim_type, CLAIM_TYPE_NAMES))
        if item.claim_type is not None
        else None
    )
    asked = (
        parse_status(typed_word(item.status, STATUS_NAMES))
        if item.status is not None
        else Status.UNVERIFIED
    )
    own = _own_annotation(item, claims)
    # The claim whose export's annotation id this one bears (`OtherId`), when it is not it.
    named = None if own is not None or item.ident is None else claims.get(item.ident)
    if own is not None:
        span = Span(own.start, own.end, item.exact or "", "", "")
    else:
        hint = QuoteHint(
            exact=item.exact,
            prefix=item.prefix,
            suffix=item.suffix,
            start=item.start,
            end=item.end,
        )
        span = anchor_quote(within, hint, carrier="an annotation")
    note = item.note if has_visible(item.note) else None
    anchored = how_anchored(item.exact if own is None else None, span)
    unreasoned: str | None = None
    try:
        arrived = arrival(
            asked, note, tx.actor, review=review, carrier="an annotation", withheld=item.withheld
        )
    except TransitionRefused as exc:
        if own is None or note is not None:
            raise
        # The claim's own annotation, present, with no reason: its export writes none where
        # the verdict was recorded with none (an older trail), and nothing is written for it.
        # Refused only where the export writes one, taken out of the file (`reasons_emptied`),
        # as `check_row` does a claims table's row.
        arrived, unreasoned = Arrival(Decision(action=None)), exc.message
    speaker = speaker_name(item.speaker)
    # The speaker's type, as its creator gave it: its tag, on a claim with a speaker.
    kind = type_tag(item.speaker_type)
    return Ready(
        number=item.index,
        span=span,
        text=claim_text(item.text),
        claim_type=(claim_type or ClaimType.FACT).value,
        note=None if note is None else note_body(note),
        arrived=arrived,
        speaker=speaker,
        tags=(kind,) if speaker is not None and kind is not None else (),
        asked=asked.value,
        rating=item.rating,
        given=_annotation_gives(item, speaker),
        emptied=_annotation_empties(item, speaker),
        present=None if own is None else own.id,
        # An id of this workbench's export names only claims of the document it knows.
        named=None if named is None else named.id,
        named_known=named is not None,
        elsewhere=None if own is not None else sources.elsewhere(item.sources),
        anchored=anchored,
        unreasoned=unreasoned,
    )


def _annotation_gives(item: IncomingAnnotation, speaker: str | None) -> frozenset[str]:
    """The `COMPARED` fields an annotation gives (`Ready.given`): only this workbench's own
    carry a status, type and speaker (another tool's tags are its own)."""
    given = {
        "speaker": speaker is not None,
        "type": item.claim_type is not None,
        "status": item.status is not None,
    }
    return frozenset(name for name, gives in given.items() if gives)


def _annotation_empties(item: IncomingAnnotation, speaker: str | None) -> frozenset[str]:
    """The fields (`COMPARED`, and `note`) this workbench's own annotation lacks where its
    export writes each for a claim that has it (`Ready.emptied`): taken out in the file, or
    never held; another tool's annotation gives none of them, and empties none, and nor does
    an export of ours that names no shape (`IncomingAnnotation.whole`): an older version's
    wrote no speaker, and it cannot be told apart. A withheld verdict's annotation is written
    with no status and no note (`annotation`): not emptied."""
    if not item.whole:
        return frozenset()
    empty = {
        "speaker": speaker is None,
        "type": item.claim_type is None,
        "status": item.status is None and not item.withheld,
        "note": not has_visible(item.note) and not item.withheld,
    }
    return frozenset(name for name, lacks in empty.items() if lacks)


class AnnotatedClaims:
    """The document's claims, every revision's, by the id of their annotation in an export
    (`claim_annotation_id`): read once, when an annotation of this workbench first gives an id."""

    def __init__(self, tx: Tx, doc: Document) -> None:
        self._tx, self._doc = tx, doc
        self._claims: dict[str, Stored] | None = None
        self._by_id: dict[int, Stored] = {}

    def get(self, ident: str) -> Stored | None:
        from workbench.exports.annotations import claim_annotation_id

        if self._claims is None:
            rows = self._tx.session.execute(
                select(*STORED_COLUMNS, Claim.created_at).where(Claim.document_id == self._doc.id)
            )
            self._claims = {
                claim_annotation_id(
                    self._doc.sha256, row.id, event_value(row.created_at)
                ): Stored.of(row)
                for row in rows
            }
            self._by_id = {stored.id: stored for stored in self._claims.values()}
        return self._claims.get(ident)

    def by_id(self, claim_id: int) -> Stored | None:
        """A claim an annotation's id named (`get`, called first for that annotation)."""
        return self._by_id.get(claim_id)


def _own_annotation(item: IncomingAnnotation, claims: AnnotatedClaims) -> Stored | None:
    """The claim of the document whose export's own annotation this is, or None: the
    annotation's id is that claim's (`claim_annotation_id`), and its quote, text and (when
    given) offsets are the claim's. Such an annotation is the claim, present, wherever its
    quote now stands, as `_own_claim` finds an export's own row."""
    if item.ident is None or item.exact is None:
        return None
    stored = claims.get(item.ident)
    if stored is None:
        return None
    if stored.revision > 1:
        # The claim lives in a later revision than the first: an export taken before the
        # update carries the quote and offsets it had then (a figure in it since corrected),
        # and an annotation, unlike a table's row, need not say its revision. Its id, which
        # only this workbench's export of this claim bears, and its text say which claim.
        return stored if claim_key((("text", claim_text(item.text)),)) == stored.said else None
    if claim_key((("quote", item.exact), ("text", claim_text(item.text)))) != stored.key:
        return None
    if item.start is not None and item.start != stored.start:
        return None
    if item.end is not None and item.end != stored.end:
        return None
    return stored
