"""similar index: the terms of each claim, for "checked before?" at any size

Revision ID: 0005_similar_index
Revises: 0003_workflow
Derived data (rebuilt from claims by the services), plain tables and a b-tree index: the same
on SQLite and PostgreSQL.

Create Date: 2026-11-30 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_similar_index"
down_revision: str | None = "0004_revisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "similar_indexed",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_similar_indexed_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_similar_indexed")),
    )
    op.create_table(
        "similar_terms",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_similar_terms_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("claim_id", "term", name=op.f("pk_similar_terms")),
    )
    op.create_index(
        "ix_similar_terms_term_claim_id", "similar_terms", ["term", "claim_id"], unique=False
    )
    op.create_table(
        "similar_df",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_similar_df")),
    )


def downgrade() -> None:
    op.drop_table("similar_df")
    op.drop_index("ix_similar_terms_term_claim_id", table_name="similar_terms")
    op.drop_table("similar_terms")
    op.drop_table("similar_indexed")
