"""revisions: document revisions, page originals, claim anchors

Revision ID: 0004_revisions
Revises: 0003_workflow
Documents stay immutable: a new text is a row of document_revisions (revision 1 is the
document itself). Claims say which revision their span points into and how re-anchoring
found their quote. Documents extracted from a page keep the page's bytes in blobs.

Create Date: 2026-11-30 09:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_revisions"
down_revision: str | None = "0003_workflow"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=2000), nullable=True),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("number >= 2", name=op.f("ck_document_revisions_number")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_revisions_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["source_sha256"],
            ["blobs.sha256"],
            name=op.f("fk_document_revisions_source_sha256_blobs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_revisions")),
    )
    with op.batch_alter_table("document_revisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_document_revisions_document_id_number", ["document_id", "number"], unique=True
        )

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("format", sa.String(length=10), server_default="text", nullable=False)
        )
        batch_op.add_column(sa.Column("source_sha256", sa.String(length=64), nullable=True))

    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(
            sa.Column("anchor_state", sa.String(length=10), server_default="exact", nullable=False)
        )
        batch_op.add_column(sa.Column("anchor_score", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("verdict_revision", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("verdict_revision")
        batch_op.drop_column("anchor_score")
        batch_op.drop_column("anchor_state")
        batch_op.drop_column("revision")

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("source_sha256")
        batch_op.drop_column("format")

    with op.batch_alter_table("document_revisions", schema=None) as batch_op:
        batch_op.drop_index("ix_document_revisions_document_id_number")

    op.drop_table("document_revisions")
