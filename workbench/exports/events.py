"""Writing the audit events in any of the registry's "events" formats, in one transaction."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from workbench.exports.registry import check_bom, writer
from workbench.services.context import Workbench, transaction
from workbench.services.event_filter import EventFilter, check_criteria
from workbench.services.progress import Progress

if TYPE_CHECKING:
    from workbench.services.audit import SilentActor

# The formats that report their progress (a bar on a terminal). JSONL and CSV stream the trail
# in one pass; the timeline in two (grouped by claim, then the rest), which together write the
# scope's count, so it reports against that.
REPORTS_PROGRESS = frozenset({"jsonl", "csv", "md"})


@dataclass(frozen=True, slots=True)
class EventsExported:
    """How many events were written, and the actors the filter names whom no event records
    (the export's emptiness, for them, is likely a mistyped name)."""

    count: int
    silent_actors: list[SilentActor]


def export_events(
    wb: Workbench,
    fmt: str,
    out: IO[str],
    flt: EventFilter | None = None,
    progress: Progress | None = None,
    *,
    bom: bool = False,
) -> EventsExported:
    """Write the events `flt` selects (all by default) in `fmt`. `progress` hears how far it
    got, for the formats in REPORTS_PROGRESS; `bom` starts a CSV with a UTF-8 byte order mark.

    A filter that can only be a mistake (a missing claim, an unknown action, --since after
    --until, an --after head the trail does not hold) is refused before anything is written.
    Everything is read in one transaction: the claim or document named, the head the events
    follow, the events, and which of the actors named no event records.
    """
    flt = flt or EventFilter()
    check_criteria(flt)
    check_bom(bom, "events", fmt)
    from workbench.services import events_after

    if events_after.takes(fmt, flt):
        # JSONL after a head (or whole), the daily read: on the driver, no SQLAlchemy.
        return EventsExported(events_after.export_after(wb, out, flt, progress), [])
    from workbench.services import events_csv

    if events_csv.takes(fmt, flt):
        # A claim's or a document's events in CSV, the daily read of one story: on the driver.
        return EventsExported(events_csv.export_csv(wb, out, flt, progress, bom=bom), [])
    from workbench.services import timeline_read

    if timeline_read.takes(fmt, flt):
        # The timeline of a claim or a document, for an editor or a lawyer: on the driver.
        return EventsExported(timeline_read.export_md(wb, out, flt, progress), [])
    from workbench.services.audit import check_subjects, pin_after, silent_actors

    write = writer("events", fmt)
    marked = {"bom": True} if bom else {}
    with transaction(wb) as tx:
        # One snapshot (PostgreSQL's REPEATABLE READ; a SQLite transaction is one already): the
        # scope counts the trail as the events are read, with no bound (export_scope).
        tx.one_snapshot()
        check_subjects(tx, flt)
        # An --after head with its seq and hash both, as the trail holds them (or refused).
        flt = pin_after(tx, flt)
        if progress is not None and fmt in REPORTS_PROGRESS:
            count = write(tx, out, flt, progress, **marked)
        else:
            count = write(tx, out, flt, **marked)
        return EventsExported(count, silent_actors(tx, flt.actors))


def export_text(wb: Workbench, fmt: str, flt: EventFilter | None = None) -> str:
    """The whole export as a string: for tests and small trails."""
    buf = io.StringIO()
    export_events(wb, fmt, buf, flt)
    return buf.getvalue()
