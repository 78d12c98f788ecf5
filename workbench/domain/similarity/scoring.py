"""The score of two claims (`similarity`) and why (`explain`, `Explained`): the cosine of their
weighted bags, lowered as far as their subjects differ and for each disagreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workbench.domain.similarity.disagreements import (
    ACROSS,
    BASES,
    MODALITY,
    NEGATION,
    ONE_SIDED_ACT,
    ONE_SIDED_MEASURE,
    ONE_SIDED_PERIOD,
    ONE_SIDED_WORDS,
    OTHER_ACTS,
    PART,
    PERCENT_OR_COUNT,
    POST_LEFT,
    SCRIPTS,
    SUBSIDIARY,
    YEAR_OR_COUNT,
    disagreements,
    year_or_count,
)
from workbench.domain.similarity.scripts import pinyin_ties
from workbench.domain.similarity.weighting import SUBJECT_SHARE, cosine, subject


@dataclass(frozen=True, slots=True)
class Explained:
    """A score and why: the cosine of the two claims' terms, the terms that carry most of it,
    and what lowered it (another subject in the concept table, other names, measures, years)."""

    score: float
    cosine: float
    # terms, best first, without their kind's mark ("~first": "first"; "^mast": "mast (counted)")
    shared: tuple[str, ...]
    subject: float  # the subject's factor: 1.0 when the subjects agree or either has none
    # (what, the first claim's, the second's, the factor it cost)
    disagree: tuple[tuple[str, tuple[str, ...], tuple[str, ...], float], ...]

    def reasons(self) -> list[str]:
        out = [f"shares {', '.join(self.shared) or 'nothing'} ({self.cosine:.2f})"]
        if self.subject < 0.995:  # shown to 2 places: x1.00 would say nothing
            out.append(f"subjects differ (x{self.subject:.2f})")
        for what, ours, theirs, factor in self.disagree:
            if what == ONE_SIDED_MEASURE:
                said = f"a measure one claim gives only: {' '.join(ours or theirs)}"
            elif what == ONE_SIDED_PERIOD:
                said = (
                    f"a period one claim gives only, the other a year: {' '.join(ours or theirs)}"
                )
            elif what == ONE_SIDED_ACT:
                said = f"an act one claim gives only: {' '.join(ours or theirs)}"
            elif what in ONE_SIDED_WORDS:
                said = f"{what}: only one claim says {' '.join(ours or theirs)}"
            elif what == PART:
                said = (
                    f"one claim is about a part or relative ({' '.join(ours or theirs)}) of "
                    "what the other is about"
                )
            elif what == POST_LEFT:
                left, held = (ours, theirs) if ours[0] in _LEFT else (theirs, ours)
                said = (
                    f"one claim says the post ({' '.join(_POST_NAMES.get(t, t) for t in held)}) "
                    "was left "
                    f"({' '.join(_LEFT[t] for t in left)}), the other that it is held"
                )
            elif what == NEGATION:
                said = "one claim says it did not happen"
            elif what == MODALITY:
                said = "a plan or target against a fact"
            elif what == "roles":
                # (a deal's or a match's terms say each party's role; an actor "did it")
                did = "" if ours[0].endswith(tuple(_ROLES.values())) else " did it"
                said = f"roles swapped: {' '.join(ours)} / {' '.join(theirs)}{did}"
            elif what == "acts":
                said = f"opposite acts: {' '.join(ours)} / {' '.join(theirs)}"
            elif what == OTHER_ACTS:
                said = f"other acts of one direction: {' '.join(ours)} / {' '.join(theirs)}"
            elif what == ACROSS:
                said = f"other names (pinyin): {' '.join(ours)} / {' '.join(theirs)}"
            elif what == PERCENT_OR_COUNT:
                said = f"a percentage against a count of {' '.join(ours)}"
            elif what == YEAR_OR_COUNT:
                said = f"a year in one claim, a count in the other: {' '.join(ours)}"
            elif what == SUBSIDIARY:
                said = (
                    "one claim is about a body under its owner's name, the other about the "
                    f"owner: {' '.join(ours)} / {' '.join(theirs)}"
                )
            elif what == BASES:
                said = (
                    f"a change on {_BASIS_NAMES.get(ours[0], ours[0])} against one on "
                    f"{_BASIS_NAMES.get(theirs[0], theirs[0])}"
                )
            elif what == SCRIPTS:
                said = f"{what}, nothing else shared: {' '.join(ours)} / {' '.join(theirs)}"
            else:
                said = f"other {what}: {' '.join(ours)} / {' '.join(theirs)}"
            out.append(f"{said} (x{factor:.2f})")
        return out


def _subject_factor(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    sa, sb = subject(a), subject(b)
    if not sa or not sb:
        return 1.0
    return 1.0 - SUBJECT_SHARE + SUBJECT_SHARE * cosine(sa, sb)


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """How alike two claims are, 0 to 1, from their weighted vectors (see `weigh`): the cosine
    of the whole vectors, lowered by up to `SUBJECT_SHARE` as far as their subjects differ (1
    - the cosine of their `subject` vectors) when both name one, so that a shared figure about
    another subject does not pass for the same claim; and lowered by `NAME_SHARE` when each
    claim names someone or something the other does not (Latin names, names in Chinese text
    and provinces apart, and a Latin name that spells no Chinese name of the other), by
    `SCRIPT_SHARE` when their names are in two scripts with nothing to spell and nothing else
    ties them, by `MEASURE_SHARE` when each gives a measure the other does not (of the
    concept table, or what a figure counts) and `ONE_SIDED_MEASURE_SHARE` when only one gives
    one of the table, by `YEAR_SHARE` for other years, periods, or a half or quarter against
    the year, by `LABEL_SHARE` for things of one kind labelled by other numbers, by
    `NAME_SHARE` for other kinds of body or swapped roles, by `ACT_SHARE` for opposite
    acts, by `CURRENCY_SHARE` for a sum in another currency and by `MODALITY_SHARE` for a
    plan or target against a fact. `explain` says which."""
    score = cosine(a, b)
    if not score:
        return 0.0  # most claims of a plain scan share nothing: nothing to lower
    if "%" in a or "%" in b:
        score = min(1.0, score + sum(w for w, _ in pinyin_ties(a, b)))
    score *= _subject_factor(a, b)
    for _, share, _ in disagreements(a, b):
        score *= 1.0 - share
    return score


# The unit a quantity in a unit is kept in (see `measures.quantity`), as a reader says it.
_BASE_UNITS = {
    "vol": "litres",
    "mass": "kg",
    "area": "m²",
    "length": "m",
    "power": "W",
    "energy": "Wh",
}


# The basis of a change, as a reader says it (see `disagreements.BASES`).
_BASIS_NAMES = {
    "同比": "the year before (year on year)",
    "mom": "the month before (month on month)",
}


# How a post was left, as a reader says it (see `disagreements.POST_LEFT`).
_LEFT = {"resign": "resigned", "defeated": "lost the vote"}
_POST_NAMES = {"chiefexec": "chief executive", "partysec": "party secretary"}


_ROLES = {
    "buys": "buys",
    "sells": "sells",
    "wins": "won",
    "loses": "lost",
    "pays": "pays",
    "paid": "is paid",
}


def _shown(term: str) -> str:
    # What a figure counts is told from a measure of the table: "mast (counted)".
    # A label or period is shown as what it is: "line 3", "m3" (March), "h1" (first half),
    # "end of m6" (the end of June).
    # A quantity in its kind's unit with the unit: "≈27000000000 litres".
    if term[0] in "≈#" and ":" in term and term[1:].split(":", 1)[0].isalpha():
        # (an exact figure in its kind's unit too: "2300000 kg")
        dim, value = term[1:].split(":", 1)
        return f"{term[0].strip('#')}{value} {_BASE_UNITS.get(dim, dim)}"
    if term[0] == "=":
        kind, rest = term[1:].split(":", 1)
        if kind in _ROLES:  # a party's role in a deal or a match: "庐屿 sells", "赤隼 won"
            return f"{rest} {_ROLES[kind]}"
        if kind == "per":  # the period of a rate: "per year"
            return f"per {rest}"
        if kind == "for":  # what a sum is spent on: a word, or a concept ("sellingexpense")
            return rest.lstrip("~")
        if kind == "period" and rest[0] == "e":  # the end of a month: "end of m12"
            return f"end of m{rest[1:]}"
        return rest.replace(":", " ")
    return f"{term[1:]} (counted)" if term[0] == "^" else term.lstrip("@~#%")


# Chinese character pairs are how a Chinese text is compared, but a pair that holds a function
# character (了股, 在了) says nothing to the person reading why two claims matched: such pairs
# still count in the score and are left out of the terms shown.
_FUNCTION_CHARS = frozenset("的了在是和与及或为于也都就而从向将被把已其之这那着过并对由")


def _telling(term: str) -> bool:
    # (nor a lone Chinese character: 人, 点, 甲 say nothing alone)
    return not (
        term.isalpha()
        and not term.isascii()
        and (len(term) == 1 or (len(term) == 2 and any(ch in _FUNCTION_CHARS for ch in term)))
    )


def explain(
    a: Mapping[str, float],
    b: Mapping[str, float],
    top: int = 4,
    words: Mapping[str, str] | None = None,
) -> Explained:
    """`similarity` of `a` and `b` (the same score), with the reasons for it: the `top` terms
    that carry most of the cosine, and what lowered it. `words` (`words.surface_words` of the
    claim asked about): the word each stem is shown as, where it is not its own."""
    shared = sorted(((a[t] * b[t], t) for t in a if t in b and a[t] * b[t] > 0), reverse=True)
    exact = {t[1:] for _, t in shared if t[0] == "#"}
    # (one number, a year in one claim and a count in the other, is no term they share)
    apart = set(year_or_count(a, b))
    if apart:
        shared = [(w, t) for w, t in shared if t not in apart]
    # (a figure's approximate term beside its exact one says it twice: 8300 and ≈8300)
    telling = [(w, t) for w, t in shared if _telling(t) and not (t[0] == "≈" and t[1:] in exact)]
    cos, subject_factor = cosine(a, b), _subject_factor(a, b)
    if cos and ("%" in a or "%" in b):
        # a Chinese name and its pinyin, shown as "qinglan (青岚)" (see `pinyin_ties`)
        ties = pinyin_ties(a, b)
        cos = min(1.0, cos + sum(w for w, _ in ties))
        telling = sorted([*telling, *ties], reverse=True)
    score = cos * subject_factor
    disagree = []
    for what, share, found in disagreements(a, b):
        score *= 1.0 - share
        ours, theirs = (tuple(_shown(t) for t in side) for side in found)
        disagree.append((what, ours, theirs, 1.0 - share))
    # Two claims that share only such pairs or lone characters (这是他的, 那是他的) are not said
    # to share nothing: what they share is shown.
    said = words or {}
    shown = tuple(said.get(t) or _shown(t) for _, t in (telling or shared)[:top])
    return Explained(score, cos, shown, subject_factor, tuple(disagree))
