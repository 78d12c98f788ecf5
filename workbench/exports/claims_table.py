"""Claims tables: the spreadsheet a desk keeps, out (CSV, JSON, XLSX) and in (CSV, JSON).

Cells a spreadsheet would run as a formula are neutralised with a leading apostrophe in CSV (and
the apostrophe is taken off again on import, so a round trip keeps the text); XLSX cells are
written as typed strings, which a spreadsheet never evaluates.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from workbench.domain.errors import InvalidInput
from workbench.exports.cells import cell_text
from workbench.services.publishing import ClaimRecord

COLUMNS = (
    "id",
    "document_id",
    "quote",
    "start",
    "end",
    "text",
    "speaker",
    "type",
    "status",
    "rating",
    "note",
    "tags",
    "assignee",
    "priority",
    "due",
)
# Columns an export writes that an import does not take: the database decides them.
EXPORT_ONLY = frozenset({"id", "document_id", "rating"})
TAG_SEPARATOR = "; "
MAX_ROWS = 100_000


def row_of(record: ClaimRecord) -> dict[str, Any]:
    c = record.claim
    rated = c.rating
    return {
        "id": c.id,
        "document_id": c.document_id,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "speaker": c.speaker,
        "type": c.type,
        "status": c.status,
        "rating": rated["label"] if rated else None,
        # The latest note: for a verdict, its reason (which an import needs).
        "note": record.notes[-1].body if record.notes else None,
        "tags": list(c.tags),
        "assignee": c.assignee,
        "priority": c.priority,
        "due": c.due,
    }


def flat(row: dict[str, Any]) -> list[Any]:
    return [TAG_SEPARATOR.join(row[name]) if name == "tags" else row[name] for name in COLUMNS]


@dataclass(frozen=True, slots=True)
class RawRow:
    """One row as read, before validation; `number` is what the person sees (CSV: the
    spreadsheet row, the header being row 1; JSON: the item's position from 1)."""

    number: int
    values: dict[str, Any]


def read_csv(text: str) -> Iterator[RawRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise InvalidInput("the CSV file is empty: it needs a header row")
    names = [h.strip().lower() for h in header]
    if len(set(names)) != len(names):
        raise InvalidInput(f"the CSV header repeats a column: {', '.join(header)}")
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            raise InvalidInput(f"row {number}: more cells ({len(cells)}) than columns")
        values: dict[str, Any] = {}
        for name, cell in zip(names, cells, strict=False):
            cell = cell_text(cell)
            if cell.strip() == "":
                continue
            if name in {"start", "end", "occurrence"}:
                values[name] = int(cell) if cell.strip().isdigit() else cell
            elif name == "tags":
                values[name] = [t for t in (s.strip() for s in cell.split(";")) if t]
            else:
                values[name] = cell
        yield RawRow(number, values)


def read_json(data: Any) -> Iterator[RawRow]:
    if not isinstance(data, list):
        raise InvalidInput("a JSON claims file is a list of objects, one per claim")
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InvalidInput(f"row {number}: not an object")
        yield RawRow(number, {k: v for k, v in item.items() if v is not None})


def check_row_count(count: int) -> None:
    """Refuse a file of more rows than one import takes."""
    if count > MAX_ROWS:
        raise InvalidInput(f"over {MAX_ROWS:,} rows in one file; split it")


def for_import(row: RawRow) -> RawRow:
    """The row without the columns only an export carries (the database decides them)."""
    return RawRow(row.number, {k: v for k, v in row.values.items() if k not in EXPORT_ONLY})
