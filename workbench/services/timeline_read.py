"""`audit export --format md` (the timeline) of one claim's or one document's events, and any
window by clock or by head, on the database driver itself (workbench.db.reader): no
SQLAlchemy. Its headings' reads are both paths' (services.timeline_heads).

Through the ORM a claim's timeline imported SQLAlchemy and built the models, its headings read
the claims as ORM objects and the documents' revision texts through services.revisions: on
the year desk 1.05 s and 58 MB, 184x the `sqlite3` shell (session 65 (perf)). Here the same
statements as the ORM's (event_criteria's criteria, the head's bound, the same order), the
same refusals (event_criteria.check_subjects, then the head: events_after.pin) and the same
writer (exports/timeline_md.write_timeline): the file is byte for byte the ORM's. A filter by
actor or action is still the ORM's (services.audit's look-alike names), whose headings read
through timeline_heads too, on the transaction's own connection.
"""

# Statements are built from this package's own table and column names; values are bound.
from __future__ import annotations

from collections.abc import Generator, Iterator
from itertools import chain
from typing import IO, Any

from workbench.db import tables
from workbench.db.paging import driver_rows
from workbench.db.reader import Reader
from workbench.db.sql import Select, param, select
from workbench.domain.scope import ExportScope
from workbench.services import event_criteria
from workbench.services.context import Workbench, reading
from workbench.services.event_filter import EventFilter, filters_of
from workbench.services.progress import Progress
from workbench.services.timeline_heads import Heads

# What this path selects by; the others (actors, actions) are the ORM's.
_TAKEN = frozenset({"claim", "doc", "since", "until", "after_seq", "after_head"})
# A claim's events come a page of this many at a time (their payloads are a claim's fields
# and notes, not documents' texts); services.audit's BATCH, as the ORM's yield_per.
BATCH = 5000


def takes(fmt: str, flt: EventFilter) -> bool:
    """Whether this path writes the export: Markdown, filtered by claim, document, clock or
    head alone (or by nothing)."""
    return fmt == "md" and filters_of(flt).keys() <= _TAKEN


# The event's columns the timeline reads (timeline_md.FIELDS), on the driver.
_e = tables.events.c
COLUMNS = (
    _e.seq,
    _e.at,
    _e.actor,
    _e.action,
    _e.entity_type,
    _e.entity_id,
    _e.claim_id,
    _e.payload,
)


def export_md(
    wb: Workbench, out: IO[str], flt: EventFilter, progress: Progress | None = None
) -> int:
    """The timeline of the events `flt` selects; how many. A claim or document that does not
    exist, or a head the trail does not hold, is refused before anything is written."""
    from workbench.exports.timeline_md import FIELDS
    from workbench.services.events_after import pin, scope_of

    assert tuple(c.name for c in COLUMNS) == FIELDS  # (one order: the writer's)
    with reading(wb) as conn:
        event_criteria.check_subjects(conn, flt)
        flt = pin(conn, flt)
        scope = scope_of(conn, flt)
        query = select(*COLUMNS, source=tables.events).where(*event_criteria.criteria(flt))
        # (A heading refused midway, a claim on a revision its document lacks, leaves these
        # pages open: the reader closes them before its connection, Reader.end_streams.)
        pages = _claims_pages(conn, query, flt.after_seq, scope.trail_seq)
        return _write(out, flt, scope, conn, query, pages, progress)


def _write(
    out: IO[str],
    flt: EventFilter,
    scope: ExportScope,
    conn: Reader,
    query: Select,
    pages: Iterator[list[Any]],
    progress: Progress | None,
) -> int:
    from workbench.exports.timeline_md import write_timeline

    return write_timeline(
        out,
        flt,
        scope,
        Heads(conn),
        chain.from_iterable(pages),
        lambda: driver_rows(
            conn,
            query.where(f"{_e.claim_id} IS NULL"),
            _e.seq,
            _e.payload,
            after=flt.after_seq,
            through=scope.trail_seq,
        ),
        progress,
    )


def _claims_pages(
    conn: Reader, query: Select, after: int | None, through: int
) -> Generator[list[Any], None, None]:
    """The claims' events of `query`, by claim id and then seq, after seq `after` (when given)
    up to `through`, a page at a time: as the ORM's path reads them (timeline_md._events)."""
    if after is not None:
        query = query.where(f"{_e.seq} > " + param(after))
    query = query.where(f"{_e.claim_id} IS NOT NULL", f"{_e.seq} <= " + param(through))
    return conn.pages(query.order_by(_e.claim_id, _e.seq), BATCH)
