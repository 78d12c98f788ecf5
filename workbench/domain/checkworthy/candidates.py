"""Finding the candidates of a document: its units, their clauses, and the spans that pass.

Units. Every sentence (see `segment.split_sentences`) is a unit; a sentence that holds
semicolons is cut at them, because in both languages a semicolon joins separate assertions
("two years ago X led; a year ago Y caught up; now Z is top three") and a claim made from a
candidate should quote one assertion, not three (an enumeration's lead-in, 会议提出三点要求：, is
cut from its first item, 一是……, too). A unit that falls short is looked at clause by
clause (cut at commas, colons and dashes): in "如果投资人都要浪费95%的钱,……这才更有意义" the
figure sits in one clause and the author's verdict in another, and the figure deserves a check.
Runs of adjacent clauses that pass are offered as one candidate. A clause the Chinese model
reads must clear the threshold by a margin (`clause_bar`; the margin is learnt with the Chinese
adaptation): on the Chinese dev articles the clauses that passed alone had mostly left their
sentence's framing behind (有分析人士认为，这场价格战……; ……定下的下一个目标，是在2028年前……),
and a run whose sentence opens on a forecast, a what-if or a wish (有机构预测，到2029年，……将超过
300亿元; 这份报告如果可信，意味着……) is not offered at all (`framed`): on the first ten dev
articles every clause run that passed alone was one.
The clauses of a unit whose bound (see `scoring`) says none can pass are never scored.

Names and quotations are read from the whole document once (`document_scorer`), so a sentence
that names someone introduced earlier, or sits in a quoted speaker's paragraph, is read as such.
In a transcript, speaker prefixes are turn boundaries and each sentence has its context (see
`turn_context`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.defaults import EXTRACT_MIN_SCORE
from workbench.domain import checkworthy_model
from workbench.domain.checkworthy.evidence import Evidence, evidence
from workbench.domain.checkworthy.features import (
    CONTENT,
    Unit,
    body_of,
    fired_features,
    read_spans,
)
from workbench.domain.checkworthy.lead_in import is_lead_in
from workbench.domain.checkworthy.names import harvest_names
from workbench.domain.checkworthy.nonclaims import NONE, NotClaims, not_claims
from workbench.domain.checkworthy.quotes import quotes_in
from workbench.domain.checkworthy.reposts import blanked, post_starts, reply_marks
from workbench.domain.checkworthy.scoring import (
    Context,
    Contribution,
    Kept,
    Scored,
    Shared,
    squash,
)
from workbench.domain.checkworthy.widths import as_read
from workbench.domain.checkworthy.zh_cues import HAS_CJK, WISH
from workbench.domain.covered import Spans
from workbench.domain.rebuild import by_fields
from workbench.domain.segment import (
    CLAUSE_MARKS,
    Segment,
    as_lines,
    split_clauses,
    split_sentences,
)
from workbench.domain.transcript import Transcript
from workbench.domain.turn_context import line_context


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span worth checking: `text` is exactly `document[start:end]`; in a transcript,
    `speaker` is who said it (see `transcript`). `threshold` is the score the span had to
    reach to be offered (the minimum score, or a Chinese clause's higher bar: `clause_bar`);
    `found`, what it keeps of how it was scored (`Scored.kept`), from which `logit` and
    `contributions` explain the score when asked (building them for every candidate cost a
    tenth of `find_candidates`' time)."""

    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    suggested_type: str
    speaker: str | None = None
    threshold: float | None = None
    found: Kept | None = field(default=None, compare=False, repr=False)

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        score: float,
        reasons: tuple[str, ...],
        suggested_type: str,
        speaker: str | None = None,
        threshold: float | None = None,
        found: Kept | None = None,
    ) -> None:
        # Written out so that mypyc compiles it: the one dataclass generates is exec'd, so
        # interpreted even here (tests/unit/test_native.py holds it to the fields).
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "reasons", reasons)
        object.__setattr__(self, "suggested_type", suggested_type)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "threshold", threshold)
        object.__setattr__(self, "found", found)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def logit(self) -> float | None:
        """The raw value the score is the logistic function of (see `Kept.logit`)."""
        return None if self.found is None else self.found.logit()

    def contributions(self) -> tuple[Contribution, ...]:
        """The terms of `logit`, which add up to it (see `Kept.contributions`)."""
        return () if self.found is None else self.found.contributions()


# A part of a sentence shorter than this (in characters) is joined to a neighbour.
_MIN_CLAUSE = 8


def candidate_units(text: str) -> list[Segment]:
    """The units that are scored: sentences, cut at semicolons into clauses of useful length
    (`_find` cuts them the same way)."""
    units: list[Segment] = []
    for sentence in split_sentences(text):
        units.extend(_units_of(text, sentence))
    return units


_CLAUSE_MARK = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")


def _units_of(text: str, sentence: Segment) -> list[Segment]:
    """The units of one sentence of `text`."""
    # Most sentences hold no semicolon: then the (trimmed) sentence is its only unit, without
    # the cost of splitting it.
    # (str.find, not a regex call: it costs a fifth.)
    start, end = sentence.start, sentence.end
    if text.find(";", start, end) < 0 and text.find("；", start, end) < 0:
        return [sentence]
    return _lead_in_apart(
        text, _merge_short(split_clauses(text, sentence.start, sentence.end, ";；"))
    )


# Where an enumeration's first item starts after its lead-in (`会议提出三点要求：一是……`).
_FIRST_ITEM = re.compile(r"[：:，,][^\S\n]*(一是)")


def _lead_in_apart(text: str, parts: list[Segment]) -> list[Segment]:
    """`parts` (a sentence cut at its semicolons), the part that holds an enumeration's lead-in
    and first item (`会议提出三点要求：一是……；` before `二是……；`) cut before the item: two
    things in one candidate, and what was offered as the first item quoted the lead-in (fix210).
    The lead-in stands alone however short (`要求：` is too short to be offered)."""
    for k in range(len(parts) - 1):
        part = parts[k]
        if not text.startswith("二是", parts[k + 1].start):
            continue
        found = _FIRST_ITEM.search(text, part.start, part.end)
        if found is not None:
            cut = found.start(1)
            lead = Segment(part.start, part.start + len(text[part.start : cut].rstrip()))
            parts[k : k + 1] = [lead, Segment(cut, part.end)]
            break
    return parts


def _merge_short(parts: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for part in parts:
        if merged and (_short(part) or _short(merged[-1])):
            merged[-1] = Segment(merged[-1].start, part.end)
        else:
            merged.append(part)
    return merged


def _short(seg: Segment) -> bool:
    return seg.end - seg.start < _MIN_CLAUSE


def document_scorer(text: str, sentences: list[Segment] | None = None) -> SpanScorer:
    """What scores the spans of `text`: the names and quotations of the whole document and,
    given its `sentences`, those that are no claim (adverts, bylines, boilerplate: see
    `nonclaims`)."""
    names = harvest_names(text)
    quotes = quotes_in(text, names)
    # Merged, the quotations become disjoint intervals that bisection finds in any span,
    # however many quotations a paragraph holds.
    return SpanScorer(
        text,
        names,
        Spans((a, b) for a, b, _ in quotes),
        Spans((a, b) for a, b, spoken in quotes if spoken),
        NONE if sentences is None else not_claims(text, sentences),
    )


def span_features(
    text: str, spans: Iterable[tuple[int, int]]
) -> list[tuple[tuple[str, ...], str, set[str]]]:
    """For each span of `text`: the named features that fire on it, its length band and its
    character grams, read with the whole document's names and quotations as `find_candidates`
    reads them (what the Chinese adaptation of the model is fitted on, see
    tools/train_checkworthy.py)."""
    scorer = document_scorer(text)
    out: list[tuple[tuple[str, ...], str, set[str]]] = []
    for start, end in spans:
        found = scorer.scored(start, end)
        if found.reading is None:
            out.append((("too_short",), "", set()))
        else:
            grams = checkworthy_model.char_grams(found.text)
            out.append((found.fired, found.reading.band, grams))
    return out


# Units scored between two reports to a progress bar (about 0.2 s of scoring).
PROGRESS_EVERY = 500


def find_candidates(
    text: str,
    min_score: float = EXTRACT_MIN_SCORE,
    progress: Callable[[int, int | None], None] | None = None,
    transcript: Transcript | None = None,
) -> list[Candidate]:
    """The units (or, failing that, runs of clauses) of `text` that score at least
    `min_score`, in document order. Names and quotations are taken from the whole document, so
    a candidate can score higher than `score_text` of its text alone. `progress` hears the
    units scored, of all of them (a bar on a terminal, for a long document).

    With a `transcript` of `text`, its speaker prefixes are read as turn boundaries, never as
    part of a candidate (see `Transcript.masked`), and each candidate carries its speaker.
    A Weibo reply's or repost's mark (回复@name：, //@name:) is never part of a candidate
    either, and ends the sentence before it (see `reposts`)."""
    # What is read may differ from `text`, character for character (full-width digits, line
    # breaks other than LF, a transcript's speakers and a thread's reply marks masked): a
    # candidate's text is cut from `text` itself.
    read = as_read(as_lines(text))
    if transcript is None:
        marks = reply_marks(read)
        if marks:
            read = blanked(read, marks)
        sentences = _cut(read, split_sentences(read), post_starts(read, marks))
        found = _find(read, sentences, None, min_score, progress)
        if read is not text:
            # In place: a list beside it held every candidate twice at the peak.
            for i, c in enumerate(found):
                found[i] = replace(c, text=_same(c.text, text[c.start : c.end]))
        return found
    if transcript.text != text:
        raise ValueError("the transcript was read from another text")
    masked = as_read(transcript.masked)
    marks = reply_marks(masked)
    cuts = transcript.label_starts
    if marks:
        masked = blanked(masked, marks)
        cuts = tuple(sorted({*cuts, *post_starts(masked, marks)}))
    # A label line (Note:, 注：) inside a transcript is nobody's: no sentence runs into it
    # from the line before (`We created 7 million jobs,` then `Note: the department...`).
    sentences = _cut(masked, split_sentences(masked), cuts)
    contexts = sentence_context(masked, sentences, transcript)
    notes = transcript.note_lines
    found = _find(masked, sentences, contexts, min_score, progress)
    # In place, each candidate read off the masked text replaced as it goes (a second list
    # held every candidate twice, each with its text twice, at the peak).
    kept = 0
    for c in found:
        if notes and _inside(notes, c.start, c.end):
            continue
        said = _same(c.text, text[c.start : c.end])
        found[kept] = replace(c, text=said, speaker=transcript.speaker_at(c.start))
        kept += 1
    del found[kept:]
    return found


def _same(read: str, written: str) -> str:
    """A candidate's text as the document writes it: the text it was read from when they are
    equal (most candidates: nothing in them was masked or widened), so that the candidate and
    what explains its score (`Kept.text`) hold one string, not two."""
    return read if read == written else written


def _inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, apart)."""
    i = bisect_left(spans, (start + 1, -1)) - 1  # the last span starting at or before `start`
    return i >= 0 and end <= spans[i][1]


def _cut(text: str, sentences: list[Segment], at: tuple[int, ...]) -> list[Segment]:
    """`sentences` of `text`, each that holds one of the offsets `at` (sorted) cut there, the
    part before it without its trailing whitespace."""
    if not at:
        return sentences
    out: list[Segment] = []
    for sentence in sentences:
        start = sentence.start
        for cut in at[bisect_right(at, sentence.start) : bisect_left(at, sentence.end)]:
            end = start + len(text[start:cut].rstrip())
            if end > start:
                out.append(Segment(start, end))
            start = cut
        out.append(Segment(start, sentence.end))
    return out


def sentence_context(text: str, sentences: list[Segment], transcript: Transcript) -> list[Context]:
    """The context of each sentence of `text` (the transcript's masked text): a sentence some
    speaker says is a line (see `turn_context`), others have none."""
    weights = checkworthy_model.load().context
    out: list[Context] = [()] * len(sentences)
    if not weights:
        return out
    spoken: list[int] = []
    lines: list[tuple[str, str]] = []
    for i, sentence in enumerate(sentences):
        speaker = transcript.speaker_at(sentence.start)
        if speaker is not None:
            spoken.append(i)
            lines.append((speaker, text[sentence.start : sentence.end]))
    known: dict[tuple[str, ...], Context] = {}  # a few dozen combinations in a debate
    for i, names in zip(spoken, line_context(lines), strict=True):
        if names not in known:
            known[names] = tuple((name, weights[name]) for name in names if name in weights)
        out[i] = known[names]
    return out


def _find(
    text: str,
    sentences: list[Segment],
    contexts: list[Context] | None,
    min_score: float,
    progress: Callable[[int, int | None], None] | None,
) -> list[Candidate]:
    """`find_candidates` of `text`, split into `sentences`, each with its context (none
    without `contexts`)."""
    scorer = document_scorer(text, sentences)
    out: list[Candidate] = []
    units: list[Segment] = []
    of_sentence: list[int] = []  # with contexts: the sentence of each unit
    for k, sentence in enumerate(sentences):
        parts = _units_of(text, sentence)
        units.extend(parts)
        if contexts is not None:
            of_sentence.extend([k] * len(parts))
    bar = clause_bar(min_score, checkworthy_model.load().plain.clause_margin)
    context: Context = ()
    for done, unit in enumerate(units):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(units))
        if contexts is not None:
            context = contexts[of_sentence[done]]
        found = scorer.scored(unit.start, unit.end, context)
        if found.score >= min_score:
            # (A unit of punctuation or emoji alone, “ or 👍, is listed at no threshold.)
            # (Most units start with a letter, a digit or a character: no regex call.)
            if found.offered(min_score) and (
                text[unit.start].isalnum() or CONTENT.search(text, unit.start, unit.end)
            ):
                out.append(scorer.make(unit.start, unit.end, found, min_score))
            continue
        if found.not_claim is not None:
            continue  # an advert, a byline, an opinion: no clause of it is a claim either
        # A unit with no clause mark before its last character is one clause: nothing to split.
        if _CLAUSE_MARK.search(text, unit.start, unit.end - 1) is None:
            continue
        clauses = split_clauses(text, unit.start, unit.end)
        if len(clauses) < 2:
            continue
        # A clause can only outscore its unit by leaving the unit's negative cues behind: one
        # whose positive evidence falls short cannot pass (`clause_filter`). Its positive
        # features are bounded first by the words it holds (`evidence`), without reading it; a
        # clause that may pass with them is read, held to its own features, and scored if it
        # still may. (Most clauses of Chinese prose are never read.)
        run: list[Candidate] = []
        # Whether the unit opens on a frame (`framed`) is asked of its first run only, reading
        # the clauses from the unit's start to that run's start (once: time linear in the
        # unit's length). A later run is not held to it: a frame governs the clauses it opens
        # on, and what stands between two runs is a clause that did not pass, often an aside
        # (老实说我觉得它可能会更好) after which the writer states the next fact. Carrying the
        # frame on, or reading such asides as frames, dropped every fact after them.
        first_run = True
        may_pass = found.clause_filter(min_score, bar)
        possible = scorer.evidence.possible
        for clause in [*clauses, None]:
            part = None
            if clause is not None:
                span = text[clause.start : clause.end]
                if may_pass(span, possible(span)):
                    read = scorer.unit(clause.start, clause.end)
                    fired = fired_features(read) if read.text else ()
                    if may_pass(span, fired):
                        part = Scored.of(read, context, fired)
            if clause is not None and part is not None and part.passes(min_score, bar):
                run.append(scorer.make(clause.start, clause.end, part, part.bar(min_score, bar)))
            elif run:
                # A run that only leads into what follows (As the audit said,) asserts nothing,
                # and one that the clauses before it frame as a forecast, a what-if or a wish
                # (`framed`) is no more a record than its sentence is.
                if clause is None or not is_lead_in(text[run[0].start : run[-1].end]):
                    framing = first_run and framed(scorer, unit.start, run[0].start)
                    first_run = False
                    if not framing:
                        out.extend(_join(scorer, run, min_score, bar, context))
                run = []
    if progress is not None:
        progress(len(units), len(units))
    return out


# What, in the clauses of a sentence before a run of clauses, frames the run: a plan, forecast
# or what-if (预计, 计划, 未来, 如果...: `prediction_cue`) or a wish (希望, 但愿: `WISH`), in the
# author's voice (a wish quoted, 他说："我希望……", is what was said). Not every opinion cue:
# 值得注意的是 and 可以说 open a fact as often as a view.
# 如果说 (if one says), not 如果 before 说明, 说明书 (如果说明书有误: a what-if).
_SET_AGAINST = re.compile("如果说(?!明)")


def framed(scorer: SpanScorer, start: int, end: int) -> bool:
    """Whether the clauses of a Chinese unit from `start` to `end` frame the clauses that follow
    them: "这个数字如果属实，意味着……运行超过20年", "她希望在三年内，让模型能够生成……",
    "有行业分析师预测，到2027年，市场规模将超过800亿元", "关于未来，他的野心远不止72颗卫星".
    The run after them passes alone only by leaving its sentence's framing behind; what it says
    is what is hoped, supposed or foreseen. (The English model learnt what its clauses are worth
    from the debates: English runs are left as they are.)"""
    if end <= start:
        return False
    opening = scorer.unit(start, end)
    text = opening.text
    if not text or not HAS_CJK.search(text):
        return False
    quoted = opening.quoted
    for m in WISH.finditer(text):
        if not quoted or m.start() not in quoted:
            return True
    if "如果说" in text and _SET_AGAINST.search(text) is not None:
        # 如果说……，那么…… sets one fact against another ("如果说两年前还有人怀疑，那么现在
        # 公司已有200名工程师"): it supposes nothing, and what follows it is asserted.
        text = _SET_AGAINST.sub("   ", text)
        opening = read_spans(text, scorer.names, opening.quoted, opening.spoken)
    return "prediction_cue" in fired_features(opening)


def clause_bar(min_score: float, margin: float) -> float:
    """What a clause of a unit that fell short of `min_score` must score when the plain model
    reads it: `min_score` moved up by `margin` on the logit scale (the Chinese adaptation's
    `clause_margin`, see checkworthy_model), never below `min_score`."""
    if margin <= 0.0 or not 0.0 < min_score < 1.0:
        return min_score
    return max(min_score, squash(math.log(min_score / (1.0 - min_score)) + margin))


def _join(
    scorer: SpanScorer, run: list[Candidate], min_score: float, bar: float, context: Context
) -> list[Candidate]:
    if len(run) == 1:
        return run
    start, end = run[0].start, run[-1].end
    whole = scorer.scored(start, end, context)
    if not whole.passes(min_score, bar):
        return run
    return [scorer.make(start, end, whole, whole.bar(min_score, bar))]


@dataclass(frozen=True, slots=True)
class SpanScorer:
    """Scores spans of one document with its names and its quotations."""

    text: str
    names: frozenset[str]
    quoted: Spans
    spoken: Spans
    not_claims: NotClaims = NONE
    # What a clause of the document may fire at most, by the words it holds.
    evidence: Evidence = field(init=False)
    # What its candidates hold alike (see `Scored.kept`).
    shared: Shared = field(init=False)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", evidence(self.names))
        object.__setattr__(self, "shared", Shared())

    def make(self, start: int, end: int, found: Scored, threshold: float) -> Candidate:
        """The candidate `found` makes of the span, which had to score `threshold`: without a
        list item's marker (- , 1. , （三）, 二是), which the model never read (`body_of`), so
        that a claim made from it does not quote one (trial162)."""
        body, lead = body_of(self.text[start:end])
        if body and lead:
            start += lead
        text = self.text[start:end]
        return Candidate(
            start,
            end,
            text,
            found.score,
            found.reasons(),
            found.kind(),
            None,
            threshold,
            found.kept(text, self.shared),
        )

    def scored(self, start: int, end: int, context: Context = ()) -> Scored:
        """The span's score (in a transcript, with the `context` of its sentence), with what
        its reasons and its bound are built from. A span inside an advert, a byline or
        boilerplate is not read: it scores 0, with the reason."""
        if self.not_claims.stretches:
            why = self.not_claims.reason(start, end)
            if why is not None:
                return Scored(0.0, (), None, self.text[start:end].strip(), context, why)
        return Scored.of(self.unit(start, end), context)

    def clause_features(self, clauses: Iterable[Segment]) -> list[tuple[str, ...]]:
        """The named features each of `clauses` fires, as `scored` finds them (what each is held
        to once read, see `Scored.clause_filter`), without the cost of reading their words."""
        out: list[tuple[str, ...]] = []
        for clause in clauses:
            unit = self.unit(clause.start, clause.end)
            out.append(fired_features(unit) if unit.text else ())
        return out

    def unit(self, start: int, end: int) -> Unit:
        """What the features of the span read: its body, cues, names and quotations."""
        body, lead = body_of(self.text[start:end])
        at = start + lead
        quoted = self.quoted.window(at, at + len(body))
        # An attributed quotation lies inside the quotations: none without them.
        spoken = self.spoken.window(at, at + len(body)) if quoted else quoted
        return read_spans(body, self.names, quoted, spoken)
