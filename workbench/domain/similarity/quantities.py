"""Quantities a rewording gives in another shape, restated in one before figures are read.

- A duration in years and months is one figure of years: "three years and nine months",
  "3y 9m" and "45 months" are 3.75 years, 四年零六个月 and 四年半 4.5年 (a prison term, a
  contract). Months alone are restated only from 18 on and in quarters of a year: "6 months"
  and "the 12 months to March" stay as they are.
- A height or a distance in a race is in metres: "the 200m butterfly", "cleared 1.97m" (where
  "m" would read as million), 1米97 and 一米九七 (1.97米); 每秒52米 is a speed (52米/秒).
- A crop's yield is in kilograms per hectare (`yields`): 8.9 t/ha is 3.6 tonnes an acre (8896
  kg/ha), 亩产685公斤 10275公斤/公顷.

Speeds (km/h, mph, knots, m/s) are units of `measures`' table.
"""

from __future__ import annotations

import re

from workbench.domain.similarity.figures import EN_NUMBER, spoken_value, zh_value

_ZH_NUM = "[零〇一二两三四五六七八九十百]+"
_EN_NUM = rf"\d+(?:\.\d+)?|{EN_NUMBER.pattern}"

# (3y 9m, three years and nine months, 3 years, 9 months; not "2025 and 9 months")
_EN_YEARS_MONTHS = re.compile(
    rf"(?<![\w.])({_EN_NUM})[ -]?(?:years?|yrs?|y)\b,?(?: and)? ({_EN_NUM})[ -]?"
    r"(?:months?|mths?|m)\b"
)
_ABBREVIATED_YEARS = re.compile(r"\dy\b")
_EN_MONTHS = re.compile(rf"(?<![\w.£$€¥])({_EN_NUM})[ -]?months?\b")
# (四年零六个月, 4年6个月, 三年半; not 2025年半年报: a year is no duration, see `_years`)
_ZH_YEARS_MONTHS = re.compile(rf"([0-9]+|{_ZH_NUM})年零?([0-9]+|{_ZH_NUM})个月")
_ZH_HALF_YEAR = re.compile(
    rf"(?<![0-9零〇一二两三四五六七八九十百])([0-9]+|{_ZH_NUM})年半(?![年月])"
)
_ZH_MONTHS = re.compile(rf"(?<![0-9零〇一二两三四五六七八九十百年])([0-9]+|{_ZH_NUM})个月")
# (a duration that says more than this many years is some other figure)
_LONGEST = 100
# Months alone are a duration from this many on (see above).
_FROM_MONTHS = 18


def _en(text: str) -> float | None:
    if text[0].isdigit():
        return float(text)
    value = spoken_value(text)
    return value if value > 0 else None


def _zh(text: str) -> float | None:
    return float(text) if text[0] in "0123456789" else zh_value(text)


def _years(years: float | None, months: float | None) -> float | None:
    """The duration in years, or None where the figures are not one (a year, a month over 11)."""
    if years is None or months is None or years >= _LONGEST or months >= 12:
        return None
    return years + months / 12


def _restated(value: float | None, unit: str, original: str) -> str:
    if value is None or (value * 4) % 1:
        return original  # (not in quarters of a year: 3 years 5 months stays as it is)
    return f"{value:g}{unit}"


def _months(value: float | None, unit: str, original: str) -> str:
    if value is None or value < _FROM_MONTHS or value % 3:
        return original
    return f"{value / 12:g}{unit}"


# A race, a jump or a throw: its "200m" and "1.97m" are metres (see above).
_SPORT = re.compile(
    r"butterfly|freestyle|backstroke|breaststroke|medley|hurdles|relay|sprint|steeplechase"
    r"|\b(?:high|long|triple) jump|pole vault|javelin|discus|shot put|hammer throw"
    r"|\b(?:jumped|cleared|vaulted|threw)\b"
)
_METRES = re.compile(r"(?<![\w.£$€¥])(\d+(?:\.\d+)?)m\b(?!/)")
# (1米97, 一米九七: a height in metres and centimetres)
_ZH_HEIGHT = re.compile(
    r"(?<![0-9.零〇一二两三四五六七八九十])([0-9一二两三四五六七八九])米"
    r"([0-9零〇一二三四五六七八九]{2})(?![0-9零〇一二三四五六七八九十百千万])"
)
# (每秒52米: 52米/秒, a speed, as 52 metres per second is)
_ZH_PER_SECOND = re.compile(rf"每秒([0-9]+(?:\.[0-9]+)?|{_ZH_NUM})米")
_ZH_DIGIT = str.maketrans("零〇一二两三四五六七八九", "001223456789")


def _zh_height(m: re.Match[str]) -> str:
    return f"{m.group(1).translate(_ZH_DIGIT)}.{m.group(2).translate(_ZH_DIGIT)}米"


def restate(s: str) -> str:
    """`s` (normalised, lower-cased) with durations, race distances and heights restated in one
    shape each (see above)."""
    if "month" in s or _ABBREVIATED_YEARS.search(s):
        s = _EN_YEARS_MONTHS.sub(
            lambda m: _restated(_years(_en(m.group(1)), _en(m.group(2))), " years", m.group()),
            s,
        )
        if "month" in s:
            s = _EN_MONTHS.sub(lambda m: _months(_en(m.group(1)), " years", m.group()), s)
    if "年" in s:
        s = _ZH_YEARS_MONTHS.sub(
            lambda m: _restated(_years(_zh(m.group(1)), _zh(m.group(2))), "年", m.group()), s
        )
        if "年半" in s:
            s = _ZH_HALF_YEAR.sub(
                lambda m: _restated(_years(_zh(m.group(1)), 6), "年", m.group()), s
            )
    if "个月" in s:
        s = _ZH_MONTHS.sub(lambda m: _months(_zh(m.group(1)), "年", m.group()), s)
    if "m" in s and _SPORT.search(s):
        s = _METRES.sub(r"\1 metres", s)
    if "米" in s:
        s = _ZH_HEIGHT.sub(_zh_height, s)
        if "每秒" in s:
            s = _ZH_PER_SECOND.sub(r"\1米/秒", s)
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
# (8.9 t/ha, 3.6 tonnes an acre, 820 kilograms of rice per mu)
_EN_YIELD = re.compile(
    r"(\d+(?:\.\d+)?) ?(tonnes|tonne|tons|ton|t|kilograms|kilogram|kg)(?: of [a-z]+)? ?"
    r"(?:an?|per|/) ?(hectare|ha|acre|mu)\b"
)
_ZH_MASS = "吨|公斤|千克|斤"
_ZH_YIELD_FIGURE = rf"([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)({_ZH_MASS})"
_ZH_YIELD = re.compile(
    # 亩产685公斤, 每公顷产10275公斤, 10275公斤/公顷
    rf"(亩|每公顷|每亩)(?:均)?(?:产量?|单产)?(?:达到?|为|约|超过|逾|近)*{_ZH_YIELD_FIGURE}"
    rf"|{_ZH_YIELD_FIGURE}/(公顷|亩)"
)


def _en_yield(m: re.Match[str]) -> str:
    kg = float(m.group(1)) * _MASS_KG[m.group(2)] * _PER_HECTARE[m.group(3)]
    return f"{round(kg)} kg/ha"


def _zh_yield(m: re.Match[str]) -> str:
    if m.group(1):
        per, figure, mass = m.group(1).removeprefix("每"), m.group(2), m.group(3)
    else:
        figure, mass, per = m.group(4), m.group(5), m.group(6)
    value = _zh(figure)
    if value is None:
        return m.group()
    kg = round(value * _MASS_KG[mass] * _PER_HECTARE[per])
    return f"单产{kg}公斤/公顷"  # (单产: a yield is an average, see `concepts`)


def yields(s: str) -> str:
    """`s` (normalised, lower-cased) with a crop's yields restated in kilograms per hectare
    (see above)."""
    if "acre" in s or "ha" in s or "mu" in s:
        s = _EN_YIELD.sub(_en_yield, s)
    if "亩" in s or "公顷" in s:
        s = _ZH_YIELD.sub(_zh_yield, s)
    return s
