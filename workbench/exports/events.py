"""Writing the audit events in any of the registry's "events" formats."""

from __future__ import annotations

import io
from typing import IO

from workbench.exports.registry import writer
from workbench.services.audit import EventFilter, check_filter
from workbench.services.context import Workbench


def export_events(wb: Workbench, fmt: str, out: IO[str], flt: EventFilter | None = None) -> int:
    """Write the events `flt` selects (all by default) in `fmt`; returns how many it wrote.

    A filter that can only be a mistake (a missing claim, an unknown action, --since after
    --until) is refused before anything is written."""
    flt = flt or EventFilter()
    check_filter(wb, flt)
    return writer("events", fmt)(wb, out, flt)


def export_text(wb: Workbench, fmt: str, flt: EventFilter | None = None) -> str:
    """The whole export as a string: for tests and small trails."""
    buf = io.StringIO()
    export_events(wb, fmt, buf, flt)
    return buf.getvalue()
