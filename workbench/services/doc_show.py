"""`doc show`: one document, its claims counted by status, its current revision, its last check
and its headline, read on the database driver itself (workbench.db.reader): no SQLAlchemy.

Through the ORM the command imported SQLAlchemy and built the models before reading a
document's row and its claims: on the year desk 0.89 s of CPU and 58 MB for a document of 200
claims, where the `sqlite3` shell reads the same rows in 0.006 s (session 65). The reads are
the ones it made (the claims' tags and evidence counted a page at a time, as `claim list`
counts them: services.claim_rows), in one snapshot, and none of the texts: the document's row
is read without its text, as `doc list` reads it.
"""

# Statements are built from this package's own table and column names; values are bound.
from __future__ import annotations

import json
from typing import Any

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import Select, eq, select
from workbench.db.tables import Column, Kind
from workbench.defaults import INT_MAX
from workbench.domain.actions import DOCUMENT_ADDED, DOCUMENT_CHECKED, DOCUMENT_REVISED
from workbench.domain.errors import NotFound, step
from workbench.domain.status import STATUS_NAMES
from workbench.services.claim_rows import PAGE, claim_views
from workbench.services.context import Workbench, reading
from workbench.services.doc_list import view_of
from workbench.services.views import DocumentDetail, DocumentView, RevisionView

# A revision's id: not among tables.document_revisions' columns (no read path lists it), but
# the event that stored the revision names it.
_REVISION_ID = Column(f"{tables.document_revisions}.id", "id", Kind.INTEGER)


def show_document(wb: Workbench, document_id: int) -> DocumentDetail:
    """The document with its claims (by id), their counts by status, its latest revision where
    it has more than one, its last check where that was of the latest revision, and the
    headline the latest revision's page stated."""
    c = tables.claims.c
    with reading(wb) as conn:
        doc = document_row(conn, document_id, view_of(tables.documents, DocumentView))
        claims = []
        rows = select(*tables.claims.c, source=tables.claims).where(eq(c.document_id, document_id))
        for page in conn.pages(rows.order_by(c.id), PAGE):
            claims.extend(claim_views(conn, page))
        counts = dict.fromkeys(STATUS_NAMES, 0)
        for claim in claims:
            counts[claim.status] = counts.get(claim.status, 0) + 1
        latest = _latest_revision(conn, document_id)
        revisions = 1 if latest is None else int(latest.number)
        # (revision 1 is the document's own row, whatever document_revisions holds)
        current = None if revisions == 1 else latest
        at, by, revision, spacing_only = last_check(_check_event(conn, document_id), revisions)
        return DocumentDetail(
            document=DocumentView.of(doc),
            status_counts=counts,
            claims=claims,
            revisions=revisions,
            current=None if current is None else RevisionView.of(current),
            checked_at=at,
            checked_by=by,
            checked_revision=revision,
            checked_spacing_only=spacing_only,
            headline=headline_in(_stored_by(conn, document_id, current)),
        )


def list_revisions(wb: Workbench, document_id: int) -> list[RevisionView]:
    """`doc revisions`: every revision of the document, oldest first (revision 1 is its own
    row, the later ones document_revisions'), none of their texts."""
    d, r = tables.documents.c, tables.document_revisions.c
    first = select(
        d.id, d.sha256, d.length, d.source, d.format, d.source_sha256, d.added_by, d.created_at,
        source=tables.documents,
    )  # fmt: skip
    later = view_of(tables.document_revisions, RevisionView).where(eq(r.document_id, document_id))
    with reading(wb) as conn:
        doc = document_row(conn, document_id, first)
        rows = conn.rows(later.order_by(r.number))
    return [RevisionView.first(doc), *(RevisionView.of(row) for row in rows)]


def document_text(wb: Workbench, document_id: int, revision: int | None = None) -> str:
    """`doc text`: the text of revision `revision` of the document (the latest when None)."""
    with reading(wb) as conn:
        document_row(conn, document_id, select(tables.documents.c.id, source=tables.documents))
        latest = latest_number(conn, document_id)
        number = latest if revision is None else revision
        text = stored_text(conn, document_id, number)
        if text is None:
            raise NotFound(
                f"document #{document_id} has no revision {number}: it has revisions 1..{latest}"
            )
        return text


def stored_text(conn: Reader, document_id: int, number: int) -> str | None:
    """The text of revision `number` of a document (revision 1 is the document's own text);
    None where it has no such revision."""
    if number == 1:
        d = tables.documents.c
        query = select(d.text, source=tables.documents).where(eq(d.id, document_id))
    else:
        r = tables.document_revisions.c
        query = select(r.text, source=tables.document_revisions).where(
            eq(r.document_id, document_id), eq(r.number, number)
        )
    text = conn.scalar(query)
    return None if text is None else str(text)


def latest_number(conn: Reader, document_id: int) -> int:
    """The number of the document's latest revision (1: it has no other)."""
    r = tables.document_revisions.c
    found = conn.scalar(
        select(Column(f"max({r.number})", "latest", Kind.INTEGER), source=tables.document_revisions)
        .where(eq(r.document_id, document_id))
    )  # fmt: skip
    return int(found) if found else 1


def document_row(conn: Reader, document_id: int, query: Select) -> Any:
    """The documents row `query` reads of `document_id`; refused (no_document) where there
    is none."""
    row = None
    if 1 <= document_id <= INT_MAX:
        row = conn.first(query.where(eq(tables.documents.c.id, document_id)))
    if row is None:
        raise no_document(document_id)
    return row


def no_document(document_id: int) -> NotFound:
    """The refusal of a document id that names none: every lookup of one says it so."""
    return NotFound(f"no document #{document_id}", hint=step("list", entity="document"))


def _latest_revision(conn: Reader, document_id: int) -> Any | None:
    """The document_revisions row of the highest number (None: revision 1 is the only one),
    with its id (the event that stored it names it), and without its text."""
    r = tables.document_revisions.c
    query = (
        view_of(tables.document_revisions, RevisionView)
        .where(eq(r.document_id, document_id))
        .order_by(f"{r.number} DESC")
        .paged(1)
    )
    return conn.first(query.only(_REVISION_ID, *query.columns))


def stored_headline(conn: Reader, document_id: int, number: int) -> str | None:
    """The headline recorded when revision `number` of the document was stored (its event
    alone read: each `document.revised` holds its revision's whole text). The one reading of
    which event stored a revision: services.headlines asks it on the ORM's transaction."""
    revision = None
    if number != 1:
        r = tables.document_revisions.c
        revision = conn.first(
            select(_REVISION_ID, source=tables.document_revisions).where(
                eq(r.document_id, document_id), eq(r.number, number)
            )
        )
        if revision is None:
            return None
    return headline_in(_stored_by(conn, document_id, revision))


def stored_numbers(conn: Reader, document_id: int) -> list[int]:
    """The numbers of the document's revisions, oldest first (1, its own row, then
    document_revisions')."""
    r = tables.document_revisions.c
    later = select(r.number, source=tables.document_revisions).where(eq(r.document_id, document_id))
    return [1, *(int(row.number) for row in conn.rows(later.order_by(r.number)))]


def _stored_by(conn: Reader, document_id: int, revision: Any | None) -> Any:
    """The payload of the event that stored a revision: `document.added` for revision 1
    (`revision` None), its `document.revised` after."""
    e = tables.events.c
    if revision is None:
        entity, entity_id, action = "document", document_id, DOCUMENT_ADDED
    else:
        entity, entity_id, action = "revision", revision.id, DOCUMENT_REVISED
    query = select(e.payload, source=tables.events).where(
        eq(e.entity_type, entity), eq(e.entity_id, str(entity_id)), eq(e.action, action)
    )
    return conn.scalar(query.order_by(e.seq).paged(1))


def _check_event(conn: Reader, document_id: int) -> Any | None:
    """The document's latest `document.checked` event (at, actor, payload): one indexed
    lookup."""
    e = tables.events.c
    query = select(e.at, e.actor, e.payload, source=tables.events).where(
        eq(e.entity_type, "document"),
        eq(e.entity_id, str(document_id)),
        eq(e.action, DOCUMENT_CHECKED),
    )
    return conn.first(query.order_by(f"{e.seq} DESC").paged(1))


def last_check(event: Any | None, latest: int) -> tuple[str | None, str | None, int | None, bool]:
    """When the document's source was last read again and found to hold revision `latest`
    (`event`: its latest `document.checked`, with at, actor and payload), by whom, that
    revision, and whether the text read had its words only spaced otherwise (`spacing_only`).
    Nothing when there is no check, or when the last was of an earlier revision."""
    if event is None:
        return None, None, None, False
    after = json.loads(event.payload).get("after", {})
    revision = after.get("revision")
    if not isinstance(revision, int) or revision != latest:
        # A check of an earlier revision says nothing of the current text: shown beside
        # `current revision 3` it read as the changed page found unchanged (trial308).
        return None, None, None, False
    return event.at, event.actor, revision, after.get("spacing_only") is True


def headline_in(payload: Any) -> str | None:
    """The `headline` of an event's payload (JSON text), if it holds one (services.headlines:
    what a revision's page stated)."""
    if payload is None:
        return None
    value = json.loads(payload).get("headline") if isinstance(payload, str) else None
    return value if isinstance(value, str) else None
