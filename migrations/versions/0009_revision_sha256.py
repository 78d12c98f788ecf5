"""revision sha256: later revisions are found by the hash of their text

Revision ID: 0009_revision_sha256
Revises: 0008_similar_meta
`doc add` of a text that is already stored reported it only when it was some document's first
text (documents.sha256 is unique, so indexed); the text of a later revision (`doc update`) was
stored again as a new document. Finding it by document_revisions.sha256 without reading every
revision's text needs an index on it. Not unique: a document may return to an earlier text, and
two documents may come to hold the same one.

Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_revision_sha256"
down_revision: str | None = "0008_similar_meta"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document_revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_revisions_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_revisions_sha256"))
