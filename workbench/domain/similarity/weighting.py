"""Weighting a bag of terms: rarity over the claims compared (TF-IDF), the kind of each term,
the cosine of two weighted bags, and the subject vector (a claim's concepts that say what it is
about).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from workbench.domain.similarity.words import split_words

# Numbers and concepts carry the fact a claim asserts; they count double. A name's word is
# weighed as a word already: its "@" term only marks it as a name, and "%" and "^" terms only
# mark Chinese text and what figures count (see `similarity`).
# An approximate figure ("≈", see `figures.hedged`) says less than an exact one: it counts once.
_KIND_WEIGHT = {"#": 2.0, "≈": 0.5, "~": 2.0, "@": 0.0, "^": 0.0, "%": 0.0, "=": 0.0}


def idf(df: int, n: int) -> float:
    """Rarity of a term held by `df` of `n` claims (smoothed; never below 1)."""
    return math.log((n + 1) / (df + 1)) + 1.0


def weigh(bag: Mapping[str, int], idf_of: Mapping[str, float]) -> dict[str, float]:
    """The unit-length TF-IDF vector of a bag (sub-linear term frequency)."""
    vec = {
        t: (1.0 + math.log(c)) * idf_of.get(t, 1.0) * _KIND_WEIGHT.get(t[0], 1.0)
        for t, c in bag.items()
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


# Concepts that do not say what a claim is about: those that qualify its figure (unit,
# direction, rank) and "company", which stands for any subject.
_NOT_SUBJECT = frozenset(
    "~" + c
    for c in split_words(
        "percent usd cny hkd gbp eur year up down open close enact veto hire layoff appoint resign "
        "average delay former plan flat first only demolish build "
        "abroad "
        "most rank "
        "round before never net share monthly company cumulative"
    )
)
# How much of the score rests on the subjects agreeing (chosen on the dev pairs, see
# docs/benchmarks.md): two claims with the same figure about different things ("tariffs on
# steel raised to 25%", "tariffs on lithium batteries raised to 25%") share a figure and a
# concept, which is most of their weight, but not what the tariff is on.
SUBJECT_SHARE = 0.3


def subject(vector: Mapping[str, float]) -> dict[str, float]:
    """The unit-length vector of a claim's subject as the concept table reads it: its concepts
    other than those that qualify a figure. Only concepts: they are read the same way in
    either language, where a name written in English and the same name in Chinese share no
    term, so plain words and character pairs cannot tell two subjects apart across languages."""
    vec = {t: v for t, v in vector.items() if t[0] == "~" and t not in _NOT_SUBJECT}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def document_frequencies(bags: Iterable[Mapping[str, int]]) -> Counter[str]:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    return df
