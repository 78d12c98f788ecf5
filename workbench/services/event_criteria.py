"""Which events an export's claim, document and clock criteria select, and the refusal of a
claim or document it names that does not exist: one home for both read paths.

The driver's (services.events_csv, services.timeline_read) runs these statements on the
database driver; the ORM's (services.audit's apply_filter and check_subjects, which JSON Lines
by claim, document or clock and any filter by actor or action take) runs the same text and
values on its own connection. Two
copies of the rules were held together only by the byte-identity tests (rA, session 65): what
"a document's events" means is now said once. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import Sql, eq, in_query, param, select
from workbench.domain.clock import format_at, parse_since, until_bound
from workbench.domain.errors import NotFound
from workbench.services.event_filter import EventFilter


def criteria(flt: EventFilter) -> list[Sql]:
    """The conditions on the events (tables.events) that `flt`'s claim, document, --since and
    --until ask, in that order (its actors and actions are services.audit's; the head's bound
    is the caller's)."""
    e = tables.events.c
    out: list[Sql] = []
    if flt.claim_id is not None:
        out.append(eq(e.claim_id, flt.claim_id))
    if flt.document_id is not None:
        # A document's events: its own, and those of its claims (and so their notes).
        c = tables.claims.c
        claims_of_doc = select(c.id, source=tables.claims).where(eq(c.document_id, flt.document_id))
        own = "(" + eq(e.entity_type, "document") + " AND " + eq(e.entity_id, str(flt.document_id))
        out.append("(" + own + ") OR " + in_query(e.claim_id, claims_of_doc) + ")")
    if flt.since:
        out.append(f"{e.at} >= " + param(format_at(parse_since(flt.since))))
    if flt.until:
        out.append(f"{e.at} <= " + param(until_bound(flt.until)))
    return out


def check_subjects(conn: Reader, flt: EventFilter) -> None:
    """Refuse, in the export's snapshot and before anything is written, a claim or document
    the filter names that does not exist (its export would be empty by mistake): the claim
    first, then the document."""
    for given, table, said in (
        (flt.claim_id, tables.claims, "claim"),
        (flt.document_id, tables.documents, "document"),
    ):
        if given is None:
            continue
        found = conn.scalar(select(table.c.id, source=table).where(eq(table.c.id, given)))
        if found is None:
            raise NotFound(f"no {said} #{given}")
