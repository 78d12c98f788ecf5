"""event identity: on PostgreSQL an event is written from the role it records

Revision ID: 0013_event_identity
Revises: 0012_withdrawn
The trail records each event's role (`machine`, the session's `session_user`), and a name bound
to a role (users.role) acts from it only; but both were checked by the workbench alone. With the
grants docs/identity.md gives each person (INSERT on events, to append to the trail), a person
could write, by SQL, an event whose `machine` and `actor` were another's (trial49: ben wrote
cai's approval of his own verdict, chained as docs/audit-chain.md describes, and `audit
verify` and `audit replay` passed). The server now refuses, at the end of each statement
that adds events, an event whose `machine` is not the session's role, whose actor is a name
bound to another role, or (once anyone is registered) whose actor is no registered name as the
workbench stores it. The role that owns the events table (and its members, and superusers) is
not held to it: it restores bundles, whose events are other roles', and it could drop the
trigger in any case. SQLite has no roles: nothing changes there.

Create Date: 2026-12-04 21:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_event_identity"
down_revision: str | None = "0012_withdrawn"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Checked at the end of each INSERT statement on the rows it added (a transition table): one
# query for a multi-row statement, one per event where the driver sends an import's events a
# statement each (psycopg does; about 45 µs an event, measured). The search path is pinned to
# the schema the function is made in, so a caller's own search_path cannot point `users`
# elsewhere.
FUNCTION = """
CREATE OR REPLACE FUNCTION workbench_events_identity() RETURNS trigger
SET search_path FROM CURRENT
AS $$
DECLARE
    who text;
    bound text;
BEGIN
    IF pg_catalog.pg_has_role(
        session_user,
        (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID),
        'MEMBER'
    ) THEN
        RETURN NULL;
    END IF;
    SELECT i.machine INTO who FROM workbench_new_events i
        WHERE i.machine IS DISTINCT FROM session_user::text LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'an event records the role that writes it: % is not this session''s role %',
            who, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Once anyone is registered, an event's actor is a registered name as the workbench
    -- stores it (its normal form): `Cai` for the bound `cai` matched no row, and passed.
    SELECT i.actor, u.role INTO who, bound
        FROM workbench_new_events i LEFT JOIN users u ON u.name = i.actor
        WHERE (u.name IS NULL AND EXISTS (SELECT 1 FROM users))
           OR (u.role IS NOT NULL AND u.role <> session_user::text)
        LIMIT 1;
    IF FOUND AND bound IS NULL THEN
        RAISE EXCEPTION '% is not a registered name as the workbench stores it', who
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION '% acts from the role %, not from this session''s role %',
            who, bound, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
TRIGGER = (
    "CREATE TRIGGER events_identity AFTER INSERT ON events "
    "REFERENCING NEW TABLE AS workbench_new_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION workbench_events_identity()"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS events_identity ON events")
    op.execute("DROP FUNCTION IF EXISTS workbench_events_identity()")
