"""The workbench a command runs against (database + actor), and its unit of work."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from workbench.db.engine import get_engine, write_engine
from workbench.db.models import Event
from workbench.db.schema import ensure_current
from workbench.db.url import describe, resolve_url
from workbench.domain.clock import format_at, now
from workbench.domain.errors import Conflict, WorkbenchError


def default_actor() -> str:
    """`--as` wins, then WORKBENCH_USER, then the OS account: every change has a name on it."""
    name = os.environ.get("WORKBENCH_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return "unknown"


def canonical_json(value: Any) -> str:
    """Sorted keys, no insignificant whitespace, UTF-8 characters kept: one text per value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass
class Workbench:
    """Where and as whom commands run. Cheap to build; connects on first use."""

    url: str
    actor: str
    _ready: bool = field(default=False, repr=False)

    @classmethod
    def open(cls, db: str | None = None, actor: str | None = None) -> Workbench:
        name = (actor or "").strip() or default_actor()
        return cls(url=resolve_url(db), actor=name)

    def engine(self, *, write: bool = False) -> Engine:
        if not self._ready:
            try:
                ensure_current(get_engine(self.url))
            except OperationalError as exc:
                raise WorkbenchError(
                    f"cannot open database {describe(self.url)}: {exc.orig}"
                ) from None
            self._ready = True
        return write_engine(self.url) if write else get_engine(self.url)


class Tx:
    """One transaction. Mutations call `record`; commit refuses a change that has no event."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session = session
        self.actor = actor
        self.events: list[Event] = []
        self.changed = False

    def record(
        self,
        action: str,
        entity_type: str,
        entity_id: int | str,
        payload: dict[str, Any],
        *,
        claim_id: int | None = None,
    ) -> Event:
        ev = Event(
            at=format_at(now()),
            actor=self.actor,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            claim_id=claim_id,
            payload=canonical_json(payload),
        )
        self.session.add(ev)
        self.events.append(ev)
        return ev


@contextmanager
def transaction(wb: Workbench, *, write: bool = False) -> Iterator[Tx]:
    """The transaction boundary of every service function: all of it commits, or none of it."""
    session = Session(bind=wb.engine(write=write), expire_on_commit=False, autoflush=True)
    tx = Tx(session, wb.actor)

    @event.listens_for(session, "before_flush")
    def _track(sess: Session, _ctx: Any, _instances: Any) -> None:
        for obj in (*sess.new, *sess.dirty, *sess.deleted):
            if not isinstance(obj, Event) and sess.is_modified(obj):
                tx.changed = True

    try:
        with session.begin():
            yield tx
            session.flush()
            if tx.changed and not tx.events:
                raise RuntimeError("a change without an audit event would be committed")
            if not write and (tx.changed or tx.events):
                raise RuntimeError("a read-only transaction tried to write")
    except OperationalError as exc:
        if "locked" in str(exc.orig).lower():
            raise Conflict(
                "the database stayed locked by another writer; try the command again"
            ) from None
        raise WorkbenchError(f"database error: {exc.orig}") from None
    except DBAPIError as exc:
        raise WorkbenchError(f"database error: {exc.orig}") from None
    finally:
        session.close()


MUTATIONS: dict[str, Callable[..., Any]] = {}


F = TypeVar("F", bound=Callable[..., Any])


def mutation(fn: F) -> F:
    """Mark a service function that changes data, so the guard test can prove it is audited."""
    MUTATIONS[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return fn
