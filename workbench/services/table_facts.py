"""What the claims table (`export claims`) writes beside each claim, read from the trail: the
note its exports publish, who gave its verdict, who approved it and when it stood.

An editor's spreadsheet of the month's verdicts asked for each one's sign-off, which only
`claim show` told, a claim at a time (trial57 left it alone: the table had no verdict date).
The facts are the sign-off's (workbench.domain.sign_off), read from the same verdict events as
the note, a page of claims at a time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import Select, in_, select
from workbench.domain.clock import to_second
from workbench.services.claim_rows import PAGE, claim_views
from workbench.services.context import Workbench, reading
from workbench.services.progress import Progress, counted
from workbench.services.queries import (
    CLAIMS,
    C,
    require_document,
)
from workbench.services.sign_off_reads import registered_for_sign_off
from workbench.services.views import ClaimView

if TYPE_CHECKING:
    from workbench.domain.reviewers import Registered


@dataclass(frozen=True, slots=True)
class TableClaim:
    """A claim with the facts its row adds: the note its exports publish (a verdict's reason,
    else an open claim's latest note, never an internal one: sign_off.public_reason), and for
    a verdict, who gave it (or proposed it), who approved it (None: no second person did) and
    when it stood (the UTC time of the event that set it: for an approved proposal, the
    approval)."""

    view: ClaimView
    note: str | None = None
    verdict_by: str | None = None
    approved_by: str | None = None
    verdict_at: str | None = None


def table_claims(
    wb: Workbench, document_ids: Sequence[int] = (), progress: Progress | None = None
) -> Iterator[TableClaim]:
    """Every claim (of the documents named, or all), by document and id, as TableClaim: the
    claims table's rows. Streamed a page at a time; each page costs a few more indexed
    queries (its claims' tags, evidence counts, verdict events and notes). An unknown document
    is refused before the first claim."""
    with reading(wb) as conn:
        for document_id in document_ids:
            require_document(conn, document_id)
        q = CLAIMS
        if document_ids:
            q = q.where(in_(C.document_id, sorted(set(document_ids))))
        # Counted only for a bar: a count reads the index of every matching claim once more.
        total = conn.scalar(q.count()) if progress is not None else None
        yield from counted(_pages(conn, q), progress, total)


def _pages(conn: Reader, q: Select) -> Iterator[TableClaim]:
    people: Registered | None = None
    for page in conn.pages(q.order_by(C.document_id, C.id), PAGE):
        if people is None:
            # Once for the table, not once a page (review264: 40 reads for 20,000 claims).
            people = registered_for_sign_off(conn)
        facts = _facts(conn, [r.id for r in page], people)
        for view in claim_views(conn, page):
            yield TableClaim(view, *facts.get(view.id, _NONE))


# (note, verdict_by, approved_by, verdict_at) of a claim with none of them.
_NONE: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None)


def _facts(
    conn: Reader, claim_ids: Sequence[int], people: Registered
) -> dict[int, tuple[str | None, str | None, str | None, str | None]]:
    """The facts of each claim that has any: read from the claims' verdict events and their
    notes' authors, then only the note bodies chosen; `people` as the sign-off reads them."""
    from workbench.domain.sign_off import sign_off

    if not claim_ids:
        return {}
    events, times = _verdict_events(conn, claim_ids)
    bodies = _published(conn, claim_ids, events)
    facts = {}
    for claim_id in {*bodies, *events}:
        signed = sign_off(events[claim_id], people) if claim_id in events else None
        facts[claim_id] = (
            bodies.get(claim_id),
            None if signed is None else signed.given_by,
            None if signed is None else signed.approved_by,
            None if signed is None else to_second(times[signed.seq]),
        )
    return facts


def published_notes(conn: Reader, claim_ids: Sequence[int]) -> dict[int, str]:
    """The note the claims table writes for each of `claim_ids` that has one (its `note`
    cell), in a few queries for them all: what an import compares an emptied note cell with."""
    if not claim_ids:
        return {}
    return _published(conn, claim_ids, _verdict_events(conn, claim_ids)[0])


# A claim's verdict events as sign_off reads them: (seq, actor, action, payload).
_Events = dict[int, list[tuple[int, str, str, Any]]]


def _verdict_events(conn: Reader, claim_ids: Sequence[int]) -> tuple[_Events, dict[int, str]]:
    """The claims' verdict events in order, and each one's time by seq."""
    from workbench.domain.sign_off import VERDICT_ACTIONS

    ev = tables.events.c
    events: _Events = defaultdict(list)
    times: dict[int, str] = {}
    # Sorted here, not by the query: ORDER BY seq could lead a planner to walk the whole
    # trail in seq order instead of looking the claims up by ix_events_claim_id.
    verdicts = select(
        ev.claim_id, ev.seq, ev.at, ev.actor, ev.action, ev.payload, source=tables.events
    ).where(in_(ev.claim_id, claim_ids), in_(ev.action, VERDICT_ACTIONS))
    for claim_id, seq, at, actor, action, payload in sorted(
        conn.rows(verdicts), key=lambda r: r[1]
    ):
        events[claim_id].append((seq, actor, action, json.loads(payload)))
        times[seq] = str(at)
    return events, times


def _published(conn: Reader, claim_ids: Sequence[int], events: _Events) -> dict[int, str]:
    """The body of the note each claim's exports publish, of those that publish one: its
    notes' authors read, then only the bodies chosen."""
    from workbench.domain.sign_off import public_reason

    n = tables.notes.c
    notes: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    authors = (
        select(n.id, n.claim_id, n.author, n.internal, source=tables.notes)
        .where(in_(n.claim_id, claim_ids))
        .order_by(n.id)
    )
    for note_id, claim_id, author, internal in conn.rows(authors):
        notes[claim_id].append((note_id, author, internal))
    # Never an internal note (the desk's own): the one rule of sign_off.public_reason.
    chosen = {
        note_id: claim_id
        for claim_id in notes
        if (note_id := public_reason(events[claim_id], notes[claim_id])) is not None
    }
    if not chosen:
        return {}
    q = select(n.id, n.body, source=tables.notes).where(in_(n.id, sorted(chosen)))
    return {chosen[note_id]: body for note_id, body in conn.rows(q)}
