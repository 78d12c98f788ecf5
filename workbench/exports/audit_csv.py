"""Audit events as CSV, one row per event, for spreadsheets."""

from __future__ import annotations

import csv
from typing import IO

from workbench.exports.cells import BOM, csv_cell, json_cell
from workbench.services.audit import EXPORT_FIELDS, EventFilter, event_rows
from workbench.services.context import Tx
from workbench.services.progress import Progress


def write(
    tx: Tx,
    out: IO[str],
    flt: EventFilter,
    progress: Progress | None = None,
    *,
    bom: bool = False,
) -> int:
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    payload = EXPORT_FIELDS.index("payload")
    count = 0
    for row in event_rows(tx, flt, progress=progress):
        writer.writerow([json_cell(v) if i == payload else csv_cell(v) for i, v in enumerate(row)])
        count += 1
    return count
