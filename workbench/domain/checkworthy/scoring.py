"""Scoring a unit, explaining its score, and bounding what its clauses can score.

Every named feature, the unit's English words and word pairs (or, in Chinese, its characters
and how it starts and ends) and its length band has a weight (see `checkworthy_model`). The
score is the logistic function of the bias plus the weights of everything present:

    score = 1 / (1 + exp(-(bias + band + named features + grams))),  rounded to 3 decimals

(English n-gram weights each times `ngram_scale / sqrt(words)`, words at least `ngram_floor`: see
`checkworthy_model`).

`Scored.reasons` names every named feature that fired and has a weight in the model that read
the unit (the English one has none for the features only Chinese cues fire: 三倍 in an English
sentence is no reason for its score), in the order of `FEATURES`, the ones that lowered the
score included, then the unit's length when it moved the score (`length "20-39
words" +0.38`), then the (at most three) n-grams that moved the score most with what they added
(`words "per cent" +0.52`: the pair's weight times the unit's length factor; `chars "年" +0.33`,
`chars "^他" -0.42` for a unit that starts with 他), so a score can always be explained.

The bound: a unit that falls short is looked at clause by clause, and most of its clauses
cannot pass. `Scored.clause_filter` says so from the unit's reading, each clause's characters
and its named features of positive weight (or a superset of them, see `evidence`), without
scoring the clause; it must never rule out a clause that would pass
(tests/unit/test_checkworthy.py checks this with hypothesis).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy.claim_type import suggest_type
from workbench.domain.checkworthy.features import (
    Unit,
    body_of,
    fired_features,
    own_opinion,
    read_unit,
)
from workbench.domain.checkworthy.framing import framing
from workbench.domain.checkworthy.nonclaims import (
    date_line,
    section_heading,
    sentence_reason,
    table_line,
)
from workbench.domain.checkworthy.scan import OWN
from workbench.domain.checkworthy.widths import as_read
from workbench.domain.rebuild import by_fields

# A sentence's context in a transcript: the context features that fire on it, with their weights.
Context = tuple[tuple[str, float], ...]
# One term of a score's logit (see `Kept.contributions`): its kind ("bias", "feature",
# "length", "context", "words", "chars" or "other"), its name (None for the bias) and what it
# added.
Contribution = tuple[str, str | None, float]


def score_text(
    s: str,
    *,
    names: frozenset[str] | None = None,
    quotes: Sequence[tuple[int, int, bool]] | None = None,
) -> tuple[float, tuple[str, ...], str]:
    """Score one sentence or clause: (score in [0, 1], reasons, suggested claim type).

    On its own, `s` is its only context: the Chinese names and the attributed quotations are
    those that `s` itself shows. `find_candidates` passes what it learnt from the whole
    document: `names` (see `harvest_names`) and `quotes`, the quotations that overlap `s` as
    (start, end, attributed) with offsets into `s`.
    """
    s = as_read(s)
    body, lead = body_of(s)
    # A section heading is read with its number, which `body_of` takes off as a list marker.
    why = sentence_reason(body) or section_heading(s) or date_line(s) or table_line(s)
    if why is not None:
        return 0.0, (why,), "fact"
    scored = Scored.of(read_unit(body, names, quotes, lead))
    return scored.score, scored.reasons(), scored.kind()


@dataclass(slots=True)  # not frozen: built per unit (see Unit)
class Scored:
    """A scored unit. The score is all most units need (they fall short of the threshold), so
    the reasons and the suggested type are only built when asked for."""

    score: float
    fired: tuple[str, ...]
    reading: checkworthy_model.Reading | None
    text: str
    # In a transcript: the context features of the unit's sentence with their weights (see
    # `turn_context`), counted when the English model reads it; a clause has its unit's.
    context: Context = ()
    # Why the unit is no claim, whatever its features (see `nonclaims`, `features.own_opinion`
    # and `framing`): then its score is 0 and this is its first reason.
    not_claim: str | None = None

    def __init__(
        self,
        score: float,
        fired: tuple[str, ...],
        reading: checkworthy_model.Reading | None,
        text: str,
        context: Context = (),
        not_claim: str | None = None,
    ) -> None:
        # Written out so that mypyc compiles it: the one dataclass generates is exec'd, so
        # interpreted even here (tests/unit/test_native.py holds it to the fields).
        self.score = score
        self.fired = fired
        self.reading = reading
        self.text = text
        self.context = context
        self.not_claim = not_claim

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    @staticmethod
    def of(unit: Unit, context: Context = (), fired: tuple[str, ...] | None = None) -> Scored:
        """Score a unit (`fired`: its `fired_features`, when the caller has them already)."""
        model = checkworthy_model.load()
        body = unit.text
        if not body:
            too_short = model.plain.bias + model.plain.features["too_short"]
            return Scored(squash(too_short), (), None, body, context)
        if fired is None:
            fired = fired_features(unit)
        reading = model.read(body)
        part = model if reading.english else model.plain
        logit = part.bias + part.bands.get(reading.band, 0.0)
        weights = part.features
        for name in fired:
            logit += weights.get(name, 0.0)
        if reading.english:
            logit += reading.weight * reading.factor
            for _, v in context:
                logit += v
        else:
            logit += reading.chars
        if not reading.english:
            why = own_opinion(unit, fired) if OWN in unit.hits else None
            if why is None:
                why = framing(unit, fired)
            if why is not None:
                return Scored(0.0, fired, reading, body, context, why)
        return Scored(squash(logit), fired, reading, body, context)

    def bar(self, min_score: float, bar: float) -> float:
        """What this clause must score to pass: `min_score` if the English model read it, else
        `bar`."""
        english = self.reading is not None and self.reading.english
        return min_score if english else bar

    def passes(self, min_score: float, bar: float) -> bool:
        """Does this clause pass: `bar(min_score, bar)`, and it is `offered`?"""
        english = self.reading is not None and self.reading.english
        if self.score < (min_score if english else bar):
            return False  # most clauses: no call for `offered`
        return self.offered(min_score)

    def offered(self, min_score: float) -> bool:
        """May a span scored so be offered at `min_score`? Not one too short to hold a claim
        (fewer than six letters, digits or characters: `(00:12)`, `12%.`), whose figure the
        models can weigh above its shortness, unless every span is asked for (`min_score`
        0)."""
        if min_score <= 0:
            return True
        # (A span with no body, （一）, is read as too short without its features: `reasons`.)
        return self.reading is not None and "too_short" not in self.fired

    def reasons(self) -> tuple[str, ...]:
        if self.not_claim is not None:
            # An opinion was read: what fired shows there is nothing to check. An advert or a
            # byline was not read.
            return (self.not_claim, *self.fired)
        reading = self.reading
        if reading is None:
            return ("too_short",)
        model = checkworthy_model.load()
        part = model if reading.english else model.plain
        weights = part.features
        # Only what moved the score (see the module's docstring).
        fired = tuple(name for name in self.fired if weights.get(name, 0.0) != 0.0)
        reasons = fired + checkworthy_model.explain_band(reading.band, part.bands)
        if reading.english:
            context = checkworthy_model.explain_context(self.context)
            return (
                reasons + context + checkworthy_model.explain(model.added(reading), text=self.text)
            )
        # The unit's characters as its reading found them: the set costs more than the rest.
        return reasons + model.plain.explain_text(self.text, reading.charset)

    def kind(self) -> str:
        return "fact" if self.reading is None else suggest_type(frozenset(self.fired))

    def kept(self, text: str, shared: Shared | None = None) -> Kept:
        """What a candidate keeps of this score to explain it later (`Kept`): the figures its
        logit is summed from and, under the English model, the `_TOP` n-grams its explanation
        names with the others' sum; not the reading (a sentence's every learnt word and pair)
        nor the distinct characters the plain model read (`Kept.contributions` reads them
        again). `text` is the candidate's own text: the body that was scored is kept as that
        very string when they are equal (most candidates), not as a second copy. `shared` (one
        per document) hands every candidate the same string for the same n-gram and the same
        tuple for the same named features."""
        body = text if self.text == text else self.text
        fired = self.fired if shared is None else shared.fired.setdefault(self.fired, self.fired)
        reading = self.reading
        if reading is None:
            return Kept(fired, None, False, body, self.context, self.not_claim)
        if not reading.english:
            return Kept(
                fired, reading.band, False, body, self.context, self.not_claim, (), (), 1.0,
                reading.chars,
            )  # fmt: skip
        # The order `Kept.contributions` lists them in, found once: (-|value|, gram, weight),
        # the value the weight times the length factor (`Model.added`); no two terms share a
        # gram, so the weight never decides.
        factor = reading.factor
        ranked = sorted([(-abs(w * factor), g, w) for g, w in reading.terms])
        top = ranked[:_TOP]
        grams = tuple([g for _, g, _ in top])
        if shared is not None:
            grams = tuple([shared.grams.setdefault(g, g) for g in grams])
        rest = sum(w * factor for _, _, w in ranked[_TOP:]) if len(ranked) > _TOP else None
        return Kept(
            fired, reading.band, True, body, self.context, self.not_claim, grams,
            tuple([w for _, _, w in top]), factor, reading.weight, rest,
        )  # fmt: skip

    def _base(self, reading: checkworthy_model.Reading) -> tuple[float, float, float]:
        """The best logit of any clause of this unit under each model before its named features,
        its words and the plain one's character grams (the best length band and, under the
        English model, the context, which every clause of the unit has, whatever its sign), and
        the sum of the unit's positive n-gram weights, unscaled: a clause's words are some of
        its unit's, each weighing `ngram_factor` of the clause's own length."""
        model = checkworthy_model.load()
        band = reading.band
        english = model.ceiling[band]
        english += sum(v for _, v in self.context)
        words = sum(v for _, v in reading.terms if v > 0)
        return english, model.plain.ceiling[band], words

    def clause_filter(
        self, min_score: float, bar: float | None = None
    ) -> Callable[[str, Sequence[str]], bool]:
        """For a clause of this unit, given its text and the named features it fires (or any
        superset of its features of positive weight, in the order of FEATURES: see
        `evidence`): can it pass, that is score `min_score` when the English model reads it, or
        `bar` (`min_score` unless given) when the plain one does? The bound is the clause's
        own: its features, one model reads it, and the plain one's grams are the clause's own
        (their sum read off its characters, see `Plain.text_sum`: a tenth of the cost of scoring
        the clause). The clause's words are some of its unit's, and its length band at most
        its unit's best (`_base`)."""
        plain_bar = min_score if bar is None else bar
        reading = self.reading
        if reading is None:
            return lambda clause, fired: self.score >= min(min_score, plain_bar)
        english_base, plain_base, words = self._base(reading)
        model = checkworthy_model.load()
        most = model.factor(0)
        part = model.plain
        short = squash(part.bias + part.features["too_short"]) >= plain_bar  # an empty body's
        # Logits, not scores: a score costs an exponential and a rounding.
        english_least, plain_least = _least_logit(min_score), _least_logit(plain_bar)

        def may_pass(clause: str, fired: Sequence[str]) -> bool:
            english_fired, plain_fired = _positive(fired)
            english = english_base + english_fired
            body: str | None = None
            # A short clause weighs its words most: only then is its length worth reading (a
            # clause of a unit no longer than the floor weighs them as its unit does).
            if english + words * most >= english_least:
                if not words or reading.factor == most:
                    return True
                body = body_of(clause)[0]
                if english + words * model.factor(checkworthy_model.word_count(body)) >= (
                    english_least
                ):
                    return True
            plain = plain_base + plain_fired
            if not part.chars:
                return short or plain >= plain_least
            if body is None:
                body = body_of(clause)[0]
            if not body:
                return short
            if plain + part.text_sum(body) < plain_least:
                return False
            # Read by the English model, the clause is held to the English bound, below min_score.
            return not checkworthy_model.mostly_english(body)

        return may_pass


class Shared:
    """What the candidates of one document hold alike (see `Scored.kept`): one string per
    n-gram, one tuple per set of named features."""

    def __init__(self) -> None:
        self.grams: dict[str, str] = {}
        self.fired: dict[tuple[str, ...], tuple[str, ...]] = {}


@dataclass(slots=True)  # not frozen: one per candidate (see Scored)
class Kept:
    """What a candidate keeps to explain its score when asked (`logit`, `contributions`), made
    by `Scored.kept`: the named features that fired, the length band (None: an empty body,
    too short and nothing else read), which model read it, the body that was scored, the
    context, why it is no claim; under the English model the `_TOP` n-grams that moved the
    score most (`grams`, in the order they are listed) with their unscaled weights, the length
    `factor`, the sum of every n-gram's weight (`weight`) and the other n-grams' scaled sum
    (`rest`, None when there are no others); under the plain one, `weight` is the sum of the
    character grams' weights. A few hundred bytes, where the reading held every learnt word and
    pair of the sentence: nothing formatted until asked."""

    fired: tuple[str, ...]
    band: str | None
    english: bool
    text: str
    context: Context = ()
    not_claim: str | None = None
    grams: tuple[str, ...] = ()
    weights: tuple[float, ...] = ()
    factor: float = 1.0
    weight: float = 0.0
    rest: float | None = None

    def __init__(
        self,
        fired: tuple[str, ...],
        band: str | None,
        english: bool,
        text: str,
        context: Context = (),
        not_claim: str | None = None,
        grams: tuple[str, ...] = (),
        weights: tuple[float, ...] = (),
        factor: float = 1.0,
        weight: float = 0.0,
        rest: float | None = None,
    ) -> None:
        # Written out so that mypyc compiles it (see Scored).
        self.fired = fired
        self.band = band
        self.english = english
        self.text = text
        self.context = context
        self.not_claim = not_claim
        self.grams = grams
        self.weights = weights
        self.factor = factor
        self.weight = weight
        self.rest = rest

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def logit(self) -> float | None:
        """The raw value the score is the logistic function of (`squash(logit) == score`),
        summed as `Scored.of` sums it; None for a span that is no claim (`not_claim`: its score
        is 0 whatever its terms)."""
        if self.not_claim is not None:
            return None
        model = checkworthy_model.load()
        band = self.band
        if band is None:
            return model.plain.bias + model.plain.features["too_short"]
        part = model if self.english else model.plain
        logit = part.bias + part.bands.get(band, 0.0)
        weights = part.features
        for name in self.fired:
            logit += weights.get(name, 0.0)
        if self.english:
            logit += self.weight * self.factor
            for _, v in self.context:
                logit += v
        else:
            logit += self.weight
        return logit

    def contributions(self) -> tuple[Contribution, ...]:
        """Every term of `logit` with what it added, so that they add up to it (to the float
        error of the sum): the bias, each named feature with a weight, the length band, each
        context feature (English model), the `_TOP` n-grams that moved the score most (the
        order of `checkworthy_model.explain`) and one ("other", "words" or "chars") for the
        rest of them. Only asked for a candidate: the scoring loop never builds it. Empty for a
        span that is no claim (see `logit`)."""
        if self.not_claim is not None:
            return ()
        model = checkworthy_model.load()
        band = self.band
        if band is None:  # an empty body: too short, and nothing else read
            too_short = model.plain.features["too_short"]
            return (("bias", None, model.plain.bias), ("feature", "too_short", too_short))
        part = model if self.english else model.plain
        weights = part.features
        out: list[Contribution] = [("bias", None, part.bias)]
        out.extend(("feature", n, weights[n]) for n in self.fired if weights.get(n, 0.0) != 0.0)
        out.append(("length", band, part.bands.get(band, 0.0)))
        if self.english:
            out.extend(("context", name, v) for name, v in self.context)
            factor = self.factor
            for gram, w in zip(self.grams, self.weights, strict=True):
                out.append(("words", checkworthy_model.as_written(self.text, gram), w * factor))
            if self.rest is not None:
                out.append(("other", "words", self.rest))
            return tuple(out)
        ranked = sorted([(-abs(v), g, v) for g, v in model.plain.text_terms(self.text)])
        out.extend(("chars", gram, v) for _, gram, v in ranked[:_TOP])
        if len(ranked) > _TOP:
            out.append(("other", "chars", sum(v for _, _, v in ranked[_TOP:])))
        return tuple(out)


# N-grams named one by one in a candidate's contributions, as in its reasons.
_TOP = 3

# Named features whose identifiers say little to a reader, in words (text output only: JSON
# keeps the identifiers).
FEATURE_WORDS: dict[str, str] = {
    "first_or_only": "first or only",
    "named_entity": "a name",
    "several_entities": "several names",
    "attributed_quote": "quote with its speaker",
    "opinion_cue": "opinion word",
    "quoted_opinion": "quoted opinion",
    "prediction_cue": "prediction word",
    "quoted_prediction": "quoted prediction",
    "spelled_number": "number in words",
    "family_age": "family member's age",
    "dated_plan": "dated plan",
    "too_short": "too short",
}


def shown_reasons(reasons: Sequence[str], contributions: Sequence[Contribution]) -> tuple[str, ...]:
    """`reasons` as the text output lists them: each named feature in words (`FEATURE_WORDS`)
    with what it added to the score, `number +1.12`, as n-grams already are; a feature that
    added nothing (a span that is no claim lists what fired) is named alone."""
    added = {name: v for kind, name, v in contributions if kind == "feature" and name}
    out: list[str] = []
    for reason in reasons:
        words = FEATURE_WORDS.get(reason, reason)
        v = added.get(reason)
        out.append(words if v is None else f"{words} {v:+.2f}")
    return tuple(out)


def _positive(fired: Sequence[str]) -> tuple[float, float]:
    """The positive evidence of the named features `fired`, under each model."""
    # Remembered by the model: a document's clauses fire a few dozen combinations of features.
    return checkworthy_model.load().positive_sums(
        fired if isinstance(fired, tuple) else tuple(fired)
    )


def _least_logit(score: float) -> float:
    """A logit below every logit that `squash` takes to `score` or more: a bound, not the
    least such logit. Rounding to 3 decimals moves a score by at most 0.0005 (and a hair for
    the float), so a score of `score` needs more than `score` - 0.0006 before rounding; the
    logit of that, less a margin far wider than the float error of the exponential."""
    least = score - 0.0006
    if least <= 0.0:
        return -math.inf
    if least >= 1.0:
        return math.inf
    return math.log(least / (1.0 - least)) - 1e-9


def squash(x: float) -> float:
    """The logistic function of `x`, rounded to 3 decimals as every score is."""
    return round(1.0 / (1.0 + math.exp(-x)), 3)
