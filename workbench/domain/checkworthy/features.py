"""The named features of check-worthiness: what a unit is, and which signs fire on it.

A named feature is a sign a person can verify by eye, of a checkable fact (a number, a first, a
named source) or against one (an opinion, a prediction or a plan dated ahead, a story told, a
habit, hearsay, a question, a heading).
Most fire when `scan` found their cue; the others have a test. The cues of opinion, prediction
and figurative speech count only in the author's voice: inside an attributed quotation they are
reported as `quoted_opinion` and `quoted_prediction` (which decide the suggested type but leave
the score alone), inside other quotation marks not at all. Each feature's weight is learnt (see
`checkworthy_model`); `read_unit` builds what the features look at, `fired_features` says which
fire, in the order of `FEATURES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain.checkworthy.en_cues import EN_OWN_VIEW
from workbench.domain.checkworthy.names import find_entities, harvest_names
from workbench.domain.checkworthy.nonclaims import reason
from workbench.domain.checkworthy.quotes import quotes_in
from workbench.domain.checkworthy.scan import OWN, PLACED, SPELLED, scan
from workbench.domain.checkworthy.zh_cues import (
    CJK,
    HAS_CJK,
    MEASURED_SUPERLATIVE,
    OWN_VIEW,
    ZH_CUES,
)
from workbench.domain.covered import NO_SPANS, Spans
from workbench.domain.rebuild import by_fields

# The shape of a unit: a question, a heading, a list marker, too few letters to hold a claim.
_QUESTION_END = re.compile(r"吗[。!！]?$")
# A unit that ends without any of these, is short and has no comma reads as a heading.
_ENDS_PUNCT = frozenset("。｡！？!?.．…;；:：,，、—\"”’'」』)）")
_CLAUSE_PUNCT = re.compile("[,，;；]")
# A number's marker (1. , 4、) is none before a digit: Chinese runs small numbers together
# with 、 (1、2月份 is January and February, 3、4季度 two quarters), and "1. 5亿" may be the
# figure 1.5亿; cut as a marker, the sentence's figure changed (review164). A bullet before a
# figure (- 3%) is still one, and `2) ` closes its number.
# An enumeration's 一是, 二是, 三是 (一是……；二是……) is a marker too (fix210: a claim quoted it),
# with the comma after it (二是，……); not before a numeral that stands alone (一是一，二是二: one
# is one), but before one that opens a word (一是一些企业……, 二是二季度……: review214).
_LIST_MARKER = re.compile(
    r"\s*(?:[-*•·‣▪]\s+|\d{1,3}\)\s+|\d{1,3}\.(?!\s*\d)\s+|\d{1,3}、(?!\d)"
    r"|[(（][0-9一二三四五六七八九十]{1,3}[)）]\s*"
    rf"|[一二三四五六七八九十]是(?![一二三四五六七八九十](?![{CJK}]))[，,]?)"
)
# What `_LIST_MARKER` can start with besides space and a digit (`\d`: str.isdigit() holds for
# every character it matches).
_MARKER_FIRST = frozenset("-*•·‣▪(（一二三四五六七八九十")
# A letter, a digit or a CJK character: what a unit must hold to say anything.
CONTENT = re.compile(rf"[\w{CJK}]")
_MIN_CONTENT = 6
# At least `_MIN_CONTENT` letters or digits, from the start: counted by the regex engine, not
# listed one string each.
_ENOUGH_CONTENT = re.compile(rf"(?:[^\w{CJK}]*+[\w{CJK}]){{{_MIN_CONTENT}}}")
_SHORT_LEN = 24
_HEADING_MAX = 40


@dataclass(slots=True)  # not frozen: one is built per unit, and a frozen one costs 5x to build
class Unit:
    """What the features look at: the text, where each cue was found in it, the names in it,
    the stretches inside any quotation marks, and those inside attributed quotations (offsets
    into the text)."""

    text: str
    hits: dict[str, list[int]]
    entities: frozenset[str]
    quoted: Spans
    spoken: Spans

    def __init__(
        self,
        text: str,
        hits: dict[str, list[int]],
        entities: frozenset[str],
        quoted: Spans,
        spoken: Spans,
    ) -> None:
        # Written out so that mypyc compiles it: the one dataclass generates is exec'd, so
        # interpreted even here (tests/unit/test_native.py holds it to the fields).
        self.text = text
        self.hits = hits
        self.entities = entities
        self.quoted = quoted
        self.spoken = spoken

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are


@dataclass(frozen=True, slots=True)
class Feature:
    """A named sign of (or against) check-worthiness; its weight is learnt (see
    `checkworthy_model`). Without a `test`, the feature fires when the scan found its cue
    (`name in unit.hits`)."""

    name: str
    test: Callable[[Unit], bool] | None = None

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def fires(self, unit: Unit) -> bool:
        return self.name in unit.hits if self.test is None else self.test(unit)


def _cue(name: str, *, quoted: bool) -> Callable[[Unit], bool]:
    """A cue in the author's voice (outside all quotation marks), or, with `quoted`, one inside
    an attributed quotation."""
    if name not in PLACED:
        raise ValueError(f"the scan may not record where {name!r} occurs")

    def fires(unit: Unit) -> bool:
        found = unit.hits.get(name)
        if not found:
            return False
        if quoted:
            return bool(unit.spoken) and any(at in unit.spoken for at in found)
        return not unit.quoted or any(at not in unit.quoted for at in found)

    return fires


def _heading(unit: Unit) -> bool:
    s = unit.text
    return s[-1] not in _ENDS_PUNCT and len(s) <= _HEADING_MAX and not _CLAUSE_PUNCT.search(s)


def _too_short(unit: Unit) -> bool:
    s = unit.text
    # Only a short unit can have too few letters; counting them in a long one is wasted work.
    return len(s) < _SHORT_LEN and _ENOUGH_CONTENT.match(s) is None


def _question(unit: Unit) -> bool:
    s = unit.text
    # (A regex call costs ten `in` tests: it is made only where its 吗 is.)
    return "?" in s or "？" in s or ("吗" in s and _QUESTION_END.search(s) is not None)


_FIGURES = frozenset({"number", "money", "percentage", "fraction", "multiplier", "year", "date"})
_AUTHORS_PREDICTION = _cue("prediction_cue", quoted=False)


# A plan or forecast set for a time to come: a plan cue with its date right after it (计划在
# 2026年, 预计2025年底投产, 将在今年暑期上映, 未来三年内), or a year to be reached with what will
# be by then (到2030年，市场规模将超过……); a target's date may follow 目标是 and a comma
# (目标是，2026年实现盈利), as it may a colon. Not a plan that already fell through
# (原本计划在那一年完成: 原本, 原定, 原, 曾 before the cue, as words: 日本计划, 成本将, 决定将
# are plans), which is a record of the past.
_TIME_TO_COME = (
    "(?:到|在|于|至)?(?:20[0-9]{2}年|今年|明年|年底|年内|下半年|未来[一二两三四五六七八九十几0-9]*年"
    "|[一二两三四五六七八九十几0-9]+年内)"
)
_DATED_PLAN = re.compile(
    "(?<!原本)(?<!原定)(?<!原)(?<!曾)"
    f"(?:预计|预期|预测|计划|打算|目标|将|有望|力争|争取)(?:是[，,])?[^，,。；;！？!?]{{0,4}}?"
    f"{_TIME_TO_COME}"
    "|到(?:20[0-9]{2}|明)年(?:底|末)?[^。；;！？!?]{0,30}?"
    # The verbs 会 and 要, not the words 协会, 会员, 主要, 需要 that hold them.
    "(?:将|有望|(?<![协社学工商总机年大])会(?![员议计长])|(?<![主重需只必])要)"
)


def _dated_plan(unit: Unit) -> bool:
    # Chinese prose only, as `forecast`: a plan cue in the author's voice, with its date.
    return _AUTHORS_PREDICTION(unit) and _DATED_PLAN.search(unit.text) is not None


# A relative, then their age in years (96岁, 九岁, 十几岁) a few characters on, in the same
# clause: 奶奶今年96岁, 父亲去世那年只有56岁. Not any age anywhere in a unit that names a relative
# (他在17岁那年离开老家, 创始人李明今年45岁，老家在湖南: the age is someone else's); and 老家,
# 家里 (a place, a household) are no relative whose age is told.
_RELATIVES = tuple(w for w in ZH_CUES["family"] if w not in ("老家", "家里"))
_RELATIVES_AGE = re.compile(
    f"(?:{'|'.join(_RELATIVES)})[^，,。；;：:！？!?]{{0,8}}?[0-9零一二两三四五六七八九十几]+岁"
)


def _family_age(unit: Unit) -> bool:
    # A relative's age (奶奶今年已经96岁了, 他的女儿今年九岁): in a profile it is colour, as what
    # is told of the family is; its figure is no record of the company or its founder.
    return "family" in unit.hits and _RELATIVES_AGE.search(unit.text) is not None


def _forecast(unit: Unit) -> bool:
    # Chinese prose only: the debate-learnt English model has no weight for it, and the text
    # the Chinese model reads has CJK in it.
    hits = unit.hits
    return (
        not _FIGURES.isdisjoint(hits)
        and _AUTHORS_PREDICTION(unit)
        and HAS_CJK.search(unit.text) is not None
    )


# A superlative of something measured (最大, 最高, 最早; see `zh_cues`): a record can rank it.
_MEASURED = re.compile(MEASURED_SUPERLATIVE)


def _measured_rank(unit: Unit) -> bool:
    # A rank (排名第二, 位居, 榜首) or a superlative of something measured (最大, 份额最高: see
    # `_MEASURED`). Not a first or only one: on the dev articles that lets in a view of a first
    # told in quotation marks and doubted (……认为，“第一家”的说法很难界定).
    hits = unit.hits
    if "ranking" in hits:
        return True
    return "superlative" in hits and _MEASURED.search(unit.text) is not None


FEATURES: tuple[Feature, ...] = (
    Feature("number"),
    Feature("money"),
    Feature("percentage"),
    Feature("fraction"),
    Feature("multiplier"),
    Feature("year"),
    Feature("date"),
    Feature("first_or_only"),
    Feature("superlative"),
    Feature("ranking"),
    Feature("named_entity", lambda u: bool(u.entities)),
    Feature("several_entities", lambda u: len(u.entities) >= 2),
    Feature("attribution"),
    Feature("attributed_quote", lambda u: bool(u.spoken)),
    Feature("comparison"),
    Feature("event"),
    Feature("opinion_cue", _cue("opinion_cue", quoted=False)),
    Feature("quoted_opinion", _cue("opinion_cue", quoted=True)),
    Feature("figurative", _cue("figurative", quoted=False)),
    Feature("narrative"),
    Feature("habitual"),
    Feature("feeling"),
    Feature("family"),
    Feature("family_age", _family_age),
    Feature("hearsay"),
    # Someone's view (认为, 相信, 担心), not counted against a unit that also holds a rank or a
    # measured superlative (业内普遍认为，X是全国最大的储能电池企业): that much of the view a record
    # can confirm, as `own_opinion` reads a view in the writer's own voice.
    Feature("belief", lambda u: "belief" in u.hits and not _measured_rank(u)),
    # Chinese writes statistics in Arabic digits and narrative counts in characters (the
    # national standard GB/T 15835 asks for this): 三个人, 四十天, 十几个问题 tell a story.
    Feature(
        "spelled_number",
        lambda u: "number" in u.hits and len(u.hits.get(SPELLED, ())) == len(u.hits["number"]),
    ),
    Feature("prediction_cue", _cue("prediction_cue", quoted=False)),
    # A plan, target or forecast in Chinese prose that carries a figure (目标是在2026年……,
    # 预计……突破55亿元): the figure is what is planned or foreseen, no more a record than the
    # plan is.
    Feature("forecast", _forecast),
    # A plan or forecast dated in the future (计划在2026年……, 预计2025年底投产, 到2030年……将超过):
    # the date is when it is meant to happen, not when anything did.
    Feature("dated_plan", _dated_plan),
    Feature("quoted_prediction", _cue("prediction_cue", quoted=True)),
    Feature("question", _question),
    Feature("heading", _heading),
    Feature("too_short", _too_short),
)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)


def body_of(s: str) -> tuple[str, int]:
    """`s` without a list marker and surrounding space, and where it starts in `s`."""
    # Most spans start with neither space nor anything a list marker can start with: no
    # regex then, and nothing to strip at the start.
    first = s[:1]
    if first and first not in _MARKER_FIRST and not first.isspace() and not first.isdigit():
        return s.rstrip(), 0
    marker = _LIST_MARKER.match(s)
    lead = marker.end() if marker else 0
    lead += len(s[lead:]) - len(s[lead:].lstrip())
    return s[lead:].rstrip(), lead


def named_features(s: str) -> tuple[str, ...]:
    """The names of the features that fire on `s` taken alone (what the model is trained on)."""
    body, lead = body_of(s)
    return fired_features(read_unit(body, None, None, lead)) if body else ("too_short",)


def read_unit(
    body: str,
    names: frozenset[str] | None,
    quotes: Sequence[tuple[int, int, bool]] | None,
    lead: int,
) -> Unit:
    """The unit of `body` (see `body_of`; `lead` is where it starts in its span), with the
    document's `names` and the `quotes` that overlap its span, offsets into the span (each
    found in `body` alone when None)."""
    if not body:  # nothing to read: scored as too short
        return Unit(body, {}, frozenset(), NO_SPANS, NO_SPANS)
    known = harvest_names(body) if names is None else names
    if quotes is None:
        found = quotes_in(body, known)
    else:
        found = _shift(quotes, lead, len(body)) if quotes else ()
    if not found:  # most units: no quotation, nothing to sort
        quoted = spoken = NO_SPANS
    else:
        quoted = Spans((a, b) for a, b, _ in found)
        spoken = Spans((a, b) for a, b, said in found if said)
    return read_spans(body, known, quoted, spoken)


def read_spans(body: str, names: frozenset[str], quoted: Spans, spoken: Spans) -> Unit:
    """`read_unit` with the stretches of `body` inside quotation marks and inside attributed
    quotations given (`find_candidates` cuts them from the document's, see `Spans.window`)."""
    if not body:
        return Unit(body, {}, frozenset(), NO_SPANS, NO_SPANS)
    # Without a letter or a digit there is no cue to scan for and no name to find.
    # (Most bodies start with one: str.isalnum is what \w tests, CJK included.)
    if not body[0].isalnum() and CONTENT.search(body) is None:
        return Unit(body, {}, frozenset(), quoted, spoken)
    return Unit(body, scan(body, bool(quoted)), find_entities(body, names), quoted, spoken)


# `fired_features` runs for every unit: features without a test are read off the (few) keys of
# the scan's hits, the tests of cues are looked at only when one of their cues was found (most
# units have none), and the names are put back in the order of FEATURES.
_ORDER = {f.name: i for i, f in enumerate(FEATURES)}
_UNTESTED = frozenset(f.name for f in FEATURES if f.test is None)
# The scan's key each feature with a cue test reads (its cue, or the Chinese numbers' key).
CUE_OF = {
    "spelled_number": SPELLED,
    "opinion_cue": "opinion_cue",
    "quoted_opinion": "opinion_cue",
    "figurative": "figurative",
    "prediction_cue": "prediction_cue",
    "quoted_prediction": "prediction_cue",
    "forecast": "prediction_cue",
    "dated_plan": "prediction_cue",
    "family_age": "family",
    "belief": "belief",
}
# The features with a test that is no cue's: `fired_features` runs their tests written out.
_TESTS = tuple((f.name, f.test) for f in FEATURES if f.test is not None and f.name not in CUE_OF)
if [name for name, _ in _TESTS] != [
    "named_entity",
    "several_entities",
    "attributed_quote",
    "question",
    "heading",
    "too_short",
]:
    raise ValueError("fired_features must run the test of every feature in _TESTS")
_CUE_TESTS = tuple(
    (f.name, CUE_OF[f.name], f.test) for f in FEATURES if f.test is not None and f.name in CUE_OF
)
_CUES = frozenset(CUE_OF.values())


def fired_features(unit: Unit) -> tuple[str, ...]:
    """The names of the features that fire on `unit`, in the order of `FEATURES`."""
    hits = unit.hits
    found = list(_UNTESTED.intersection(hits))  # in C; the order is set below
    # The tests of `_TESTS`, written out: a call per test and unit was a tenth of the cost of
    # reading a unit (tests/unit/test_checkworthy.py holds them equal to FEATURES' tests).
    entities = unit.entities
    if entities:
        found.append("named_entity")
        if len(entities) >= 2:
            found.append("several_entities")
    if unit.spoken:
        found.append("attributed_quote")
    s = unit.text
    if "?" in s or "？" in s or ("吗" in s and _QUESTION_END.search(s) is not None):
        found.append("question")
    if s[-1] not in _ENDS_PUNCT and len(s) <= _HEADING_MAX and not _CLAUSE_PUNCT.search(s):
        found.append("heading")
    if len(s) < _SHORT_LEN and _ENOUGH_CONTENT.match(s) is None:
        found.append("too_short")
    if not _CUES.isdisjoint(hits):
        found += [name for name, cue, test in _CUE_TESTS if cue in hits and test(unit)]
    found.sort(key=_ORDER.__getitem__)
    return tuple(found)


# What a unit holds that can be checked whatever view it is given in: a figure, a date, a
# first, a rank, a datable event, and a superlative of something measured (`_MEASURED`). A
# superlative of worth is a verdict: "最具创新力", "最好", "最重要".
CHECKABLE = frozenset(
    {
        "number",
        "money",
        "percentage",
        "fraction",
        "multiplier",
        "year",
        "date",
        "first_or_only",
        "ranking",
        "event",
    }
)
_OWN_VIEW_CUE = re.compile(
    "|".join(sorted(OWN_VIEW, key=len, reverse=True))
    + "|(?i:"
    + "|".join(rf"\b{a}[\s-]+{b}\b" for a, b in sorted(EN_OWN_VIEW))
    + ")"
)


def own_opinion(unit: Unit, fired: tuple[str, ...]) -> str | None:
    """Why `unit` (whose `fired_features` are `fired`) is no claim, if it gives a view in the
    writer's own voice (我们认为, 笔者认为, 在我看来; outside quotation marks) and holds nothing
    `CHECKABLE`: "我们认为，X是中国最具创新力的企业" is a verdict that no record can confirm.
    None for any other unit. (Someone else's view, 分析师认为……, is a `belief`, weighed like
    any feature: what they said can be checked.)

    `Scored.of` asks this of the units the Chinese model reads only. The English model has learnt
    what "I think" is worth from the debates' words, and on the CheckThat! 2019 training debates
    this rule would take 5 check-worthy lines above 0.5 ("I think we regain the Senate") for
    1 that is not. The Chinese model weighs 我们认为 as an `opinion_cue` (-1.44), but its
    characters can outweigh that: "我们认为，星河电池是中国最具创新力的电池企业" still scores 0.65
    (星, 国 and 创 are characters of check-worthy sentences in the dev articles)."""
    found = unit.hits.get(OWN)
    if not found or not CHECKABLE.isdisjoint(fired):
        return None
    if "superlative" in fired and _MEASURED.search(unit.text):
        return None
    if unit.quoted and all(at in unit.quoted for at in found):
        return None
    cue = _OWN_VIEW_CUE.search(unit.text)
    return reason("opinion", cue.group() if cue is not None else "")


def _shift(
    quotes: Sequence[tuple[int, int, bool]], lead: int, size: int
) -> tuple[tuple[int, int, bool], ...]:
    clipped = ((max(a - lead, 0), min(b - lead, size), t) for a, b, t in quotes)
    return tuple((a, b, t) for a, b, t in clipped if a < b)
