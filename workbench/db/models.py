"""The schema, as typed SQLAlchemy models. Every change here ships an Alembic migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Defined with the Core tables of the read paths, which must not import the ORM; kept importable
# from here, where the models use it.
from workbench.db.types import UTCDateTime as UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    author: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None]
    language: Mapped[str | None] = mapped_column(String(35))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    length: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # What the text was extracted from (text, markdown, html) and, for a page, the archived
    # original bytes: the extraction can be re-run and checked later. (A plain column, not a
    # foreign key: adding one to an existing table makes SQLite rebuild it, which the claims
    # referencing it forbid.)
    format: Mapped[str] = mapped_column(String(10), server_default="text")
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    # Where its first text came from, as document_revisions.source for later ones: a file
    # name, "standard input" or the URL fetched (NULL: added before it was recorded).
    source: Mapped[str | None] = mapped_column(String(2000))

    claims: Mapped[list[Claim]] = relationship(back_populates="document")


class DocumentRevision(Base):
    """A later text of a document (revision 1 is the document row itself). Never edited:
    a new text is a new revision, and claims are re-anchored to it."""

    __tablename__ = "document_revisions"
    __table_args__ = (
        CheckConstraint("number >= 2", name="number"),
        Index("ix_document_revisions_document_id_number", "document_id", "number", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # Indexed: `doc add` finds a text that is already some document's later revision by it.
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    length: Mapped[int] = mapped_column(Integer)
    # Where this text came from: a file name, "standard input" or the URL fetched.
    source: Mapped[str | None] = mapped_column(String(2000))
    format: Mapped[str] = mapped_column(String(10))
    source_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    added_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("span_start >= 0 AND span_end > span_start", name="span"),
        CheckConstraint("version >= 1", name="version"),
        Index("ix_claims_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    # "start"/"end" are SQL keywords; the columns say what they are, the attributes stay short.
    start: Mapped[int] = mapped_column("span_start", Integer)
    end: Mapped[int] = mapped_column("span_end", Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text)
    suffix: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    version: Mapped[int] = mapped_column(Integer)
    assignee: Mapped[str | None] = mapped_column(String(200), index=True)
    priority: Mapped[str] = mapped_column(String(10), server_default="normal", index=True)
    due: Mapped[dt.date | None] = mapped_column(index=True)
    # A verdict waiting for a second reviewer (status is then in_review).
    proposed_status: Mapped[str | None] = mapped_column(String(20))
    proposed_by: Mapped[str | None] = mapped_column(String(200))
    proposed_note: Mapped[str | None] = mapped_column(Text)
    # The document revision the span points into, and how re-anchoring last found the quote
    # (exact, moved, fuzzy, orphaned; see workbench.domain.anchoring). An orphaned claim keeps
    # the span of the last revision that had its quote.
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    anchor_state: Mapped[str] = mapped_column(String(10), server_default="exact")
    anchor_score: Mapped[float | None] = mapped_column(Float)
    # Set when the quote changed under a verdict: the last revision holding the words it judged
    # (the claim's revision then: the one it was given on, or a later one with the same words).
    verdict_revision: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="claims")
    notes: Mapped[list[Note]] = relationship(back_populates="claim", order_by="Note.id")
    tags: Mapped[list[ClaimTag]] = relationship(
        order_by="ClaimTag.tag", cascade="all, delete-orphan"
    )
    evidence: Mapped[list[Evidence]] = relationship(order_by="Evidence.id")

    # Optimistic concurrency: every UPDATE says "WHERE version = <what I read>" and bumps it, so
    # a change based on a stale read matches no row and is refused instead of overwriting.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it as-is)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # The desk's own (`note add --internal`): shown to the desk, never published (migration
    # 0015; a note written before it, or with a change of status, is published).
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    claim: Mapped[Claim] = relationship(back_populates="notes")


class Event(Base):
    """One audit event. Append-only: the application never updates or deletes a row.

    `at` is a fixed-format UTC string (see `workbench.domain.clock.format_at`) and `payload` is
    canonical JSON text: the stored form is the exported form, byte for byte.
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_entity", "entity_type", "entity_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    # The claim an event concerns, when it concerns one (a note's or evidence's event included):
    # a claim's history and `audit export --claim` are then one indexed lookup.
    claim_id: Mapped[int | None] = mapped_column(Integer, index=True)
    payload: Mapped[str] = mapped_column(Text)
    # Hash chain (workbench.domain.chain). prev_hash is unique: two events can never claim the
    # same predecessor, so concurrent writers cannot fork the chain even if a lock were missed.
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Who the machine says is acting (the OS account on SQLite, the database role on
    # PostgreSQL), next to the typed `actor`. NULL on events older than migration 0006.
    machine: Mapped[str | None] = mapped_column(String(200))


class ClaimTag(Base):
    __tablename__ = "claim_tags"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(100), primary_key=True, index=True)


class Blob(Base):
    """Archived evidence files, stored once per content hash, inside the database itself."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("kind IN ('url', 'file', 'citation')", name="kind"),
        CheckConstraint("stance IN ('supports', 'refutes', 'context')", name="stance"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(String(2000))
    citation: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(String(500))
    publisher: Mapped[str | None] = mapped_column(String(200))
    accessed: Mapped[dt.date | None]
    stance: Mapped[str] = mapped_column(String(10))
    excerpt: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(500))
    sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    size: Mapped[int | None] = mapped_column(Integer)
    media_type: Mapped[str | None] = mapped_column(String(200))
    added_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Setting(Base):
    """Workbench-wide settings (e.g. review.required), kept in the database they govern."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


# ---- "checked before?" index -------------------------------------------------------------
# Derived data, rebuilt from claims whenever they change (services/similar_index.py): which
# claim holds which meaning-bearing term (domain/similarity/), and how many claims hold each
# term. Not audited: it records nothing a person did, and deleting it loses nothing.


class SimilarIndexed(Base):
    """A claim whose terms are in the index, and the claim version they were taken from."""

    __tablename__ = "similar_indexed"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SimilarTerm(Base):
    """A term of a claim and how often it occurs in the claim's text and quote."""

    __tablename__ = "similar_terms"
    __table_args__ = (Index("ix_similar_terms_term_claim_id", "term", "claim_id"),)

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class SimilarDf(Base):
    """How many indexed claims hold a term (its document frequency)."""

    __tablename__ = "similar_df"

    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    df: Mapped[int] = mapped_column(Integer)


class SimilarMeta(Base):
    """What the index as a whole was built by: one row (id 1), written when it is (re)built."""

    __tablename__ = "similar_meta"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    # Not a serial: the one row's key is always 1 (the check refuses a second row).
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # services/similar_index.TERMS_VERSION: the version of the terms the index holds.
    terms_version: Mapped[int] = mapped_column(Integer)


class User(Base):
    """A registered person of the desk. Once any exists, every change must name one."""

    __tablename__ = "users"

    # The normal form (workbench.domain.identity.normalise_name): one row per person.
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    # The look-alike key: two names that look alike cannot both be registered.
    skeleton: Mapped[str] = mapped_column(String(400), unique=True)
    display: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    added_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # PostgreSQL: the database role this person acts from, when bound (`user add --role`); a
    # change under their name from another role is refused. None: not bound.
    role: Mapped[str | None] = mapped_column(String(200))
