"""`audit export --after HEAD` (`--after-seq N`) in JSONL, the daily read of what changed since
the last sign-off, on the database driver itself (workbench.db.reader): no SQLAlchemy.

Read through the ORM (services.audit, exports/events.py), the command imported SQLAlchemy and
built the models first: 0.40-0.55 s of CPU and 54 MB on the demo desk, where `audit head`
reads on the driver in 0.11-0.13 s and 26 MB. The same reads in one snapshot (the reader's
transaction: PostgreSQL's REPEATABLE READ, a SQLite transaction), the same refusals (pinned),
the same scope and lines (audit_jsonl.write_lines): the export is byte for byte the ORM's. Any
other filter or format goes the ORM's way (exports/events.py).
"""

# Statements are built from this package's own table and column names; values are bound.
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, Any

from workbench.db import tables
from workbench.db.paging import driver_rows
from workbench.db.sql import Select, count_star, eq, param, select
from workbench.db.tables import Column, Kind
from workbench.domain.chain import GENESIS
from workbench.domain.scope import ExportScope
from workbench.services.context import Workbench, reading
from workbench.services.event_filter import EXPORT_FIELDS, EventFilter, filters_of, pinned
from workbench.services.progress import Progress, counted

# Not in tables.events: the other read paths that list events show no hashes.
_HASHES = {
    "prev_hash": Column(f"{tables.events}.prev_hash", "prev_hash"),
    "hash": Column(f"{tables.events}.hash", "hash"),
}
_COLUMNS = tuple(_HASHES.get(name) or getattr(tables.events.c, name) for name in EXPORT_FIELDS)


def takes(fmt: str, flt: EventFilter) -> bool:
    """Whether this path writes the export: JSONL, filtered by nothing but the head it follows
    (or by nothing)."""
    return fmt == "jsonl" and filters_of(flt).keys() <= {"after_seq", "after_head"}


def export_after(
    wb: Workbench, out: IO[str], flt: EventFilter, progress: Progress | None = None
) -> int:
    """The events after the head `flt` names (all, with none), oldest first, as JSONL; how
    many. A head the trail does not hold is refused before anything is written."""
    from workbench.exports.audit_jsonl import write_lines

    e = tables.events.c
    seq_of = tables.events.c.seq
    with reading(wb) as conn:

        def one(query: Select) -> Any:
            return conn.scalar(query)

        flt = pinned(
            flt,
            seq_of=lambda head: one(
                select(e.seq, source=tables.events).where(eq(_HASHES["hash"], head))
            ),
            last_seq=lambda: one(select(_max(seq_of), source=tables.events)),
            hash_at=lambda seq: one(
                select(_HASHES["hash"], source=tables.events).where(eq(e.seq, seq))
            ),
        )
        scope = _scope(conn, flt)
        # A document's events carry its whole text: read holding few at a time, as the ORM's
        # path does (workbench.db.paging: a row at a time on SQLite, pages bounded by bytes
        # on PostgreSQL).
        rows: Iterator[Sequence[Any]] = driver_rows(
            conn,
            select(*_COLUMNS, source=tables.events),
            e.seq,
            e.payload,
            after=flt.after_seq,
            through=scope.trail_seq,
        )
        return write_lines(out, scope, counted(rows, progress, scope.count if progress else None))


def _max(column: Column) -> Column:
    return Column(f"max({column})", "n", Kind.INTEGER)


def _min(column: Column) -> Column:
    return Column(f"min({column})", "first", Kind.INTEGER)


def _scope(conn: Any, flt: EventFilter) -> ExportScope:
    """services.audit's export_scope, for a filter of the head alone, on the driver."""
    e = tables.events.c
    last = conn.first(
        select(e.seq, _HASHES["hash"], source=tables.events).order_by(f"{e.seq} DESC")
    )
    trail_seq, trail_head = (last.seq, last.hash) if last else (0, GENESIS)
    # A bare count, which SQLite answers from its smallest index (export_scope says why).
    trail_count = int(conn.scalar(select(count_star(), source=tables.events)))
    filters = filters_of(flt)
    if not filters:
        first = 1 if trail_seq else None
        return ExportScope(
            trail_count, first, trail_seq or None, trail_head, trail_count, trail_head,
            trail_seq=trail_seq,
        )  # fmt: skip
    window = (
        select(count_star(), _min(e.seq), _max(e.seq), source=tables.events)
        .where(f"{e.seq} > " + param(flt.after_seq))
        .where(f"{e.seq} <= " + param(trail_seq))
    )
    count, first_seq, last_seq = conn.raw(window.sql(conn.module.NO_LIMIT))[0]
    head = GENESIS
    if last_seq is not None:
        head = conn.scalar(select(_HASHES["hash"], source=tables.events).where(eq(e.seq, last_seq)))
    return ExportScope(
        int(count), first_seq, last_seq, head, trail_count, trail_head,
        filters=filters, trail_seq=trail_seq,
    )  # fmt: skip
