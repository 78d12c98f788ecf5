"""`audit export --format csv` of one claim's or one document's events (and any window by
clock or by head), on the database driver itself (workbench.db.reader): no SQLAlchemy.

Through the ORM (services.audit, exports/audit_csv.py) the command imported SQLAlchemy and
built the models before reading a claim's few dozen events: on the year desk some 0.6-0.7 s
of CPU and 55 MB, where the `sqlite3` shell reads the same rows in 0.005 s (session 65). The
ORM's statements and refusals, from their one home (services.event_criteria's criteria and
check_subjects, then the head: event_filter.pinned, as pin_after), and the same cells
(audit_csv's): the file is byte for byte the ORM's. A filter by actor or
action goes the ORM's way: its look-alike names (`recorded_as`) and, when no event records an
actor, the names it may have meant (silent_actors) are the ORM's reads.
"""

# Statements are built from this package's own table and column names; values are bound.
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, Any

from workbench.db import tables
from workbench.db.paging import driver_rows
from workbench.db.sql import Sql, select
from workbench.services import event_criteria
from workbench.services.context import Workbench, reading
from workbench.services.event_filter import EXPORT_FIELDS, EventFilter, filters_of
from workbench.services.events_after import COLUMNS, last_seq, pin
from workbench.services.progress import Progress, counted

# What this path selects by; the others (actors, actions) are the ORM's.
_TAKEN = frozenset({"claim", "doc", "since", "until", "after_seq", "after_head"})


def takes(fmt: str, flt: EventFilter) -> bool:
    """Whether this path writes the export: CSV, filtered by claim, document, clock or head
    alone."""
    return fmt == "csv" and filters_of(flt).keys() <= _TAKEN


def export_csv(
    wb: Workbench,
    out: IO[str],
    flt: EventFilter,
    progress: Progress | None = None,
    *,
    bom: bool = False,
) -> int:
    """The events `flt` selects, oldest first, as audit_csv writes them; how many. A claim or
    document that does not exist, or a head the trail does not hold, is refused before
    anything is written."""
    from workbench.exports.audit_csv import cells
    from workbench.exports.cells import write_sheet

    with reading(wb) as conn:
        event_criteria.check_subjects(conn, flt)
        flt = pin(conn, flt)
        through = last_seq(conn) or 0
        total = None
        if progress is not None and not filters_of(flt):
            total = through  # the whole trail, as services.audit's event_rows counts it
        query = select(*COLUMNS, source=tables.events).where(*conditions(flt))
        e = tables.events.c
        rows: Iterator[Sequence[Any]] = driver_rows(
            conn, query, e.seq, e.payload, after=flt.after_seq, through=through
        )
        return write_sheet(out, EXPORT_FIELDS, cells(counted(rows, progress, total)), bom=bom)


def conditions(flt: EventFilter) -> list[Sql]:
    """The criteria this path takes as SQL (the head's bound is driver_rows's): the shared
    ones, event_criteria's, which services.audit's apply_filter runs too."""
    return event_criteria.criteria(flt)
