"""`doc list`: every document with its number of revisions and its newest one, read on the
database driver itself.

Two statements, none of the texts: read through the ORM, the command imported SQLAlchemy and
built the models first, 0.9-1.2 s of CPU and 55-60 MB where the `sqlite3` shell reads the same
rows in 5 ms. It reads through `reading` (workbench.db.reader), as `claim list` does.
"""

# Statements are built from this package's own table and column names; nothing is bound.
# ruff: noqa: S608
from __future__ import annotations

from dataclasses import fields

from workbench.db import tables
from workbench.db.sql import Select, select
from workbench.services.context import Workbench, reading
from workbench.services.views import DocumentListed, DocumentView, RevisionView, RowView


def view_of(table: tables.Table, view: type[RowView], source: str | None = None) -> Select:
    """The view's fields, each the table's column of its name: never a text (a list of titles
    must not read a desk's every article: a trial's `doc list` grew to 262 MB with five 18 MB
    documents)."""
    columns = (getattr(table.c, f.name) for f in fields(view))  # type: ignore[arg-type]
    return select(*columns, source=source or table)


def list_documents(wb: Workbench) -> list[DocumentListed]:
    """Every document by id, with its number of revisions and its newest one (revision 1 is
    the document's own row; a later one is document_revisions' row of the highest number)."""
    d, r = tables.documents.c, tables.document_revisions.c
    newest = (
        f"{tables.document_revisions} JOIN (SELECT {r.document_id.name}, max({r.number.name}) AS n"
        f" FROM {tables.document_revisions} GROUP BY {r.document_id.name}) AS newest"
        f" ON {r.document_id} = newest.{r.document_id.name} AND {r.number} = newest.n"
    )
    with reading(wb) as conn:
        documents = conn.rows(view_of(tables.documents, DocumentView).order_by(d.id))
        revisions = conn.rows(view_of(tables.document_revisions, RevisionView, newest))
    latest = {row.document_id: RevisionView.of(row) for row in revisions}
    return [
        DocumentListed(
            DocumentView.of(doc),
            latest[doc.id].number if doc.id in latest else 1,
            latest.get(doc.id),
        )
        for doc in documents
    ]
