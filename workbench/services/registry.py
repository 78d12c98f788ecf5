"""The desk's registered people as read in an open session: asked by the transaction itself (a
change must be made under a registered name), so this module may not import services.context,
which imports it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from workbench.db.models import Event, User
from workbench.domain.actions import USER_ADDED
from workbench.domain.errors import InvalidInput
from workbench.domain.people import People, RoleNames, current_form
from workbench.domain.shell import command_line, shell_word


def registered_people(session: Session) -> People:
    """The desk's registered people, read once (for many names: a claims table's rows)."""
    return People.read(session.execute(select(User.name, User.display, User.skeleton)).all())


def registered_user(session: Session, name: str) -> User | None:
    """The registered person `name` (in normal form) is, or None: the row of that name, else
    one an earlier version stored in its own normal form (`王 芳`, read as 王芳 today, as
    `People.read` reads it). The scan is of the desk's people, and only for a name not found."""
    row = session.get(User, name)
    if row is not None or name.isascii():
        return row
    rows = session.scalars(select(User).where(User.name != name))
    return next((u for u in rows if current_form(u.name) == name), None)


def check_actor(session: Session, actor: str) -> None:
    """Once a desk registers its people, every change must be made under one of their names;
    a name that is not is refused with the names it may have meant (as an owner is). A name
    bound to a role (PostgreSQL, `user add --role`) acts from that role only."""
    from workbench.db.backend import binds_roles, machine_identity, owns_tables, schema_owner

    people = registered_people(session)
    if not people:
        return
    conn = session.connection()
    if actor not in people:
        refusal = people.refusal(actor)
        here = roles_names(session) if binds_roles(conn.dialect.name) else None
        if here is not None and here.names and not people.looks_like_one(actor):
            # The name this role is bound to is the one meant, the owner's role's too: not a
            # second name registered for the same person (trial330), nor a colleague's close
            # to it, bound to the colleague's role (people341).
            raise people.refusal(actor, acts_as=here)
        owner = here is not None and owns_tables(conn)
        if here is not None and here.elsewhere and not owner and not people.looks_like_one(actor):
            # A role no name is bound to, on a desk that binds its people: a new colleague's.
            # pgteam: ana was asked "did you mean maria?" (bound to maria's role, which hers is
            # refused acting under) and sent to a colleague, whose `user add` binds her to no
            # role; binding her to hers is her own act or the owner's, and she is not
            # registered to act.
            raise people.refusal(actor, acts_as=here, owner=schema_owner(conn))
        if owner and not people.meant(actor):
            # The owner's role may register the name it acts as, bound to itself
            # (services.users): the way in when every registered name is bound elsewhere.
            register = command_line(
                ["workbench", "--as", actor, "user", "add"],
                [actor],
                ["--role", machine_identity(conn)],
            )
            raise InvalidInput(
                f"{refusal.message.rstrip('.')}; or, as the desk's owner's role, register the "
                f"name bound to it: `{register}`",
                hint=refusal.hint,
                reason=refusal.reason,
            )
        raise refusal
    check_binding(session, actor)


def check_binding(session: Session, actor: str) -> None:
    """A name bound to a role (PostgreSQL, `user add --role`) acts from that role only, the
    owner's role's session included: the one rule `db upgrade`'s record of a restore is held to
    too, which takes any name but no person's bound elsewhere (services.database)."""
    from workbench.db.backend import binds_roles, machine_identity

    conn = session.connection()
    # By the name's form today, as `people` has it: a name registered as `王 芳` and bound to a
    # role acts from that role only, when typed `王芳` as much as when typed `王 芳`.
    roles = session.execute(select(User.name, User.role).where(User.role.is_not(None))).all()
    bound = next((r for n, r in roles if current_form(n) == actor and r is not None), None)
    if bound is None:
        return
    if not binds_roles(conn.dialect.name):
        return  # a desk moved to a SQLite file by a bundle: no roles there to be bound to
    connected = machine_identity(conn)
    if connected != bound:
        raise InvalidInput(
            f"{actor!r} acts from the database role {bound!r}, and this session is "
            f"{connected!r}: a change under their name needs their own login "
            f"({_own_name(session, conn, connected)})",
            reason=ROLE_MISMATCH,
        )


def _own_name(session: Session, conn: Connection, role: str) -> str:
    """What a session of `role` acts as instead: the names bound to it; or, for the owner's
    role with none (its editor's bound elsewhere by a slip), the registration that gives it
    one, from which it binds any name back (trial330: "give --as your own name" it had none)."""
    from workbench.db.backend import owns_tables

    here = roles_names(session)
    if here.names:
        names = " or ".join(shell_word(n) for n in here.names)
        return f"this session's role acts as {names}: give --as {shell_word(here.names[0])}"
    if owns_tables(conn):
        register = command_line(
            ["workbench", "--as", "NAME", "user", "add", "NAME", "--role", role]
        )
        return (
            "no name is bound to this session's role, the desk's owner's: register one, "
            f"`{register}`, and act as it"
        )
    return "give --as your own name"


def roles_names(session: Session) -> RoleNames:
    """The session's login role and the registered names bound to it (PostgreSQL only)."""
    from workbench.db.backend import machine_identity

    role = machine_identity(session.connection())
    query = select(User.name, User.role).where(User.role.is_not(None))
    # (Rows unpacked here: Result.tuples() is deprecated in SQLAlchemy 2.1.)
    bound = [(name, role) for name, role in session.execute(query)]
    return RoleNames.of(role, bound)


# The `reason` of refusing a registered name typed from a role it is not bound to.
ROLE_MISMATCH = "role_mismatch"


def desk_owner(session: Session) -> str | None:
    """The registered name the desk's owner acts under: its first registered user (the first
    `user.added` event's; whoever made the desk's first registration is registered first, as
    rosa is with `--as rosa user add kwame`), or None while nobody is registered. A desk has no
    other record of a person who owns it: on a SQLite file every name is typed by the same OS
    account, and on PostgreSQL the owner's role may be shared by several names."""
    first = session.scalar(
        select(Event.entity_id)
        .where(
            Event.entity_type == "user",
            Event.action == USER_ADDED,
            Event.entity_id.in_(select(User.name)),
        )
        .order_by(Event.seq)
        .limit(1)
    )
    if first is not None:
        return current_form(str(first))
    # Registered with no event (none is written without one): the earliest registered.
    name = session.scalar(select(User.name).order_by(User.created_at, User.name).limit(1))
    return None if name is None else current_form(name)
