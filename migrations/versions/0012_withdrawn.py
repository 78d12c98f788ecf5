"""withdrawn: a claim may be withdrawn (status 'withdrawn'), which older workbenches cannot read

Revision ID: 0012_withdrawn
Revises: 0011_user_role
A claim picked out by mistake (not a claim, a duplicate, the wrong span) is taken back with
`claim withdraw`: its status becomes 'withdrawn'. claims.status is a plain String(20) with no
CHECK constraint, so no table changes. The revision is the schema's word that the database may
hold that status: a workbench older than it met a withdrawn claim with a traceback (`claim
show`, `claim status`, every export: ValueError, 'withdrawn' is not a valid Status) and listed
it as open work; at this revision an older workbench refuses the database as newer than itself,
as it refuses any later schema, and a shared (PostgreSQL) desk upgrades on purpose (`workbench
db upgrade`) once its people have the workbench that knows the status.

Downgrading below it is refused while any claim is withdrawn: the older code could not read
them, and changing their status here would be a change with no audit event. Restore them first
(`claim status ID in_progress --note ...`), or keep this revision.

Create Date: 2026-12-02 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_withdrawn"
down_revision: str | None = "0011_user_role"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the status column takes the new value as it is."""


def downgrade() -> None:
    withdrawn = (
        op.get_bind()
        .execute(sa.text("SELECT COUNT(*) FROM claims WHERE status = 'withdrawn'"))
        .scalar_one()
    )
    if withdrawn:
        raise RuntimeError(
            f"{withdrawn} claim(s) are withdrawn, a status the schema before 0012_withdrawn "
            "cannot hold: restore them (`workbench claim status ID in_progress --note ...`) "
            "before downgrading"
        )
