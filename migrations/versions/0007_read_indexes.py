"""read indexes: every `claim list` filter and the board's sorts find their rows by index

Revision ID: 0007_read_indexes
Revises: 0006_identity
At 100,000 claims, --speaker, --type, --priority and --updated-since scanned the whole claims
table, and --sort created / updated sorted all of it; tests/services/test_query_plans.py checks
every filter's plan on the year size's shape.

Create Date: 2026-11-30 09:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_read_indexes"
down_revision: str | None = "0006_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("speaker", "type", "priority", "created_at", "updated_at")


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.create_index(batch_op.f(f"ix_claims_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_index(batch_op.f(f"ix_claims_{column}"))
