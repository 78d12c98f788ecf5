"""Whether this session is the desk's owner's: the one rule behind every act only the owner
does by name (turning a safeguard of review off, `config set`; changing a registration, `user
edit`). Each caller words its own act; the fact of who may do it, and how, is decided here
once, so that one caller cannot say what the other has learned not to (review315: `user edit`
told the owner's role to act as a first registered user bound to another role, trial49).

`user bind` is another rule (the owner's role only, whatever name: docs/identity.md)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.db.backend import binds_roles, owns_tables, schema_owner
from workbench.domain.shell import command_line
from workbench.services.context import Tx
from workbench.services.registry import desk_owner, registered_user

# The `reason` of refusing an act only the desk's owner does to anyone else.
NOT_DESK_OWNER = "not_desk_owner"


@dataclass(frozen=True, slots=True)
class NotOwner:
    """Why this session is not the desk's owner's, each field a fact to tell it by.

    `not_owning_role`: on PostgreSQL, the session's role does not own the workbench's tables
    (nor is a member of that role, or a superuser); `owner_role` is that role when known. Else
    the name acted under is not the owner's: `owner` is the desk's first registered user, and
    `owner_bound` the role that name acts from when it is not this session's (the owner's role
    then acts under a name bound to itself, not as `owner`)."""

    not_owning_role: bool = False
    owner_role: str | None = None
    owner: str | None = None
    owner_bound: str | None = None

    def bound_away(self, machine: str) -> str:
        """What the owner's role does when the first registered user is bound to another:
        said after "does it" / "does" by each caller."""
        return (
            f"under a name bound to it ({self.owner}, the desk's first registered user, acts "
            f"from the role {self.owner_bound}); register one "
            f"(`{command_line(['workbench', 'user', 'add', 'NAME', '--role', machine])}`) and act "
            "as it"
        )


def not_desk_owner(tx: Tx) -> NotOwner | None:
    """None when this session is the desk's owner's; otherwise why not. On PostgreSQL, a
    session of the role owning the tables; and once people are registered, under the desk's
    first registered user's name (`desk_owner`), or on PostgreSQL under a name bound to a role,
    which check_actor has made this (the owner's) session's. On a desk with no registered people
    a SQLite file has nothing to tell its owner by (every name is typed by one OS account): any
    name is, and the trail records who acted."""
    conn = tx.session.connection()
    binds = binds_roles(conn.dialect.name)
    if binds and not owns_tables(conn):
        return NotOwner(not_owning_role=True, owner_role=schema_owner(conn))
    owner = desk_owner(tx.session)
    if owner is None or tx.actor == owner:
        return None
    if not binds:
        return NotOwner(owner=owner)
    # Each registered person by their name's form today (registry.registered_user): an
    # earlier version registered `陈 静`, who acts as 陈静.
    actor = registered_user(tx.session, tx.actor)
    if actor is not None and actor.role is not None:
        return None
    first = registered_user(tx.session, owner)
    bound = None if first is None else first.role
    # The first registered user acts from another role, so this (the owner's) session cannot
    # act under that name: it acts under a name bound to it (trial49: the refusal named eve,
    # who could do it from neither role).
    return NotOwner(owner=owner, owner_bound=bound if bound != tx.machine else None)
