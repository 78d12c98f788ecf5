"""Claims rows read as their views, a page at a time: their tags, evidence counts and last
activity in a few indexed queries a page. What every claim listing shares (`claim list`, the
board, the sign-off queue's page: services.queries and services.approvable)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import Sql, count_star, in_, select
from workbench.db.tables import Column
from workbench.domain.actions import REANCHOR_ACTIONS
from workbench.services.views import ClaimView, from_row

# Claims are read, and their tags and evidence counted, this many at a time: memory stays flat
# however many match, and the IN lists stay short.
PAGE = 500


def claim_view(
    row: Any, tags: Sequence[str] = (), evidence_count: int = 0, last_activity: str | None = None
) -> ClaimView:
    """A claims row as its view, read as ClaimView.of reads a model (the span columns are
    span_start/span_end; tags, the evidence count and the last activity come from their own
    queries)."""
    return from_row(
        ClaimView,
        row,
        start=row.span_start,
        end=row.span_end,
        tags=tuple(tags),
        evidence_count=evidence_count,
        similar=None,
        same_span=None,
        last_activity=last_activity,
    )


def claim_views(conn: Reader, rows: Sequence[Any], *, activity: bool = False) -> list[ClaimView]:
    """One page of claims with their tags and evidence counts: two indexed queries a page;
    with `activity`, a third for each one's last activity (`last_activities`)."""
    ids = [r.id for r in rows]
    latest = last_activities(conn, ids) if activity else {}
    tag_of: dict[int, list[str]] = defaultdict(list)
    if ids:
        t = tables.claim_tags.c
        tagged = select(t.claim_id, t.tag, source=tables.claim_tags)
        for claim_id, tag in conn.rows(tagged.where(in_(t.claim_id, ids))):
            tag_of[claim_id].append(tag)
        # Code point order, sorted here: PostgreSQL would order tags by its collation.
        for listed in tag_of.values():
            listed.sort()
        e = tables.evidence.c
        counted = select(e.claim_id, count_star(), source=tables.evidence)
        counts: dict[int, int] = {
            claim_id: n
            for claim_id, n in conn.rows(counted.where(in_(e.claim_id, ids)).group_by(e.claim_id))
        }
    else:
        counts = {}
    return [
        claim_view(r, tag_of.get(r.id, ()), counts.get(r.id, 0), latest.get(r.id)) for r in rows
    ]


def last_activities(conn: Reader, ids: Sequence[int]) -> dict[int, str]:
    """When each claim's latest work was (an event of its own, its notes', evidence's and
    reviews', a revision's re-anchoring aside: `work_on_claim`), for
    one page of claims: one query by ix_events_claim_id, reading the page's events only. By
    `at`, not by seq: the time is what is asked, whichever writer committed first."""
    if not ids:
        return {}
    e = tables.events.c
    latest = select(e.claim_id, Column(f"max({e.at})", "latest"), source=tables.events)
    latest = latest.where(in_(e.claim_id, ids)).where(work_on_claim())
    return dict(conn.rows(latest.group_by(e.claim_id)))


def work_on_claim() -> Sql:
    """An event that is someone's work on its claim: any but a revision's re-anchoring
    (REANCHOR_ACTIONS), which `doc update` writes for each claim of the document whose span
    or anchor moved, nobody having looked at it. Counted as activity, one correction of an
    article took every claim of it off `--untouched-since` and the board's untouched."""
    return Sql("NOT (") + in_(tables.events.c.action, REANCHOR_ACTIONS) + Sql(")")
