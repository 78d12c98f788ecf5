"""Has this been checked before? A claim against every claim in the database (but those
withdrawn: taken back, they answer nothing), by meaning.

Two claims are alike when they share meaning-bearing terms: the same figures (whatever way they
are written), names, dates and key words, weighted by how rare each is across all claims (see
`domain/similarity/`). Text and quote count together, so a claim written in English about a
Chinese quote finds an earlier claim in Chinese through the quote's terms and the figures. The
index (`similar_index.py`) keeps the terms in the database, so a search reads the postings of
a few rare terms instead of every claim.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workbench.db.backend import read_only_session, statistics_refreshed, writer_handover
from workbench.db.models import Claim
from workbench.defaults import SIMILAR_LIMIT, SIMILAR_MIN_SCORE
from workbench.domain.errors import NO_DESK, READ_ONLY_SERVER, NotFound, StorageError
from workbench.domain.inputs import check_at_least, check_score
from workbench.services import similar_index
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.progress import Progress, Tally
from workbench.services.views import ClaimView, SimilarRef

if TYPE_CHECKING:
    from sqlalchemy import Table


@dataclass(frozen=True, slots=True)
class Similar:
    claim: ClaimView
    similarity: float
    why: tuple[str, ...] = ()  # what the score rests on and what lowered it

    def to_json(self) -> dict[str, Any]:
        return {**self.claim.to_json(), "similarity": self.similarity, "why": list(self.why)}

    def ref(self) -> SimilarRef:
        c = self.claim
        label = c.rating["label"] if c.rating else None
        return SimilarRef(
            c.id, c.status, str(label) if label else None, c.text, self.similarity, c.flagged
        )


def _views(tx: Tx, ranked: list[similar_index.Found]) -> list[Similar]:
    if not ranked:
        return []
    claims = {
        c.id: c
        for c in tx.session.scalars(
            select(Claim)
            .where(Claim.id.in_([f.claim_id for f in ranked]))
            .options(selectinload(Claim.tags), selectinload(Claim.evidence))
        )
    }
    return [
        Similar(ClaimView.of(claims[f.claim_id]), f.score, f.why)
        for f in ranked
        if f.claim_id in claims
    ]


def similar_claims(
    wb: Workbench,
    claim_id: int,
    *,
    min_score: float = SIMILAR_MIN_SCORE,
    limit: int = SIMILAR_LIMIT,
    progress: Progress | None = None,
) -> list[Similar]:
    """Claims in any document that look like claim `claim_id`, best first. `progress` hears
    the claims gone through while the index catches up (`catch_up`)."""
    check_score(min_score)
    check_at_least(limit, 0, "limit")
    with transaction(wb) as tx:
        get_claim_row(tx, claim_id)
    catch_up(wb, progress, searching=True)
    with transaction(wb) as tx:
        claim = get_claim_row(tx, claim_id)
        ranked = similar_index.search(tx, claim.text, claim.quote, {claim.id}, min_score)
        return _views(tx, ranked[:limit])


INDEX_ON_READ_ONLY_SERVER = (
    "the similar-claims index is behind the desk's claims, and the database server is "
    "read-only for this connection (a standby, or default_transaction_read_only set for the "
    "role or database), so it cannot be brought up to date here; ask for similar claims once "
    "against the primary server (which brings it up to date), then ask here again"
)

INDEX_ON_READ_ONLY_CONNECTION = (
    "the similar-claims index is behind the desk's claims, and {set_by} set "
    "default_transaction_read_only on for this connection, so it cannot be brought up to date "
    "here; ask for similar claims once without it (which brings it up to date), then ask here "
    "again"
)


def _index_on_read_only(url: str) -> StorageError:
    """The refusal of a search whose index is behind on a session the server keeps read-only:
    the index is what could not be written, and where it can be is said (the URL's options or
    PGOPTIONS, when this client set the mode itself; else the primary server)."""
    from workbench.db.pg_options import read_only_set_by

    if (set_by := read_only_set_by(url)) is not None:
        said = INDEX_ON_READ_ONLY_CONNECTION.format(set_by=set_by)
        return StorageError(said, reason=READ_ONLY_SERVER)
    return StorageError(INDEX_ON_READ_ONLY_SERVER, reason=READ_ONLY_SERVER)


# Claims gone through per transaction of a catch-up: about a second's work, so that another
# person's command waits a second or two at most, not the whole rebuild (trial53: 126 s after
# a restore, and a colleague's `claim tag` failed on SQLite's lock).
CATCH_UP_WINDOW = 2000


def catch_up(wb: Workbench, progress: Progress | None = None, *, searching: bool = False) -> int:
    """Index the claims that came or changed since the index was last brought up to date (all
    of them after a restore or a change of its terms), a window of CATCH_UP_WINDOW claims per
    transaction of its own; how many were indexed.

    The index is derived data (no audit event); each window's transaction takes the writer's
    lock, which keeps two catch-ups from indexing the same claim, and gives it back within
    about a second. Between windows the index is partly built: a search meanwhile catches up
    the rest itself. Called before a command's own transaction, which then indexes only what
    it adds (`with_similar`).

    On a server that keeps the session read-only (a standby, default_transaction_read_only)
    the index cannot be written, which is found out before writing: a search (`searching`),
    which needs the index, is refused in the index's words (a read, told otherwise of a change
    it never asked for); a write's catch-up indexes nothing and leaves the refusal to the
    write's own transaction, in the words every write on such a server is refused in."""
    if wb.missing_file():
        return 0  # a database the command is about to start holds no claim yet
    try:
        with transaction(wb) as tx:
            if not similar_index.is_stale(tx):
                return 0
            total = similar_index.claim_count(tx)
            read_only = bool(total) and read_only_session(tx.session.connection())
    except NotFound as refused:
        # No workbench tables (a server's empty schema, another program's file): no claim
        # to index. The read refuses to set a desk up; the write that called this one does.
        if refused.reason != NO_DESK:
            raise
        return 0
    if not total:
        return 0  # nothing to index (and a refused command leaves the index as it was)
    if read_only:
        if searching:
            raise _index_on_read_only(wb.url)
        return 0
    tally = Tally(progress, total, every=CATCH_UP_WINDOW)
    with transaction(wb, write=True, derived=True) as tx:
        similar_index.start_afresh_if_outdated(tx)
    done = last = 0
    pause = 0.0
    while True:
        if pause:
            time.sleep(pause)  # another writer's turn (backend.writer_handover)
        with transaction(wb, write=True, derived=True) as tx:
            step = similar_index.refresh_window(tx, last, window=CATCH_UP_WINDOW)
            pause = writer_handover(tx.session.get_bind().dialect.name)
            if step is not None:
                done += step.indexed
            if (step is None or not step.full) and done >= CATCH_UP_WINDOW:
                # Rows written in bulk (a first search, a restore: 2.3 million postings on a
                # year's desk), which PostgreSQL's planner knew nothing of until autovacuum
                # came by, or never where it is off: a search read its pool's postings by
                # scanning them all (0.24 s of the server's, against 0.015 s by the primary
                # key's index). In the last window (one not full, or the one that found none
                # after a full one: rpgscale, the first alone missed every claim count not a
                # multiple of the window), its own claims counted: no commit more.
                tables = [cast("Table", m.__table__) for m in similar_index.INDEX_TABLES]
                statistics_refreshed(tx.session.connection(), tables)
        if step is None:
            break
        last = step.last
        tally.add(min(CATCH_UP_WINDOW, total - tally.done))
        if not step.full:
            break  # the last window: no turn to give before a next one
    tally.end()
    return done


def with_similar(
    tx: Tx, claims: Sequence[Claim], limit: int = 5, tally: Tally | None = None
) -> list[ClaimView]:
    """Views of just-added claims, each carrying the earlier claims that resemble it.

    Claims added in the same operation (a seed file, an accepted extraction) are not "checked
    before", so they are left out of each other's matches. Runs in the caller's write
    transaction, which indexes the new claims with the rest. `tally` counts each claim once
    it is compared (thousands of them take minutes).
    """
    if not claims:
        return []  # nothing new (a seed loaded twice): nothing to index or rank now
    similar_index.refresh(tx)
    added = {c.id for c in claims}
    if similar_index.indexed_count(tx) <= len(added):
        # No claim but these (a first extraction): nothing was checked before.
        each = claims if tally is None else tally.counting(claims)  # the count a search keeps
        return [replace(ClaimView.of(claim), similar=()) for claim in each]
    leave_out = similar_index.outside(added)
    shared = similar_index.memo(tx)
    views = []
    for claim in claims if tally is None else tally.counting(claims):
        ranked = similar_index.search(
            tx, claim.text, claim.quote, added, SIMILAR_MIN_SCORE, leave_out, shared
        )
        found = _views(tx, ranked[:limit])
        views.append(replace(ClaimView.of(claim), similar=tuple(s.ref() for s in found)))
    return views
