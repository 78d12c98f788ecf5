"""What the sign-off reads of a desk to judge an approval: a proposal's record events, the
registered people (with the trail's corrections of them) and the login role an approval must
not share. Asked by `claim approve` (services.review), the sign-off queue (services.approvable),
`claim show` and the exports alike."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import Sql, eq, in_, select
from workbench.domain.people import current_form

if TYPE_CHECKING:
    from workbench.domain.reviewers import Registered


def record_events(conn: Reader, claims: Sql) -> dict[int, list[tuple[Any, ...]]]:
    """The events a proposal's record is read from (transitions.RECORD_ACTIONS), in the
    trail's order, by claim, for the claims `claims` (a condition on events.claim_id) selects:
    what `sign_off.proposal_record` takes, for `claim approve` and `claim list --approvable`
    alike."""
    from workbench.domain.transitions import RECORD_ACTIONS

    e = tables.events.c
    q = select(
        e.claim_id, e.action, e.actor, e.entity_id, e.payload, e.machine, source=tables.events
    ).where(in_(e.action, RECORD_ACTIONS), claims)
    events: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for r in conn.rows(q.order_by(e.seq)):
        events[r.claim_id].append((r.action, r.actor, r.entity_id, r.payload, r.machine))
    return events


def registered_for_sign_off(conn: Reader, names: Collection[str] | None = None) -> Registered:
    """The registered people's email addresses and display names (reviewers.Registered), for
    the sign-off read from a trail: an approval by the proposer's own address (fix259) or
    display name (rr270) is no second person's. With `names`, only theirs (a claim's approvers
    and proposers: `claim show` read a thousand people's for two, 1 ms -> 5 ms), read by key;
    all when one not ASCII is not found under it, as it may be stored in an earlier normal form
    (`王 芳`)."""
    from workbench.domain.reviewers import Registered

    if names is not None and not names:
        return Registered()
    u = tables.users.c
    query = select(u.name, u.email, u.display, source=tables.users)
    if names is not None:
        wanted = sorted(names)
        # Every row of theirs, an address or none: one without is found, not taken for a name
        # stored in an earlier form (review264: 王芳 with no --email read the desk's people).
        rows = conn.rows(query.where(in_(u.name, wanted)))
        found = {r.name for r in rows}
        if all(n.isascii() or n in found for n in wanted):
            return _with_edits(conn, Registered.of((r.name, r.email, r.display) for r in rows))
    query = query.where(Sql(f"{u.email} IS NOT NULL OR {u.display} IS NOT NULL"))
    return _with_edits(conn, Registered.of((r.name, r.email, r.display) for r in conn.rows(query)))


def _with_edits(conn: Reader, people: Registered) -> Registered:
    """`people` with the trail's corrections of registrations (`user.edited`, rare: none on
    most desks) and when each person was registered, so the sign-off judges an approval by the
    registrations in force when it was made (`Registered.as_of`), as `audit verify` does."""
    import json

    from workbench.domain.actions import USER_ADDED, USER_EDITED
    from workbench.domain.reviewers import Edit

    e = tables.events.c
    edits: list[Edit] = []
    # (by entity type first: ix_events_entity finds a desk's few user events, not a scan.
    # Put in seq order here, not by ORDER BY seq: with ANALYZE's statistics SQLite takes the
    # trail over its count of entity types for each (a quarter to a seventh of it), and read
    # all of it in seq order rather than sort that many: a year desk's million events for
    # each `claim show`.)
    query = select(e.seq, e.entity_id, e.payload, source=tables.events).where(
        eq(e.entity_type, "user")
    )

    def in_order(action: str) -> list[Any]:
        return sorted(conn.rows(query.where(eq(e.action, action))), key=lambda r: r.seq)

    for r in in_order(USER_EDITED):
        # (one written around the workbench may hold anything: a field that is not text, or
        # None, is no registration to put back, as the trail's check reads it)
        payload = json.loads(r.payload)
        before = payload.get("before") if isinstance(payload, dict) else None
        if isinstance(before, dict):
            kept = {
                k: v
                for k, v in before.items()
                if k in ("display", "email") and (v is None or isinstance(v, str))
            }
            edits.append(Edit(r.seq, r.entity_id, kept))
    if not edits:
        return people
    at: dict[str, int] = {}
    for r in in_order(USER_ADDED):
        for key in (r.entity_id, current_form(r.entity_id)):
            at.setdefault(key, r.seq)
    return replace(people, edits=tuple(edits), registered_at=at)


def sign_off_role(conn: Reader) -> str | None:
    """The role an approval must not share with the proposal's: on PostgreSQL the one the
    server authenticated this session as (a typed --as can lie, the role cannot), unless the
    desk turned review.distinct_roles off. None on SQLite, whose recorded OS account is only
    what the process says about itself."""
    from workbench.domain.settings import DISTINCT_ROLES

    if conn.dialect != "postgresql" or not desk_setting(conn, DISTINCT_ROLES):
        return None
    return session_role(conn)


def desk_setting(conn: Reader, key: str) -> bool:
    """Setting `key` as the desk holds it (its default when none is stored), on the driver."""
    from workbench.domain.settings import stored_setting

    s = tables.settings.c
    return stored_setting(
        key, conn.scalar(select(s.value, source=tables.settings).where(eq(s.key, key)))
    )


def session_role(conn: Reader) -> str:
    """The login role the PostgreSQL server authenticated this session as."""
    return str(conn.raw(Sql("SELECT session_user"))[0][0])
