"""Claim discovery: check-worthy sentences of a stored document, and turning them into claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from workbench.db.models import Claim
from workbench.defaults import EXTRACT_MIN_SCORE
from workbench.domain.attribution import LEAD, quoted_speaker
from workbench.domain.best import best_in_order
from workbench.domain.checkworthy import Candidate, find_candidates
from workbench.domain.claim_identity import claim_text
from workbench.domain.covered import Covered, Intervals, Spans
from workbench.domain.errors import InvalidInput
from workbench.domain.inputs import check_at_least, check_score
from workbench.domain.limits import REFUSED_IN_TEXT
from workbench.domain.segment import without_stage_directions
from workbench.domain.spans import span_at
from workbench.domain.status import ClaimType
from workbench.domain.transcript import read_transcript
from workbench.services.claims import insert_claim
from workbench.services.context import Workbench, mutation, transaction
from workbench.services.lookup import get_document
from workbench.services.progress import CLAIMS_EVERY, Progress, Tally
from workbench.services.revisions import revision_text
from workbench.services.similar import catch_up, with_similar
from workbench.services.views import ClaimView

# Decimals of a candidate's `logit` and contributions in JSON (docs/json.md).
LOGIT_DECIMALS = 6


def candidate_json(c: Candidate) -> dict[str, Any]:
    """The candidate's fields in declaration order (JSON has lists, not tuples), then what
    explains its score: the raw value and its terms, each an object (see docs/json.md)."""
    logit = c.logit()
    return {
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "score": c.score,
        "reasons": list(c.reasons),
        "suggested_type": c.suggested_type,
        "speaker": c.speaker,
        # To a score's 3 decimals (a Chinese clause's learnt bar is no round number); rounding
        # both alike keeps every score shown at or above its threshold shown.
        "threshold": None if c.threshold is None else round(c.threshold, 3),
        "logit": None if logit is None else round(logit, LOGIT_DECIMALS),
        "contributions": [
            {"kind": kind, "name": name, "value": round(value, LOGIT_DECIMALS)}
            for kind, name, value in c.contributions()
        ],
    }


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """What `extract` looks for, the same whether the candidates are listed or accepted."""

    min_score: float = EXTRACT_MIN_SCORE
    # The `limit` highest-scoring candidates (of equal scores, the earlier), still in document
    # order; with `accept_candidates`, of those that can be added. None: all of them.
    limit: int | None = None
    # Whether the document is read as a transcript of `SPEAKER: text` lines: "auto", "on" or
    # "off" (see `domain.transcript`).
    speakers: str = "auto"

    def check(self) -> None:
        check_score(self.min_score)
        if self.limit is not None:
            check_at_least(self.limit, 0, "limit")


def extract(
    wb: Workbench,
    document_id: int,
    options: ExtractOptions | None = None,
    progress: Progress | None = None,
) -> list[Candidate]:
    """Candidates in document order (the best `options.limit` of them); `progress` hears the
    sentences scored."""
    options = options or ExtractOptions()
    options.check()
    with transaction(wb) as tx:
        _, text = revision_text(tx, get_document(tx, document_id))
    return best_in_order(_candidates(text, options, progress), options.limit, _score)


def _candidates(text: str, options: ExtractOptions, progress: Progress | None) -> list[Candidate]:
    transcript = read_transcript(text, options.speakers)
    return find_candidates(text, options.min_score, progress, transcript)


def _score(c: Candidate) -> float:
    return c.score


@dataclass(frozen=True, slots=True)
class Unfit:
    """A candidate whose sentence cannot be a claim text as it stands (over the length limit,
    or holding a control character): the person writes the claim instead."""

    candidate: Candidate
    problem: str

    def to_json(self) -> dict[str, Any]:
        return {**candidate_json(self.candidate), "problem": self.problem}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A candidate a claim already covers, wholly or in part: the first claims that do, and
    how many of its letters and digits none covers. A claim pinned to one phrase of a sentence
    holds the whole sentence back; the person sees which, and may claim the rest."""

    candidate: Candidate
    covered_by: tuple[int, ...]
    uncovered: int

    @property
    def in_part(self) -> bool:
        """Whether enough is left uncovered to be a claim of its own (a name, a figure)."""
        return self.uncovered >= IN_PART

    def to_json(self) -> dict[str, Any]:
        return {
            **candidate_json(self.candidate),
            "covered_by": list(self.covered_by),
            "uncovered": self.uncovered,
        }


# Letters and digits a skipped candidate leaves uncovered that make it covered only in part:
# four hold a figure with its unit (100兆瓦时) or a short name.
IN_PART = 4


@dataclass(frozen=True, slots=True)
class Accepted:
    added: list[ClaimView]
    # Candidates already covered by a claim.
    skipped: list[Skipped]
    unfit: list[Unfit]

    def to_json(self) -> dict[str, Any]:
        return {
            "added": [c.to_json() for c in self.added],
            "skipped": [s.to_json() for s in self.skipped],
            "unfit": [u.to_json() for u in self.unfit],
        }


# Claims named per skipped candidate.
_NAMED = 3


class _Claimed:
    """A revision's claims, asked which of them overlap a span: every one, however far back it
    starts (a claim over a whole article, then hundreds inside it: looking back over only the
    last 50 claims missed the long one, and a sentence near the article's end then named no
    claim and counted every letter uncovered)."""

    def __init__(self, rows: Iterable[Any]) -> None:
        self.claims = Intervals((start, end, claim_id) for start, end, claim_id in rows)

    def spans(self) -> Iterator[tuple[int, int]]:
        return ((start, end) for start, end, _ in self.claims.rows)

    def skipped(self, cand: Candidate) -> Skipped:
        found = self.claims.overlapping(cand.start, cand.end)
        covered = Spans((a, b) for a, b, _ in found)
        # Letters and digits only: a claim that leaves out the closing 。 covers its sentence.
        uncovered = sum(
            1 for at, ch in enumerate(cand.text, cand.start) if ch.isalnum() and at not in covered
        )
        return Skipped(cand, tuple(sorted(c for _, _, c in found)[:_NAMED]), uncovered)


def _as_claim_text(sentence: str) -> str:
    """A candidate's sentence as a claim's text: a control character a document holds (a stray
    BEL, the ESC of an ANSI escape in a pasted page: the `[0m` after it stays) read as a space.
    The claim text refuses them, as it should when a person types one; here nobody typed it, and
    the span stays the document's own text, control character and all. A transcript's stage
    direction inside it (`(applause)`, `[crosstalk]`) is no one's words: left out of the text,
    kept in the span."""
    return without_stage_directions(REFUSED_IN_TEXT.sub(" ", sentence))


@mutation
def accept_candidates(
    wb: Workbench,
    document_id: int,
    options: ExtractOptions | None = None,
    progress: Progress | None = None,
) -> Accepted:
    """Each candidate becomes an unverified claim, unless an existing claim already covers it
    or its sentence cannot be a claim text (`Unfit`: one sentence of 100,000 characters must
    not cost the person every other candidate of the document).

    The claim text starts as the sentence itself (`claim edit` rewrites it as a normalised claim);
    its type is the suggested one, its speaker the candidate's (in a transcript), else the
    person the sentence quotes by name (`attribution.quoted_speaker`). One event per claim.
    """
    options = options or ExtractOptions()
    options.check()
    catch_up(wb)  # the index brought up to date in short transactions, not in this one
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        number, text = revision_text(tx, doc)
        candidates = _candidates(text, options, progress)
        claimed = _Claimed(
            tx.session.execute(
                select(Claim.start, Claim.end, Claim.id).where(
                    Claim.document_id == doc.id, Claim.revision == number
                )
            )
        )
        covered = Covered(claimed.spans())
        skipped: list[Skipped] = []
        unfit: list[Unfit] = []
        addable: list[Candidate] = []
        for cand in candidates:
            if covered.overlaps(cand.start, cand.end):
                skipped.append(claimed.skipped(cand))
                continue
            try:
                # The rule insert_claim applies, asked before anything is written.
                claim_text(_as_claim_text(cand.text))
            except InvalidInput as exc:
                unfit.append(Unfit(cand, exc.message))
                continue
            addable.append(cand)
            covered.add(cand.start, cand.end)
        added: list[Claim] = []
        # The limit counts claims added: a claimed or unfit candidate does not use up a place.
        chosen = best_in_order(addable, options.limit, _score)
        # After the scoring, one count: each claim added, then each compared with the earlier
        # claims (most of the time on a long transcript: a trial's 12,000 lines ran 85 s).
        tally = Tally(progress, 2 * len(chosen), every=CLAIMS_EVERY)
        tally.start()
        for cand in tally.counting(chosen):
            added.append(
                insert_claim(
                    tx,
                    doc,
                    span_at(text, cand.start, cand.end),
                    _as_claim_text(cand.text),
                    # a transcript's speaker, else the person the sentence quotes by name
                    # (only the lead it reads: a copy of all the text before each candidate
                    # was quadratic in a long document)
                    speaker=cand.speaker
                    or quoted_speaker(cand.text, text[max(0, cand.start - LEAD) : cand.start]),
                    claim_type=ClaimType(cand.suggested_type),
                    revision=number,
                )
            )
        views = with_similar(tx, added, tally=tally)
        tally.end()
        return Accepted(views, skipped, unfit)
