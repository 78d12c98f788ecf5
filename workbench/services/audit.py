"""Reading the audit trail out: streamed, oldest first, in the stored (canonical) form."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import IO, Any, Protocol, Self, TypeVar

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
FORMATS = ("jsonl", "csv", "md")
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


def export_jsonl(wb: Workbench, out: IO[str], flt: EventFilter | None = None) -> int:
    """One JSON object per line; the payload is embedded as stored, never re-serialised.

    Each line carries prev_hash and hash, so `workbench audit verify --file` can check it.
    """
    # The line is written out by hand: a JSON encoder call per event costs more than the
    # database read. `q` is the string escaping json.dumps (ensure_ascii=False) itself uses.
    q = encode_basestring
    write = out.write
    count = 0
    for seq, at, actor, action, etype, eid, claim_id, payload, prev, digest in event_rows(
        wb, flt or EventFilter()
    ):
        cid = "null" if claim_id is None else f"{claim_id:d}"
        write(
            f'{{"seq":{seq:d},"at":{q(at)},"actor":{q(actor)},"action":{q(action)},'
            f'"entity_type":{q(etype)},"entity_id":{q(eid)},"claim_id":{cid},'
            f'"prev_hash":{q(prev)},"hash":{q(digest)},"payload":{payload}}}\n'
        )
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: a leading quote defuses formula injection."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_csv(wb: Workbench, out: IO[str], flt: EventFilter | None = None) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    count = 0
    for row in event_rows(wb, flt or EventFilter()):
        writer.writerow([csv_cell(v) for v in row])
        count += 1
    return count


def export(wb: Workbench, fmt: str, out: IO[str], flt: EventFilter | None = None) -> int:
    """Write the export in `fmt` (one of FORMATS); returns how many events it holds."""
    if fmt == "md":
        from workbench.services.timeline import export_markdown

        return export_markdown(wb, out, flt or EventFilter())
    return (export_jsonl if fmt == "jsonl" else export_csv)(wb, out, flt)


def export_text(wb: Workbench, fmt: str, flt: EventFilter | None = None) -> str:
    """The whole export as a string: for tests and small trails."""
    buf = io.StringIO()
    export(wb, fmt, buf, flt)
    return buf.getvalue()
