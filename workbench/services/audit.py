"""Reading the audit trail out: which events (EventFilter), streamed oldest first, in the
stored (canonical) form. The formats they are written in live in workbench/exports/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, Self, TypeVar

from sqlalchemy import and_, or_, select

from workbench.db.models import Claim, Event
from workbench.domain.clock import format_at, parse_since
from workbench.services.context import Workbench, transaction

EXPORT_FIELDS = (
    "seq",
    "at",
    "actor",
    "action",
    "entity_type",
    "entity_id",
    "claim_id",
    "payload",
    "prev_hash",
    "hash",
)
BATCH = 5000


class _Filterable(Protocol):
    def where(self, *clauses: Any) -> Self: ...


Q = TypeVar("Q", bound=_Filterable)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to export; every given criterion must hold (an empty filter takes all).

    `actions` are exact names (`claim.status_changed`) or prefixes ending in `*` (`claim.*`).
    `since` and `until` take a date (the whole day) or a date-time, in UTC unless said.
    """

    claim_id: int | None = None
    document_id: int | None = None
    actors: Sequence[str] = ()
    actions: Sequence[str] = ()
    since: str | None = None
    until: str | None = None

    def apply(self, query: Q) -> Q:
        if self.claim_id is not None:
            query = query.where(Event.claim_id == self.claim_id)
        if self.document_id is not None:
            # A document's events: its own, and those of its claims (and so their notes).
            claims_of_doc = select(Claim.id).where(Claim.document_id == self.document_id)
            query = query.where(
                or_(
                    and_(
                        Event.entity_type == "document",
                        Event.entity_id == str(self.document_id),
                    ),
                    Event.claim_id.in_(claims_of_doc),
                )
            )
        if self.actors:
            query = query.where(Event.actor.in_(list(self.actors)))
        if self.actions:
            query = query.where(or_(*(_action_match(a) for a in self.actions)))
        if self.since:
            query = query.where(Event.at >= format_at(parse_since(self.since)))
        if self.until:
            query = query.where(Event.at <= until_bound(self.until))
        return query


def _action_match(pattern: str) -> Any:
    if pattern.endswith("*"):
        return Event.action.startswith(pattern[:-1], autoescape=True)
    return Event.action == pattern


def until_bound(value: str) -> str:
    """The last `at` that `--until VALUE` takes in: a bare date means to the end of that day."""
    moment = parse_since(value)
    if len(value.strip()) == 10:
        moment += dt.timedelta(days=1) - dt.timedelta(microseconds=1)
    return format_at(moment)


def event_rows(wb: Workbench, flt: EventFilter) -> Iterator[tuple[Any, ...]]:
    """The filtered events as tuples in EXPORT_FIELDS order, streamed in batches."""
    columns = [getattr(Event, name) for name in EXPORT_FIELDS]
    query = flt.apply(select(*columns)).order_by(Event.seq)
    with transaction(wb) as tx:
        # Core rows straight from the connection: the ORM's row handling would double the cost.
        yield from tx.session.connection().execute(query.execution_options(yield_per=BATCH))
