"""Reading the audit trail out: streamed, oldest first, in the stored (canonical) form."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from sqlalchemy import select

from workbench.db.models import Event
from workbench.domain.clock import format_at, parse_since
from workbench.services.context import Workbench, transaction

EXPORT_FIELDS = ("seq", "at", "actor", "action", "entity_type", "entity_id", "claim_id", "payload")
BATCH = 2000


@dataclass(frozen=True, slots=True)
class EventFilter:
    claim_id: int | None = None
    since: str | None = None


def _rows(wb: Workbench, flt: EventFilter) -> Iterator[tuple[object, ...]]:
    columns = [getattr(Event, name) for name in EXPORT_FIELDS]
    query = select(*columns).order_by(Event.seq)
    if flt.claim_id is not None:
        query = query.where(Event.claim_id == flt.claim_id)
    if flt.since:
        query = query.where(Event.at >= format_at(parse_since(flt.since)))
    with transaction(wb) as tx:
        result = tx.session.execute(query.execution_options(yield_per=BATCH))
        for row in result:
            yield tuple(row)


def export_jsonl(wb: Workbench, out: IO[str], flt: EventFilter | None = None) -> int:
    """One JSON object per line; the payload is embedded as stored, never re-serialised."""
    count = 0
    for seq, at, actor, action, etype, eid, claim_id, payload in _rows(wb, flt or EventFilter()):
        head = json.dumps(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": action,
                "entity_type": etype,
                "entity_id": eid,
                "claim_id": claim_id,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        out.write(f'{head[:-1]},"payload":{payload}}}\n')
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: a leading quote defuses formula injection."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_csv(wb: Workbench, out: IO[str], flt: EventFilter | None = None) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    count = 0
    for row in _rows(wb, flt or EventFilter()):
        writer.writerow([csv_cell(v) for v in row])
        count += 1
    return count


def export_text(wb: Workbench, fmt: str, flt: EventFilter | None = None) -> str:
    """The whole export as a string: for tests and small trails."""
    buf = io.StringIO()
    (export_jsonl if fmt == "jsonl" else export_csv)(wb, buf, flt)
    return buf.getvalue()
