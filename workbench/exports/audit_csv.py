"""Audit events as CSV, one row per event, for spreadsheets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from workbench.exports.cells import csv_cell, json_cell, write_sheet
from workbench.services.audit import event_rows
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
    return write_sheet(out, EXPORT_FIELDS, _rows(tx, flt, progress), bom=bom)


def _rows(tx: Tx, flt: EventFilter, progress: Progress | None) -> Iterator[list[str]]:
    # A generator: the events are read once the header is out, as they always were.
    payload = EXPORT_FIELDS.index("payload")
    for row in event_rows(tx, flt, progress=progress):
        yield [json_cell(v) if i == payload else csv_cell(v) for i, v in enumerate(row)]
