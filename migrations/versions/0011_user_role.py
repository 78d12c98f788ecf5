"""user role: the PostgreSQL role a registered person acts from

Revision ID: 0011_user_role
Revises: 0010_document_source
On a shared PostgreSQL database each person may have a login role of their own, and the trail
records the role (`machine`); but any role could type any registered name with `--as`, so the
trail could say carol approved what alice's role did (a new-user trial). A person registered
with a role (users.role) acts from it only. NULL: not bound (every user added before this
revision, and every user on SQLite, which has no roles).

Create Date: 2026-12-02 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_user_role"
down_revision: str | None = "0010_document_source"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # In place, as 0010: no table copy.
    op.drop_column("users", "role")
