"""Reading the audit trail out: which events (EventFilter), streamed oldest first, in the
stored (canonical) form. The formats they are written in live in workbench/exports/; an export
reads everything here in its one transaction (workbench/exports/events.py opens it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar

from sqlalchemy import Connection, Row, TextClause, func, or_, select, text

from workbench.db.models import Event, User
from workbench.db.paging import keyset_rows
from workbench.db.sql import Sql, join
from workbench.domain.chain import GENESIS
from workbench.domain.clock import parse_since, until_bound
from workbench.domain.errors import InvalidInput
from workbench.domain.inputs import check_at_least, check_hash
from workbench.domain.people import closest_people
from workbench.domain.scope import ExportScope
from workbench.domain.shown import shown_items
from workbench.services import event_criteria
from workbench.services.context import Tx
from workbench.services.event_criteria import criteria
from workbench.services.event_filter import (
    EXPORT_FIELDS,
    EventFilter,
    _actor_names,
    filters_of,
    pinned,
)
from workbench.services.progress import Progress, counted

if TYPE_CHECKING:
    from workbench.db.paging import AnySelect

BATCH = 5000


class _Filterable(Protocol):
    def where(self, *clauses: Any) -> Self: ...


Q = TypeVar("Q", bound=_Filterable)


def apply_filter(flt: EventFilter, query: Q) -> Q:
    """`query` (SQLAlchemy's, of the events) narrowed to what `flt` selects: its claim,
    document and clock criteria as event_criteria states them for both paths, its actors,
    actions and head as SQLAlchemy's clauses. Here, not a method of EventFilter: event_filter
    imports no SQLAlchemy, and a method calling back into this module made the two an import
    cycle."""
    shared = criteria(flt)
    if shared:
        # The claim, document and clock criteria are the driver path's own statements
        # (event_criteria, one home for both), run here as one clause of SQL text.
        query = query.where(_clause(join(" AND ", shared)))
    if flt.actors:
        # --actor Maria finds maria's events, as --as Maria acts as maria.
        query = query.where(recorded_as(flt.actors))
    if flt.actions:
        query = query.where(or_(*(_action_match(a) for a in flt.actions)))
    if flt.after_head is not None and flt.after_seq is None:
        # Its seq is the trail's to say: selecting by the hash alone would take all events.
        raise ValueError("an --after head is pinned to its seq first (pin_after)")
    if flt.after_seq is not None:
        query = query.where(Event.seq > flt.after_seq)
    return query


def check_subjects(tx: Tx, flt: EventFilter) -> None:
    """Refuse, in the export's transaction and before anything is written, a claim or document
    the filter names that does not exist (its export would be empty by mistake):
    event_criteria's check, which the driver's CSV runs too, on this transaction's connection."""
    with tx.reading() as reader:
        event_criteria.check_subjects(reader, flt)


def _clause(sql: Sql) -> TextClause:
    """`sql` (workbench.db.sql's text, `?` for each value) as SQLAlchemy's clause, its values
    bound by name. The text is this package's own (table and column names, keywords: no `?`
    or `:` of its own), so every `?` is a parameter (zip's strict: a count that disagrees is
    a bug, not a query). In parentheses: SQLAlchemy does not group a text clause among
    others."""
    first, *rest = sql.text.split("?")
    names = [f"criterion_{i}" for i in range(len(sql.params))]
    spelt = first + "".join(f":{name}{after}" for name, after in zip(names, rest, strict=True))
    return text("(" + spelt + ")").bindparams(**dict(zip(names, sql.params, strict=True)))


def pin_after(tx: Tx, flt: EventFilter) -> EventFilter:
    """`flt` pinned to the head it exports after (event_filter.pinned), read in `tx`."""
    session = tx.session
    return pinned(
        flt,
        seq_of=lambda head: session.scalar(select(Event.seq).where(Event.hash == head)),
        last_seq=lambda: session.scalar(select(func.max(Event.seq))),
        hash_at=lambda seq: session.scalar(select(Event.hash).where(Event.seq == seq)),
    )


def trail_end(tx: Tx) -> tuple[int, str]:
    """The seq and hash of the trail's newest event, as this transaction reads it ((0, GENESIS)
    for an empty trail): the head an export pinned after one (`pin_after`) names for the next
    time, read in the export's own snapshot so that nothing it left out comes before it."""
    last = tx.session.execute(
        select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1)
    ).first()
    return (0, GENESIS) if last is None else (last[0], last[1])


def recorded_as(actors: Sequence[str]) -> Any:
    """The events by any of `actors`: a name as typed (recorded before names were normalised),
    in its normal form (workbench.domain.identity, as --as reads it: `J̌ane` acts as `ǰane`, one
    letter) and by its speaker key (middle dots and invisible characters aside); and a name of
    Chinese characters alone also as an earlier version recorded it, with spaces between them
    (`王 芳`, who acts as 王芳 today: identity.join_han)."""
    names, spaced = _actor_names(actors)
    if not spaced:
        return Event.actor.in_(names)
    return or_(Event.actor.in_(names), func.replace(Event.actor, " ", "").in_(spaced))


def _action_match(pattern: str) -> Any:
    if pattern.endswith("*"):
        return Event.action.startswith(pattern[:-1], autoescape=True)
    return Event.action == pattern


def event_rows(
    tx: Tx,
    flt: EventFilter,
    scoped: list[ExportScope] | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The filtered events as tuples in EXPORT_FIELDS order, streamed (`stream_events`).

    With `scoped`, the export's scope is computed now (not when the first row is asked for)
    and appended to it, and the rows stop at the head it saw: a writer committing meanwhile
    cannot make the two disagree. `progress` hears how many rows went out (of the scope's
    count, when it is known).
    """
    columns = [getattr(Event, name) for name in EXPORT_FIELDS]
    query = apply_filter(flt, select(*columns))
    conn = tx.session.connection()
    total = None
    through = None
    if scoped is not None:
        scope = export_scope(tx, flt)
        scoped.append(scope)
        through = scope.trail_seq
        total = scope.count
    elif progress is not None and flt == EventFilter():
        total = conn.execute(select(func.max(Event.seq))).scalar()  # the whole trail
    return counted(stream_events(conn, query, through=through), progress, total)


def stream_events(
    conn: Connection, query: AnySelect, *, through: int | None = None
) -> Iterator[Row[Any]]:
    """The events `query` selects (any of their columns, any filter; no order, limit or bound
    on seq), oldest first, up to seq `through` (by default the newest there is now).

    A document's events carry its whole text, and a batch of 5,000 rows held the texts of every
    document on the desk at once: the rows are read holding few at a time whatever their
    payloads' size (workbench.db.paging's `keyset_rows`). Core rows straight from the
    connection: the ORM's row handling would double the cost. Bounded by `through`, pages that
    are statements of their own read the same trail even where each statement has its own
    snapshot (PostgreSQL at READ COMMITTED): every event up to the newest seen is committed.
    """
    if through is None:
        through = conn.execute(select(func.max(Event.seq))).scalar() or 0
    return keyset_rows(conn, query, Event.seq, Event.payload, through=through)


# The filters a scope line may name (`filters_of`'s keys).
SCOPE_FILTERS = ("claim", "doc", "actors", "actions", "since", "until", "after_seq", "after_head")


def filter_of(filters: Mapping[str, Any]) -> EventFilter | str:
    """The filter a scope line states (`filters_of` read back), or what is wrong with it: the
    line is the file's, so anything may be there."""
    try:
        flt = EventFilter(
            claim_id=_optional(filters, "claim", int),
            document_id=_optional(filters, "doc", int),
            actors=_strings(filters, "actors"),
            actions=_strings(filters, "actions"),
            since=_optional(filters, "since", str),
            until=_optional(filters, "until", str),
            after_seq=_optional(filters, "after_seq", int),
            after_head=_optional(filters, "after_head", str),
        )
        # Read now, so that a bad date is the line's fault, not an event's.
        if flt.since is not None:
            parse_since(flt.since)
        if flt.until is not None:
            until_bound(flt.until)
        # An export names the head it continues by both: its seq and its hash, as written.
        if (flt.after_seq is None) != (flt.after_head is None):
            raise TypeError("after")
        if flt.after_seq is not None and flt.after_head is not None:
            check_at_least(flt.after_seq, 0, "seq")
            if check_hash(flt.after_head, "after") != flt.after_head:
                raise TypeError("after_head")
    except (TypeError, InvalidInput):
        return "the scope line's filters are malformed"
    unknown = sorted(set(filters) - set(SCOPE_FILTERS))
    if unknown:
        return f"the scope line names filters no export writes: {shown_items(unknown)}"
    # `filters_of` leaves out a filter not given; one named with no value selects all, yet
    # turns an export after a head into a filtered one, checked only where seqs are next.
    blank = sorted(k for k, v in filters.items() if v is None or v == [])
    if blank:
        names = shown_items(blank)
        return f"the scope line names filters with no value, which no export writes: {names}"
    return flt


def _optional(filters: Mapping[str, Any], key: str, kind: type) -> Any:
    value = filters.get(key)
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise TypeError(key)
    return value


def _strings(filters: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = filters.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(key)
    return tuple(value)


def export_scope(tx: Tx, flt: EventFilter) -> ExportScope:
    """What an export of `flt` holds, read in the export's own transaction, which reads as of
    one moment (`Tx.one_snapshot`, as `export_events` begins it).

    Events are only ever appended, in seq order under the append lock, so everything up to the
    head seen here is committed and fixed: the export streams exactly these rows.
    """
    session = tx.session
    trail_seq, trail_head = trail_end(tx)
    # Every event there is, read in the export's snapshot (`export_events` reads as of one
    # moment: Tx.one_snapshot), which holds none after `trail_seq`. Not `WHERE seq <=
    # trail_seq`: SQLite answers that by walking the events table's own rows from seq 1 (on a
    # year's desk, most of a 1.1 GB file read for an export of its last 1,000 events: perf111),
    # and a bare count from its smallest index.
    trail_count = session.execute(select(func.count()).select_from(Event)).scalar_one()

    def window() -> tuple[int, int | None, int | None]:
        bounded = apply_filter(
            flt, select(func.count(), func.min(Event.seq), func.max(Event.seq))
        ).where(Event.seq <= trail_seq)
        count, first_seq, last_seq = session.execute(bounded).one()
        return count, first_seq, last_seq

    return ExportScope.of_trail(
        trail_seq,
        trail_head,
        trail_count,
        filters_of(flt),
        window,
        lambda seq: session.execute(select(Event.hash).where(Event.seq == seq)).scalar_one(),
    )


@dataclass(frozen=True, slots=True)
class SilentActor:
    """An actor a filter names whom no event records: the recorded actors it may have meant,
    and a few of all the recorded ones, those with the most events first (with how many
    there are)."""

    name: str
    closest: list[str]
    recorded: list[str]
    recorded_total: int


def silent_actors(tx: Tx, actors: Sequence[str], shown: int = 5) -> list[SilentActor]:
    """The actors in `actors` that no event records (an export filtered on one is empty for a
    reason worth saying: a name mistyped, or a display name given for the recorded one); read
    in the export's transaction."""
    if not actors:
        return []
    session = tx.session
    missing = [
        name
        for name in dict.fromkeys(actors)
        if session.execute(select(Event.seq).where(recorded_as([name])).limit(1)).first() is None
    ]
    if not missing:
        return []
    # The busiest first, not by name: names in code point order put every Latin one before
    # the first Chinese one, so a desk of Chinese names was shown only its machines and
    # guests (trial57). One grouped scan of the trail, on this error path only.
    # Ties by name are sorted here, in code point order as SQLite compares: PostgreSQL's
    # ORDER BY would put them in the database's collation order (ärger, élodie, zed in an
    # English locale), and the same desk's advice read otherwise on each backend.
    counted = session.execute(select(Event.actor, func.count()).group_by(Event.actor)).all()
    recorded = [name for name, _ in sorted(counted, key=lambda row: (-row[1], row[0]))]
    displays = dict(session.execute(select(User.name, User.display)).all())
    people = {name: displays.get(name) for name in recorded}
    return [
        SilentActor(name, closest_people(name, people), recorded[:shown], len(recorded))
        for name in missing
    ]
