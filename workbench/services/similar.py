"""Has this been checked before? Fuzzy matching of a claim against every claim in the database.

rapidfuzz does the string work: token-set similarity over the normalised claim texts (word order
and repeated words do not matter, which suits English paraphrases) and character-level
similarity over the quotes (which suits Chinese, where there are no words to tokenise). A quote
that stands inside another (the same passage quoted shorter or longer) counts as a match when it
is long enough to mean something. A pair scores the better of the two, scaled to 0..1.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process, utils
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workbench.db.models import Claim
from workbench.domain.errors import InvalidInput
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.views import ClaimView, SimilarRef

DEFAULT_MIN_SCORE = 0.7
# A quote inside another counts only if it carries enough text to mean something: a CJK
# character weighs about a word, other characters (letters, digits, punctuation) less.
# "只有四家公司" (6) counts; "MiniMax" (2.8) inside a long sentence says nothing.
CONTAINED_MIN_WEIGHT = 5.0
CONTAINED_MIN_SHARE = 0.1
OTHER_CHAR_WEIGHT = 0.4


def _weight(text: str) -> float:
    return sum(1.0 if "\u2e80" <= ch <= "\U0003134f" else OTHER_CHAR_WEIGHT for ch in text)


def quote_similarity(a: str, b: str, *, score_cutoff: float | None = None, **_: Any) -> float:
    score = fuzz.ratio(a, b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if _weight(short) >= CONTAINED_MIN_WEIGHT and len(short) >= CONTAINED_MIN_SHARE * len(long_):
        score = max(score, fuzz.partial_ratio(short, long_))
    return score if score_cutoff is None or score >= score_cutoff else 0.0


@dataclass(frozen=True, slots=True)
class Similar:
    claim: ClaimView
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return {**self.claim.to_json(), "similarity": self.similarity}

    def ref(self) -> SimilarRef:
        c = self.claim
        label = c.rating["label"] if c.rating else None
        return SimilarRef(c.id, c.status, str(label) if label else None, c.text, self.similarity)


def find_similar(
    tx: Tx,
    text: str,
    quote: str,
    *,
    exclude: Collection[int] = (),
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int = 10,
) -> list[Similar]:
    if not 0.0 <= min_score <= 1.0:
        raise InvalidInput(f"--min-score must be between 0 and 1 (got {min_score})")
    rows = tx.session.execute(select(Claim.id, Claim.text, Claim.quote)).all()
    skip = set(exclude)
    texts = {cid: t for cid, t, _ in rows if cid not in skip}
    quotes = {cid: q for cid, _, q in rows if cid not in skip}
    cutoff = min_score * 100
    best: dict[int, float] = {}
    for choices, query, scorer, processor in (
        (texts, text, fuzz.token_set_ratio, utils.default_process),
        (quotes, quote, quote_similarity, None),
    ):
        for _, score, cid in process.extract(
            query, choices, scorer=scorer, processor=processor, score_cutoff=cutoff, limit=None
        ):
            best[cid] = max(best.get(cid, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
    if not ranked:
        return []
    claims = {
        c.id: c
        for c in tx.session.scalars(
            select(Claim)
            .where(Claim.id.in_([cid for cid, _ in ranked]))
            .options(selectinload(Claim.tags), selectinload(Claim.evidence))
        )
    }
    return [Similar(ClaimView.of(claims[cid]), round(score / 100, 3)) for cid, score in ranked]


def similar_claims(
    wb: Workbench, claim_id: int, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 10
) -> list[Similar]:
    """Claims in any document that look like claim `claim_id`, best first."""
    with transaction(wb) as tx:
        claim = get_claim_row(tx, claim_id)
        return find_similar(
            tx, claim.text, claim.quote, exclude={claim.id}, min_score=min_score, limit=limit
        )


def with_similar(tx: Tx, claim: Claim, siblings: Collection[int] = ()) -> ClaimView:
    """The view of a just-added claim, carrying the earlier claims that resemble it.

    `siblings` are claims added in the same operation (a seed file, an accepted extraction):
    they are not "checked before", so they are left out.
    """
    found = find_similar(tx, claim.text, claim.quote, exclude={claim.id, *siblings})
    return replace(ClaimView.of(claim), similar=tuple(s.ref() for s in found))
