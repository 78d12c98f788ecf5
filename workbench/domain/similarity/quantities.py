"""Quantities a rewording gives in another shape, restated in one before figures are read.

- A duration in years and months is one figure of years: "three years and nine months",
  "3y 9m" and "45 months" are 3.75 years, 四年零六个月 and 四年半 4.5年 (a prison term, a
  contract), "a year and a half" 1.5 years; one not in quarters of a year is in months ("six
  years and four months", 六年零四个月 and "76 months"). Months alone are restated only from 18
  on and in quarters of a year: "6 months" and "the 12 months to March" stay as they are, and
  so do the ends of a range ("18 to 24 months", 12至18个月, "between twelve and eighteen
  months"), an age ("a 24-month-old", 18个月大) and a count (第18个月).
- A height or a distance in a race is in metres where it would read as millions: before the
  race it names ("the 200m butterfly", "the 100m and 200m freestyle"), a standard distance in
  a text about racing ("won the 100m in 9.58 seconds"), a jump's mark in a text about a field
  event ("cleared 1.97m"), 1米97 and 一米九七 (1.97米); not "1m heat pumps" nor "a 10m final
  dividend".
- A speed said in Chinese is in a unit of speed: 每秒52米 and 秒速52米 are 52米/秒, 时速162公里
  and 每小时162公里 162公里/小时.
- A crop's yield is in kilograms per hectare (`yields`): 8.9 t/ha is 3.6 tonnes an acre (8896
  kg/ha), 亩产685公斤 10275公斤/公顷; not a dose (化肥用量为每亩50公斤) nor the land (5万亩产量).

Speeds (km/h, mph, knots, m/s) are units of `measures`' table. Every pattern here begins at
the start of a figure (a lookbehind, or a scan from one figure to the next): a long run of
digits or number words is read once, never again from each of its characters.
"""

from __future__ import annotations

import math
import re

from workbench.domain.similarity.figures import (
    EN_NUMBER,
    NUMBER_WORDS,
    spoken_value,
    written_value,
)

_ZH_NUMERAL = "零〇一二两三四五六七八九十百"
_ZH_NUM = f"[{_ZH_NUMERAL}]+"
# (a figure begins here, not inside a longer one or a word: 2025, not its 025; 2,024, not its 024)
_EN_FIGURE = re.compile(
    rf"(?<![\w.,£$€¥])(?:\d{{1,6}}(?:\.\d{{1,3}})?(?![\d.])|{EN_NUMBER.pattern})"
)
# (what follows the years of "3 years and 9 months", "3 yrs 9 mths" and "3y 9m")
_EN_YEARS = re.compile(r"[ -]?(?:(?:years?|yrs?)\b,?(?: and)? |(y) )")
_EN_MONTHS = re.compile(r"[ -]?(?:months?|mths?)\b(?![ -]olds?\b)")
_EN_M = re.compile(r"m\b")
_ABBREVIATED_YEARS = re.compile(r"\dy ")
# ("a year and a half" is 1.5 years, as 18 months are)
_YEAR_AND_A_HALF = re.compile(r"\b(?:a|one) year and a half\b")
# (a figure that ends a range: 18 to 24 months, a 12- to 18-month course, 12至18个月, 12或18个月;
# not "in 2019 to 18 months", whose 2019 is a year; and any figure after "between", where the
# number words of "twelve and eighteen" are read as one)
_RANGE_BEFORE = re.compile(
    rf"(?:(?<!\d\d\d)\d-?|\b(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    rf"|[{_ZH_NUMERAL}])\s*(?:to|or|and|-|–|—|~|～|至|到|或|和)\s*$|\bbetween\s+$"
)
_RANGE_WINDOW = 24
_NO_FIGURE_BEFORE = f"(?<![0-9.{_ZH_NUMERAL}第])"
# (四年零六个月, 4年6个月; not 2025年6个月: a year is no duration)
_ZH_YEARS_MONTHS = re.compile(
    rf"{_NO_FIGURE_BEFORE}([0-9]{{1,3}}|{_ZH_NUM})年零?([0-9]{{1,3}}|{_ZH_NUM})个月"
)
# (三年半, 3年半 as a term; not 2025年半年报, nor 24年半导体: 半 begins another word there)
_ZH_HALF_YEAR = re.compile(
    rf"{_NO_FIGURE_BEFORE}([0-9]{{1,3}}|{_ZH_NUM})年半"
    "(?!年|月|天|日|夜|导体|岛|山|坡|价|数|径|场|程|球|成品|自动|决赛|小时|个|边|身|壁|截)"
)
# (not 18个月大的婴儿: an age)
_ZH_MONTHS = re.compile(rf"(?<![0-9.{_ZH_NUMERAL}年第])([0-9]{{1,4}}|{_ZH_NUM})个月(?!大(?!幅))")
# (a duration that says this many years or more is some other figure)
_LONGEST = 100
# Months alone are a duration from this many on (see above): "15 months" is 1.25 years as "one
# year and three months" is; 12 is no duration but a year's period ("the 12 months to March").
_FROM_MONTHS = 15


def _en(text: str) -> float | None:
    if text[0].isdigit():
        return float(text)
    value = spoken_value(text)
    return value if 0 < value < math.inf else None


def _years(years: float | None, months: float | None, unit: str, in_months: str) -> str | None:
    """The duration in years, or where it is not in quarters of a year in months (six years and
    four months: 76 months, as a rewording counts it); None where the figures are not one (a
    year, a month over 11, a fraction of a month)."""
    if years is None or months is None or years >= _LONGEST or months >= 12:
        return None
    value = years + months / 12
    if not (value * 4) % 1:
        return f"{value:g}{unit}"
    if years % 1 or months % 1:
        return None
    return f"{12 * years + months:g}{in_months}"


def _of_months(months: float | None, s: str, at: int, unit: str) -> str | None:
    """Months alone as years, with `unit`, or None (see above); `at` is where the months are
    written in `s`."""
    if months is None or not _FROM_MONTHS <= months < 12 * _LONGEST or months % 3:
        return None
    if _RANGE_BEFORE.search(s, max(0, at - _RANGE_WINDOW), at):
        return None
    return f"{months / 12:g}{unit}"


def _en_durations(s: str) -> str:
    """English durations in years (see above), from one figure to the next."""
    out: list[str] = []
    done = 0
    for first in _EN_FIGURE.finditer(s):
        if first.start() < done:
            continue  # (the months of a duration already restated)
        end, restated = first.end(), None
        years = _EN_YEARS.match(s, end)
        second = _EN_FIGURE.match(s, years.end()) if years else None
        # ("m" is months only after "y": "two years 3m people" are millions)
        months = (_EN_M if years and years.group(1) else _EN_MONTHS).match(
            s, second.end() if second else end
        )
        if months and second:
            restated = _years(_en(first.group()), _en(second.group()), " years", " months")
        elif months and not years:
            restated = _of_months(_en(first.group()), s, first.start(), " years")
        if restated is not None and months:
            out += (s[done : first.start()], restated)
            done = months.end()
    out.append(s[done:])
    return "".join(out)


def _zh_durations(s: str) -> str:
    s = _ZH_YEARS_MONTHS.sub(
        lambda m: (
            _years(written_value(m.group(1)), written_value(m.group(2)), "年", "个月") or m.group()
        ),
        s,
    )
    if "年半" in s:
        s = _ZH_HALF_YEAR.sub(
            lambda m: _years(written_value(m.group(1)), 6, "年", "个月") or m.group(), s
        )
    return s


# A race, a jump or a throw: its "200m" and "1.97m" are metres (see above). A distance is one
# right before the race it names, or before a list that ends in one ("the 200m butterfly",
# "4x100m relay", "the 100m and 200m butterfly"; not "1m heat pumps", "a 10m final dividend");
# in a text about a race, one of the standard distances is one anywhere ("won the 100m in 9.58
# seconds"); a height or a length right after a jump or a throw, in a text about a field event.
_RACE_WORDS = (
    "individual medley|medley|butterfly|fly|freestyle|backstroke|breaststroke|hurdles|relay"
    "|sprint|steeplechase"
)
_M = r"(?<![\w.£$€¥])((?:\d{1,2}x)?\d{1,5}(?:\.\d{1,2})?)m\b"
_RACE_DISTANCE = re.compile(
    rf"{_M}(?=(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:\d{{1,2}}x)?\d{{1,5}}m\b){{0,4}}\s+(?:{_RACE_WORDS})\b)"
)
_RACING = re.compile(
    rf"\b(?:{_RACE_WORDS}|athletics|athletes?|sprinters?|swimm(?:er|ers|ing)|swam|swum"
    r"|olympics?|olympic games|championships?|world cup|grand prix|medals?|seconds|secs"
    # (who ran it, and its time: 49.62 s; not "ran", as a firm runs 200m ads)
    r"|runners?|race[sd]?|racing|marathon|metres|meters)\b|\d\.\d{1,2} ?s\b"
)
# (a standard distance is a race's where the race follows it, or in a text about racing where
# nothing it could count does: "the 400m final", "won the 100m in 9.58 seconds"; not "the
# Olympics cost 100m euros", "drew 400m viewers")
_STANDARD_DISTANCE = re.compile(
    r"(?<![\w.£$€¥])((?:\d{1,2}x)?(?:50|60|100|110|200|400|800|1500|3000|5000|10000))m\b"
    r"(?=(?P<race>\s+(?:finals?|heats?|title|dash|swim|free|gold|silver|bronze|medal)\b)"
    r"|\s*(?:$|[,.;:!?)]|(?:in|at|on|with|for|and|or|to|record|event)\b))"
)
# (what a sum of money or a count of people follows: "cost 100m", "paid a 100m final dividend")
_MONEY_BEFORE = re.compile(
    r"\b(?:cost|costs|worth|raised|paid|pay|spent|spend|earned|generated|drew|attracted|budget"
    r"|revenue|profit|sold|funding|investment|prize|bonus|deal|contract|fee|salary|viewers"
    r"|audience|valued|loss|debt)\b[^.]{0,16}$"
)
_FIELD_EVENT = re.compile(
    r"\b(?:high|long|triple) jump|\bpole vault|\bjavelin|\bdiscus\b|\bshot put|\bhammer throw"
)
_MARK = re.compile(
    r"\b(cleared|jumped|vaulted|threw|leapt|leaped"
    r"|(?:record|mark|height|best|jump|leap|vault|throw|clearance) of)"
    r" (\d{1,3}(?:\.\d{1,2})?)m\b(?!/)"
    # ("won the long jump with 7.12m", "raised the record to 6.26m": a mark in centimetres)
    r"|\b(with|to) (\d{1,2}\.\d{2})m\b(?!/)"
)
# (1米97, 一米九七: a height in metres and centimetres)
_ZH_HEIGHT = re.compile(
    r"(?<![0-9.零〇一二两三四五六七八九十])([0-9一二两三四五六七八九])米"
    r"([0-9零〇一二三四五六七八九]{2})(?![0-9零〇一二三四五六七八九十百千万])"
)
_ZH_DIGIT = str.maketrans("零〇一二两三四五六七八九", "001223456789")
# (每秒52米, 秒速52米: 52米/秒; 时速162公里, 每小时162公里: 162公里/小时)
_ZH_FIGURE = rf"([0-9]{{1,6}}(?:\.[0-9]{{1,3}})?|{_ZH_NUM})"
_ZH_ABOUT = "((?:高达|可达|达(?:到了?)?|约|超过?|逾|近|为|突破){0,2})"
_ZH_PER_SECOND = re.compile(rf"(秒速|每秒){_ZH_ABOUT}{_ZH_FIGURE}米(?![/每])")
_ZH_PER_HOUR = re.compile(
    rf"(时速|每小时){_ZH_ABOUT}{_ZH_FIGURE}(?P<more>多)?(公里|千米|km)(?![/每])"
)


def _distance(m: re.Match[str], racing: bool) -> str:
    if not (racing or m.group("race")) or _MONEY_BEFORE.search(
        m.string, max(0, m.start() - 40), m.start()
    ):
        return m.group()
    return f"{m.group(1)} metres"


def _mark(m: re.Match[str]) -> str:
    said, figure = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"{said} {figure} metres"


def _zh_height(m: re.Match[str]) -> str:
    return f"{m.group(1).translate(_ZH_DIGIT)}.{m.group(2).translate(_ZH_DIGIT)}米"


def _zh_speed(m: re.Match[str], unit: str) -> str:
    said = "" if m.group(1).startswith("每") else m.group(1)  # (时速 and 秒速 say what it is)
    more = m.groupdict().get("more") or ""  # (时速400多公里: more than 400)
    return f"{said}{m.group(2)}{m.group(3)}{more}{unit}"


def restate(s: str) -> str:
    """`s` (normalised, lower-cased) with durations, race distances, heights and speeds
    restated in one shape each (see above)."""
    if "month" in s or "mth" in s or _ABBREVIATED_YEARS.search(s):
        s = _en_durations(s)
    if "year and a half" in s:
        s = _YEAR_AND_A_HALF.sub("1.5 years", s)
    if "年" in s:
        s = _zh_durations(s)
    if "个月" in s:
        s = _ZH_MONTHS.sub(
            lambda m: _of_months(written_value(m.group(1)), m.string, m.start(), "年") or m.group(),
            s,
        )
    if "m" in s:
        s = _RACE_DISTANCE.sub(r"\1 metres", s)
        racing = _RACING.search(s) is not None
        s = _STANDARD_DISTANCE.sub(lambda m: _distance(m, racing), s)
        if _FIELD_EVENT.search(s):
            s = _MARK.sub(_mark, s)
    if "米" in s:
        s = _ZH_HEIGHT.sub(_zh_height, s)
        if "秒" in s:
            s = _ZH_PER_SECOND.sub(lambda m: _zh_speed(m, "米/秒"), s)
    if "时速" in s or "每小时" in s:
        s = _ZH_PER_HOUR.sub(lambda m: _zh_speed(m, "公里/小时"), s)
    return s


# A crop's yield, in kilograms per hectare (see above): the mass, then the area it is per.
_MASS_KG = {
    "tonnes": 1000.0,
    "tonne": 1000.0,
    "tons": 1000.0,
    "ton": 1000.0,
    "t": 1000.0,
    "kilograms": 1.0,
    "kilogram": 1.0,
    "kg": 1.0,
    "吨": 1000.0,
    "公斤": 1.0,
    "千克": 1.0,
    "斤": 0.5,
}
_PER_HECTARE = {
    "hectare": 1.0,
    "ha": 1.0,
    "acre": 1 / 0.40468564,
    "mu": 15.0,
    "公顷": 1.0,
    "亩": 15.0,
}
# (no yield is read beyond this many kilograms a hectare: a run of digits is no harvest)
_MOST_KG = 1e9
# (a figure in digits: 8.9, 10,275; not from inside a longer one)
# (a clause's comma before it is no thousands separator: 单产，685公斤/亩)
_DIGITS = r"(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3}){1,3}|\d{1,9})(?:\.(\d{1,6}))?(?![\d,])"
# (8.9 t/ha, 3.6 tonnes an acre, 820 kilograms of rice per mu)
_EN_YIELD = re.compile(
    rf"{_DIGITS} ?(tonnes|tonne|tons|ton|t|kilograms|kilogram|kg)(?: of [a-z]+(?: [a-z]+)?)? ?"
    r"(?:an?|per|/) ?(hectare|ha|acre|mu)\b"
)
_EN_AREA = re.compile(r"hectare|acre|/ha\b| ha\b| mu\b|/mu\b")
_ZH_MASS = "吨|公斤|千克|斤|kg"
_ZH_YIELD_FIGURE = rf"(?:{_DIGITS}|([零〇一二两三四五六七八九十百千万]+))({_ZH_MASS})"
_ZH_YIELD = re.compile(
    # 亩产685公斤, 亩均单产, 单产达到每公顷10275公斤 (每 with 产 before or after it; not the
    # area of 5万亩产量, the land of 5万亩 and what it grows)
    rf"(?:(?<![0-9{_ZH_NUMERAL}千万多余])(亩)均?(?:产量?|单产)?|每(公顷|亩)(产量?|单产|均产)?)"
    rf"{_ZH_ABOUT}{_ZH_YIELD_FIGURE}"
    # 10275公斤/公顷
    rf"|(?<![0-9.{_ZH_NUMERAL}千万])(?:{_DIGITS}|([零〇一二两三四五六七八九十百千万]+))"
    rf"({_ZH_MASS})/(公顷|亩)"
)
# (每公顷 with no 产 after it is a yield where one is named just before: 单产达到每公顷; none is
# where a dose is: 化肥用量为每亩50公斤, 播种量每亩10公斤, 施用化肥300公斤/公顷)
_YIELD_NAMED = re.compile("产")
_DOSE = re.compile("施肥|施用|化肥|肥料|用量|播种量|用种量|农药|饲料|灌溉用水")
_BEFORE = 8


def _digits(whole: str, decimals: str | None) -> float:
    return float(whole.replace(",", "") + (f".{decimals}" if decimals else ""))


def _kg_per_hectare(value: float | None, mass: str, per: str) -> int | None:
    if value is None:
        return None
    kg = value * _MASS_KG[mass] * _PER_HECTARE[per]
    return round(kg) if math.isfinite(kg) and kg < _MOST_KG else None


# (kilograms of fertiliser per hectare are a dose, no yield)
_EN_DOSE = re.compile(r"fertili[sz]er|nitrogen|seed|pesticide|manure|feed")


def _en_yield(m: re.Match[str]) -> str:
    if _EN_DOSE.search(m.group()):
        return m.group()
    kg = _kg_per_hectare(_digits(m.group(1), m.group(2)), m.group(3), m.group(4))
    return m.group() if kg is None else f"{kg} kg/ha"


def _zh_yield(m: re.Match[str]) -> str:
    g = m.groups()
    before = max(0, m.start() - _BEFORE)
    if not g[0] and _DOSE.search(m.string, before, m.start()):
        return m.group()  # (a dose per mu or per hectare, not 亩产)
    if g[0] or g[1]:
        per = g[0] or g[1]
        if g[1] and not g[2] and not _YIELD_NAMED.search(m.string, before, m.start()):
            return m.group()  # (每亩50公斤化肥: a dose, not a yield)
        whole, decimals, numerals, mass = g[4], g[5], g[6], g[7]
    else:
        whole, decimals, numerals, mass, per = g[8], g[9], g[10], g[11], g[12]
    value = _digits(whole, decimals) if whole else written_value(numerals)
    kg = _kg_per_hectare(value, mass, "亩" if per == "亩" else "公顷")
    return m.group() if kg is None else f"单产{kg}公斤/公顷"  # (a yield is an average)


def yields(s: str) -> str:
    """`s` (normalised, lower-cased) with a crop's yields restated in kilograms per hectare
    (see above)."""
    if _EN_AREA.search(s):
        s = _EN_YIELD.sub(_en_yield, s)
    if "亩" in s or "公顷" in s:
        s = _ZH_YIELD.sub(_zh_yield, s)
    return s
