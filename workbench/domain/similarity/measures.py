"""What a figure counts: the word after it or its Chinese classifier (6,500 masts: `^mast`;
650家: `^家`), the kind of quantity a unit gives (38公里: `^dim:length`) and a sum of money
(`^money`).

The same figure counting another thing is another claim; these terms say what each claim counts
so that the disagreement checks can compare it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.domain.similarity.concepts import CONCEPT_OF
from workbench.domain.similarity.figures import NUMBER_WORDS
from workbench.domain.similarity.naming import NOT_NAMES
from workbench.domain.similarity.words import STOP_WORDS, split_words, stem

# What a figure counts is a measure even where the concept table does not know it: 6,500 masts
# and 6,500 people working there are two facts. The word right after an English figure is taken
# (18,000 vans, 48 turbines, a 640-bed hospital), unless it is a function word, a word of the
# table (its own term already), a name (Eighteen thousand Selwyn Motors vans), a word of two
# letters, or one of `_NOT_MEASURES`: a unit (a unit says how a figure is written, not what it
# counts: 11km, eleven kilometres, 2 GWh), time, a fraction, or a word that counts anything
# (people, times). After a Chinese figure its classifier is taken (650家, 2.3万台, 九千多名), 名,
# 位 and 人 as one (people); 个 and 次 count anything, and 吨, 公里 are units (their kind of
# quantity is kept, see `_DIMENSIONS`). Such a measure is marked "^" (^mast, ^家) and weighs
# nothing: it only says what a claim counts (see `disagreements`).
_NOT_MEASURES = frozenset(
    split_words(
        "people persons person times time units unit items item ones others point plus odd "
        "additional extra other further consecutive straight separate different total full whole "
        "hours hour days day weeks week months month decades decade minutes minute seconds second "
        "kilometres kilometre kilometers kilometer miles mile metres metre meters meter litres "
        "litre liters liter gallons gallon tonnes tonne tons ton kilograms kilogram grams gram "
        "hectares hectare acres acre barrels barrel square cubic watts watt half halves quarter "
        "quarters gwh mwh kwh twh per pct sqm lbs hrs yrs mph kph teu"
    )
)
_ZH_CLASSIFIER = dict.fromkeys("家台辆架艘座张项件杯盒瓶条款所只头部本套间栋枚颗支份篇场", "")
_ZH_CLASSIFIER.update(dict.fromkeys("名位人", "人"))
# Where a figure was read, the text keeps FIGURE_MARK; where a concept was, CONCEPT_MARK: what
# follows a figure is read only if nothing but spaces (in English) stand between them: in "6%
# fare rise" the figure counts per cent, and fares are what it is a share of.
FIGURE_MARK = "\x01"
CONCEPT_MARK = " \x02 "
# (what "340 new books" and "500 additional staff" count is the noun after the adjective)
_COUNTED = re.compile(
    rf"{FIGURE_MARK}(?:[ -]*(?:(?:new|additional|extra|further)\s+)?([a-z][a-z&']*)"
    rf"|([{''.join(_ZH_CLASSIFIER)}]))"
)


# A unit says how a figure is written (11km, eleven kilometres, 11公里), not what it counts, but
# it does say what kind of quantity it is: 38 kilometres of line are not 38 stations, nor 1,500
# tonnes 1,500 shops. A unit is kept as its dimension ("^dim:length"), which is missing only
# from a claim that counts something else with the same figures and gives no such unit (see
# `measure_found`), like a sum of money (`MONEY`).
_DIMENSIONS = {
    "length": "km kilometres kilometre kilometers kilometer miles mile 公里 千米",
    "mass": "tonnes tonne tons ton kilograms kilogram kg 吨 公斤 千克",
    "energy": "gwh mwh kwh twh 吉瓦时 兆瓦时 千瓦时",
    "area": "hectares hectare acres acre sqm 公顷 平方米 平方公里 平方千米 亩",
}
_DIMENSION_OF = {u: f"^dim:{d}" for d, units in _DIMENSIONS.items() for u in units.split()}
# (the units of `_NOT_MEASURES` and `_DIMENSIONS` written in Latin letters)
_UNITS = frozenset(
    split_words(
        "litres litre liters liter gallons gallon barrels barrel tonnes tonne tons ton "
        "kilograms kilogram kg grams gram cubic metres hectares acres"
    )
)
_ZH_UNIT = re.compile(
    rf"{FIGURE_MARK}("
    + "|".join(sorted((u for u in _DIMENSION_OF if not u.isascii()), key=len, reverse=True))
    + ")"
)


# A unit says how much, and the noun after "of" what of: 45 million litres of cider are not 45
# million litres of lager, nor 1,500 tonnes of milk as many of coal.
_UNIT_OF = re.compile(
    rf"{FIGURE_MARK}[ -]*(?:{'|'.join(sorted(_UNITS, key=len, reverse=True))})\s+of\s+"
    r"([a-z][a-z&']*)"
)


def counted_measures(s: str) -> Iterator[str]:
    """The measures that figures in `s` (a text with figures and concepts marked) count, as "^"
    terms (see above); names are left out by `claim_terms`, which knows them."""
    for m in _COUNTED.finditer(s):
        word, classifier = m.group(1), m.group(2)
        if classifier:
            yield "^" + (_ZH_CLASSIFIER[classifier] or classifier)
        elif word in _DIMENSION_OF:
            yield _DIMENSION_OF[word]
        elif not (
            len(word) <= 2
            or word in STOP_WORDS
            or word in CONCEPT_OF
            or word in NUMBER_WORDS
            or word in NOT_NAMES
            or word in _NOT_MEASURES
        ):
            yield "^" + stem(word)
    if " of " in s:
        for m in _UNIT_OF.finditer(s):
            word = m.group(1)
            if not (len(word) <= 2 or word in STOP_WORDS or word in CONCEPT_OF):
                yield "^" + stem(word)
    if _ZH_UNIT.search(s):
        yield from (_DIMENSION_OF[m.group(1)] for m in _ZH_UNIT.finditer(s))


# A figure in a currency (9.6亿元, US$2.3 billion) counts money, whatever it is the money of:
# the same figure counting things (九亿六千万件 parcels, 850 trucks) is another measure.
CURRENCIES = frozenset(
    ("usd", "cny", "hkd", "gbp", "eur", "jpy", "krw", "thb", "inr", "aud", "cad", "sgd", "chf")
)
MONEY = "^money"


MONEY_WORD = re.compile(
    rf"{FIGURE_MARK}\s*(?:"
    + "|".join(f for f, c in CONCEPT_OF.items() if c in CURRENCIES and f.isalpha())
    + r")\b"
)
