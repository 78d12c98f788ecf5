"""`user list`: the desk's registered people, read on the database driver itself.

One table of a few dozen rows: read through the ORM, the command imported SQLAlchemy and built
the models first, 0.8-1.0 s of CPU and 54 MB for what the `sqlite3` shell reads in 5 ms. It
reads through `reading` (workbench.db.reader), as `claim list` and `audit head` do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from workbench.db import tables
from workbench.db.sql import select
from workbench.domain.clock import format_at
from workbench.domain.json_fields import JsonFields
from workbench.services.context import Workbench, reading

if TYPE_CHECKING:
    from workbench.db.models import User


@dataclass(frozen=True, slots=True)
class UserView(JsonFields):
    name: str
    display: str | None
    email: str | None
    added_by: str
    created_at: str
    role: str | None = None
    # Whether the binding to `role` holds here: a SQLite file has no roles, and a binding a
    # bundle brought from PostgreSQL is kept but not enforced (registry.check_actor).
    role_enforced: bool = False

    @classmethod
    def of(cls, row: User | Any, *, binds_roles: bool) -> Self:
        """From the model's row (the writes) or a driver row of the same columns (the list)."""
        return cls(
            row.name,
            row.display,
            row.email,
            row.added_by,
            format_at(row.created_at),
            row.role,
            row.role is not None and binds_roles,
        )


def list_users(wb: Workbench) -> list[UserView]:
    u = tables.users.c
    query = select(
        u.name, u.display, u.email, u.added_by, u.created_at, u.role, source=tables.users
    )
    with reading(wb) as conn:
        binds = bool(conn.module.BINDS_ROLES)
        people = conn.rows(query)
    # By name in code point order, sorted here: PostgreSQL's collation orders names its own
    # way (`ärger` among the a's), SQLite by code point.
    return [UserView.of(p, binds_roles=binds) for p in sorted(people, key=lambda p: p.name)]
