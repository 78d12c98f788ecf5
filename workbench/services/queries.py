"""The questions a desk asks: filtered claim lists and the stats board. All read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import selectinload

from workbench.db.backend import search_claim_ids
from workbench.db.models import Claim, ClaimTag, Evidence
from workbench.domain.anchoring import ANCHOR_STATES, AnchorState
from workbench.domain.clock import now, parse_since
from workbench.domain.desk import PRIORITY_RANK, SORTS, normalise_tag, parse_priority
from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.inputs import check_at_least
from workbench.domain.status import (
    OPEN_STATUSES,
    STATUS_NAMES,
    parse_claim_type,
    parse_status,
    same_person_key,
)
from workbench.domain.text import normalise
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.lookup import MAX_ID, get_document
from workbench.services.views import ClaimView

OPEN_VALUES = sorted(s.value for s in OPEN_STATUSES)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    statuses: Sequence[str] = ()
    open: bool = False
    document_id: int | None = None
    speaker: str | None = None
    claim_type: str | None = None
    assignee: str | None = None
    unassigned: bool = False
    tags: Sequence[str] = ()
    priority: str | None = None
    overdue: bool = False
    updated_since: str | None = None
    no_evidence: bool = False
    search: str | None = None
    # exact, moved, fuzzy, orphaned, or changed (fuzzy or orphaned: the quote changed or went)
    anchor: str | None = None
    sort: str = "id"
    limit: int | None = None
    offset: int = 0


def names_like(tx: Tx, name: str) -> tuple[str, ...]:
    """Stored assignee names equal to `name` ignoring case and spacing, in Python: SQLite's
    lower() only folds ASCII, and the set of distinct owners is small."""
    wanted = same_person_key(name)
    owners = tx.session.scalars(
        select(Claim.assignee).distinct().where(Claim.assignee.is_not(None))
    )
    return tuple(o for o in owners if o is not None and same_person_key(o) == wanted)


def _today() -> dt.date:
    return now().date()


def claim_query(flt: ClaimFilter, tx: Tx) -> Select[Any]:
    """Every value is a bound parameter; the only SQL text is ours."""
    q = select(Claim)
    if flt.statuses:
        q = q.where(Claim.status.in_([parse_status(s).value for s in flt.statuses]))
    if flt.open:
        q = q.where(Claim.status.in_(OPEN_VALUES))
    if flt.document_id is not None:
        q = q.where(Claim.document_id == min(max(flt.document_id, 0), MAX_ID))
    if flt.speaker:
        q = q.where(Claim.speaker == flt.speaker)
    if flt.claim_type:
        q = q.where(Claim.type == parse_claim_type(flt.claim_type).value)
    if flt.assignee and flt.unassigned:
        raise InvalidInput(
            "an owner and 'unassigned' contradict each other", hint=bad("owner_filters")
        )
    if flt.assignee:
        q = q.where(Claim.assignee.in_(names_like(tx, flt.assignee)))
    if flt.unassigned:
        q = q.where(Claim.assignee.is_(None))
    for t in flt.tags:
        q = q.where(exists().where(ClaimTag.claim_id == Claim.id, ClaimTag.tag == normalise_tag(t)))
    if flt.priority:
        q = q.where(Claim.priority == parse_priority(flt.priority).value)
    if flt.overdue:
        q = q.where(Claim.due < _today(), Claim.status.in_(OPEN_VALUES))
    if flt.updated_since:
        q = q.where(Claim.updated_at >= parse_since(flt.updated_since))
    if flt.no_evidence:
        q = q.where(~exists().where(Evidence.claim_id == Claim.id))
    if flt.anchor is not None:
        q = q.where(Claim.anchor_state.in_(anchor_states(flt.anchor)))
    if flt.search is not None:
        needle = flt.search.strip()
        if not needle:
            raise InvalidInput("the search text is empty", hint=give("search"))
        dialect = tx.session.get_bind().dialect.name
        q = q.where(Claim.id.in_(search_claim_ids(dialect, normalise(needle))))
    return _sorted(q, flt.sort)


ANCHOR_FILTERS = (*ANCHOR_STATES, "changed")


def anchor_states(name: str) -> tuple[str, ...]:
    if name == "changed":
        return (AnchorState.FUZZY.value, AnchorState.ORPHANED.value)
    if name not in ANCHOR_STATES:
        raise InvalidInput(f"unknown anchor {name!r}; valid: {', '.join(ANCHOR_FILTERS)}")
    return (name,)


def _sorted(q: Select[Any], sort: str) -> Select[Any]:
    if sort == "id":
        return q.order_by(Claim.id)
    if sort == "updated":
        return q.order_by(Claim.updated_at.desc(), Claim.id)
    if sort == "priority":
        rank = case(PRIORITY_RANK, value=Claim.priority, else_=len(PRIORITY_RANK))
        return q.order_by(rank, Claim.id)
    if sort == "due":
        return q.order_by(Claim.due.is_(None), Claim.due, Claim.id)
    if sort == "created":
        return q.order_by(Claim.created_at, Claim.id)
    raise InvalidInput(f"unknown sort {sort!r}; valid: {', '.join(SORTS)}")


def list_claims(wb: Workbench, flt: ClaimFilter | None = None) -> list[ClaimView]:
    flt = flt or ClaimFilter()
    if flt.limit is not None:
        check_at_least(flt.limit, 0, "limit")
    check_at_least(flt.offset, 0, "offset")
    with transaction(wb) as tx:
        if flt.document_id is not None:
            # A typo in the document id is an error, not "no claims".
            get_document(tx, flt.document_id)
        q = claim_query(flt, tx)
        q = q.options(selectinload(Claim.tags), selectinload(Claim.evidence))
        if flt.limit is not None:
            q = q.limit(flt.limit)
        if flt.offset:
            q = q.offset(flt.offset)
        return [ClaimView.of(c) for c in tx.session.scalars(q)]


@dataclass(frozen=True, slots=True)
class Stats:
    by_status: dict[str, int]
    by_assignee: dict[str, int]
    by_type: dict[str, int]
    oldest_open: list[ClaimView] = field(default_factory=list)
    open_without_evidence: list[ClaimView] = field(default_factory=list)
    overdue: list[ClaimView] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "total": sum(self.by_status.values()),
            "by_status": self.by_status,
            "by_assignee": self.by_assignee,
            "by_type": self.by_type,
            "oldest_open": [c.to_json() for c in self.oldest_open],
            "open_without_evidence": [c.to_json() for c in self.open_without_evidence],
            "overdue": [c.to_json() for c in self.overdue],
        }


UNASSIGNED = "(unassigned)"


def stats(wb: Workbench, oldest: int = 5) -> Stats:
    with transaction(wb) as tx:
        s = tx.session

        def grouped(column: Any) -> dict[str, int]:
            rows = s.execute(select(column, func.count()).group_by(column).order_by(column))
            return {(k if k is not None else UNASSIGNED): n for k, n in rows}

        by_status = dict.fromkeys(STATUS_NAMES, 0) | grouped(Claim.status)

        def views(flt: ClaimFilter, limit: int | None = None) -> list[ClaimView]:
            q = claim_query(flt, tx).options(selectinload(Claim.tags), selectinload(Claim.evidence))
            return [ClaimView.of(c) for c in s.scalars(q.limit(limit))]

        return Stats(
            by_status=by_status,
            by_assignee=grouped(Claim.assignee),
            by_type=grouped(Claim.type),
            oldest_open=views(ClaimFilter(open=True, sort="created"), oldest),
            open_without_evidence=views(ClaimFilter(open=True, no_evidence=True)),
            overdue=views(ClaimFilter(overdue=True, sort="due")),
        )
