"""Writing the audit events in any of the registry's "events" formats."""

from __future__ import annotations

import io
from typing import IO

from workbench.exports.registry import writer
from workbench.services.audit import EventFilter, check_filter
from workbench.services.context import Workbench
from workbench.services.progress import Progress

# The formats that report their progress (a bar on a terminal). JSONL and CSV stream the trail
# in one pass; the timeline in two (grouped by claim, then the rest), which together write the
# scope's count, so it reports against that.
REPORTS_PROGRESS = frozenset({"jsonl", "csv", "md"})


def export_events(
    wb: Workbench,
    fmt: str,
    out: IO[str],
    flt: EventFilter | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the events `flt` selects (all by default) in `fmt`; returns how many it wrote.
    `progress` hears how far it got, for the formats in REPORTS_PROGRESS.

    A filter that can only be a mistake (a missing claim, an unknown action, --since after
    --until) is refused before anything is written."""
    flt = flt or EventFilter()
    check_filter(wb, flt)
    write = writer("events", fmt)
    if progress is not None and fmt in REPORTS_PROGRESS:
        return write(wb, out, flt, progress)
    return write(wb, out, flt)


def export_text(wb: Workbench, fmt: str, flt: EventFilter | None = None) -> str:
    """The whole export as a string: for tests and small trails."""
    buf = io.StringIO()
    export_events(wb, fmt, buf, flt)
    return buf.getvalue()
