"""Has this been checked before? Fuzzy matching of a claim against every claim in the database.

rapidfuzz does the string work: token similarity over the normalised claim texts (word order and
repeated words do not matter, which suits English paraphrases) and character-level
similarity over the quotes (which suits Chinese, where there are no words to tokenise). A quote
that stands inside another (the same passage quoted shorter or longer) counts as a match when it
is long enough to mean something. A pair scores the better of the two, scaled to 0..1.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process, utils
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workbench.db.models import Claim
from workbench.defaults import SIMILAR_LIMIT, SIMILAR_MIN_SCORE
from workbench.domain.inputs import check_at_least, check_score
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.views import ClaimView, SimilarRef

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


# Token-set similarity calls a text that is a subset of another identical ("MiniMax raised
# money" vs "MiniMax never raised money from Tencent" scores 100). It is used only when the
# shorter text has enough words and is not much shorter; otherwise word order counts too.
SUBSET_MIN_WORDS = 5
SUBSET_MIN_SHARE = 0.6


def text_similarity(a: str, b: str, *, score_cutoff: float | None = None, **_: Any) -> float:
    words_a, words_b = len(a.split()), len(b.split())
    short, long_ = sorted((words_a, words_b))
    if short >= SUBSET_MIN_WORDS and short >= SUBSET_MIN_SHARE * long_:
        score = fuzz.token_set_ratio(a, b)
    else:
        score = fuzz.token_sort_ratio(a, b)
    return score if score_cutoff is None or score >= score_cutoff else 0.0


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every claim's text and quote, read once per transaction however many claims it checks."""

    texts: dict[int, str]
    quotes: dict[int, str]

    @classmethod
    def load(cls, tx: Tx) -> Corpus:
        rows = tx.session.execute(select(Claim.id, Claim.text, Claim.quote)).all()
        return cls(
            texts={cid: utils.default_process(t) for cid, t, _ in rows},
            quotes={cid: q for cid, _, q in rows},
        )

    def best(
        self, text: str, quote: str, exclude: Collection[int], min_score: float
    ) -> list[tuple[int, float]]:
        skip = set(exclude)
        cutoff = min_score * 100
        best: dict[int, float] = {}
        for choices, query, scorer in (
            (self.texts, utils.default_process(text), text_similarity),
            (self.quotes, quote, quote_similarity),
        ):
            pool = {cid: value for cid, value in choices.items() if cid not in skip}
            for _, score, cid in process.extract(
                query, pool, scorer=scorer, score_cutoff=cutoff, limit=None
            ):
                best[cid] = max(best.get(cid, 0.0), float(score))
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def _views(tx: Tx, ranked: list[tuple[int, float]]) -> list[Similar]:
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
    wb: Workbench,
    claim_id: int,
    *,
    min_score: float = SIMILAR_MIN_SCORE,
    limit: int = SIMILAR_LIMIT,
) -> list[Similar]:
    """Claims in any document that look like claim `claim_id`, best first."""
    check_score(min_score)
    check_at_least(limit, 1, "limit")
    with transaction(wb) as tx:
        claim = get_claim_row(tx, claim_id)
        ranked = Corpus.load(tx).best(claim.text, claim.quote, {claim.id}, min_score)
        return _views(tx, ranked[:limit])


def with_similar(tx: Tx, claims: Sequence[Claim], limit: int = 5) -> list[ClaimView]:
    """Views of just-added claims, each carrying the earlier claims that resemble it.

    Claims added in the same operation (a seed file, an accepted extraction) are not "checked
    before", so they are left out of each other's matches.
    """
    corpus = Corpus.load(tx)
    added = {c.id for c in claims}
    views = []
    for claim in claims:
        ranked = corpus.best(claim.text, claim.quote, added, SIMILAR_MIN_SCORE)[:limit]
        found = _views(tx, ranked)
        views.append(replace(ClaimView.of(claim), similar=tuple(s.ref() for s in found)))
    return views
