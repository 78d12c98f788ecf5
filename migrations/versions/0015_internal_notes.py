"""internal notes: a note the desk keeps to itself, never published

Revision ID: 0015_internal_notes
Revises: 0014_search_rowids
Every note was published: the report listed a claim's notes, and a Web Annotation's
`commenting` body and the claims table's `note` were an open claim's latest note, so a working
note ("DESK-ONLY: the source spoke off the record, do not name her") reached the public page
and a partner's feed (review100). notes.internal marks a note added with `note add --internal`:
shown to the desk, never published. Every note written before this revision was published, and
stays so (false); its `note.added` event lacks the field, which replay reads as false.

Downgrading below it is refused while any note is internal: the older code would publish it.

Create Date: 2026-12-05 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_internal_notes"
down_revision: str | None = "0014_search_rowids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place (SQLite's ADD COLUMN takes a NOT NULL column with a default): a batch copy of
    # the table would drop the search index's trigger on notes (0014).
    op.add_column(
        "notes", sa.Column("internal", sa.Boolean(), server_default=sa.false(), nullable=False)
    )


def downgrade() -> None:
    internal = (
        op.get_bind()
        .execute(sa.text("SELECT COUNT(*) FROM notes WHERE internal = :yes"), {"yes": True})
        .scalar_one()
    )
    if internal:
        raise RuntimeError(
            f"{internal} note(s) are internal, which the schema before 0015_internal_notes "
            "cannot mark: it would publish them. Keep this revision"
        )
    # In place, as 0010: no table copy.
    op.drop_column("notes", "internal")
