"""document source: where a document's first text came from

Revision ID: 0010_document_source
Revises: 0009_revision_sha256
A later revision keeps where its text came from (document_revisions.source: a file name,
"standard input" or the URL fetched); the first text, the documents row, kept nothing, and
`doc revisions` showed the document's URL in its place (for a saved page, the canonical URL it
names, not the file read). Documents added before this revision have no source (NULL): it was
never recorded.

Create Date: 2026-12-02 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_document_source"
down_revision: str | None = "0009_revision_sha256"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=2000), nullable=True))


def downgrade() -> None:
    # Not in batch mode: on SQLite that copies the table into a new one, which the claims'
    # foreign keys to documents refuse once there are claims. SQLite (3.35 and later) and
    # PostgreSQL both drop a column in place.
    op.drop_column("documents", "source")
