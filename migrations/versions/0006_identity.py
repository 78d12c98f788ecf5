"""identity: registered users, and the machine's identity on every event

Revision ID: 0006_identity
Revises: 0005_similar_index
Create Date: 2026-11-30 09:30:00.000000

`events.machine` is nullable: events written before this revision have none, and the hash
recipe leaves the key out when it is NULL, so their hashes still verify (docs/audit-chain.md).
Adding a column does not touch the append-only triggers (they refuse UPDATE/DELETE of rows).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_identity"
down_revision: str | None = "0005_similar_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("skeleton", sa.String(length=400), nullable=False),
        sa.Column("display", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_users")),
        sa.UniqueConstraint("skeleton", name=op.f("uq_users_skeleton")),
    )
    # A plain ADD COLUMN (no batch copy): on SQLite a table copy would drop the triggers.
    op.add_column("events", sa.Column("machine", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # Native DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy would lose the triggers.
    op.execute("ALTER TABLE events DROP COLUMN machine")
    op.drop_table("users")
