"""audit chain: prev_hash and hash on events, append-only triggers

Existing events are chained in seq order, then the columns become NOT NULL and unique, and the
database starts refusing UPDATE and DELETE on events.

Frozen history: this revision carries its own copy of the hash recipe and of the trigger DDL as
they were when it was written (workbench.domain.chain and workbench/db/*.py may move on; what
this revision does to a database must not).

Revision ID: 0002_audit_chain
Revises: 0001_foundation
Create Date: 2026-11-29 05:28:11
"""

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_audit_chain"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64

APPEND_ONLY_DDL = {
    "sqlite": [
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END",
    ],
    "postgresql": [
        """
        CREATE OR REPLACE FUNCTION workbench_events_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
        END;
        $$ LANGUAGE plpgsql
        """,
        "CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION workbench_events_append_only()",
        "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
        "FOR EACH STATEMENT EXECUTE FUNCTION workbench_events_append_only()",
    ],
}
DROP_APPEND_ONLY_DDL = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS events_no_update",
        "DROP TRIGGER IF EXISTS events_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS events_no_update ON events",
        "DROP TRIGGER IF EXISTS events_no_truncate ON events",
        "DROP FUNCTION IF EXISTS workbench_events_append_only()",
    ],
}


def _ddl(statements: dict[str, list[str]]) -> list[str]:
    return statements["postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"]


def _q(text: str) -> str:
    # A JSON string, non-ASCII kept as it is (canonical JSON's string form).
    return json.dumps(text, ensure_ascii=False)


def event_hash(
    *,
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    claim_id: int | None,
    payload_json: str,
    prev_hash: str,
) -> str:
    """SHA-256 of the event as canonical JSON (sorted keys, no spaces, non-ASCII as is), with
    the stored payload text spliced in as it is."""
    cid = "null" if claim_id is None else f"{claim_id:d}"
    text = (
        f'{{"action":{_q(action)},"actor":{_q(actor)},"at":{_q(at)},"claim_id":{cid},'
        f'"entity_id":{_q(entity_id)},"entity_type":{_q(entity_type)},"payload":{payload_json},'
        f'"prev_hash":{_q(prev_hash)},"seq":{seq:d}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    for statement in _ddl(APPEND_ONLY_DDL):
        conn.execute(sa.text(statement))


def downgrade() -> None:
    for statement in _ddl(DROP_APPEND_ONLY_DDL):
        op.get_bind().execute(sa.text(statement))
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_events_prev_hash"), type_="unique")
        batch_op.drop_constraint(batch_op.f("uq_events_hash"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
