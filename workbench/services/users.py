"""The desk's registered people. Once one is registered, every change must name one of them."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import User
from workbench.domain.clock import format_at, now
from workbench.domain.errors import Conflict, InvalidInput
from workbench.domain.identity import normalise_name, skeleton
from workbench.domain.json_fields import JsonFields
from workbench.domain.limits import check_text
from workbench.domain.payloads import created, entity_payload
from workbench.services.context import Workbench, mutation, transaction

MAX_DISPLAY = 200
MAX_EMAIL = 320


@dataclass(frozen=True, slots=True)
class UserView(JsonFields):
    name: str
    display: str | None
    email: str | None
    added_by: str
    created_at: str

    @classmethod
    def of(cls, row: User) -> UserView:
        return cls(row.name, row.display, row.email, row.added_by, format_at(row.created_at))


def _email(value: str | None) -> str | None:
    if value is None:
        return None
    text = check_text(value, "the email address", MAX_EMAIL, one_line=True).strip()
    local, at, domain = text.partition("@")
    if not (local and at and domain) or " " in text:
        raise InvalidInput(f"--email {text!r} is not an address like name@example.org")
    return text


@mutation
def add_user(
    wb: Workbench, name: str, *, display: str | None = None, email: str | None = None
) -> UserView:
    """Register a person. The first one anyone may add; after that, only a registered user."""
    normal = normalise_name(name, "NAME")
    key = skeleton(normal)
    shown = (
        None
        if display is None
        else check_text(display, "the display name", MAX_DISPLAY, one_line=True)
    )
    address = _email(email)
    with transaction(wb, write=True) as tx:
        if tx.session.get(User, normal) is not None:
            raise Conflict(f"{normal!r} is already registered")
        twin = _twin(key, dict(tx.session.execute(select(User.name, User.skeleton)).all()))
        if twin is not None:
            raise InvalidInput(
                f"{normal!r} looks like the registered user {twin!r}; choose a name that "
                "cannot be mistaken for theirs"
            )
        row = User(
            name=normal,
            skeleton=key,
            display=shown,
            email=address,
            added_by=tx.actor,
            created_at=now(),
        )
        tx.session.add(row)
        tx.session.flush()
        view = UserView.of(row)
        tx.record("user.added", "user", normal, created(entity_payload("user", row)))
        return view


def list_users(wb: Workbench) -> list[UserView]:
    with transaction(wb) as tx:
        return [UserView.of(u) for u in tx.session.scalars(select(User).order_by(User.name))]


def _twin(key: str, registered: Mapping[str, str]) -> str | None:
    """The registered name (name -> the skeleton stored with it) that looks like a name whose
    skeleton is `key`. Each is judged by today's skeleton too, not only by the key stored when
    it was added: the look-alike rule grows (palochka, dotted i), and a desk has few people."""
    return next((n for n, kept in registered.items() if key in (kept, skeleton(n))), None)


def owner_check(session: Session, what: str = "--to") -> Callable[[str], None]:
    """What refuses an owner who is not one of the desk's registered people (nothing, until one
    is registered), reading the people once for many names (a claims table's rows). Once a desk
    registers its people, a claim's owner is one of them, as whoever acts is: `--to wnag` would
    hand the claim to nobody (it leaves wang's queue and reaches no one's)."""
    displays = dict(session.execute(select(User.name, User.display)).all())
    stored = dict(session.execute(select(User.name, User.skeleton)).all())

    def check(name: str) -> None:
        if not displays or name in displays:
            return
        twin = _twin(skeleton(name), stored)
        if twin is not None:
            raise InvalidInput(
                f"{what} {name!r} looks like the registered user {twin!r} but is not them; "
                f"give {what} {twin}"
            )
        close = closest_people(name, displays)
        near = f"; did you mean {' or '.join(close)}?" if close else ""
        raise InvalidInput(
            f"{what} {name!r} is not a registered user of this desk{near} "
            "(see `workbench user list`)"
        )

    return check


def check_owner(session: Session, name: str) -> None:
    """`owner_check` for one name (`claim assign`)."""
    owner_check(session)(name)


def _loose(text: str) -> str:
    """A name as typed loosely: case, width, spaces and punctuation aside (wangfang ~ Wang Fang)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def closest_people(name: str, displays: Mapping[str, str | None]) -> list[str]:
    """Up to three of the names in `displays` (name -> display name) that `name` may have meant,
    each shown with its display name: those whose display name it is, typed loosely (wangfang
    for 王芳, "Wang Fang"), then those spelled like it, by name or by display name."""
    wanted = _loose(name)
    by_display = {_loose(d): n for n, d in displays.items() if d and _loose(d)}
    found = [n for key, n in by_display.items() if key == wanted]
    found += difflib.get_close_matches(name, list(displays), n=3, cutoff=0.5)
    found += [by_display[k] for k in difflib.get_close_matches(wanted, list(by_display), n=3)]
    unique = list(dict.fromkeys(found))[:3]
    return [f"{n} ({displays[n]})" if displays.get(n) else n for n in unique]
