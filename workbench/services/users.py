"""The desk's registered people. Once one is registered, every change must name one of them."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from workbench.db.backend import binds_roles, login_role_exists, owns_tables, schema_owner
from workbench.db.models import Claim, User
from workbench.domain.actions import USER_ADDED, USER_BOUND, USER_EDITED
from workbench.domain.clock import now
from workbench.domain.display_names import display_name
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.identity import likeness, normalise_name, registrable, skeleton
from workbench.domain.json_fields import JsonFields
from workbench.domain.limits import check_characters, check_shown_line, check_text
from workbench.domain.payloads import changed, check_changes, created, entity_payload
from workbench.domain.people import (
    RoleNames,
    address_likeness,
    closest_people,
    current_form,
    display_likeness,
    email_address,
    email_likeness,
    registration_clash,
    twin,
)
from workbench.domain.shell import command_line
from workbench.domain.status import WITHDRAWN_VALUE
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.desk_ownership import NOT_DESK_OWNER, not_desk_owner
from workbench.services.registry import registered_people, registered_user
from workbench.services.user_list import UserView


@dataclass(frozen=True, slots=True)
class OwnerCount(JsonFields):
    """A name that owns claims (`claim assign --to`) but is not a registered user."""

    name: str
    claims: int


@dataclass(frozen=True, slots=True)
class AddedUser(UserView):
    """A person just registered, with what the registration also found or did."""

    # The name the registrant acts under, registered with the desk's first user: an
    # unregistered registrant could otherwise not act again (nor register anyone else).
    also_registered: str | None = None
    # PostgreSQL, a first registration binding a role (`--role`): the login role the registrant
    # acted from, their name bound to none (so any role may act under it until `user bind`).
    # pgteam: the owner, registering each person bound to their role as docs/identity.md said,
    # left its own name open to tom's role.
    registrant_role: str | None = None
    # Claims owned by names that are no registered user (assigned before anyone was
    # registered: a typo then was taken), most claims first.
    unregistered_owners: tuple[OwnerCount, ...] = ()


def _email(value: str | None) -> str | None:
    return None if value is None else email_address(value)


def check_stored_user(*, name: str, display: str | None, email: str | None) -> None:
    """A stored user's name, display name and email address (a restored bundle's,
    services.bundle) hold nothing `visible` would escape (check_shown_line), which add_user
    refuses too: a bundle edited by hand, its events made to match, replays consistently, and
    restored an ESC in a display name (review restore) or a bidi override in a registered name
    (restore2; normalise_name has refused control, format and separator characters since the
    users table came). The rest of add_user's rules came later than the desks that hold what
    they refuse, kept by `db upgrade` (a word mixing scripts, trial56; a zero-width space,
    8f522a45; an empty name; an address imitating a Latin one, review335; an address's shape):
    an older release's desk restores as stored (review rrestore)."""
    for value, what in (
        (name, "the name"),
        (display, "the display name"),
        (email, "the email address"),
    ):
        if value is not None:
            check_shown_line(value, what)


def check_stored_names(older: Collection[str] = (), /, **names: str | None) -> None:
    """The names of whoever acted that a stored row records (a restored bundle's,
    services.bundle: an event's actor, a note's author, a row's added_by...) hold no control or
    separator character (check_characters, one line), nor a bidi control (check_shown_line)
    unless the name is one of `older`: normalise_name has refused control, format (bidi) and
    separator characters in whoever acts since 8fdf8467, and a bundle edited by hand, a note's
    author and its event's actor made one, restored a bidi override in both (restore2). Before
    8fdf8467 `--as` and WORKBENCH_USER were taken as typed, stripped: a name pasted with its
    bidi isolates is in such a desk's rows and in its events' hashes, kept by `db upgrade`,
    and restores (rrestore). `older` is the names those events record (services.bundle: the
    actors of events that record no machine, which every event has since 8fdf8467): such a
    name may hold isolates, each closed, which draw it as it reads and reorder nothing around
    it, but no embedding or override, which reorder the name itself ('tes' + U+202E + 'ter'
    shown as tesret), nor an isolate left open, which reorders the line after it: a forger
    blanks an event's machine as easily as its actor (rr2). Nothing else of a name is asked: a
    name an older release took (mixed scripts, longer) restores as stored."""
    for column, value in names.items():
        if value is None:
            continue
        what = f"the name in {column}"
        check_shown_line(_paired_isolates_hidden(value) if value in older else value, what)


# The isolates that open (LRI, RLI, FSI) and the one that closes them (PDI).
_OPENS_ISOLATE = frozenset("\u2066\u2067\u2068")
_CLOSES_ISOLATE = "\u2069"


def _paired_isolates_hidden(name: str) -> str:
    """`name` with each isolate that a later one closes written as `_`, each character where
    it was (so that a refusal counts them as in the name); an isolate left open, or a PDI that
    closes none, kept."""
    chars = list(name)
    opened: list[int] = []
    for at, char in enumerate(chars):
        if char in _OPENS_ISOLATE:
            opened.append(at)
        elif char == _CLOSES_ISOLATE and opened:
            chars[opened.pop()] = chars[at] = "_"
    return "".join(chars)


def check_stored_owner(*, assignee: str | None) -> None:
    """A stored claim's owner holds no control or separator character (check_characters, one
    line), which `claim assign` has refused since 8fdf8467; a bidi control it took then, before
    owners were names in normal form, so one restores (restore2)."""
    if assignee is not None:
        check_characters(assignee, "the owner", one_line=True)


@mutation
def add_user(
    wb: Workbench,
    name: str,
    *,
    display: str | None = None,
    email: str | None = None,
    role: str | None = None,
) -> AddedUser:
    """Register a person. The first one anyone may add, and whoever adds them is registered
    with them (a registrant left out could not act again, nor register the rest of the desk);
    after that, only a registered user adds people. With `role` (PostgreSQL), the person acts
    from that login role only (docs/identity.md). A name like a registered one (a look-alike,
    or one the other's pinyin) or like another's display name is refused, as is a display name
    like another's name (`registration_clash`). The result names the claims owned by names
    no registered user has (`claim assign` took any name until someone was registered)."""
    normal = registrable(normalise_name(name, "NAME"), "NAME")
    bound = None if role is None else _role_name(role)
    key = skeleton(normal)
    shown = None if display is None else display_name(display)
    address = _email(email)
    with transaction(wb, write=True, admits=partial(_owner_names_itself, normal, bound)) as tx:
        binds = binds_roles(tx.session.get_bind().dialect.name)
        if bound is not None and not binds:
            raise InvalidInput(
                "--role binds a name to a PostgreSQL login role; a SQLite file has no roles "
                "(there --as is taken on trust: docs/identity.md)"
            )
        if bound is not None:
            _check_binding(tx.session.connection(), bound, tx.machine)
        registered = registered_user(tx.session, normal)
        if registered is not None and bound is not None and registered.role is None:
            # Said plainly (trial47b: the desk registered its people first, then made their
            # roles, and read only "already registered"): `user bind` binds a registered
            # name, as the owner's act.
            raise Conflict(
                f"{normal!r} is already registered, unbound: the desk's owner binds it "
                f"(`{command_line(['workbench', 'user', 'bind'], [normal], ['--role', bound])}`)"
            )
        if registered is not None:
            raise Conflict(f"{normal!r} is already registered")
        rows = tx.session.execute(select(User.name, User.skeleton, User.display, User.email)).all()
        found = twin(key, {n: k for n, k, _, _ in rows})
        if found is not None:
            raise InvalidInput(
                f"{normal!r} looks like the registered user {found!r}; choose a name that "
                "cannot be mistaken for theirs"
            )
        clash = registration_clash(normal, shown, [(n, d) for n, _, d, _ in rows])
        if clash is not None:
            raise clash
        by_email = email_likeness(normal, address, [(n, e) for n, _, _, e in rows])
        if by_email is None and tx.actor != normal and not rows:
            # The registrant registered with them is held to it too (their name, its address).
            by_email = email_likeness(tx.actor, None, [(normal, address)])
        if by_email is not None:
            raise by_email.refusal()
        also = None
        if tx.actor != normal and not rows:
            # Named as acted as, not as "--as": it may come from WORKBENCH_USER or the OS
            # account (review65).
            registrable(
                tx.actor, f"you act as {tx.actor!r}, registered with this first registration"
            )
            also = _register_actor(tx, normal, shown)
        row = _insert_user(tx, normal, key, display=shown, email=address, role=bound)
        view = AddedUser.of(row, binds_roles=binds)
        return replace(
            view,
            also_registered=also,
            # Only when this registration binds a role: a desk sharing one login role binds
            # nobody, and its registrant is no more open than anyone else.
            registrant_role=tx.machine if also is not None and bound is not None else None,
            unregistered_owners=_unregistered_owners(tx),
        )


def _owner_names_itself(name: str, role: str | None, tx: Tx) -> bool:
    """Whether this is the desk's owner's role registering, under the name it acts as, that name
    bound to itself: let in though the name is not registered yet. Otherwise a desk whose first
    registered name was bound to another role (trial55: the editor, working from the owner's
    login, registered herself first with her own role) left the owner's role no name to act
    under: every other name unregistered, hers role_mismatch, and so nobody who could bind the
    checkers' names to their roles or turn a safeguard off. The owner's role could bind any
    registered name to itself (`user bind`) and owns the tables: this gives it nothing more."""
    if role is None or tx.actor != name or role != tx.machine:
        return False
    conn = tx.session.connection()
    return binds_roles(conn.dialect.name) and owns_tables(conn)


@dataclass(frozen=True, slots=True)
class BoundUser(JsonFields):
    """A registered name bound to a login role (`user bind`); `before` is the role it was bound
    to (None: unbound), `changed` False when it already was bound to that role."""

    user: UserView
    before: str | None
    changed: bool
    # The registered names the role bound to acts as now, this one among them.
    role_acts_as: tuple[str, ...] = ()
    # Set when the name bound is the one this session acts as, and the role another: the names
    # this session's role acts as now (none: it registers one to act again). people341: the
    # owner's role typed its own name for a checker's and learned of it at its next command.
    session_acts_as: tuple[str, ...] | None = None
    # This session's login role, when `session_acts_as` is set.
    session_role: str | None = None


@mutation
def bind_user(wb: Workbench, name: str, role: str) -> BoundUser:
    """Bind a registered name to the login role it acts from (PostgreSQL), or bind it to another
    one: from then on a change under the name from any other role is refused. The desk's
    owner's act only (the role that owns the tables): a person who could bind a registered
    name to their own role would take it over (its owner locked out, its acts theirs), and
    one who could bind it to another's role would lock it out. `user.bound` records the role
    before and after."""
    normal = normalise_name(name, "NAME")
    bound = _role_name(role)
    with transaction(wb, write=True) as tx:
        conn = tx.session.connection()
        if not binds_roles(conn.dialect.name):
            raise InvalidInput(
                "a SQLite file has no roles to bind a name to (there --as is taken on trust: "
                "docs/identity.md)"
            )
        row = registered_user(tx.session, normal)
        if row is None:
            raise NotFound(
                f"no registered user {normal!r} "
                f"(`{command_line(['workbench', 'user', 'add'], [normal], ['--role', bound])}` "
                "registers and binds a new name)"
            )
        if not owns_tables(conn):
            owner = schema_owner(conn)
            raise InvalidInput(
                f"this session is the role {tx.machine!r}: a registered name is bound to a role "
                "by the desk's owner" + (f" (role {owner})" if owner else "") + " only",
                reason=BINDING_NOT_PERMITTED,
            )
        _check_login_role(conn, bound)
        before = row.role
        if before != bound:
            check_changes(USER_BOUND, ["role"])
            row.role = bound
            tx.session.flush()
            tx.record(USER_BOUND, "user", row.name, changed({"role": before}, {"role": bound}))
        query = select(User.name, User.role).where(User.role.is_not(None))
        bindings = [(name, role) for name, role in tx.session.execute(query)]
        own = current_form(row.name) == tx.actor and bound != tx.machine
        return BoundUser(
            UserView.of(row, binds_roles=True),
            before,
            before != bound,
            RoleNames.of(bound, bindings).names,
            RoleNames.of(tx.machine, bindings).names if own else None,
            tx.machine if own else None,
        )


class Keep(Enum):
    """A field `edit_user` leaves as it is (None clears it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class EditedUser(JsonFields):
    """A registration corrected (`user edit`): the person as they are now, and the fields
    changed, before and after (as the `user.edited` event holds them); `changed` False (both
    empty) when the person already had every value given, as `user bind` says it."""

    user: UserView
    before: dict[str, str | None]
    after: dict[str, str | None]
    changed: bool = True


@mutation
def edit_user(
    wb: Workbench,
    name: str,
    *,
    display: str | Keep | None = KEEP,
    email: str | Keep | None = KEEP,
) -> EditedUser:
    """Correct a registered person's display name or email address (None clears it): a typo,
    or two people registered at one mailbox before `user add` refused it (fix302), whom the
    sign-off reads as one reviewer until one's address changes. What changes is held to `user
    add`'s rules against everyone else (the person's own name and address are theirs): a
    display name to the display-name rule (`display_likeness`), an address to the email rule
    (`address_likeness`); the name, unchanged, is not judged again. The desk's owner's act
    (`_check_registration_owner`). Only values already held change nothing and record nothing
    (`changed` False), as `config set` and `user bind` do: a provisioning script re-run is not
    refused. `user.edited` records the fields before and after, in the same transaction."""
    normal = normalise_name(name, "NAME")
    given: dict[str, str | None] = {}
    if not isinstance(display, Keep):
        given["display"] = None if display is None else display_name(display)
    if not isinstance(email, Keep):
        given["email"] = _email(email)
    if not given:
        raise InvalidInput("nothing to change: give a display name or an email address")
    with transaction(wb, write=True) as tx:
        row = registered_user(tx.session, normal)
        if row is None:
            people = registered_people(tx.session)
            close = closest_people(normal, people.displays)
            near = f"; did you mean {' or '.join(close)}?" if close else ""
            raise NotFound(
                f"{normal!r} is not a registered user of this desk{near} (see `workbench user "
                "list`)"
            )
        _check_registration_owner(tx)
        stored = {"display": row.display, "email": row.email}
        changes = {k: v for k, v in given.items() if v != stored[k]}
        if not changes:
            return EditedUser(
                UserView.of(row, binds_roles=binds_roles(tx.session.get_bind().dialect.name)),
                {},
                {},
                changed=False,
            )
        others = [
            (n, d, e)
            for n, d, e in tx.session.execute(select(User.name, User.display, User.email))
            if n != row.name and current_form(n) != current_form(row.name)
        ]
        clash = None
        if changes.get("display"):
            clash = display_likeness(changes["display"], [(n, d) for n, d, _ in others])
        if clash is None and changes.get("email"):
            clash = address_likeness(changes["email"], [(n, e) for n, _, e in others])
        if clash is not None:
            raise clash.refusal()
        check_changes(USER_EDITED, list(changes))
        for field, value in changes.items():
            setattr(row, field, value)
        tx.session.flush()
        before = {k: stored[k] for k in changes}
        tx.record(USER_EDITED, "user", row.name, changed(before, changes))
        return EditedUser(
            UserView.of(row, binds_roles=binds_roles(tx.session.get_bind().dialect.name)),
            before,
            changes,
        )


def _check_registration_owner(tx: Tx) -> None:
    """Changing a registration is the desk's owner's act (services.desk_ownership), as binding
    a name is (`bind_user`) and as turning a safeguard of review off is: a person who could
    change their own address off a colleague's mailbox would untie the two the sign-off reads
    as one reviewer, and approve the colleague's verdicts; one who could change another's would
    take their name's standing. (On PostgreSQL the grants leave a person's role no UPDATE on
    `users` in any case.)"""
    why = not_desk_owner(tx)
    if why is None:
        return
    if why.not_owning_role:
        raise InvalidInput(
            f"this session is the role {tx.machine!r}: a registration is changed by the desk's "
            "owner" + (f" (role {why.owner_role})" if why.owner_role else "") + " only",
            reason=NOT_DESK_OWNER,
        )
    if why.owner_bound is not None:
        raise InvalidInput(
            f"{tx.actor} may not change a registration: the owner's role does it "
            + why.bound_away(tx.machine),
            reason=NOT_DESK_OWNER,
        )
    raise InvalidInput(
        f"{tx.actor} may not change a registration: the desk's owner (its first registered "
        f"user, {why.owner}) does",
        reason=NOT_DESK_OWNER,
    )


def _insert_user(
    tx: Tx,
    name: str,
    key: str,
    *,
    display: str | None = None,
    email: str | None = None,
    role: str | None = None,
) -> User:
    """Register `name` (its confusable skeleton `key`), added by whoever acts, with its
    `user.added` event in the same transaction."""
    row = User(
        name=name,
        skeleton=key,
        display=display,
        email=email,
        added_by=tx.actor,
        created_at=now(),
        role=role,
    )
    tx.session.add(row)
    tx.session.flush()
    tx.record(USER_ADDED, "user", name, created(entity_payload("user", row)))
    return row


def _register_actor(tx: Tx, name: str, display: str | None) -> str:
    """Register whoever makes the desk's first registration of someone else (`name`, shown as
    `display`), unbound and without a display name (`user add` the others; docs/identity.md):
    once anyone is registered only registered names act, and a registrant left out was locked
    out. A registrant whose name is like the one registered (looks like it, or one is the
    other's pinyin) is refused instead: the two could not both be registered; and so is a
    display name like the registrant's name."""
    how = likeness(tx.actor, name)
    if how is not None:
        raise InvalidInput(
            f"you act as {tx.actor!r}, which {how} the name registered: register yourself "
            "first, under the name you act as "
            f"(`{command_line(['workbench', '--as', tx.actor, 'user', 'add'], [tx.actor])}`)"
        )
    clash = registration_clash(name, display, [(tx.actor, None)])
    if clash is not None:
        raise clash
    _insert_user(tx, tx.actor, skeleton(tx.actor))
    return tx.actor


def _unregistered_owners(tx: Tx) -> tuple[OwnerCount, ...]:
    """Names owning claims that no registered user has, most claims first, then by name. A
    withdrawn claim is nobody's work, and `claim list --assignee NAME` leaves it out: it is not
    counted (trial53: 'tom (469)', of which the listing showed 424). Each owner and each
    registered name by its form today (people.current_form): 王芳, assigned today, is the
    person an earlier version registered as `王 芳`, and the two forms of an unregistered
    owner are one."""
    count = func.count(Claim.id)
    rows = tx.session.execute(
        select(Claim.assignee, count)
        .where(
            Claim.assignee.is_not(None),
            Claim.assignee.not_in(select(User.name)),
            Claim.status != WITHDRAWN_VALUE,
        )
        .group_by(Claim.assignee)
    ).all()
    people = registered_people(tx.session)
    counts: dict[str, int] = {}
    for name, n in rows:
        owner = current_form(str(name))
        if owner not in people:
            counts[owner] = counts.get(owner, 0) + int(n)
    owners = sorted(counts.items(), key=lambda r: (-r[1], r[0]))
    return tuple(OwnerCount(name, n) for name, n in owners)


def _check_binding(conn: Connection, role: str, connected: str) -> None:
    """A name is bound to a login role by that role itself or by the desk's owner: a person who
    could bind a new name to someone else's role would make a name that only that role can
    act under, chosen by someone else (and the trail would give that role's acts to it)."""
    _check_login_role(conn, role)
    if role == connected or owns_tables(conn):
        return
    owner = schema_owner(conn)
    raise InvalidInput(
        f"this session is the role {connected!r}: a name is bound to the role {role!r} from "
        "that role itself or by the desk's owner" + (f" (role {owner})" if owner else ""),
        reason=BINDING_NOT_PERMITTED,
    )


def _role_name(role: str) -> str:
    """A --role as given, trimmed: one line, not empty."""
    bound = check_text(role, "--role", 200, one_line=True).strip()
    if not bound:
        raise InvalidInput("--role needs the name of a database login role")
    return bound


def _check_login_role(conn: Connection, role: str) -> None:
    """A typo would lock the name out: no session could ever be that role."""
    if not login_role_exists(conn, role):
        raise InvalidInput(f"--role {role!r}: the server has no login role of that name")


# The `reason` of refusing to bind a name to a login role neither the session's own nor bound
# by the desk's owner (docs/identity.md).
BINDING_NOT_PERMITTED = "binding_not_permitted"


def owner_check(session: Session, what: str = "--to") -> Callable[[str], bool]:
    """What refuses an owner who is not one of the desk's registered people (nothing, until one
    is registered), reading the people once for many names (a claims table's rows); it answers
    whether the name was checked (False: nobody is registered, any name is taken). Once a desk
    registers its people, a claim's owner is one of them, as whoever acts is: `--to wnag` would
    hand the claim to nobody (it leaves wang's queue and reaches no one's)."""
    people = registered_people(session)

    def check(name: str) -> bool:
        if not people:
            return False
        if name not in people:
            raise people.refusal(name, what)
        return True

    return check


def check_owner(session: Session, name: str) -> bool:
    """`owner_check` for one name (`claim assign`)."""
    return owner_check(session)(name)
