"""The desk's registered people as read in an open session: asked by the transaction itself (a
change must be made under a registered name), so this module may not import services.context,
which imports it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import User
from workbench.domain.people import People


def registered_people(session: Session) -> People:
    """The desk's registered people, read once (for many names: a claims table's rows)."""
    rows = session.execute(select(User.name, User.display, User.skeleton)).all()
    return People({n: d for n, d, _ in rows}, {n: k for n, _, k in rows})


def check_actor(session: Session, actor: str) -> None:
    """Once a desk registers its people, every change must be made under one of their names;
    a name that is not is refused with the names it may have meant (as an owner is)."""
    people = registered_people(session)
    if people and actor not in people:
        raise people.refusal(actor)
