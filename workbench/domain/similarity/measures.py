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
from workbench.domain.similarity.figures import NUMBER_WORDS, approximate_token, number_token
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
        "centimetres centimetre centimeters centimeter millimetres millimetre millimeters "
        "millimeter "
        "litre liters liter gallons gallon tonnes tonne tons ton kilograms kilogram grams gram "
        "hectares hectare acres acre barrels barrel square cubic watts watt half halves quarter "
        "quarters gwh mwh kwh twh per pct sqm lbs hrs yrs mph kph teu gigawatts gigawatt "
        "megawatts megawatt kilowatts kilowatt terawatt parsecs parsec"
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
    # (astronomical units, as "4.3 au" is read: a length)
    "length": "km kilometres kilometre kilometers kilometer miles mile astronomical parsecs parsec "
    "公里 千米 光年 秒差距",
    "mass": "tonnes tonne tons ton kilograms kilogram kg 吨 公斤 千克",
    "energy": "gwh mwh kwh twh 吉瓦时 兆瓦时 千瓦时",
    "area": "hectares hectare acres acre sqm 公顷 平方米 平方公里 平方千米 亩",
    # containers handled are not tonnes of cargo (12.6 million TEU, 12.6 million tonnes)
    "containers": "teu teus 标准箱 标箱",
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


# Words a figure counts that name one thing: 74 vessels are 74 ships, 900 posts 900 jobs, a
# £1.2bn offer a £1.2bn bid (as stems).
_SAME_COUNTED = {
    "vessel": "ship",
    "boat": "ship",
    "post": "job",
    "role": "job",
    "position": "job",
    "offer": "bid",
    "hous": "hom",
    "dwelling": "hom",
    # (WTG: a wind turbine generator, the trade's abbreviation)
    "wtg": "turbin",
}


def counted_measures(s: str) -> Iterator[str]:
    """The measures that figures in `s` (a text with figures and concepts marked) count, as "^"
    terms (see above); names are left out by `claim_terms`, which knows them."""
    for m in _COUNTED.finditer(s):
        word, classifier = m.group(1), m.group(2)
        if classifier:
            yield "^" + (_ZH_CLASSIFIER[classifier] or classifier)
        elif word in _DIMENSION_OF:
            yield _DIMENSION_OF[word]
        elif word == "light" and s.startswith((" year", "-year"), m.end()):
            # (a light year is a length; 5,000 light fittings and 40 light aircraft are counted)
            yield "^dim:length"
        elif not (
            len(word) <= 2
            or word in STOP_WORDS
            or word in CONCEPT_OF
            or word in NUMBER_WORDS
            or word in NOT_NAMES
            or word in _NOT_MEASURES
        ):
            cut = stem(word)
            yield "^" + _SAME_COUNTED.get(cut, cut)
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
# A figure given as a percentage ("=pct:94": 94%, 94 per cent, 百分之九十四): set against the same
# figure given as a count (see `disagreements`).
PERCENTAGE = "=pct:"


_CURRENCY_WORDS = "|".join(f for f, c in CONCEPT_OF.items() if c in CURRENCIES and f.isalpha())
# (2.3 billion dollars; GBP 3,400 million, a code before the figure)
MONEY_WORD = re.compile(
    rf"{FIGURE_MARK}\s*(?:{_CURRENCY_WORDS})\b|\b(?:{_CURRENCY_WORDS})\s*{FIGURE_MARK}"
)


# One quantity in two units is one figure: 27 million cubic metres are 27 billion litres, 600
# hectares six square kilometres, 2.6万吨 26 million kilograms. A figure followed by a unit of the
# table is kept in the unit its quantity is measured in here as well ("≈vol:27000000000", to
# two significant figures, as approximate figures are), so that two claims giving it in other
# units share a figure (see `disagreements`' figures). Units that are also words or letters
# (m for million, t, g, 度 for degrees, gallons of two sizes) are left out.
_CONVERSIONS: dict[str, tuple[str, float]] = {}
for _dim, _factor, _forms in (
    ("vol", 1.0, "litres|litre|liters|liter|升"),
    ("vol", 1e-3, "millilitres|millilitre|milliliters|milliliter|ml|毫升"),
    ("vol", 100.0, "hectolitres|hectolitre|hectoliters|hectoliter"),
    ("vol", 1e3, "m3|cubic metres|cubic metre|cubic meters|cubic meter|立方米|千升"),
    ("mass", 1.0, "kilograms|kilogram|kg|公斤|千克"),
    ("mass", 1e3, "tonnes|tonne|吨"),
    ("mass", 1e-3, "grams|gram|克"),
    ("mass", 0.5, "斤"),
    ("area", 1.0, "square metres|square metre|square meters|square meter|sq m|sqm|m2|平方米|平米"),
    ("area", 1e4, "hectares|hectare|ha|公顷"),
    (
        "area",
        1e6,
        "square kilometres|square kilometre|square kilometers|square kilometer|sq km|km2"
        "|平方公里|平方千米",
    ),
    ("area", 4046.86, "acres|acre"),
    ("area", 2000 / 3, "亩|mu"),
    ("length", 1e3, "kilometres|kilometre|kilometers|kilometer|km|公里|千米"),
    ("length", 1609.34, "miles|mile"),
    ("length", 1.0, "metres|metre|meters|meter|米"),
    # (rain and water levels: 212 mm of rain is 21.2 cm, a 230 cm drop 2.3 metres)
    ("length", 1e-2, "centimetres|centimetre|centimeters|centimeter|cm|厘米"),
    ("length", 1e-3, "millimetres|millimetre|millimeters|millimeter|mm|毫米"),
    # (how far a star is: 212 light years is 65 parsecs; not "pc", which is as often per cent)
    ("length", 9.4607e15, "light years|light year|light-years|light-year|光年"),
    ("length", 3.0857e16, "parsecs|parsec|秒差距"),
    # (how fast: a gust of 98 mph is 158 km/h and 85 knots, 45 metres a second 162 km/h)
    (
        "speed",
        1.0,
        "km/h|kph|kmh|kilometres per hour|kilometers per hour|kilometres an hour"
        "|kilometers an hour|公里/小时|千米/小时|公里每小时",
    ),
    ("speed", 1.609344, "mph|miles per hour|miles an hour"),
    ("speed", 1.852, "knots|knot|kn|kts"),
    (
        "speed",
        3.6,
        "m/s|metres per second|meters per second|metres a second|meters a second|米/秒|米每秒",
    ),
    ("power", 1e9, "gigawatts|gigawatt|gw|吉瓦"),
    ("power", 1e6, "megawatts|megawatt|mw|兆瓦"),
    ("power", 1e3, "kilowatts|kilowatt|kw|千瓦"),
    ("energy", 1e12, "terawatt-hours|terawatt hours|twh|太瓦时"),
    ("energy", 1e9, "gigawatt-hours|gigawatt hours|gwh|吉瓦时"),
    ("energy", 1e6, "megawatt-hours|megawatt hours|mwh|兆瓦时"),
    ("energy", 1e3, "kilowatt-hours|kilowatt hours|kwh|千瓦时"),
):
    for _form in _forms.split("|"):
        _CONVERSIONS[_form] = (_dim, _factor)
# What may not follow a unit that begins other words: 升至 (rose to), 克拉 (carats), km/h.
_NOT_AFTER = {"升": "[至级值高温为]", "克": "拉", "km": "/h"}
# (longest first: 千瓦时 before 千瓦, square kilometres before square; a Latin unit ends a word)
_UNIT_AT = re.compile(
    r"[ -]*+(?:"
    + "|".join(
        re.escape(u)
        + (f"(?!{_NOT_AFTER[u]})" if u in _NOT_AFTER else "")
        + (r"(?![a-z0-9])" if u.isascii() else "")
        for u in sorted(_CONVERSIONS, key=len, reverse=True)
    )
    + ")"
)


def quantity(text: str, at: int, value: float) -> str | None:
    """The quantity of a figure `value` whose unit, if any, begins at `at` in `text`, in the
    unit its kind is measured in here ("≈area:6000000"), or None when no unit of the table
    follows (see above)."""
    m = _UNIT_AT.match(text, at)
    if m is None:
        return None
    dim, factor = _CONVERSIONS[m.group().lstrip(" -")]
    return f"≈{dim}:{approximate_token(value * factor)[1:]}"


def exact_quantity(text: str, at: int, value: float) -> str | None:
    """The exact term of a figure `value` in a unit of the table beginning at `at` in `text`, in
    its kind's unit ("#mass:2300000" for 2,300 tonnes and 230万公斤), or None (see above)."""
    m = _UNIT_AT.match(text, at)
    if m is None:
        return None
    dim, factor = _CONVERSIONS[m.group().lstrip(" -")]
    return f"#{dim}:{number_token(value * factor)[1:]}"


# What a Chinese figure counts, by its noun (round 25): the two characters right after its
# classifier (6座工厂, 8.6万辆燃油车: "=obj:工厂", "=obj:燃油"), or, when the figure is followed
# by a classifier or a unit, the two before it, past a verb of being or having (牧场有六座,
# 出口红茶3.2万吨, 召回电动车八万六千辆: 牧场, 红茶, 动车). The classifier (^座) says only what
# kind of thing is counted, so 6座工厂 and 六座牧场 share it: these terms weigh nothing and say
# which thing (see `disagreements.OBJECTS`). 个 counts anything and is read here too.
_OBJECT_CLASSIFIERS = "".join(_ZH_CLASSIFIER) + "个"
# (not a distance to a star: what stands before 120光年 is where it is measured from, 距离地球,
# and a rewording says 距我们 or nothing: 位于约120光年外)
_ZH_UNITS = sorted(
    (u for u in _DIMENSION_OF if not u.isascii() and u not in ("光年", "秒差距")),
    key=len,
    reverse=True,
)
_ZH_COUNTER = "|".join([*_ZH_UNITS, f"[{_OBJECT_CLASSIFIERS}]"])
# (a figure in digits or in Chinese numerals, its scale, "more than", and what it is counted by)
_OBJECT_FIGURE = re.compile(
    # (from the start of a figure only, and not an ordinal's: 第二条跑道; one try per run of
    # numerals keeps the reading linear in a long run)
    r"(?<![0-9.,零〇一二两三四五六七八九十百千万亿第])"
    r"(?:[0-9][0-9.,]*[万亿]*|[零〇二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*)"
    rf"[多余]?({_ZH_COUNTER})"
)
_CJK_NOUN = re.compile(r"[\u4e00-\u9fff]{1,3}")
# (at most this many characters before a figure are read for its noun)
_BEFORE = 12
_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]*$")
# What stands between a noun and its figure, taken off the end of what comes before it: being
# and having (牧场有六座, 图书达320万册, 共有, 约, 超过), a word for a number of something
# (门店数为, 机队规模达, 参赛人数, 收奶量) and a change or a count so far (已开, 只剩, 降至, 首破).
_BETWEEN = re.compile(
    "(?:共有|超过|多达|总计|累计|合计|总数|人数|规模|数量|突破|已经|达到|增至|降至|升至|目前|现在|如今"
    "|[有为达共约是了近超逾至到计量数剩降破开已只首仅增升跌])+$"
)
# A past act between a noun and its figure (平板电脑出货量为4100万台, 燃油车交付3万辆, 红茶出口
# 3.2万吨): the act says what was done with the thing, not which thing; the noun before it is
# what is counted (电脑, not 出货, which a claim counting phones shipped says too). Taken off the
# end with a 的 before it (平板电脑的出货量); with no noun before it (去年出货, 单月交付) the act is
# kept, as a claim that gives the act again shares it.
_ACT_BEFORE_FIGURE = re.compile(
    "(?:出货|交付|卖出|售出|销售|出售|出口|进口|生产|产出|召回|运送|发运|交货|回收|接收|收购)的?$"
)
# Characters that end what comes before a noun counted or after it: 的, 第 (an ordinal), 天, 年,
# 月, 日, 号, and numerals.
_NOT_OBJECTS = re.compile("[的天年月日号第零〇一二两三四五六七八九十百千万亿]")


def _last_noun(run: str) -> str:
    """The last two characters of a run of Chinese before a figure (or an act), past the words
    between a noun and its figure (`_BETWEEN`) and what ends a noun (`_NOT_OBJECTS`)."""
    return _NOT_OBJECTS.split(_BETWEEN.sub("", run))[-1][-2:]


def zh_objects(s: str) -> Iterator[str]:
    """The nouns that Chinese figures in `s` (normalised, lower-cased) count, as "=obj:" terms
    (up to three characters after a classifier, two before a figure: see above)."""
    for m in _OBJECT_FIGURE.finditer(s):
        after = _CJK_NOUN.match(s, m.end()) if m.group(1) in _OBJECT_CLASSIFIERS else None
        if after is not None:
            noun = _NOT_OBJECTS.split(after.group())[0]
        else:
            before = s[max(0, m.start() - _BEFORE) : m.start()]
            run = _BETWEEN.sub("", _CJK_TAIL.search(before).group())  # type: ignore[union-attr]
            noun = _last_noun(run)
            act = _ACT_BEFORE_FIGURE.search(run)
            if act:  # the noun before the act, if any (see `_ACT_BEFORE_FIGURE`)
                # (past a word between the noun and the act, as between the noun and the
                # figure: 平板电脑累计出货, 共出货, 已经交付)
                named = _last_noun(run[: act.start()].removesuffix("的"))
                if len(named) >= 2:
                    noun = named
        if len(noun) >= 2:
            yield "=obj:" + noun
