"""similar meta: the similar-claims index's terms version in a one-row table of its own

Revision ID: 0008_similar_meta
Revises: 0007_read_indexes
Until now the version of the terms an index was built by was a marker row of similar_df, under
a term no text yields ('!terms-version'), beside the terms' real document frequencies. It moves
to similar_meta (one row, id 1). An existing index keeps the version it was built by, so an
index of the current terms is kept and one of older terms is still rebuilt on the next search;
one with no marker (none built yet, or built before versions were kept) is built afresh on the
next search, as it was before.

Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_similar_meta"
down_revision: str | None = "0007_read_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "similar_meta",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("terms_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_similar_meta_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_similar_meta")),
    )
    # The marker term as the revisions up to 0007 wrote it. Literal SQL, so that the statements
    # mean the same written out by `alembic upgrade --sql`.
    op.execute(
        "INSERT INTO similar_meta (id, terms_version) "
        "SELECT 1, df FROM similar_df WHERE term = '!terms-version'"
    )
    op.execute("DELETE FROM similar_df WHERE term = '!terms-version'")


def downgrade() -> None:
    op.execute(
        "INSERT INTO similar_df (term, df) SELECT '!terms-version', terms_version FROM similar_meta"
    )
    op.drop_table("similar_meta")
