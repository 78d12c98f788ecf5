"""The questions a desk asks: filtered claim lists, one claim in full, the stats board.

All read-only, on the database driver itself inside `reading` (workbench.db.reader), with the
SQL built here, once for both backends (workbench.db.sql): no SQLAlchemy is imported (its
import alone cost more than a whole `sqlite-utils rows` run), lists stream in pages, and the
board is aggregate SQL with short lists, so a read costs the same at 100 claims and at 1,000,000.
"""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
# ruff: noqa: S608
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from workbench.db import tables
from workbench.db.backend import search_claim_ids
from workbench.db.reader import Reader
from workbench.db.sql import Select, Sql, case, count_star, eq, in_, in_query, param, select
from workbench.db.tables import Column, Kind
from workbench.defaults import BOARD_LIMIT, INT_MAX
from workbench.domain import clock
from workbench.domain.actions import REANCHOR_ACTIONS
from workbench.domain.article_author import stands_for_author
from workbench.domain.clock import (
    UPDATED_AHEAD,
    format_at,
    parse_since_or_days,
    today,
)
from workbench.domain.desk import PRIORITY_RANK, SORTS, normalise_tag, parse_priority, tag_key
from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.identity import NOBODY, fold, normalise_name
from workbench.domain.inputs import check_at_least
from workbench.domain.people import People, RoleNames, current_form
from workbench.domain.status import (
    OPEN_STATUSES,
    STATUS_NAMES,
    WITHDRAWN_VALUE,
    Status,
    holds_verdict,
    name_keys,
    parse_claim_type,
    parse_status,
)
from workbench.domain.text import normalise
from workbench.domain.transitions import added_since_proposal, proposal_action
from workbench.services.activity import Activity, activity, activity_span
from workbench.services.claim_records import evidence_of, no_claim, notes_of
from workbench.services.claim_rows import PAGE, claim_view, claim_views, work_on_claim
from workbench.services.context import Workbench, reading
from workbench.services.doc_show import document_row, stored_text
from workbench.services.sign_off_reads import registered_for_sign_off, session_role
from workbench.services.views import (
    FLAG,
    ClaimDetail,
    ClaimView,
    EventView,
    event_view,
)

if TYPE_CHECKING:
    from workbench.services.approvable import HeldBack

OPEN_VALUES = sorted(s.value for s in OPEN_STATUSES)

# Later than any timestamp the workbench writes: the upper bound of "since" ranges.
FAR_FUTURE = dt.datetime(9999, 12, 31, tzinfo=dt.UTC)

C = tables.claims.c
CLAIMS = select(*tables.claims.c, source=tables.claims)
# ClaimView.flagged (a verdict given before its quote changed), as a WHERE condition: the
# same rule (views.FLAG), not a copy of it.
FLAGGED = FLAG.where(C)
# Claims not withdrawn: those that are the desk's work (whoever owns them, of whatever type).
NOT_WITHDRAWN = f"{C.status} <> " + param(WITHDRAWN_VALUE)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    statuses: Sequence[str] = ()
    open: bool = False
    # A person's queue (`claim list --mine`): the claims they own that are still work for them,
    # open ones and verdicts flagged for re-review (their owner must decide again until a new
    # decision clears the flag). A status filter given with it (statuses, open, flagged) picks
    # among all their claims instead; settled_too adds their settled verdicts.
    queue_of: str | None = None
    settled_too: bool = False
    # Withdrawn claims (taken back: no one's work) are listed only when asked for by status
    # (statuses), or with withdrawn_too (`claim list --all`).
    withdrawn_too: bool = False
    document_id: int | None = None
    speaker: str | None = None
    claim_type: str | None = None
    assignee: str | None = None
    # The option the owner filter came by (`claim list --owner` is --assignee by another
    # name): a refusal of the name names it so.
    assignee_option: str = "--assignee"
    unassigned: bool = False
    tags: Sequence[str] = ()
    priority: str | None = None
    overdue: bool = False
    updated_since: str | None = None
    # No activity at or after this time (clock.parse_since_or_days: a date, a date-time, or Nd
    # days ago): no audit event on the claim, its notes, evidence or reviews. Not updated_at,
    # which a note or evidence leaves as it is (version checks compare it).
    untouched_since: str | None = None
    no_evidence: bool = False
    search: str | None = None
    # exact, moved, fuzzy, orphaned, or changed (fuzzy or orphaned: the quote changed or went)
    anchor: str | None = None
    # Only verdicts flagged for re-review (ClaimView.flagged).
    flagged: bool = False
    # Only proposed verdicts this person may approve: in review, proposed by someone else by
    # the sign-off's rule (`same_person`), so an approver's batch is not refused over their own
    # (trial57: the editor found theirs only when the batch was).
    approvable_by: str | None = None
    sort: str = "id"
    limit: int | None = None
    offset: int = 0

    @property
    def queue(self) -> bool:
        """Whether the queue's own rule chooses the claims: a person's queue with no status
        filter and not widened to their settled verdicts."""
        return bool(self.queue_of) and not (
            self.settled_too or self.statuses or self.open or self.flagged
        )

    @property
    def narrowed(self) -> bool:
        """Whether a filter other than whose claims and which statuses picks among them: a
        list it leaves empty says nothing of what the queue holds (trial330: `--mine
        --overdue` was said to be an empty queue)."""
        return bool(
            self.document_id is not None
            or self.speaker
            or self.claim_type
            or self.tags
            or self.priority
            or self.overdue
            or self.updated_since
            or self.untouched_since
            or self.no_evidence
            or self.search
            or self.anchor
            or self.approvable_by
        )

    @property
    def sign_off_queue(self) -> bool:
        """Whether this asks for the approver's sign-off queue and nothing else (`claim list
        --approvable`, in any order and page): a list it leaves empty says the queue is."""
        asked = replace(self, sort="id", limit=None, offset=0)
        return bool(self.approvable_by) and asked == ClaimFilter(approvable_by=self.approvable_by)

    @property
    def owner(self) -> str | None:
        """Whose claims are listed: the queue's person, or the owner asked for."""
        return self.queue_of or self.assignee

    def problem(self) -> InvalidInput | None:
        """Filters that contradict each other (refused by the query; asked by the CLI before it
        calls, to answer with a usage error)."""
        if self.queue_of and self.assignee:
            return InvalidInput(
                "a person's queue and an owner filter name two owners: choose one",
                hint=bad("owner_filters"),
            )
        if self.owner and self.unassigned:
            return InvalidInput(
                "an owner and 'unassigned' contradict each other", hint=bad("owner_filters")
            )
        if self.approvable_by and (self.statuses or self.open or self.overdue or self.flagged):
            return InvalidInput(
                "approvable claims are those in review: no other status filter applies",
                hint=bad("approvable"),
            )
        if self.statuses and (self.open or self.overdue or self.flagged):
            asked = []
            for name in self.statuses:
                try:
                    asked.append(parse_status(name))
                except InvalidInput as bad_name:
                    return bad_name
            named = ", ".join(s.value for s in asked)
            if (self.open or self.overdue) and not OPEN_STATUSES.intersection(asked):
                # Only an open claim is open or overdue: with none of the statuses asked for
                # open, the list is empty by a mistake, never an answer (session 45's new user).
                which = "'open'" if self.open else "'overdue'"
                return InvalidInput(
                    f"{which} and status {named} contradict each other: only an open claim is "
                    "open or overdue",
                    hint=bad("status_filters"),
                )
            if self.flagged and not any(holds_verdict(s.value) for s in asked):
                # A revision flags only a claim that holds a verdict, given or proposed
                # (`status.holds_verdict`), and any change of status clears the mark
                # (`claim_updates.update_claim`): an unverified, in-progress or withdrawn claim
                # is never flagged (trial211: "no claims match").
                return InvalidInput(
                    f"'flagged' and status {named} contradict each other: only a verdict, "
                    "given or proposed, is flagged for re-review",
                    hint=bad("flagged_filters"),
                )
        if self.search is not None and not self.search.strip():
            return InvalidInput("the search text is empty", hint=give("search"))
        if self.settled_too and not self.queue_of:
            return InvalidInput(
                "settled_too widens a person's queue: without queue_of every claim is listed "
                "whatever its status"
            )
        return None


def names_like(conn: Reader, name: str, column: Column = C.assignee) -> tuple[str, ...]:
    """Stored names (owners, or speakers) equal to `name` ignoring case, width and spacing,
    compared in Python: the distinct names are few, and the rule is the domain's, not a
    collation's (SQLite's lower() folds ASCII only, PostgreSQL's the rest too)."""
    wanted = name_keys(name)[0]
    return tuple(n for n in distinct_values(conn, column) if wanted in name_keys(n))


def unmatched(wb: Workbench, flt: ClaimFilter) -> list[str]:
    """For a listing that found nothing: each --assignee and --tag that no claim has, with the
    stored ones it may have meant (trial57: `--assignee alicia`, `--assignee "wang fang"` for
    王芳 and `--tag econ` said only "no claims match")."""
    from workbench.domain.people import closest_values

    said: list[str] = []
    with reading(wb) as conn:
        if flt.assignee and not names_like(conn, flt.assignee):
            owners = distinct_values(conn, C.assignee)
            near = closest_values(flt.assignee, owners, names=True)
            said.append(_did_you_mean(f"no claim is owned by {flt.assignee!r}", near))
        stored: list[str] | None = None
        for tag in flt.tags:
            if stored is None:
                stored = distinct_values(conn, tables.claim_tags.c.tag, "claim_tags")
            wanted = tag_key(normalise_tag(tag))
            if not any(tag_key(fold(s)) == wanted for s in stored):
                near = closest_values(wanted, stored, names=False)
                said.append(_did_you_mean(f"no claim is tagged {tag!r}", near))
    return said


def approvals_held_back(wb: Workbench, approver: str) -> HeldBack:
    """For `claim list --approvable` that found nothing: what keeps the claims in review from
    `approver` (approvable.held_back), in one read."""
    from workbench.services.approvable import held_back

    with reading(wb) as conn:
        return held_back(conn, approver)


def _did_you_mean(what: str, near: Sequence[str]) -> str:
    return f"{what}; did you mean {' or '.join(near)}?" if near else what


def tags_like(conn: Reader, tag: str) -> tuple[str, ...]:
    """The stored spellings of `tag`: itself folded, and any stored before tags were folded
    (`ｍｏｎｅｙ`, `Money`) that fold to it, so `--tag money` finds those claims too without a
    data migration (which would change tags behind the audit trail's back); and the same word
    in traditional or simplified characters (`--tag 融资` finds `融資`, stored before such a
    tag was refused beside the other: desk.TagTwins)."""
    wanted = normalise_tag(tag)
    key = tag_key(wanted)
    stored = distinct_values(conn, tables.claim_tags.c.tag, "claim_tags")
    return (wanted, *(s for s in stored if s != wanted and tag_key(fold(s)) == key))


def distinct_values(conn: Reader, column: Column, table: str = "claims") -> list[str]:
    """The distinct values of an indexed column of `table`, one index seek each (a loose index
    scan, as a recursive query both backends run): a desk has a few owners and speakers
    however many claims, and `SELECT DISTINCT` reads the whole index for them (120 ms on
    SQLite for 1,000,000 claims of 7 speakers; this, under a millisecond)."""
    name = column.name
    rows = conn.raw(
        Sql(
            f"WITH RECURSIVE v(x) AS (SELECT min({name}) FROM {table} UNION ALL "
            f"SELECT (SELECT min({name}) FROM {table} WHERE {name} > v.x) FROM v "
            "WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
        )
    )
    return [x for (x,) in rows]


def speaker_where(conn: Reader, name: str) -> Sql:
    """Claims made by `name`, however it is typed (a transcript's OKAFOR is `--speaker
    okafor`), and those whose speaker stands for the article's author (`Article author`,
    文章作者) in documents that author wrote, as ClaimReview publishes them (trial57: `--speaker
    新华社` found none of the 26 claims document 1 gave to its author, 新华社). A name no claim
    has is still asked as given, so the plan searches the speaker index either way."""
    speakers = distinct_values(conn, C.speaker)
    wanted = name_keys(name)[0]
    spellings = tuple(n for n in speakers if wanted in name_keys(n)) or (name,)
    by_name = in_(C.speaker, spellings)
    labels = [n for n in speakers if stands_for_author(n)]
    authors = documents_by(conn, wanted) if labels else []
    if not authors:
        return by_name
    d = tables.documents.c
    theirs = select(d.id, source=tables.documents).where(in_(d.author, authors))
    for_author = in_(C.speaker, labels) + " AND " + in_query(C.document_id, theirs)
    return "(" + by_name + " OR (" + for_author + "))"


def documents_by(conn: Reader, key: str) -> list[str]:
    """The stored authors of documents (each as stored: one name, or several joined as
    `bylines.author_names` splits them) that name the person of `key` (`name_keys`)."""
    from workbench.domain.bylines import author_names

    d = tables.documents.c
    stored = conn.rows(
        select(d.author, source=tables.documents)
        .where(f"{d.author} IS NOT NULL")
        .group_by(d.author)
    )
    return [
        author for (author,) in stored if any(key in name_keys(one) for one in author_names(author))
    ]


def overdue_where(day: dt.date) -> tuple[Sql, Sql]:
    """`is_overdue` (workbench.domain.desk) as WHERE conditions on `day` (clock.today, as
    `set_due` asks it): due before it, in an open status (OPEN_VALUES, from the predicate's
    OPEN_STATUSES). A claim with no due date is left out by the comparison (NULL < day is not
    true), as the predicate leaves it out."""
    return f"{C.due} < " + param(day), in_(C.status, OPEN_VALUES)


def claim_query(flt: ClaimFilter, conn: Reader, day: dt.date | None = None) -> Select:
    """Every value is a bound parameter; the only SQL text is ours. `day`: the date the
    overdue are judged by (clock.today when not given). The sign-off queue's claims
    (`approvable_by`) are only those the approval's rule is to be asked of (services.approvable's
    CANDIDATES): the rule is not SQL, so a caller lists them through services.approvable, which
    asks it of them in order (`_matching`, `claims_page`)."""
    q = CLAIMS
    if flt.statuses:
        q = q.where(in_(C.status, [parse_status(s).value for s in flt.statuses]))
    elif not (flt.withdrawn_too or flt.open or flt.queue or flt.overdue or flt.flagged):
        # (Those filters match no withdrawn claim: their plans are left as they were.)
        q = q.where(NOT_WITHDRAWN)
    if flt.open:
        q = q.where(in_(C.status, OPEN_VALUES))
    if flt.queue:
        q = q.where("(" + in_(C.status, OPEN_VALUES) + f" OR {FLAGGED})")
    if flt.document_id is not None:
        q = q.where(eq(C.document_id, min(max(flt.document_id, 0), INT_MAX)))
    if flt.speaker:
        q = q.where(speaker_where(conn, flt.speaker))
    if flt.approvable_by:
        from workbench.services.approvable import CANDIDATES

        q = q.where(*CANDIDATES)
    if flt.claim_type:
        q = q.where(eq(C.type, parse_claim_type(flt.claim_type).value))
    if (problem := flt.problem()) is not None:
        raise problem
    if flt.owner:
        q = q.where(in_(C.assignee, names_like(conn, flt.owner)))
    if flt.unassigned:
        q = q.where(f"{C.assignee} IS NULL")
    tags = tables.claim_tags.c
    for t in flt.tags:
        # IN (claims with the tag) rather than EXISTS per claim: the planner then starts from
        # the tag's index instead of walking every claim.
        with_tag = select(tags.claim_id, source=tables.claim_tags)
        q = q.where(in_query(C.id, with_tag.where(in_(tags.tag, tags_like(conn, t)))))
    if flt.priority:
        q = q.where(eq(C.priority, parse_priority(flt.priority).value))
    if flt.overdue:
        q = q.where(*overdue_where(today() if day is None else day))
    if flt.updated_since:
        # Bounded above as well: an open-ended range looks like a quarter of the table to
        # SQLite's planner (without STAT4), which then scans claims instead of the index.
        since = parse_since_or_days(flt.updated_since, UPDATED_AHEAD)
        q = q.where(f"{C.updated_at} BETWEEN " + param(since) + " AND " + param(FAR_FUTURE))
    if flt.untouched_since is not None:
        q = q.where(untouched_where(parse_since_or_days(flt.untouched_since)))
    if flt.no_evidence:
        ev = tables.evidence.c
        q = q.where(f"NOT (EXISTS (SELECT * FROM evidence WHERE {ev.claim_id} = {C.id}))")
    if flt.anchor is not None:
        q = q.where(in_(C.anchor_state, anchor_states(flt.anchor)))
    if flt.flagged:
        q = q.where(FLAGGED)
    if flt.search is not None:
        needle = flt.search.strip()  # not empty: problem() refused that above
        q = q.where(in_query(C.id, search_claim_ids(conn.dialect, normalise(needle))))
    return _sorted(q, flt.sort, due_set=flt.overdue)


def untouched_where(since: dt.datetime) -> Sql:
    """No event of the claim's (events.claim_id: its own, its notes', evidence's and reviews')
    at or after `since` that is work on it (`work_on_claim`: a revision's re-anchoring is
    not). NOT EXISTS, not NOT IN (events since): PostgreSQL plans it as an
    anti-join, where NOT IN's list, once past work_mem, is searched row by row for every claim;
    SQLite looks up each claim's few events by ix_events_claim_id. Either way the trail is never
    read whole, once or per claim."""
    e = tables.events.c
    return (
        Sql(f"NOT (EXISTS (SELECT * FROM events WHERE {e.claim_id} = {C.id} AND {e.at} >= ")
        + param(format_at(since))
        + Sql(" AND ")
        + work_on_claim()
        + Sql("))")
    )


def pinned(flt: ClaimFilter) -> ClaimFilter:
    """`flt` with a relative --untouched-since or --updated-since (7d) made the moment it
    means now, so that a page and its total, read by two statements, ask about the same
    time."""
    current = clock.now()
    if flt.untouched_since is not None:
        idle = parse_since_or_days(flt.untouched_since, current=current)
        flt = replace(flt, untouched_since=format_at(idle))
    if flt.updated_since is not None:
        moment = parse_since_or_days(flt.updated_since, UPDATED_AHEAD, current)
        flt = replace(flt, updated_since=format_at(moment))
    return flt


def anchor_states(name: str) -> tuple[str, ...]:
    # Imported here: the matcher module costs every read about 10 ms, and only --anchor needs it.
    from workbench.domain.anchoring import ANCHOR_STATES, AnchorState

    if name == "changed":
        return (AnchorState.FUZZY.value, AnchorState.ORPHANED.value)
    if name not in ANCHOR_STATES:
        valid = ", ".join((*ANCHOR_STATES, "changed"))
        raise InvalidInput(f"unknown anchor {name!r}; valid: {valid}")
    return (name,)


def _sorted(q: Select, sort: str, *, due_set: bool = False) -> Select:
    """`due_set`: every claim matched has a due date (the overdue)."""
    if sort == "id":
        return q.order_by(C.id)
    if sort == "updated":
        return q.order_by(f"{C.updated_at} DESC", C.id)
    if sort == "priority":
        return q.order_by(case(C.priority, PRIORITY_RANK, len(PRIORITY_RANK)), C.id)
    if sort == "due":
        if due_set:
            # No NULL to put last: without that term ix_claims_due gives the order and the first
            # page is read off it, where both backends sorted every overdue claim (25,000 of a
            # year's desk: 0.1 s on PostgreSQL, 0.15 s on SQLite, for 10 rows; perf269).
            return q.order_by(C.due, C.id)
        return q.order_by(f"{C.due} IS NULL", C.due, C.id)
    if sort == "created":
        return q.order_by(C.created_at, C.id)
    raise InvalidInput(f"unknown sort {sort!r}; valid: {', '.join(SORTS)}")


def _check_paging(flt: ClaimFilter) -> None:
    if flt.limit is not None:
        check_at_least(flt.limit, 0, "limit")
    check_at_least(flt.offset, 0, "offset")


def require_document(conn: Reader, document_id: int) -> None:
    """A typo in --doc is an error, not "no claims"."""
    document_row(conn, document_id, select(tables.documents.c.id, source=tables.documents))


def _check_owner(
    conn: Reader, name: str, what: str | None, *, role: str = "the queue's owner"
) -> None:
    """A read needs no registered name, but once the desk registers its people, a queue is
    one of theirs: `--as mraco claim list --mine` would show an empty queue for a typo, as if
    there were no work. Refused instead, with the names meant (as a change by mraco is).
    So is the sign-off queue (`--approvable`, `role` the reviewer) of a name `claim approve`
    would refuse (trial211: it listed every proposal as carol's to approve).
    An owner filter (`what`: its option) is refused alike, unless a claim has that owner (one
    assigned before the desk registered its people)."""
    u = tables.users.c
    rows = conn.rows(select(u.name, u.display, u.skeleton, source=tables.users))
    people = People.read((r.name, r.display, r.skeleton) for r in rows)
    owner = normalise_name(name, what or role)
    if not people or owner in people:
        return
    if what is not None and names_like(conn, name):
        return
    here = None
    if what is None and conn.dialect == "postgresql" and not people.looks_like_one(owner):
        bound = conn.rows(
            select(u.name, u.role, source=tables.users).where(f"{u.role} IS NOT NULL")
        )
        here = RoleNames.of(session_role(conn), ((r.name, r.role) for r in bound))
    raise people.refusal(owner, what, here)


def iter_claims(wb: Workbench, flt: ClaimFilter | None = None) -> Iterator[ClaimView]:
    """The matching claims in order, read a page at a time: a caller that writes each one out
    holds one page, not the whole list. Bad input is refused before the first claim."""
    flt = pinned(flt or ClaimFilter())
    _check_paging(flt)
    with reading(wb) as conn:
        yield from _matching(conn, flt)


def _matching(conn: Reader, flt: ClaimFilter, day: dt.date | None = None) -> Iterator[ClaimView]:
    _check_names(conn, flt)
    if flt.approvable_by:
        from workbench.services.approvable import approvable_claims

        # Judged in the list's order until the page is full (session 62: --limit 20 judged
        # the year desk's whole queue first).
        candidates = claim_query(flt, conn, day)
        yield from approvable_claims(conn, flt.approvable_by, candidates, flt.limit, flt.offset)
        return
    q = claim_query(flt, conn, day).paged(flt.limit, flt.offset)
    for page in conn.pages(q, PAGE):
        yield from claim_views(conn, page, activity=True)


def _check_names(conn: Reader, flt: ClaimFilter) -> None:
    """The document and the people a listing names exist (refused before any claim)."""
    if flt.document_id is not None:
        require_document(conn, flt.document_id)
    if flt.queue_of:
        _check_owner(conn, flt.queue_of, None)
    elif flt.assignee:
        _check_owner(conn, flt.assignee, flt.assignee_option)
    if flt.approvable_by:
        _check_owner(conn, flt.approvable_by, None, role="the reviewer")


def claims_stream(wb: Workbench, flt: ClaimFilter | None = None) -> Iterator[ClaimView]:
    """`iter_claims`, with its checks and query run now: errors surface before any output."""
    stream = iter_claims(wb, flt)
    first = next(stream, None)

    def chained() -> Iterator[ClaimView]:
        if first is not None:
            yield first
            yield from stream

    return chained()


def claims_page(wb: Workbench, flt: ClaimFilter) -> tuple[list[ClaimView], int]:
    """One page of the matching claims (`flt`'s limit and offset) and how many match in all,
    its paging left out: what the page is a part of. Both are read in one transaction, so a
    claim added in between cannot make the page disagree with its total, and on one day (the
    overdue's), so midnight passing between them cannot either (review274)."""
    flt = pinned(flt)
    _check_paging(flt)
    day = today()
    with reading(wb) as conn:
        if flt.approvable_by:
            from workbench.services.approvable import approvable_page

            # The total is the rule's answer for every claim in review: one pass gives the page
            # and the total, each claim judged once (it was twice: the page, then the total).
            _check_names(conn, flt)
            candidates = claim_query(flt, conn, day)
            return approvable_page(conn, flt.approvable_by, candidates, flt.limit, flt.offset)
        shown = list(_matching(conn, flt, day))
        return shown, int(conn.scalar(claim_query(flt, conn, day).count()) or 0)


def list_claims(wb: Workbench, flt: ClaimFilter | None = None) -> list[ClaimView]:
    return list(iter_claims(wb, flt))


def show_claim(wb: Workbench, claim_id: int) -> ClaimDetail:
    """A claim with its sentence, notes, evidence and history: one indexed query each."""
    from workbench.domain.segment import sentence_around  # compiles its patterns: show only
    from workbench.domain.sign_off import approval_names, sign_off, verdict_before

    with reading(wb) as conn:
        row = conn.first(CLAIMS.where(eq(C.id, claim_id))) if 1 <= claim_id <= INT_MAX else None
        if row is None:
            raise no_claim(claim_id)
        text = _revision_text(conn, row.document_id, row.revision)
        sentence = sentence_around(text, row.span_start, row.span_end)
        # The sentence is trimmed of whitespace; a span may include some, so widen to it.
        left = min(sentence.start, row.span_start)
        right = max(sentence.end, row.span_end)
        ev = tables.events.c
        notes = notes_of(conn, claim_id)
        evidence = evidence_of(conn, claim_id)
        events = [
            event_view(r)
            for r in conn.rows(
                select(*(c for c in ev if c.name != "claim_id"), source=tables.events)
                .where(eq(ev.claim_id, claim_id))
                .order_by(ev.seq)
            )
        ]
        moves = [(e.seq, e.actor, e.action, e.payload) for e in events]
        return ClaimDetail(
            claim=claim_view(row, _tags(conn, claim_id), len(evidence)),
            context_start=left,
            context=text[left:right],
            notes=notes,
            events=events,
            evidence=evidence,
            previous_quote=_previous_quote(events),
            judged_quote=_judged_quote(events, row.verdict_revision),
            sign_off=sign_off(moves, registered_for_sign_off(conn, approval_names(moves))),
            verdict_before=verdict_before((e.seq, e.actor, e.action, e.payload) for e in events),
            added_since_proposal=added_since_proposal(
                (proposal_action(e.action, e.payload), e.actor, e.entity_id) for e in events
            )
            if row.status == Status.IN_REVIEW.value
            else (),
        )


def _revision_text(conn: Reader, document_id: int, number: int) -> str:
    """The text of the revision a claim's span points into (it has one)."""
    text = stored_text(conn, document_id, number)
    if text is None:
        raise RuntimeError(f"document #{document_id} has no revision {number}")
    return text


def _previous_quote(events: list[EventView]) -> str | None:
    """The quote the last re-anchoring replaced, if the last one changed it."""
    for ev in reversed(events):
        before = ev.payload.get("before")
        if ev.action in REANCHOR_ACTIONS:
            if isinstance(before, dict) and isinstance(before.get("quote"), str):
                return str(before["quote"])
            return None
    return None


def _judged_quote(events: list[EventView], flagged_on: int | None) -> str | None:
    """For a verdict flagged for re-review, the quote it was given on: the claim's quote just
    before the re-anchoring that flagged it. `previous_quote` is lost once a later revision
    re-anchors the claim again without changing its words (trial263), and the editor checking
    it again needs these words beside the new ones."""
    if flagged_on is None:
        return None
    quote: str | None = None
    judged: str | None = None
    for ev in events:
        after = ev.payload.get("after")
        if not isinstance(after, dict):
            continue
        if after.get("verdict_revision") == flagged_on:
            judged = quote
        if isinstance(after.get("quote"), str):
            quote = str(after["quote"])
    return judged


def _tags(conn: Reader, claim_id: int) -> list[str]:
    t = tables.claim_tags.c
    q = select(t.tag, source=tables.claim_tags).where(eq(t.claim_id, claim_id))
    # Code point order, as SQLite compares: PostgreSQL's collation orders tags its own way.
    return sorted(r.tag for r in conn.rows(q))


@dataclass(frozen=True, slots=True)
class Listed:
    """A short list of the board and how many claims it was taken from."""

    total: int
    claims: list[ClaimView] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "claims": [c.to_json() for c in self.claims]}


@dataclass(slots=True)
class OwnerLoad:
    """What one owner holds: claims still to check (unverified or in progress), verdicts
    awaiting approval (in review), verdicts flagged for re-review, and all their claims."""

    to_check: int = 0
    awaiting_approval: int = 0
    flagged: int = 0
    total: int = 0
    # Of those to check, how many nobody has worked on since a moment (`stats
    # --untouched-since`): None unless asked.
    untouched: int | None = None

    def to_json(self) -> dict[str, int]:
        return {
            "to_check": self.to_check,
            **({} if self.untouched is None else {"untouched": self.untouched}),
            "awaiting_approval": self.awaiting_approval,
            "flagged": self.flagged,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class Stats:
    by_status: dict[str, int]
    by_assignee: dict[str, int]
    by_owner: dict[str, OwnerLoad]
    by_type: dict[str, int]
    oldest_open: Listed
    awaiting_approval: Listed
    open_without_evidence: Listed
    overdue: Listed
    flagged: Listed
    # Who did what since a moment (`stats --since`): None unless asked.
    activity: Activity | None = None
    # The moment each owner's untouched claims are counted from (format_at): None unless asked.
    untouched_since: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "total": sum(self.by_status.values()),
            "by_status": self.by_status,
            "by_assignee": self.by_assignee,
            "by_owner": {name: load.to_json() for name, load in self.by_owner.items()},
            "by_type": self.by_type,
            "open": self.oldest_open.total,
            "oldest_open": [c.to_json() for c in self.oldest_open.claims],
            "awaiting_approval_total": self.awaiting_approval.total,
            "awaiting_approval": [c.to_json() for c in self.awaiting_approval.claims],
            "open_without_evidence_total": self.open_without_evidence.total,
            "open_without_evidence": [c.to_json() for c in self.open_without_evidence.claims],
            "overdue_total": self.overdue.total,
            "overdue": [c.to_json() for c in self.overdue.claims],
            "flagged_total": self.flagged.total,
            "flagged": [c.to_json() for c in self.flagged.claims],
            **({} if self.activity is None else {"activity": self.activity.to_json()}),
            **({} if self.untouched_since is None else {"untouched_since": self.untouched_since}),
        }


UNASSIGNED = NOBODY


def _by_name(key: str) -> tuple[bool, str]:
    """The order of a board's groups: by name (code point order, as Python compares), the
    unassigned last. Sorted here, not by the database: SQLite puts NULL first and PostgreSQL
    last, and PostgreSQL's collation orders names its own way, so `stats --json` differed."""
    return (key == UNASSIGNED, key)


def grouped(conn: Reader, column: Column) -> dict[str, int]:
    """Claims counted by `column`'s value, in `_by_name` order (a missing value: UNASSIGNED).
    (The board's counts by owner and type, withdrawn left out: `board_counts`.)"""
    counts: dict[str, int] = defaultdict(int)
    for k, n in conn.rows(select(column, count_star(), source=tables.claims).group_by(column)):
        counts[k if k is not None else UNASSIGNED] += n
    return _in_board_order(counts)


def owner_of(stored: str | None) -> str:
    """The owner a stored assignee counts under: the name's form today (an earlier version's
    `王 芳` is 王芳, whom `claim list --assignee 王芳` lists them for), UNASSIGNED for none."""
    return UNASSIGNED if stored is None else current_form(stored)


# The open statuses an owner still has to work on: all but in review (OwnerLoad.to_check).
_TO_CHECK_VALUES = [v for v in OPEN_VALUES if v != Status.IN_REVIEW.value]


_V = TypeVar("_V")


@dataclass(frozen=True, slots=True)
class BoardCounts:
    """The board's counts, from one aggregate (`board_counts`): by status (withdrawn among
    them), owner and type (withdrawn left out), each owner's load, and the totals of the
    board's lists that are counts of claims by those keys."""

    by_status: dict[str, int]
    by_assignee: dict[str, int]
    by_type: dict[str, int]
    by_owner: dict[str, OwnerLoad]
    open: int
    in_review: int
    overdue: int
    flagged: int


def board_counts(conn: Reader, day: dt.date) -> BoardCounts:
    """The claims counted once, grouped by whether they are overdue on `day` (as
    `overdue_where` asks it) and flagged (FLAGGED), status, owner and type; every count of the
    board but the claims without evidence is a sum of those groups (a few thousand rows at
    most). One scan of claims, where the board read it by four aggregates and three counts
    (perf269: 1.1 s of a year's desk's 1.7 s on SQLite). The keys that are expressions come
    first: grouped by owner first, SQLite walked ix_claims_assignee and looked every row up."""
    source = (
        Sql(
            f"(SELECT {C.assignee} AS assignee, {C.status} AS status, {C.type} AS type, "
            f"{FLAGGED} AS flagged, "
        )
        + f"{C.due} < "
        + param(day)
        + " AS late FROM claims) AS counted"
    )
    keys = (
        Column("late", "late", Kind.BOOLEAN),  # NULL (no due date): not overdue
        Column("flagged", "flagged", Kind.BOOLEAN),
        Column("status", "status"),
        Column("assignee", "assignee"),
        Column("type", "type"),
    )
    statuses: dict[str, int] = defaultdict(int)
    owners: dict[str, int] = defaultdict(int)
    types: dict[str, int] = defaultdict(int)
    loads: dict[str, OwnerLoad] = defaultdict(OwnerLoad)
    open_ = in_review = overdue = flagged = 0
    for late, is_flagged, status, assignee, claim_type, n in conn.rows(
        select(*keys, count_star(), source=source).group_by(*keys)
    ):
        statuses[status if status is not None else UNASSIGNED] += n
        owner = owner_of(assignee)
        if is_flagged:
            # Withdrawn ones too, as the flagged list counts them.
            flagged += n
            loads[owner].flagged += n
        if status in OPEN_VALUES:
            open_ += n
            overdue += n if late else 0
        if status == WITHDRAWN_VALUE:
            continue  # taken back: no one's load, of no type
        owners[owner] += n
        types[claim_type if claim_type is not None else UNASSIGNED] += n
        load = loads[owner]
        load.total += n
        if status == Status.IN_REVIEW.value:
            in_review += n
            load.awaiting_approval += n
        elif status in OPEN_VALUES:
            load.to_check += n
    return BoardCounts(
        by_status=dict.fromkeys(STATUS_NAMES, 0) | _in_board_order(statuses),
        by_assignee=_in_board_order(owners),
        by_type=_in_board_order(types),
        by_owner=_in_board_order(loads),
        open=open_,
        in_review=in_review,
        overdue=overdue,
        flagged=flagged,
    )


def _in_board_order(counts: dict[str, _V]) -> dict[str, _V]:
    return {k: counts[k] for k in sorted(counts, key=_by_name)}


def count_untouched(
    conn: Reader, loads: dict[str, OwnerLoad], untouched_since: dt.datetime
) -> None:
    """Each owner's claims to check with no activity since `untouched_since`
    (`untouched_where`, claim list's rule), into `loads` (OwnerLoad.untouched)."""
    for load in loads.values():
        load.untouched = 0
    # Of those to check, as `to_check` counts them: a claim in review waits for its
    # approver, and counted here it made `untouched` more than `to_check` (review85).
    idle = (
        select(C.assignee, count_star(), source=tables.claims)
        .where(in_(C.status, _TO_CHECK_VALUES))
        .where(untouched_where(untouched_since))
    )
    for owner, n in conn.rows(idle.group_by(C.assignee)):
        load = loads[owner_of(owner)]  # (王 芳 and 王芳 are one owner: summed)
        load.untouched = (load.untouched or 0) + n


def listed(
    conn: Reader,
    flt: ClaimFilter,
    limit: int,
    total: int | None = None,
    day: dt.date | None = None,
) -> Listed:
    """How many claims match `flt` (one aggregate, unless the caller knows), and the first
    `limit` of them; the overdue judged on `day` (a caller that counted them gives its day)."""
    q = claim_query(flt, conn, day)
    if total is None:
        total = int(conn.scalar(q.only(C.id).count()))
    # None to list: no statement (the flagged, on a desk with none, were looked for through
    # every claim, perf269).
    rows = conn.rows(q.paged(limit)) if limit and total else []
    return Listed(total, claim_views(conn, rows))


def stats(
    wb: Workbench,
    limit: int = BOARD_LIMIT,
    since: str | None = None,
    until: str | None = None,
    untouched_since: str | None = None,
) -> Stats:
    """Counts by status (withdrawn claims among them, in a row of their own), owner (each one's
    load) and type (neither counts a withdrawn claim: it is no one's work), and the oldest
    open, the awaiting approval, the open without evidence, the most overdue and the
    flagged-for-re-review claims: `limit` of each (with how many). With `since` (and
    `until`), also who did what in that span (`activity`), read in the same transaction.
    With `untouched_since` (as claim list's: a date, a date-time or Nd), each owner's claims
    to check that nobody has worked on since then (OwnerLoad.untouched)."""
    check_at_least(limit, 0, "limit")
    span = activity_span(since, until)
    idle = None if untouched_since is None else parse_since_or_days(untouched_since)
    with reading(wb) as conn:
        # One day for the whole board: the overdue are counted (board_counts) and listed on
        # it, or midnight passing between the two showed "overdue (2 of 1)" (review274).
        day = today()
        counts = board_counts(conn, day)
        if idle is not None:
            count_untouched(conn, counts.by_owner, idle)
        return Stats(
            by_status=counts.by_status,
            by_assignee=counts.by_assignee,
            by_owner=counts.by_owner,
            by_type=counts.by_type,
            oldest_open=listed(conn, ClaimFilter(open=True, sort="created"), limit, counts.open),
            awaiting_approval=listed(
                conn,
                ClaimFilter(statuses=[Status.IN_REVIEW.value], sort="created"),
                limit,
                counts.in_review,
            ),
            open_without_evidence=listed(
                conn, ClaimFilter(open=True, no_evidence=True, sort="created"), limit
            ),
            overdue=listed(conn, ClaimFilter(overdue=True, sort="due"), limit, counts.overdue, day),
            flagged=listed(conn, ClaimFilter(flagged=True), limit, counts.flagged),
            activity=None if span is None else activity(conn, span),
            untouched_since=None if idle is None else format_at(idle),
        )
