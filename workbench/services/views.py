"""Plain, detached data that services return and the CLI renders (JSON field names live here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Self, TypeVar

from workbench.domain.json_fields import JsonFields, as_json
from workbench.domain.payloads import event_value
from workbench.domain.scores import shown_score
from workbench.domain.sign_off import SignOff
from workbench.domain.status import rating
from workbench.domain.transitions import Addition

if TYPE_CHECKING:
    # Only the `of` builders read ORM rows; the read paths on Core must not import the ORM.
    from workbench.db.models import Claim, Document
    from workbench.services.pages import Decoding

V = TypeVar("V")


def from_row(cls: type[V], row: object, **given: Any) -> V:
    """A view of a row: each of the view's fields from the row's attribute of that name (in its
    event form: timestamps and dates as text), unless given."""
    return cls(
        **{
            name: given[name] if name in given else event_value(getattr(row, name))
            for name in _field_names(cls)  # type: ignore[arg-type]
        }
    )


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    # `fields` builds its answer afresh on each call: a bulk import builds a view per row.
    return tuple(f.name for f in fields(cls))


class RowView(JsonFields):
    """A view of a stored row: each field is the row's attribute of that name (see from_row)."""

    __slots__ = ()

    @classmethod
    def of(cls, row: object) -> Self:
        return from_row(cls, row)


@dataclass(frozen=True, slots=True)
class DocumentView(RowView):
    id: int
    title: str | None
    url: str | None
    author: str | None
    published: str | None
    language: str | None
    sha256: str
    length: int
    added_by: str
    created_at: str
    format: str = "text"
    source_sha256: str | None = None


@dataclass(frozen=True, slots=True)
class RevisionView(RowView):
    """One text of a document: revision 1 is the document as added, later ones are updates. A
    revision is named by its document and number (its row's id, which revision 1 does not have,
    names nothing a command takes)."""

    document_id: int
    number: int
    sha256: str
    length: int
    source: str | None
    format: str
    source_sha256: str | None
    added_by: str
    created_at: str

    @classmethod
    def first(cls, doc: Document) -> RevisionView:
        return cls(
            document_id=doc.id,
            number=1,
            sha256=doc.sha256,
            length=doc.length,
            source=doc.source,
            format=doc.format or "text",
            source_sha256=doc.source_sha256,
            added_by=doc.added_by,
            created_at=event_value(doc.created_at),
        )


@dataclass(frozen=True, slots=True)
class SimilarRef(JsonFields):
    """An earlier claim that resembles a new one, with the verdict it got (`flagged`: that
    verdict is flagged for re-review, ClaimView.flagged)."""

    id: int
    status: str
    rating: str | None
    text: str
    similarity: float
    flagged: bool = False

    def sentence(self) -> str:
        if self.flagged:
            # As `claim list` shows it; the rating does not stand until a new decision, so it
            # is not given as one (exports and the report withhold it).
            verdict = f"{self.status} (flagged)" + (", rating withheld" if self.rating else "")
        else:
            verdict = self.status + (f", rated {self.rating}" if self.rating else "")
        return f"similar to #{self.id} ({verdict}; {shown_score(self.similarity)}): {self.text}"


@dataclass(frozen=True, slots=True)
class FieldSet:
    """A rule that holds while one field of a row is set (not NULL), stated once and read both
    in Python (`holds`, on a view) and in SQL (`where`, on a query's columns): the lists that
    filter in SQL and the views that answer in Python cannot come to disagree."""

    field: str

    def holds(self, row: object) -> bool:
        return getattr(row, self.field) is not None

    def where(self, columns: object) -> str:
        """The rule as a WHERE condition, on `columns` (a table's columns by attribute, as
        workbench.db.tables has them)."""
        return f"{getattr(columns, self.field)} IS NOT NULL"


# Flagged for re-review: a verdict was given on an earlier revision than the quote's
# (re-anchoring found the quote changed or gone after the verdict; verdict_revision holds the
# last revision with the words it judged), and no new decision has been taken since (a new one
# clears it).
# ClaimView.flagged and `queries.FLAGGED`, in SQL, are this rule.
FLAG = FieldSet("verdict_revision")

# How many ids of the claims on a claim's span `--json`'s `same_span` lists (the lowest):
# `same_span_count` gives them all.
SAME_SPAN_LISTED = 100


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    document_id: int
    text: str
    quote: str
    start: int
    end: int
    prefix: str
    suffix: str
    speaker: str | None
    type: str
    status: str
    created_by: str
    created_at: str
    updated_at: str
    version: int
    assignee: str | None = None
    tags: tuple[str, ...] = ()
    priority: str = "normal"
    due: str | None = None
    proposed_status: str | None = None
    proposed_by: str | None = None
    evidence_count: int = 0
    revision: int = 1
    anchor_state: str = "exact"
    anchor_score: float | None = None
    verdict_revision: int | None = None
    # Only on a claim just added: earlier claims that look like it ("checked before?").
    similar: tuple[SimilarRef, ...] | None = None
    # Only on a claim just added: other claims pinned to exactly the same span (with other
    # text), so that a second claim on the same words is a decision, not an accident. A tuple,
    # or in an import a `span_twins.SpanIds`: the start of the one list its span's claims share.
    # `to_json` lists the first `SAME_SPAN_LISTED` and counts them all.
    same_span: Sequence[int] | None = None
    # Only in a claim list: when its latest audit event was (its own, its notes', evidence's,
    # reviews'). Not updated_at, which a note or evidence leaves as it is.
    last_activity: str | None = None

    @property
    def rating(self) -> dict[str, int | str | None] | None:
        return rating(self.status)

    @property
    def flagged(self) -> bool:
        """Flagged for re-review (`FLAG`): the rule every list, board and export goes by. The
        rating no longer stands as it was checked, so it is not published."""
        return FLAG.holds(self)

    @property
    def quote_gone(self) -> bool:
        """No current text of its document holds its quote (a revision removed it): a verdict
        on it is published for words the article no longer has."""
        return self.anchor_state == "orphaned"

    @classmethod
    def of(cls, claim: Claim, evidence_count: int | None = None) -> ClaimView:
        """`evidence_count`: how many items of evidence it has, when read already (else its
        `evidence` is)."""
        return from_row(
            cls,
            claim,
            # Sorted as the tags are stored and listed: tags just added sit last in the session.
            tags=tuple(sorted(t.tag for t in claim.tags)),
            evidence_count=len(claim.evidence) if evidence_count is None else evidence_count,
            similar=None,
            same_span=None,
            last_activity=None,
        )

    def to_json(self) -> dict[str, Any]:
        """The stored fields, then what is derived from them: the rating (placed after version,
        where --json has always shown it), similar claims and
        claims on the same span when there are any (only on a claim just added), and the last
        activity (only in a claim list)."""
        data: dict[str, Any] = {}
        for name, value in as_json(self).items():
            if name == "similar":
                if self.similar is not None:
                    data[name] = [r.to_json() for r in self.similar]
                continue
            if name == "same_span":
                if self.same_span is not None:
                    # The first ones, and how many: an import of many rows on one span would
                    # print the square of its rows, each claim listing every one before it.
                    data[name] = list(islice(self.same_span, SAME_SPAN_LISTED))
                    data["same_span_count"] = len(self.same_span)
                continue
            if name == "last_activity":
                if self.last_activity is not None:
                    data[name] = self.last_activity
                continue
            data[name] = value
            if name == "version":
                data["rating"] = self.rating
            if name == "anchor_state":
                # How re-anchoring last found the quote, as one object.
                data.pop(name)
                data["anchor"] = {"state": self.anchor_state, "score": self.anchor_score}
            if name == "anchor_score":
                data.pop(name)
            if name == "verdict_revision":
                data["flagged"] = self.flagged
        return data


@dataclass(frozen=True, slots=True)
class NoteView(RowView):
    id: int
    claim_id: int
    author: str
    body: str
    created_at: str
    # The desk's own (`note add --internal`): listed to the desk, marked, never published
    # (publishing.public_notes).
    internal: bool = False


@dataclass(frozen=True, slots=True)
class EventView(JsonFields):
    seq: int
    at: str
    actor: str
    action: str
    entity_type: str
    entity_id: str
    payload: dict[str, Any]


def event_view(ev: Any) -> EventView:
    """An event row (a model or a Core row: the same attribute names) as its view, the payload
    parsed."""
    import json

    return from_row(EventView, ev, payload=json.loads(ev.payload))


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    document: DocumentView
    status_counts: dict[str, int]
    claims: list[ClaimView]
    revisions: int = 1
    # The latest revision's hash and length (the document's `sha256` and `length` are
    # revision 1's, the text as added); None when it has one revision.
    current: RevisionView | None = None
    # The last time its source was read again and found unchanged (`document.checked`): when,
    # by whom, and which revision it held then.
    checked_at: str | None = None
    checked_by: str | None = None
    checked_revision: int | None = None
    # That check found the revision's words spaced otherwise (its event's `spacing_only`), not
    # the very text: `doc show` says it was checked, not that the source was unchanged.
    checked_spacing_only: bool = False
    # The headline the current revision's page (or Markdown file) stated when it was stored
    # (workbench.services.headlines): not the title, which is the desk's.
    headline: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            **_with_current(self.document, self.revisions, self.current),
            "checked_at": self.checked_at,
            "checked_by": self.checked_by,
            "checked_revision": self.checked_revision,
            "checked_spacing_only": self.checked_spacing_only,
            "headline": self.headline,
            "status_counts": self.status_counts,
            "claims": [c.to_json() for c in self.claims],
        }


def _with_current(
    document: DocumentView, revisions: int, current: RevisionView | None
) -> dict[str, Any]:
    """A document's fields (revision 1's sha256 and length), its number of revisions and the
    latest revision's sha256 and length, as `doc show` and `doc list` give them."""
    latest = current or document
    return {
        **document.to_json(),
        "revisions": revisions,
        "current_sha256": latest.sha256,
        "current_length": latest.length,
    }


@dataclass(frozen=True, slots=True)
class DocumentListed:
    """A document in `doc list`: an updated document must not look unchanged, so its latest
    revision (None: it has only revision 1) comes with it."""

    document: DocumentView
    revisions: int = 1
    current: RevisionView | None = None

    @property
    def id(self) -> int:
        return self.document.id

    @property
    def latest(self) -> DocumentView | RevisionView:
        """What the current text's figures (sha256, length) are read from."""
        return self.current or self.document

    def to_json(self) -> dict[str, Any]:
        return _with_current(self.document, self.revisions, self.current)


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: ClaimView
    context_start: int
    context: str
    notes: list[NoteView]
    events: list[EventView]
    evidence: list[EvidenceView] = field(default_factory=list)
    # The quote before the last re-anchoring changed it (fuzzy), when it did.
    previous_quote: str | None = None
    # A verdict flagged for re-review: the quote it was given on, whatever revisions since did.
    judged_quote: str | None = None
    # Who gave the current verdict and who approved it (none without a verdict).
    sign_off: SignOff | None = None
    # In review: the evidence and notes added since the verdict was proposed, which the
    # proposal did not weigh (approval waits on them: domain.transitions).
    added_since_proposal: tuple[Addition, ...] = ()
    # Withdrawn or open again: the verdict it held before, whose review may have gone out
    # (domain.sign_off.verdict_before).
    verdict_before: str | None = None

    @property
    def judged_quote_unshown(self) -> str | None:
        """The words a flagged verdict was given on, to be named beside the verdict: None when
        they are the quote now, or a fuzzy claim's quote before re-anchoring changed it (its
        anchor line already says them). A later revision re-anchoring the claim again loses
        that line, and the words judged are then named here (trial263)."""
        from workbench.domain.anchoring import AnchorState

        judged, quote = self.judged_quote, self.claim.quote
        told = self.claim.anchor_state == AnchorState.FUZZY.value and self.previous_quote == judged
        return None if judged is None or judged == quote or told else judged

    def to_json(self) -> dict[str, Any]:
        return {
            **self.claim.to_json(),
            "sentence": self.context,
            "previous_quote": self.previous_quote,
            "judged_quote": self.judged_quote,
            "sign_off": None if self.sign_off is None else self.sign_off.to_json(),
            "verdict_before": self.verdict_before,
            "added_since_proposal": [a.to_json() for a in self.added_since_proposal],
            "notes": [n.to_json() for n in self.notes],
            "evidence": [e.to_json() for e in self.evidence],
            "events": [e.to_json() for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class Added:
    """What an add returned, and whether it was new (adding the same thing twice is no error)."""

    created: bool
    document: DocumentView
    # Text already stored: metadata given now that differs from the stored document, field ->
    # the value given. Not applied (adding never edits); `edit_document` changes it, audited.
    not_applied: dict[str, str | None] = field(default_factory=dict)
    # Redirects followed when the document was fetched from a URL, in order.
    redirects: tuple[str, ...] = ()
    # Text already stored: which revision of the document holds it, and how many it has (an
    # older text must not read as the document's current one).
    revision: int = 1
    revisions: int = 1
    # That revision's hash and length (the text given), when it is not revision 1: the
    # document's own `sha256` and `length` are revision 1's.
    stored: RevisionView | None = None
    # Several inputs in one command: the position (from 1) of the earlier input that added this
    # text's document in the same command, when this input repeats its text.
    same_as_input: int | None = None
    # A new document whose URL an earlier document already has (the lowest id): most likely a
    # newer copy of that article, which `doc update` would store as its next revision.
    same_url_as: int | None = None
    # A new document's language was read from its script (`domain.language`): the text and
    # the page said none, and none was given.
    language_guessed: bool = False
    # A new document given no language, as none was clear: the languages sharing its text in
    # like measure (zh, en), the larger share first.
    language_mixed: tuple[str, ...] = ()
    # A new document from a page: the encoding its bytes were read in when that was a guess
    # (not UTF-8, no charset declared that they are in), and whether its text is so short
    # (under workbench.services.pages.LITTLE_TEXT characters) that it is likely not the article.
    guessed_encoding: str | None = None
    little_text: bool = False
    # A new document from a page read otherwise than as it is: how (`Content.read_as`).
    read_as: Decoding | None = None
    # A new document from a fetched text stored as the type its server sent says
    # (`Content.stored_as_sent`): that type.
    stored_as_sent: str | None = None

    def to_json(self) -> dict[str, Any]:
        held = (
            {}
            if self.stored is None
            else {"sha256": self.stored.sha256, "length": self.stored.length}
        )
        return {
            **self.document.to_json(),
            **held,
            "created": self.created,
            **({"not_applied": self.not_applied} if self.not_applied else {}),
            **({} if self.created else {"revision": self.revision, "revisions": self.revisions}),
            **({} if self.same_as_input is None else {"same_as_input": self.same_as_input}),
            **({} if self.same_url_as is None else {"same_url_as": self.same_url_as}),
            **({"language_guessed": True} if self.language_guessed else {}),
            **({"languages_mixed": list(self.language_mixed)} if self.language_mixed else {}),
            **({"guessed_encoding": self.guessed_encoding} if self.guessed_encoding else {}),
            **({"little_text": True} if self.little_text else {}),
            **replaced_bytes(self.read_as),
            **stored_as_sent(self.stored_as_sent),
        }


@dataclass(frozen=True, slots=True)
class Edited:
    """A document after an edit, and whether anything changed (the same values change nothing
    and record nothing)."""

    document: DocumentView
    changed: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {**self.document.to_json(), "changed": list(self.changed)}


@dataclass(frozen=True, slots=True)
class StatusChange(JsonFields):
    """The claim as it now is, and what the change did (`claim status --json` shows the claim
    alone)."""

    claim: ClaimView
    changed: bool
    previous: str
    notes: list[NoteView] = field(default_factory=list)
    # A flagged verdict confirmed (or proposed again) while the claim's text still gives
    # figures the words it was judged on had and its quote has no longer ("2.8 million", a
    # year, a day of a month: "28 December"), as the text writes them.
    stale_figures: list[str] = field(default_factory=list)
    # A verdict confirmed (or proposed) on a claim whose quote no current text holds: it is
    # published for words the article no longer has.
    quote_gone: bool = False


@dataclass(frozen=True, slots=True)
class EvidenceView(RowView):
    id: int
    claim_id: int
    kind: str
    url: str | None
    citation: str | None
    title: str | None
    publisher: str | None
    accessed: str | None
    stance: str
    excerpt: str | None
    file_name: str | None
    sha256: str | None
    size: int | None
    media_type: str | None
    added_by: str
    created_at: str


def replaced_bytes(read_as: Decoding | None) -> dict[str, int]:
    """A page's bytes that were not UTF-8 and were read as U+FFFD, as --json gives them."""
    return {"replaced_bytes": read_as.replaced} if read_as is not None and read_as.replaced else {}


def stored_as_sent(sent: str | None) -> dict[str, str]:
    """The type a fetched text was stored as text for (`Content.stored_as_sent`), as --json
    gives it: what stderr's "the server sent ..." warning says, for a script (review213)."""
    return {} if sent is None else {"stored_as_sent": sent}
