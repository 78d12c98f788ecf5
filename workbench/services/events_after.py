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
from workbench.db.reader import Reader
from workbench.db.sql import count_star, eq, param, select
from workbench.db.tables import Column, Kind
from workbench.domain.scope import ExportScope
from workbench.services.chain_head import head_in
from workbench.services.context import Workbench, reading
from workbench.services.event_filter import EXPORT_FIELDS, EventFilter, filters_of, pinned
from workbench.services.progress import Progress, counted

_HASHES = {"prev_hash": tables.event_prev_hash, "hash": tables.event_hash}
COLUMNS = tuple(_HASHES.get(name) or getattr(tables.events.c, name) for name in EXPORT_FIELDS)


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
    with reading(wb) as conn:
        flt = pin(conn, flt)
        scope = scope_of(conn, flt)
        # A document's events carry its whole text: read holding few at a time, as the ORM's
        # path does (workbench.db.paging: a row at a time on SQLite, pages bounded by bytes
        # on PostgreSQL).
        rows: Iterator[Sequence[Any]] = driver_rows(
            conn,
            select(*COLUMNS, source=tables.events),
            e.seq,
            e.payload,
            after=flt.after_seq,
            through=scope.trail_seq,
        )
        return write_lines(out, scope, counted(rows, progress, scope.count if progress else None))


def pin(conn: Reader, flt: EventFilter) -> EventFilter:
    """`flt` pinned to the head it exports after (event_filter.pinned), read in `conn`'s
    transaction: services.audit's pin_after on the driver."""
    e = tables.events.c
    return pinned(
        flt,
        seq_of=lambda head: conn.scalar(
            select(e.seq, source=tables.events).where(eq(tables.event_hash, head))
        ),
        last_seq=lambda: last_seq(conn),
        hash_at=lambda seq: _hash_at(conn, seq),
    )


def last_seq(conn: Reader) -> int | None:
    """The newest event's seq (None: an empty trail)."""
    seq: int | None = conn.scalar(
        select(_of("max", tables.events.c.seq, "last"), source=tables.events)
    )
    return seq


def _of(aggregate: str, column: Column, name: str) -> Column:
    """`aggregate` (max, min) of an integer column, as `name` in a result row."""
    return Column(f"{aggregate}({column})", name, Kind.INTEGER)


def _hash_at(conn: Reader, seq: int) -> Any:
    e = tables.events.c
    return conn.scalar(select(tables.event_hash, source=tables.events).where(eq(e.seq, seq)))


def scope_of(conn: Reader, flt: EventFilter) -> ExportScope:
    """services.audit's export_scope on the driver, for a filter by claim, document, clock or
    head (event_criteria's criteria and the head's bound: not actors or actions)."""
    from workbench.services.event_criteria import criteria

    if flt.actors or flt.actions:
        raise ValueError("a scope by actor or action is services.audit's")
    e = tables.events.c
    # (the trail's head and bare count: `audit head`'s reads)
    head_now = head_in(conn)
    trail_seq, trail_head, trail_count = head_now.seq, head_now.hash, head_now.count

    def read_window() -> tuple[int, int | None, int | None]:
        window = (
            select(
                count_star(),
                _of("min", e.seq, "first"),
                _of("max", e.seq, "last"),
                source=tables.events,
            )
            .where(*criteria(flt))
            .where(f"{e.seq} <= " + param(trail_seq))
        )
        if flt.after_seq is not None:
            window = window.where(f"{e.seq} > " + param(flt.after_seq))
        count, first_seq, last_seq = conn.first(window) or (0, None, None)  # (one row, always)
        return int(count), first_seq, last_seq

    return ExportScope.of_trail(
        trail_seq,
        trail_head,
        trail_count,
        filters_of(flt),
        read_window,
        lambda seq: _hash_at(conn, seq),
    )
