"""audit chain: prev_hash and hash on events, append-only triggers

Existing events are chained in seq order (the recipe is workbench.domain.chain), then the
columns become NOT NULL and unique, and the database starts refusing UPDATE and DELETE on events.

Revision ID: 0002_audit_chain
Revises: 0001_foundation
Create Date: 2026-11-29 05:28:11
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from workbench.db.backend import create_append_only_triggers, drop_append_only_triggers
from workbench.domain.chain import GENESIS, event_hash

revision: str = "0002_audit_chain"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

events = sa.table(
    "events",
    sa.column("seq", sa.Integer),
    sa.column("at", sa.String),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("claim_id", sa.Integer),
    sa.column("payload", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))

    conn = op.get_bind()
    prev = GENESIS
    rows = conn.execute(
        sa.select(
            events.c.seq,
            events.c.at,
            events.c.actor,
            events.c.action,
            events.c.entity_type,
            events.c.entity_id,
            events.c.claim_id,
            events.c.payload,
        ).order_by(events.c.seq)
    ).all()
    for seq, at, actor, action, etype, eid, claim_id, payload in rows:
        digest = event_hash(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity_type=etype,
            entity_id=eid,
            claim_id=claim_id,
            payload_json=payload,
            prev_hash=prev,
        )
        conn.execute(events.update().where(events.c.seq == seq).values(prev_hash=prev, hash=digest))
        prev = digest

    with op.batch_alter_table("events") as batch_op:
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_events_hash"), ["hash"])
        batch_op.create_unique_constraint(batch_op.f("uq_events_prev_hash"), ["prev_hash"])
    create_append_only_triggers(conn)


def downgrade() -> None:
    drop_append_only_triggers(op.get_bind())
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_events_prev_hash"), type_="unique")
        batch_op.drop_constraint(batch_op.f("uq_events_hash"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
