"""Plain, detached data that services return and the CLI renders (JSON field names live here)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from workbench.db.models import Claim, Document, Evidence, Note
from workbench.domain.clock import iso
from workbench.domain.status import rating


def as_json(view: Any) -> dict[str, Any]:
    """A flat view's fields, in declaration order, as its JSON object."""
    return {f.name: getattr(view, f.name) for f in fields(view)}


@dataclass(frozen=True, slots=True)
class DocumentView:
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

    @classmethod
    def of(cls, doc: Document) -> DocumentView:
        return cls(
            id=doc.id,
            title=doc.title,
            url=doc.url,
            author=doc.author,
            published=doc.published.isoformat() if doc.published else None,
            language=doc.language,
            sha256=doc.sha256,
            length=doc.length,
            added_by=doc.added_by,
            created_at=iso(doc.created_at) or "",
        )

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True, slots=True)
class SimilarRef:
    """An earlier claim that resembles a new one, with the verdict it got."""

    id: int
    status: str
    rating: str | None
    text: str
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "rating": self.rating,
            "text": self.text,
            "similarity": self.similarity,
        }

    def sentence(self) -> str:
        verdict = self.status + (f", rated {self.rating}" if self.rating else "")
        return f"similar to #{self.id} ({verdict}; {self.similarity:.2f}): {self.text}"


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
    # Only on a claim just added: earlier claims that look like it ("checked before?").
    similar: tuple[SimilarRef, ...] | None = None

    @property
    def rating(self) -> dict[str, int | str | None] | None:
        return rating(self.status)

    @classmethod
    def of(cls, claim: Claim) -> ClaimView:
        return cls(
            id=claim.id,
            document_id=claim.document_id,
            text=claim.text,
            quote=claim.quote,
            start=claim.start,
            end=claim.end,
            prefix=claim.prefix,
            suffix=claim.suffix,
            speaker=claim.speaker,
            type=claim.type,
            status=claim.status,
            created_by=claim.created_by,
            created_at=iso(claim.created_at) or "",
            updated_at=iso(claim.updated_at) or "",
            version=claim.version,
            assignee=claim.assignee,
            tags=tuple(t.tag for t in claim.tags),
            priority=claim.priority,
            due=claim.due.isoformat() if claim.due else None,
            proposed_status=claim.proposed_status,
            proposed_by=claim.proposed_by,
            evidence_count=len(claim.evidence),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "text": self.text,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "speaker": self.speaker,
            "type": self.type,
            "status": self.status,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "version": self.version,
            "rating": self.rating,
            "assignee": self.assignee,
            "tags": list(self.tags),
            "priority": self.priority,
            "due": self.due,
            "proposed_status": self.proposed_status,
            "proposed_by": self.proposed_by,
            "evidence_count": self.evidence_count,
            **({} if self.similar is None else {"similar": [r.to_json() for r in self.similar]}),
        }


@dataclass(frozen=True, slots=True)
class NoteView:
    id: int
    claim_id: int
    author: str
    body: str
    created_at: str

    @classmethod
    def of(cls, note: Note) -> NoteView:
        return cls(
            id=note.id,
            claim_id=note.claim_id,
            author=note.author,
            body=note.body,
            created_at=iso(note.created_at) or "",
        )

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True, slots=True)
class EventView:
    seq: int
    at: str
    actor: str
    action: str
    entity_type: str
    entity_id: str
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    document: DocumentView
    status_counts: dict[str, int]
    claims: list[ClaimView]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.document.to_json(),
            "status_counts": self.status_counts,
            "claims": [c.to_json() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: ClaimView
    context_start: int
    context: str
    notes: list[NoteView]
    events: list[EventView]
    evidence: list[EvidenceView] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.claim.to_json(),
            "sentence": self.context,
            "notes": [n.to_json() for n in self.notes],
            "evidence": [e.to_json() for e in self.evidence],
            "events": [e.to_json() for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class Added:
    """What an add returned, and whether it was new (adding the same thing twice is no error)."""

    created: bool
    document: DocumentView


@dataclass(frozen=True, slots=True)
class StatusChange:
    claim: ClaimView
    changed: bool
    previous: str
    notes: list[NoteView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EvidenceView:
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

    @classmethod
    def of(cls, ev: Evidence) -> EvidenceView:
        return cls(
            id=ev.id,
            claim_id=ev.claim_id,
            kind=ev.kind,
            url=ev.url,
            citation=ev.citation,
            title=ev.title,
            publisher=ev.publisher,
            accessed=ev.accessed.isoformat() if ev.accessed else None,
            stance=ev.stance,
            excerpt=ev.excerpt,
            file_name=ev.file_name,
            sha256=ev.sha256,
            size=ev.size,
            media_type=ev.media_type,
            added_by=ev.added_by,
            created_at=iso(ev.created_at) or "",
        )

    def to_json(self) -> dict[str, Any]:
        return as_json(self)
