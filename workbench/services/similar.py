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

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workbench.db.models import Claim
from workbench.defaults import SIMILAR_LIMIT, SIMILAR_MIN_SCORE
from workbench.domain.inputs import check_at_least, check_score
from workbench.services import similar_index
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.progress import Tally
from workbench.services.views import ClaimView, SimilarRef


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
) -> list[Similar]:
    """Claims in any document that look like claim `claim_id`, best first."""
    check_score(min_score)
    check_at_least(limit, 0, "limit")
    with transaction(wb) as tx:
        get_claim_row(tx, claim_id)
        stale = similar_index.is_stale(tx)
    if stale:
        # Claims came or changed since the last search: index them first (derived data, no
        # audit event; the writer's lock keeps two searches from indexing the same claim).
        with transaction(wb, write=True, derived=True) as tx:
            similar_index.refresh(tx)
    with transaction(wb) as tx:
        claim = get_claim_row(tx, claim_id)
        ranked = similar_index.search(tx, claim.text, claim.quote, {claim.id}, min_score)
        return _views(tx, ranked[:limit])


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
