"""A claim's terms sorted by the kind two claims can disagree on (`Kinds`, read in one pass by
`kinds_of`), and whether a term of one claim is found in another (`found_in`, `measure_found`,
`kind_found`).

The disagreement checks and the checks across scripts both work on these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.domain.similarity.concepts import CONCEPT_OF, COUNTRY_FORMS, COUNTRY_TERM, MEASURES
from workbench.domain.similarity.figures import COUNT, YEAR, is_year_in
from workbench.domain.similarity.measures import CURRENCIES, MONEY, PERCENTAGE
from workbench.domain.similarity.naming import LEAD, PROVINCE_TERMS
from workbench.domain.similarity.polarity import FUTURE, NEGATED, UNCHANGED

# Terms written by one reader and compared by others, kept here so that no reader imports
# another for a constant: the two sides of a match's result (`results`, and `trades`, which
# tells two results from two deals) and a change on the year before (`bag`, `disagreements`).
WINS, LOSES = "=wins:", "=loses:"
YOY = "同比"  # (a plain term, as the Chinese text's character pair is)

# The poles of an act ("+", "-", "0" for unchanged, "s" for work started): a claim that says
# two (revenue rose as stores closed) or none contradicts nothing.
ACT_POLE = {
    "~up": "+",
    "~open": "+",
    "~down": "-",
    "~close": "-",
    "~enact": "+",
    "~veto": "-",
    "~hire": "+",
    "~layoff": "-",
    "~order": "+",
    "~resume": "+",
    "~cancel": "-",
    "~flat": "0",
    "~appoint": "+",
    "~resign": "-",
    # the start of work on something, neither its opening nor its closing
    "~groundbreaking": "s",
    "~convict": "+",
    "~acquit": "-",
    "~elected": "+",
    "~record_high": "+",
    "~record_low": "-",
    "~defeated": "-",
    # pulled down, and built (neither opening nor work started: see `disagreements._opposed`)
    "~demolish": "-",
    "~build": "b",
}
# The roles a party holds in a deal, a match or an order to pay (see `trades`, `results`), each
# with its opposite: the same party in opposite roles in two claims makes them two facts.
OPPOSITE_ROLES = {
    "=buys": "=sells",
    "=sells": "=buys",
    "=wins": "=loses",
    "=loses": "=wins",
    "=pays": "=paid",
    "=paid": "=pays",
}
ROLE_PREFIXES = tuple(f"{role}:" for role in OPPOSITE_ROLES)
# Calling an act off is the opposite of the act, whatever the act: a claim that cancels (an
# order, routes, a listing) says the "-" pole only, though it names the act it cancels too
# ("cancelled an order for 30 ferries" against "ordered 30 ferries").
CANCEL = "~cancel"


# What a Chinese figure counts, by its noun (see `measures.zh_objects`).
OBJECT = "=obj:"


# The period a rate is given per (=per:year, =per:month; see `rates`).
RATE = "=per:"


# What a sum is spent on (=for:care, =for:卫生; see `spending`).
SPENT_ON = "=for:"


# The whole place a benchmark rate is the average of (=bench:national: "below the national
# average of 4.1 percent"; see `bag`).
BENCHMARK = "=bench:"


# How an English text spells a Chinese name (=py:青岚:qinglan; see `scripts.pinyin_ties`).
PINYIN = "=py:"


# What is planned, aimed at or expected (see `disagreements.MODALITY`).
PLAN = "~plan"


# A claim with fewer plain words in Latin script than this (a Chinese claim that says GDP, or
# a model number) is not written in it: an English measure word cannot be missing from it.
_LATIN_CLAIM = 2


@dataclass(slots=True)
class Kinds:
    """A claim's terms of each kind two claims can disagree on (filled by `kinds_of`)."""

    latin: list[str] = field(default_factory=list)  # names in Latin script
    # words a sentence opens with that may be names (=lead:tencent; see `naming.lead_words`)
    leads: list[str] = field(default_factory=list)
    # names in Chinese text: in Chinese, but provinces, and in Latin script ("%brightfield")
    chinese: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # provinces of China
    # the table's (~) and what figures count (^)
    measures: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    # figures of a year's size written as counts (=count:2050: 2,050 people; see figures.COUNT)
    counts: list[str] = field(default_factory=list)
    acts: list[str] = field(default_factory=list)
    # numbers that label a thing (=label:line:3)
    labels: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)  # months, quarters, halves (=period:m3)
    orgs: list[str] = field(default_factory=list)  # kinds of body named (=org:bank)
    # who did it, in English (=actor:saltash, =agent:quenby)
    actors: list[str] = field(default_factory=list)
    # the name a Chinese text (not a quote) opens with (=named:曜川), and the names a text gives
    # only as the owner of its subject (=of:pendry: "Pendry Bank's rival Corrie Bank")
    subjects: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)  # where in Chinese (=place:无锡)
    countries: list[str] = field(default_factory=list)  # countries named (=country:vietnam)
    latin_words: int = 0  # plain words in Latin script
    classifiers: bool = False  # a Chinese classifier after a figure (^家)
    zh: bool = False  # the claim has Chinese text ("%")
    currencies: list[str] = field(default_factory=list)  # ~usd, ~cny...
    plan: bool = False  # the claim says what is planned or aimed at (~plan)
    future: bool = False  # the claim speaks of the future (=tense:future: will, 将)
    stances: list[str] = field(default_factory=list)  # for or against (=stance:for)
    # its figures of 10 or more, to two significant figures (≈2000000), but years
    figures: list[str] = field(default_factory=list)
    # a figure said to be below or above itself (=bound:below:2000000: "nearly two million")
    bounds: list[str] = field(default_factory=list)
    negated: bool = False  # the claim denies an act (=polarity:not)
    unchanged: bool = False  # what it denies is a rise or fall (=polarity:unchanged)
    days: list[str] = field(default_factory=list)  # days of a month (=day:12-18)
    # the kind of body a Chinese text names under its owner's own name (=sub:新能: 澄岭汽车旗下
    # 澄岭新能源)
    subsidiary: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # what it is of: =product:rice
    percentages: list[str] = field(default_factory=list)  # figures given as such (=pct:94)
    # who buys and who sells in a deal (=buys:lorim, =sells:白桦; see `trades`)
    trades: list[str] = field(default_factory=list)
    # the part or relative of what it names that the claim is about (=part:library)
    parts: list[str] = field(default_factory=list)
    # the figures an average is said of (=avg:#160000, =avg:≈160000; see `bag.AVERAGED`)
    averaged: list[str] = field(default_factory=list)
    # the whole places whose average rate it gives, a benchmark (=bench:national)
    benchmarks: list[str] = field(default_factory=list)
    # moves from one grade of a scale to another (=scale:4>2; see `positions.scales`)
    scales: list[str] = field(default_factory=list)
    # the nouns Chinese figures count (=obj:工厂; see `measures.zh_objects`)
    objects: list[str] = field(default_factory=list)
    # the periods its figures are given per (=per:year; see `rates`)
    rates: list[str] = field(default_factory=list)
    # what its sums are spent on (=for:care; see `spending`)
    spent_on: list[str] = field(default_factory=list)


def no_countries(names: list[str]) -> list[str]:
    """Names (@germany, @德国) that are no country's: a country is read in either language
    (`concepts.countries`) and compared as one ("other countries"), so it is no name to
    disagree on besides, nor a Chinese name for the other claim's Latin names to spell in
    pinyin (a new user's 德国失业率…… against "Unemployment in Germany…" lost half its score
    to that). `Kinds` keeps them all the same: a Latin country still says that an English claim
    names something in Latin script ("Haiyun was the first ... in Vietnam" is compared with
    澜汐, and Haiyun is no pinyin of it)."""
    return [t for t in names if t[1:] not in COUNTRY_FORMS]


def kinds_of(vector: Mapping[str, float]) -> Kinds:
    """A claim's terms of each kind, in one pass over them (a score is computed for every
    claim of a search's pool, or of a plain scan)."""
    kinds = Kinds()
    latin_words = 0  # (a local: most terms are plain words)
    for t in vector:
        mark = t[0]
        if "a" <= mark <= "z":
            latin_words += 1
        elif mark == "#":
            if is_year_in(t, vector):
                kinds.years.append(t)
        elif mark == "~":
            if t in MEASURES:
                kinds.measures.append(t)
            elif t in ACT_POLE:
                kinds.acts.append(t)
            elif t == PLAN:
                kinds.plan = True
            elif t[1:] in CURRENCIES:
                kinds.currencies.append(t)
        elif mark == "@":
            if t[1:2].isascii():
                kinds.latin.append(t)
            else:
                (kinds.places if t in PROVINCE_TERMS else kinds.chinese).append(t)
        elif mark == "^":
            kinds.measures.append(t)
            kinds.classifiers = kinds.classifiers or not t[1:2].isascii()
        elif mark == "=":
            if t.startswith(LEAD):
                kinds.leads.append(t)
            elif t.startswith("=label:"):
                kinds.labels.append(t)
            elif t.startswith("=period:"):
                kinds.periods.append(t)
            elif t.startswith(("=actor:", "=agent:")):
                kinds.actors.append(t)
            elif t.startswith(("=named:", "=kind:")):
                kinds.subjects.append(t)
            elif t.startswith("=place:"):
                kinds.cities.append(t)
            elif t.startswith(COUNTRY_TERM):
                kinds.countries.append(t)
            elif t.startswith("=of:"):
                kinds.owners.append(t)
            elif t.startswith("=bound:"):
                kinds.bounds.append(t)
            elif t == NEGATED:
                kinds.negated = True
            elif t == UNCHANGED:
                kinds.unchanged = True
            elif t == FUTURE:
                kinds.future = True
            elif t.startswith("=stance:"):
                kinds.stances.append(t)
            elif t.startswith("=day:"):
                kinds.days.append(t)
            elif t.startswith("=sub:"):
                kinds.subsidiary.append(t)
            elif t.startswith(ROLE_PREFIXES):
                kinds.trades.append(t)
            elif t.startswith(PERCENTAGE):
                kinds.percentages.append(t)
            elif t.startswith("=product:"):
                kinds.products.append(t)
            elif t.startswith("=part:"):
                kinds.parts.append(t)
            elif t.startswith("=avg:"):
                kinds.averaged.append(t)
            elif t.startswith(BENCHMARK):
                kinds.benchmarks.append(t)
            elif t.startswith("=scale:"):
                kinds.scales.append(t)
            elif t.startswith(OBJECT):
                kinds.objects.append(t)
            elif t.startswith(RATE):
                kinds.rates.append(t)
            elif t.startswith(SPENT_ON):
                kinds.spent_on.append(t)
            elif t.startswith(COUNT):
                kinds.counts.append(t)
            elif t.startswith(("=span:", PINYIN, YEAR)):
                pass  # (read from the vector: a span of years, a name's pinyin, a year)
            else:
                kinds.orgs.append(t)
        elif mark == "≈":
            kinds.figures.append(t)
        elif mark == "%":
            if t == "%":
                kinds.zh = True
            else:
                kinds.chinese.append(t)
    kinds.latin_words = latin_words
    return kinds


def named_across(one: str, a: Mapping[str, float], other: str, b: Mapping[str, float]) -> bool:
    """Is the party `one` (of claim `a`) named in claim `b`, and `other` (of `b`) in `a`? Then
    both claims name both parties, and what each says of its own is comparable."""
    return found_in("@" + one, b) and found_in("@" + other, a)


def found_in(term: str, other: Mapping[str, float]) -> bool:
    # A name is found in the other claim as a name or as a plain word or character pair (a
    # capitalised word at the start of a sentence is not taken as a name, but is still there).
    # A Latin name in Chinese text (%brightfield) is found as the word as well.
    # A name the other claim gives only as its subject's owner (=of:) is not found there.
    if term in other:
        return True
    if len(term) > 3 and term[0] == "@" and not term[1].isascii():
        # a whole title (@雪线以南) is found as its character pairs (雪线, 线以, 以南)
        return all(term[i : i + 2] in other for i in range(1, len(term) - 1))
    return term[0] in "@%" and term[1:] in other and "=of:" + term[1:] not in other


def measure_found(term: str, other: Mapping[str, float], kinds: Kinds) -> bool:
    """Whether the other claim (`other`, its `kinds`) gives the measure `term` too, or cannot
    be said to lack it: a word after a figure (^mast) is missing only from a claim written in
    Latin script that lacks the word anywhere; a Chinese classifier (^家) only from a claim that
    gives another classifier."""
    if term in other:
        return True
    if term[0] == "~":
        return False
    if term == MONEY or term.startswith("^dim:"):
        # missing only from a claim that counts things and gives no sum of money (no
        # quantity of this kind)
        return not any(t != term for t in kinds.measures)
    if not term[1:2].isascii():
        return not kinds.classifiers and not any(t[1:5] in ("mone", "dim:") for t in other)
    return term[1:] in other or kinds.latin_words < _LATIN_CLAIM


def kind_found(term: str, other: Mapping[str, float]) -> bool:
    # the other claim holds the kind as a kind, a character pair of it, or its concept
    kind = term.split(":", 1)[1]
    concept = CONCEPT_OF.get(kind)
    return (
        term in other
        or any(kind[i : i + 2] in other for i in range(len(kind) - 1))
        or (concept is not None and "~" + concept in other)
    )
