"""Numbers, read whatever their form and turned into one value: "7", "七" and "seven" are `#7`.

Arabic figures with their scales (1500万, 15 million, 15m), Chinese numerals (一千五百万) and
English number words (fifteen million), and whether a figure is a year. The bag of terms
(`bag.terms`) reads a text with these; labels and periods read their small numbers with them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container

from workbench.domain.similarity.words import split_words

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_ZH_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
    "trillion": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "million": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}
_EN_UNITS = {
    w: i
    for i, w in enumerate(
        split_words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_EN_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
EN_ORDINALS = {
    w: i
    for i, w in enumerate(
        split_words("second third fourth fifth sixth seventh eighth ninth tenth"), start=2
    )
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# 多 or 余 after a figure is "-odd" (1400多家, 两千多万, 2000余万元: more than 1400, 20 million,
# 20 million): the figure is the number before it, scaled by any unit after it.
ARABIC = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*[多余]?(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦米克升])"
    r"|trillion\b|billion\b|bn\b|million\b|m\b(?!/s\b)|thousand\b|k\b)?(年)?"
)
# 年 after a number is a calendar year (2015年) or a span of years (7年, 七年); elsewhere it is
# part of a word (年产能, annual capacity) and says nothing about years.
SPAN_OF_YEARS = 1000
# (a 千 that begins a unit, 千瓦 千米 千克 千升, is the unit's: 一千万千瓦 is ten million kilowatts)
ZH_NUMBER = re.compile(
    # a decimal first: 八十六点四亿 is 86.4亿, 七点五 7.5 (the scale after it applies to all)
    "((?:[零〇一二两三四五六七八九十百千]+点[零〇一二三四五六七八九]+(?:千亿|百亿|十亿|亿|千万|百万|十万|万)?)"
    "|(?:(?!千[瓦米克升])[零〇一二两三四五六七八九十百千万亿])+(?:[多余][十百千万亿]+)?)"
    "[多余]?(年)?"
)
# Whole words only: without the closing \b, "six" took the start of "sixty" and "eight" that
# of "eighteen" (sixty-two thousand was read as 6 and 2,000).
_EN_NUMBER_WORDS = "|".join([*_EN_UNITS, *_EN_TENS, *_EN_SCALES, "a"])
# A decimal said aloud: "one point eight six million", "eighty-one point four per cent". The
# digits after "point" are read one by one (eight six is .86, not 8 + 6), and a scale after
# them scales the whole figure.
_EN_DIGIT_WORDS = "|".join(w for w, i in _EN_UNITS.items() if i < 10)
EN_NUMBER = re.compile(
    # ("a" before a scale is one: a million people, a thousand million pounds; "half a
    # million" is half of one)
    rf"\b(?:(?:half\s+)?a(?=[\s-]+(?:{'|'.join(_EN_SCALES)})\b)"
    rf"|{'|'.join([*_EN_UNITS, *_EN_TENS])})\b"
    # ("and a half" is a half: one and a half million)
    rf"(?:[\s-]+(?:and[\s-]+a[\s-]+half|{_EN_NUMBER_WORDS}|and)\b)*"
    # (not after "at one" or "by one": at one point three men were arrested, lost by one point)
    rf"(?:(?<!at one)(?<!by one)\s+point(?:\s+(?:{_EN_DIGIT_WORDS})\b)+"
    rf"(?:\s+(?:{'|'.join(_EN_SCALES)})\b)*)?"
)


# Beyond this a figure is written in scientific notation (and a run of 400 nines is "#inf"):
# no claim is checked by its 20th digit, and no run of digits may break the scan.
_EXACT_BELOW = 10**18


def number_token(value: float) -> str:
    if not math.isfinite(value):
        return "#inf"
    if abs(value) < _EXACT_BELOW and value == int(value):
        return f"#{int(value)}"
    return f"#{value:.6g}"


def _as_float(n: int) -> float:
    try:
        return float(n)
    except OverflowError:
        return math.inf


def _zh_decimal(run: str) -> float | None:
    """八十六点四亿 (86.4 * 10^8), 七点五 (7.5): the whole part, the digits after 点, and the
    scale after them."""
    whole, rest = run.split("点", 1)
    digits = "".join(str(_ZH_DIGITS[ch]) for ch in rest if ch in _ZH_DIGITS)
    scale = rest[len(digits) :]
    value = zh_value(whole)
    if value is None or not digits:
        return None
    return (value + float("0." + digits)) * MULTIPLIERS.get(scale, 1)


def zh_value(run: str) -> float | None:
    """The value of a run of Chinese numerals (一千五百万 = 15000000), None for a run that is
    not a number (a lone 万 or 千)."""
    # 亿 scales everything before it, 万 only what follows the last 亿: 三亿六千万 is
    # 3*10^8 + 6000*10^4, not (3*10^8 + 6000) * 10^4.
    if "点" in run:
        return _zh_decimal(run)
    if len(run) >= 3 and all(ch in _ZH_DIGITS and ch != "两" for ch in run):
        # Digits without units are read in place, as a year is written: 一九五二 is 1952 and
        # 二〇二四 2024 (two digits are more often a range: 七八家, seven or eight).
        return float("".join(str(_ZH_DIGITS[ch]) for ch in run))
    high = low = section = 0
    digit: int | None = None
    for ch in run:
        if ch in "多余":
            continue  # 两千多万: "-odd" between the units, the figure is 两千万
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_SMALL_UNITS:
            section += (1 if digit is None else digit) * _ZH_SMALL_UNITS[ch]
            digit = None
        else:
            rest = low + section + (digit or 0)
            if _ZH_BIG_UNITS[ch] == _ZH_BIG_UNITS["亿"]:
                high, low = (high + rest) * _ZH_BIG_UNITS[ch], 0
            else:
                low = rest * _ZH_BIG_UNITS[ch]
            section = 0
            digit = None
    if digit is None and high == low == section == 0:
        return None
    return _as_float(high + low + section + (digit or 0))


def written_value(run: str) -> float | None:
    """The value of a figure written in Arabic digits (12, 3.5) or in Chinese numerals (十二,
    三点五: `zh_value`), None for a run of numerals that is no number."""
    return float(run) if run[:1] in _ARABIC_DIGITS else zh_value(run)


_ARABIC_DIGITS = frozenset("0123456789")


def en_value(words: list[str]) -> float:
    if "point" in words:
        return _en_decimal(words)
    total = current = largest = 0
    joined = False  # an "and" since the last scale
    halved = False  # "half a million"
    # "one and a half million": a half of whatever scale comes next (kept apart so that the
    # sums stay whole numbers, exact however large)
    and_a_half = False
    for i, w in enumerate(words):
        if w == "half" and words[i - 2 : i] == ["and", "a"]:
            if i >= 3 and words[i - 3] in _EN_SCALES and words[i - 3] != "hundred":
                # "a million and a half", "two thousand and a half": half of that scale
                total += _EN_SCALES[words[i - 3]] // 2
            else:
                and_a_half = True
        elif w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100 + (50 if and_a_half else 0)
            and_a_half = False
        elif w == "and":
            joined = True
        elif w == "half":
            halved = True
        elif w in _EN_SCALES:
            scale = _EN_SCALES[w]
            if total and scale >= largest and not joined:
                # A scale of a scale: "one thousand million" (10^9), "one million million"
                # (10^12), "one thousand two hundred million" (1.2 * 10^9); a smaller scale
                # after a larger one adds ("two million three hundred thousand"), and so does
                # one after "and" ("between two million and three million": two figures, read
                # as one sum as before rather than as a product).
                total = (total + current) * scale
            else:
                total += max(current, 1) * scale
            if and_a_half:
                total += scale // 2
                and_a_half = False
            largest = max(largest, scale)
            current = 0
            joined = False
    value = _as_float(total + current) + (0.5 if and_a_half else 0.0)
    return value / 2 if halved else value


_WORD_GAP = re.compile(r"[\s-]+")


def spoken_value(run: str) -> float:
    """The value of a run of number words that `EN_NUMBER` found ("sixty-two thousand", "one
    point eight six million"); an "a" or "and" it ends on is the next phrase's."""
    words = [w for w in _WORD_GAP.split(run) if w]
    while words and words[-1] in ("a", "and"):
        words.pop()
    return en_value(words)


_DECIMALS_READ = 15


def _en_decimal(words: list[str]) -> float:
    """one point eight six million (1.86 * 10^6): the whole part, the digits after "point" one
    by one, and the scales after them."""
    at = words.index("point")
    end = at + 1
    while end < len(words) and words[end] in _EN_UNITS and _EN_UNITS[words[end]] < 10:
        end += 1
    # No claim is checked by its 16th decimal, and int() refuses a run of thousands of digits.
    digits = "".join(str(_EN_UNITS[w]) for w in words[at + 1 : min(end, at + 1 + _DECIMALS_READ)])
    scale = 1
    for w in words[end:]:
        scale *= _EN_SCALES.get(w, 1)
    whole = en_value(words[:at])
    if not digits or not math.isfinite(whole):
        return whole
    # In integers, then one division: 1.86 * 10^6 is 1860000, not 1859999.9999999998.
    unit: int = 10 ** len(digits)
    shifted = (int(whole) * unit + int(digits)) * scale
    try:
        return shifted / unit
    except OverflowError:  # "point five million million million ...": beyond a float
        return math.inf


def is_year(term: str) -> bool:
    # A whole number that could be a year: 1,800,000 homes are not; 2000 shops may be taken
    # for one, but that costs only when both claims then give a year the other does not.
    # (A figure of thousands of digits is no year, and int() refuses to read it.)
    digits = term[1:]
    return digits.isdigit() and len(digits) < 10 and 1900 <= int(digits) <= 2100


# A figure of a year's size written as a count (2,050 people, with its thousands comma; 2000人,
# a Chinese classifier after it; 两千一百户) is read as a figure (`bag`), and its exact term,
# #2050, says so beside it: "=count:2050" (weighing nothing). Without it, #2050 read as a year
# again wherever a claim's terms were sorted by kind: 2,050 people against 2,049 were "other
# years". A year written as one (2021年, 二〇二一年, "in 2021", "since 2021") is marked too,
# "=year:2021": only a number marked a count in one claim and a year in the other is two facts
# (`disagreements.year_or_count`); bare, "2000" or "$2000", it may be either.
COUNT = "=count:"
YEAR = "=year:"


def is_year_in(term: str, terms: Container[str]) -> bool:
    """Whether figure `term` of a claim whose terms are `terms` is a year (see `COUNT`)."""
    return is_year(term) and COUNT + term[1:] not in terms


# A number word is neither a name nor what a figure counts.
NUMBER_WORDS = frozenset([*_EN_UNITS, *_EN_TENS, *_EN_SCALES, *EN_ORDINALS])
# A currency right after one of these is a sum of money (9.6亿元).
ZH_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")


# A figure said to be near ("nearly two million", 近50亿, "about 11 million", 1100万左右) is
# not that figure: it is approximate. It gives no exact term but "#≈2000000" (which only
# hedged figures give, so two claims hedging the same figure share it at full weight), and its
# value to two significant figures ("≈2000000"), which every exact figure of 10 or more also
# gives (1.98 million: #1980000 and ≈2000000; a year none). So a hedged figure meets the exact
# one it rounds to, at a lower weight (see `weighting`), while two exact figures still differ in
# their exact terms, and 410万 and 4100万, or 1997 and 1979, share nothing.
_HEDGE_BEFORE = re.compile(
    r"(?:\b(?:nearly|about|almost|around|some|roughly|approximately|approx|close\s+to)"
    r"|近|约|约为|约有|将近|接近|大约|近乎)\s*$"
)
_HEDGE_AFTER = re.compile("\\s*[\u4e00-\u9fff]{0,3}左右")  # 1100万标箱左右


# "Nearly" and 近 say the figure is below the one given, "more than", "over", 超过 and 逾 that
# it is above: nearly two million and more than two million are two facts (see
# `disagreements`), whatever else they share.
# A bound denied is the other bound: "no more than", 未超过, 未达到 and "fewer than" say below,
# "no fewer than" and 不少于 above (read before the plain forms they end in: 超过, more than).
_BELOW = re.compile(
    r"(?:\b(?:nearly|almost|close\s+to|just\s+under|under|below|less\s+than|fewer\s+than|"
    r"(?:no|not)\s+(?:more\s+than|over|above))"
    r"|近|将近|接近|不到|不足|不超过|未超过|没有超过|没超过|未达到|没有达到|没达到|未达|低于|少于)\s*$"
)
_ABOVE = re.compile(
    r"(?:\b(?:more\s+than|over|above|upwards\s+of|at\s+least|(?:no|not)\s+(?:less|fewer)\s+than)"
    r"|超过|逾|超|高于|多于|不少于|不低于)\s*$"
)


def bound(m: re.Match[str]) -> str | None:
    """ "below" or "above" if the figure `m` matched is said to be below or above itself."""
    before = m.string[max(0, m.start() - 16) : m.start()]
    below, above = _BELOW.search(before), _ABOVE.search(before)
    if below and above:  # the longer says it: "no more than" holds "more than", 不少于 少于
        return "below" if below.start() < above.start() else "above"
    return "below" if below else "above" if above else None


def hedged(m: re.Match[str]) -> bool:
    """Whether the figure `m` matched is said to be approximate (see above)."""
    before = m.string[max(0, m.start() - 16) : m.start()]
    return bool(_HEDGE_BEFORE.search(before) or _HEDGE_AFTER.match(m.string, m.end()))


def approximate_token(value: float) -> str:
    if value == 0:
        return "≈0"
    return "≈" + number_token(float(f"{value:.2g}"))[1:]


# A range ("between 10 and 12 million", 1000万至1200万, 8-10 billion) is a figure said
# approximately: its midpoint, as a hedged figure is (see above), and each end in the scale
# that the second gives (10 million, not 10). Not a change ("from 10 to 12"), nor a span of
# years (2020-2023).
_SCALE = r"\s*(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|trillion|billion|bn|million|thousand)"
RANGE = re.compile(
    rf"(?:\bbetween\s+(?P<a>\d+(?:\.\d+)?)(?P<sa>{_SCALE})?\s+and\s+"
    rf"|(?<![\d.,])(?P<c>\d+(?:\.\d+)?)(?P<sc>{_SCALE})?\s*[-–~～至]\s*)"
    rf"(?P<b>\d+(?:\.\d+)?)(?P<sb>{_SCALE})?(?![\d.,])"
)


def read_range(m: re.Match[str], out: list[str]) -> str:
    """The range `m` (of `RANGE`) with each end scaled, its midpoint read into `out`."""
    first, first_scale = m.group("a") or m.group("c"), m.group("sa") or m.group("sc") or ""
    second, scale = m.group("b"), m.group("sb") or ""
    if not scale and is_year(f"#{first}") and is_year(f"#{second}"):
        return m.group()
    first_scale = first_scale or scale
    low = float(first) * MULTIPLIERS.get(first_scale.strip(), 1)
    high = float(second) * MULTIPLIERS.get(scale.strip(), 1)
    if not 0 < low < high:
        return m.group()
    approx = approximate_token((low + high) / 2)
    out.extend(("#" + approx, approx))
    return f" {first}{first_scale} - {second}{scale} "


# A financial or school year written with its second year cut short (2023-24, 2023/24, 2025–26)
# is both years, not 2023 and the figure 24: "62m passengers in 2023-24" is the year to March
# 2024 (a range of figures that ends lower is no range, `RANGE`, so 24 was read as a figure,
# which the other claim lacked, and 2023 as a year it did not give).
_SPLIT_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\s*[-–/]\s*(\d\d)(?!\d|[.,]\d|\s*(?:%|per))")


def split_years(text: str) -> str:
    """`text` with its years written 2023-24 spelt in full: "2023 2024" (see above)."""
    if "-" not in text and "/" not in text and "–" not in text:
        return text

    def spelt(m: re.Match[str]) -> str:
        first = int(m.group(1))
        if (first + 1) % 100 != int(m.group(2)):
            return m.group()
        return f"{first} {first + 1}"

    return _SPLIT_YEAR.sub(spelt, text)


# Before a year is by the end of the one before: "before 2027" is the end of 2026 (a period,
# the end of December, and the year 2026: see `labels`).
_BEFORE_YEAR = re.compile(r"\bbefore\s+((?:19|20)\d\d)(?!\d|[.,]\d|\s*(?:%|per))")


def before_years(text: str) -> str:
    """`text` with "before 2027" written "by the end of 2026" (see above)."""
    if "before" not in text:
        return text
    return _BEFORE_YEAR.sub(lambda m: f"by the end of {int(m.group(1)) - 1}", text)


def exact_value(term: str) -> float | None:
    """The value of an exact figure's term, plain (#287400) or in its kind's unit
    (#mass:2300000: 2,300 tonnes, see `measures.exact_quantity`); None for any other term (a
    hedged figure, #≈; a ratio, #17:1)."""
    if term[0] != "#":
        return None
    body = term[1:]
    if ":" in body:
        kind, _, body = body.partition(":")
        if not kind.isalpha():
            return None
    return float(body) if body[:1].isdigit() else None
