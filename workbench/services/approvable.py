"""The sign-off queue (`claim list --approvable`): the claims in review a person may approve.

Which ones is the approval's own rule (`sign_off.decide_approval`, as `claim approve` applies
it: not their own proposal by the one-reviewer rule of look-alike names, addresses and display
names, nothing added since by anyone else, and on PostgreSQL not proposed from this session's
role), asked here of a page of claims at a time with that page's events: a page of the queue
reads the claims in review in the list's order and stops once it has its claims, so `--limit
20` costs about 20 claims' reading, not the whole queue's (the year desk's 1,416 claims in
review and their 7,800 events, judged whole for every page, session 62). The rule lives in the
domain; no SQL here restates it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import Select, Sql, eq, in_, select_all
from workbench.domain import sign_off
from workbench.domain.errors import TransitionRefused
from workbench.domain.status import Status
from workbench.domain.transitions import ClaimState, Move, Request
from workbench.services import claim_rows, sign_off_reads
from workbench.services.views import ClaimView

C = tables.claims.c
# The claims the rule is asked of: in review with a verdict proposed (an imported claim in
# review may hold none: nothing to approve). Which of them may be approved is the rule's.
CANDIDATES = (eq(C.status, Status.IN_REVIEW.value), Sql(f"{C.proposed_status} IS NOT NULL"))
# A page of the queue reads at least this many claims at a time: judging a few claims more
# costs less than another statement, when some of the first are refused.
AT_LEAST = 50


@dataclass(frozen=True, slots=True)
class Approvals:
    """The rule's question for one approver, with what it reads once per listing (the desk's
    people, as `claim approve` reads them, and the session's role)."""

    conn: Reader
    request: Request
    role: str | None

    @classmethod
    def of(cls, conn: Reader, approver: str) -> Approvals:
        # The desk's people as `claim approve` reads them, so that the queue and the approval
        # read a proposer recorded in an earlier form (`陈 静`) as the same person (refactor280).
        people = sign_off_reads.registered_for_sign_off(conn)
        request = Request(Move.APPROVE, approver, people=people)
        return cls(conn, request, sign_off_reads.sign_off_role(conn))

    def approvable(self, claims: Sequence[Any]) -> list[Any]:
        """Those of `claims` (claims rows in review with a proposal: CANDIDATES) the approver
        may approve, in their order; their record's events read in one statement."""
        return [c for c, refused in self.judged(claims) if refused is None]

    def judged(self, claims: Sequence[Any]) -> Iterator[tuple[Any, str | None]]:
        """Each of `claims` with the reason the approval would refuse it (a `Refusal` value),
        None for those the approver may approve."""
        if not claims:
            return
        events = sign_off_reads.record_events(
            self.conn, in_(tables.events.c.claim_id, [c.id for c in claims])
        )
        for c in claims:
            state = ClaimState(
                id=c.id,
                status=Status.IN_REVIEW,
                proposed_status=Status(c.proposed_status),
                proposed_by=c.proposed_by,
                verdict_revision=c.verdict_revision,
            )
            record = sign_off.proposal_record(events.get(c.id, ()))
            try:
                sign_off.decide_approval(state, self.request, record, self.role)
            except TransitionRefused as refused:
                yield c, refused.reason or ""
                continue
            yield c, None

    def pages(
        self, candidates: Select, size: int | None = None
    ) -> Generator[list[Any], None, None]:
        """The approvable of `candidates` (a query of claims rows among CANDIDATES, in the
        list's order), `size` candidates (claim_rows.PAGE) judged at a time; stopping early reads
        no more."""
        pages = self.conn.pages(candidates, size or claim_rows.PAGE)
        try:
            for page in pages:
                yield self.approvable(page)
        finally:
            pages.close()  # (PostgreSQL: its server-side cursor closed before the next one)


def approvable_claims(
    conn: Reader, approver: str, candidates: Select, limit: int | None, offset: int
) -> Iterator[ClaimView]:
    """The claims of `candidates` (in the list's order) that `approver` may approve, `offset`
    of them skipped and at most `limit` listed: read and judged until the page is full."""
    if limit == 0:
        return
    size = claim_rows.PAGE if limit is None else min(claim_rows.PAGE, max(offset + limit, AT_LEAST))
    left = limit
    pages = Approvals.of(conn, approver).pages(candidates, size)
    try:
        for kept in pages:
            skipped = min(offset, len(kept))
            kept, offset = kept[skipped:], offset - skipped
            if left is not None:
                kept, left = kept[:left], left - min(left, len(kept))
            if kept:
                yield from claim_rows.claim_views(conn, kept, activity=True)
            if left == 0:
                return
    finally:
        pages.close()


def approvable_page(
    conn: Reader, approver: str, candidates: Select, limit: int | None, offset: int
) -> tuple[list[ClaimView], int]:
    """A page of `approvable_claims` and how many of `candidates` `approver` may approve in
    all: one pass over them, each judged once."""
    page: list[Any] = []
    total = 0
    for kept in Approvals.of(conn, approver).pages(candidates):
        stop = None if limit is None else max(offset + limit - total, 0)
        page += kept[max(offset - total, 0) : stop]
        total += len(kept)
    views = [v for i in range(0, len(page), claim_rows.PAGE) for v in _views(conn, page, i)]
    return views, total


def _views(conn: Reader, rows: Sequence[Any], start: int) -> list[ClaimView]:
    return claim_rows.claim_views(conn, rows[start : start + claim_rows.PAGE], activity=True)


@dataclass(frozen=True, slots=True)
class HeldBack:
    """Why a sign-off queue is empty: whether the desk asks for a second reviewer at all, how
    many claims are in review with a verdict proposed, and for each reason the approval gives
    (a `Refusal` value) how many of those it refuses this approver."""

    review_required: bool
    in_review: int
    refused: dict[str, int]


def held_back(conn: Reader, approver: str) -> HeldBack:
    """What keeps every claim in review from `approver` (`claim list --approvable` that found
    none: asked then only, each claim in review judged once, a page at a time)."""
    from workbench.domain.settings import REVIEW_REQUIRED

    approvals = Approvals.of(conn, approver)
    refused: Counter[str] = Counter()
    in_review = 0
    candidates = select_all(tables.claims).where(*CANDIDATES).order_by(C.id)
    pages = conn.pages(candidates, claim_rows.PAGE)
    try:
        for page in pages:
            in_review += len(page)
            refused.update(r for _, r in approvals.judged(page) if r is not None)
    finally:
        pages.close()
    return HeldBack(sign_off_reads.desk_setting(conn, REVIEW_REQUIRED), in_review, dict(refused))
