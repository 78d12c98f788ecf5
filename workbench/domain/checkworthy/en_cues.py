"""The English cue words of check-worthiness: single words and word pairs, by feature.

English is read word by word (see `scan`): each lower-case word is looked up in `EN_WORDS`, and
with the word before it in `EN_PAIRS` (a pair wins). Some words need more than a table, and
`scan` decides them from their case or their neighbours: "first" (not "first quarter"), "only"
(not "not only"), months and weekdays (May the month, not may the verb), currency codes, "No. 1"
and "top 10". `EN_TRIGGERS` is every word with a rule, so any other word is skipped at once.
The capitalised words that name nothing (`NOT_NAMES`, `CALENDAR`) serve the names.
"""

from __future__ import annotations


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.split())


# English cues: single words, and word pairs (read across spaces and hyphens).
EN_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
            "hundred hundreds thousand thousands million millions billion billions dozen dozens"
        ),
        "number",
    ),
    "percent": "percentage",
    "half": "fraction",
    **dict.fromkeys(
        _words(
            "twice triple tripled double doubled quadrupled halved twofold threefold fourfold "
            "fivefold tenfold"
        ),
        "multiplier",
    ),
    "yesterday": "date",
    **dict.fromkeys(
        _words(
            "only sole unique uniquely pioneer pioneered pioneering unprecedented world's world’s"
        ),
        "first_or_only",
    ),
    **dict.fromkeys(
        _words(
            "largest biggest highest lowest fastest slowest best worst oldest youngest newest "
            "earliest strongest weakest cheapest richest longest shortest smallest greatest most "
            "least"
        ),
        "superlative",
    ),
    **dict.fromkeys(
        _words("ranked ranks ranking leading leader trails trail outrank outranks outranked"),
        "ranking",
    ),
    **dict.fromkeys(
        _words(
            "said says told tells reported reports announced announces stated claimed claims "
            "argued argues estimated estimates noted wrote added confirmed confirms disclosed "
            "testified called recalled asked"
        ),
        "attribution",
    ),
    **dict.fromkeys(
        _words(
            "than versus vs rose fell grew jumped dropped surged slumped climbed declined "
            "increased decreased exceed exceeds exceeded outpace outpaced"
        ),
        "comparison",
    ),
    **dict.fromkeys(
        _words(
            "launched released unveiled founded acquired raised filed signed appointed resigned "
            "joined hired approved passed won opened introduced published awarded received shipped "
            "installed employs sold bought listed"
        ),
        "event",
    ),
    **dict.fromkeys(
        _words(
            "should must perhaps maybe probably seem seems arguably clearly obviously deserve "
            "deserves worth remarkable exciting impressive hope hopes hopefully worry worries fear "
            "fears"
        ),
        "opinion_cue",
    ),
    **dict.fromkeys(
        _words("will would won't won’t forecast forecasts predict predicts predicted projected"),
        "prediction_cue",
    ),
}
# The opinion cues that give the speaker's own view (see `zh_cues.OWN_VIEW`; only a unit the
# Chinese model reads is asked about them, see `features.own_opinion`).
EN_OWN_VIEW = frozenset(
    {("i", "think"), ("i", "believe"), ("we", "believe"), ("my", "view"), ("our", "view")}
)
_FRACTION_NAMES = ("third", "thirds", "quarter", "quarters", "fifth", "fifths")
_PLANS_TO = _words("going expect expects expected likely plan plans aim aims intend intends")
EN_PAIRS: dict[tuple[str, str], str] = {
    ("per", "cent"): "percentage",
    ("percentage", "point"): "percentage",
    ("percentage", "points"): "percentage",
    **{(a, b): "fraction" for a in ("one", "two", "three") for b in _FRACTION_NAMES},
    **{
        (a, b): "date"
        for a in ("last", "this", "next", "a")
        for b in ("year", "month", "week", "quarter", "decade")
    },
    **{(a, "quarter"): "date" for a in ("first", "second", "third", "fourth")},
    ("record", "high"): "first_or_only",
    ("record", "low"): "first_or_only",
    ("record", "breaking"): "first_or_only",
    **{(a, "largest"): "ranking" for a in ("second", "third", "fourth")},
    ("ahead", "of"): "ranking",
    ("market", "share"): "ranking",
    ("according", "to"): "attribution",
    ("compared", "with"): "comparison",
    ("compared", "to"): "comparison",
    ("up", "from"): "comparison",
    ("down", "from"): "comparison",
    ("went", "public"): "event",
    ("ought", "to"): "opinion_cue",
    **dict.fromkeys(sorted(EN_OWN_VIEW), "opinion_cue"),
    ("appears", "to"): "opinion_cue",
    ("nobody", "knows"): "opinion_cue",
    **{(a, "to"): "prediction_cue" for a in _PLANS_TO},
}
# "first" is a first unless it only orders things in time or in a list.
NOT_A_FIRST_AFTER = frozenset({"quarter", "half", "of", "thing"})
NOT_A_FIRST_BEFORE = frozenset({"at"})
MONTHS = frozenset(
    _words("January February March April May June July August September October November December")
)
MONTH_ABBR = frozenset(_words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"))
WEEKDAYS = frozenset(_words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
QUARTERS = frozenset({"Q1", "Q2", "Q3", "Q4"})
CURRENCY_CODES = frozenset(_words("USD RMB CNY EUR GBP JPY HKD"))
# Latin words that are capitalised for reasons other than naming something.
NOT_NAMES = frozenset(
    _words(
        "I A An The This That These Those It Its He She We They You Our Their His Her My In On At "
        "For From By With Of And But Or So If When While As After Before Since Yet AI AGI OK TV PC "
        "CEO CTO CFO COO APP App Mr Mrs Ms Dr Prof No Yes Is Are Was Were Will What Why How Who "
        "Where Which There Here Some Many Most All Both Each Other Others Nobody Probably Perhaps "
        "Maybe Still However Meanwhile Also Even Only Not Then Now Today"
    )
)


CALENDAR = MONTHS | MONTH_ABBR | WEEKDAYS | QUARTERS  # dates, not names
# Every lower-case word the English scan has a rule for; any other word is skipped at once.
EN_TRIGGERS = frozenset(
    [*EN_WORDS, *(b for _, b in EN_PAIRS), "first", "only", "no", "top"]
    + [w.lower() for w in (*MONTHS, *MONTH_ABBR, *WEEKDAYS, *QUARTERS, *CURRENCY_CODES)]
)


# Trigger words whose original case or following text decides what they are.
EN_CASED = frozenset(
    w.lower() for w in (*MONTHS, *MONTH_ABBR, *WEEKDAYS, *QUARTERS, *CURRENCY_CODES, "No")
) | {"top"}
