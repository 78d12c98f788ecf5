"""The tables the read paths query, as SQLAlchemy Core clauses: no ORM, no mapper set-up.

`claim list`, `claim show`, `stats` and the board run on these, so that a read command pays for
SQLAlchemy Core only (importing and configuring the ORM was most of a read's time at 100,000
claims). They name only columns; the schema itself is the models' (workbench.db.models), and a
test keeps every column here equal in name and type to the models' column.
"""

from __future__ import annotations

from sqlalchemy import Date, Float, Integer, String, Text, column, table

from workbench.db.types import UTCDateTime

documents = table(
    "documents",
    column("id", Integer),
    column("text", Text),
)

# Revision 1 of a document is the documents row; later texts are here.
document_revisions = table(
    "document_revisions",
    column("document_id", Integer),
    column("number", Integer),
    column("text", Text),
)

claims = table(
    "claims",
    column("id", Integer),
    column("document_id", Integer),
    column("span_start", Integer),
    column("span_end", Integer),
    column("quote", Text),
    column("prefix", Text),
    column("suffix", Text),
    column("text", Text),
    column("speaker", String),
    column("type", String),
    column("status", String),
    column("created_by", String),
    column("created_at", UTCDateTime()),
    column("updated_at", UTCDateTime()),
    column("version", Integer),
    column("assignee", String),
    column("priority", String),
    column("due", Date),
    column("proposed_status", String),
    column("proposed_by", String),
    column("revision", Integer),
    column("anchor_state", String),
    column("anchor_score", Float),
    column("verdict_revision", Integer),
)

claim_tags = table("claim_tags", column("claim_id", Integer), column("tag", String))

notes = table(
    "notes",
    column("id", Integer),
    column("claim_id", Integer),
    column("author", String),
    column("body", Text),
    column("created_at", UTCDateTime()),
)

evidence = table(
    "evidence",
    column("id", Integer),
    column("claim_id", Integer),
    column("kind", String),
    column("url", String),
    column("citation", Text),
    column("title", String),
    column("publisher", String),
    column("accessed", Date),
    column("stance", String),
    column("excerpt", Text),
    column("file_name", String),
    column("sha256", String),
    column("size", Integer),
    column("media_type", String),
    column("added_by", String),
    column("created_at", UTCDateTime()),
)

events = table(
    "events",
    column("seq", Integer),
    column("at", String),
    column("actor", String),
    column("action", String),
    column("entity_type", String),
    column("entity_id", String),
    column("claim_id", Integer),
    column("payload", Text),
)
