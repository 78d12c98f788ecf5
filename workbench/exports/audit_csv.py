"""Audit events as CSV, one row per event, for spreadsheets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from workbench.exports.cells import csv_cell, json_cell, write_sheet
from workbench.services.context import Tx
from workbench.services.event_filter import EXPORT_FIELDS, EventFilter
from workbench.services.progress import Progress


def write(
    tx: Tx,
    out: IO[str],
    flt: EventFilter,
    progress: Progress | None = None,
    *,
    bom: bool = False,
) -> int:
    # (Imported here: a claim's or a document's CSV is written on the driver's reads,
    # services/events_csv.py, which imports no SQLAlchemy.)
    from workbench.services.audit import event_rows

    # A generator: the events are read once the header is out, as they always were.
    return write_sheet(out, EXPORT_FIELDS, cells(event_rows(tx, flt, progress=progress)), bom=bom)


def cells(rows: Iterable[Sequence[Any]]) -> Iterator[list[str]]:
    """Each event row (in EXPORT_FIELDS order) as its CSV cells: the payload as JSON."""
    payload = EXPORT_FIELDS.index("payload")
    for row in rows:
        yield [json_cell(v) if i == payload else csv_cell(v) for i, v in enumerate(row)]
