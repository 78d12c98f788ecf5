"""Shares said as fractions, and ratios: "a third of", "one in four", "nine in ten", 一半,
三分之一, 七成 and "doubled" are the percentages 33%, 25%, 90%, 50%, 33%, 70% and "up 100%";
十七比一 and 17:1 are one ratio (`#17:1`).

A share said in words and the same share as a percentage are one figure: the text is rewritten
with the percentage ("a third of" -> "33% of") before figures are read (`bag.terms`), so both
give `#33` and `~percent`. A fraction that is no whole percent is rounded to the nearest one
(a third: 33, two thirds: 67) unless it is exact to a tenth (one in eight: 12.5).
"""

from __future__ import annotations

import re

from workbench.domain.similarity.figures import en_value, number_token, zh_value


def _percent(part: float, whole: float) -> str:
    value = 100 * part / whole
    tenth = round(value * 10) / 10
    if abs(value - tenth) > 1e-9:
        tenth = float(int(value + 0.5))  # a third: 33 (round half up, as a reader does)
    return f" {number_token(tenth)[1:]}% "


_EN_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_EN_PARTS.update({"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10})
_EN_COUNT = "a|one|two|three|four|five|six|seven|eight|nine"
# "a third of", "two thirds of", "half of", "one in four", "one out of five"; not "the first
# half of 2023" nor "the third quarter", which are periods (`labels`), nor "half a million".
_EN_FRACTION = re.compile(
    rf"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!the )"
    rf"\b(?:(?P<n>{_EN_COUNT})[\s-]+)?(?P<part>{'|'.join(_EN_PARTS)})\s+of\b"
    # (any count of a few: "nine in ten", "three out of four", not only "one in four")
    rf"|\b(?P<m>one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+"
    r"(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|\d+)\b"
)
_EN_HINTS = (
    *_EN_PARTS,
    "out of ",
    *(f"{n} in " for n in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")),
)
_DIGIT_IN = re.compile(r"\d in ")


def _hinted(text: str, hints: tuple[str, ...]) -> bool:
    return any(h in text for h in hints)


_TIMES = re.compile(r"\b(?:(doubl|tripl|quadrupl)(?:ed|ing)|(two|three|four)fold)\b")
_RISE = {"doubl": "100", "tripl": "200", "quadrupl": "300", "two": "100", "three": "200"}
_RISE["four"] = "300"
_ZH = "零〇一二两三四五六七八九十百"
# 三分之一, 四分之三, 百分之七点五 (a percentage, with its decimals; not 千分之, per mille);
# 一半; 七成 (tenths; not 成立, 成为... nor the idiom 一成不变); 翻了一番, 增长了一倍: doubled.
_ZH_FRACTION = re.compile(
    rf"(?<![百千])(?P<zd>[{_ZH}]+|\d+)分之(?P<zn>[{_ZH}]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)"
    r"|(?P<half>一半)"
    r"|(?<![\d零〇一二两三四五六七八九十百千万亿])(?P<tenths>[一二两三四五六七八九])成"
    r"(?![立为本功交员果绩都长型熟年不])"
    r"|(?P<double>翻了?一番|(?:增长|增加|提高|上涨)了?一倍)"
)
# 十七比一, 17:1, 17∶1: a ratio is one figure, not two (17 colleges is no ratio of 17 to 1).
# (read from the start of a run of numerals only: from every position of a long run the engine
# read the rest of it each time, in time quadratic in its length)
_RATIO = re.compile(
    rf"(?<![\d.:{_ZH}])(?P<a>\d+(?:\.\d+)?|[{_ZH}]+)\s*[:∶比]\s*(?P<b>\d+(?:\.\d+)?|[{_ZH}]+)"
    r"(?![\d.:年月日万亿千百十])"
)


_FOR_EVERY = re.compile(
    r"\b(\d+(?:\.\d+)?)\s+(?:[a-z]+\s+){0,2}for\s+(?:every|each)\s+(?:(\d+)\s+)?"
)


def _value(run: str) -> float | None:
    if run[0].isdigit():
        return float(run)
    if run.isascii():
        return en_value([run])
    return zh_value(run)


def shares(text: str, out: list[str]) -> str:
    """`text` (lower-cased, normalised) with its fractions written as percentages, and its
    ratios read into `out` (as `#17:1`) and blanked."""
    # (a few substring tests spare most texts the scan: "of" and "in" are in nearly all)
    if _hinted(text, _EN_HINTS) or (" in " in text and _DIGIT_IN.search(text)):
        text = _EN_FRACTION.sub(_en_fraction, text)
    if "doubl" in text or "tripl" in text or "quadrupl" in text or "fold" in text:
        # doubled (twofold) is up 100%, tripled up 200%
        text = _TIMES.sub(lambda m: f" rose {_RISE[m.group(1) or m.group(2)]}% ", text)
    if "分之" in text or "半" in text or "成" in text or "番" in text or "倍" in text:
        text = _ZH_FRACTION.sub(_zh_fraction, text)
    if " every " in text or " each " in text:
        # 17 students for every teacher: the ratio 17:1 (十七比一)
        for m in _FOR_EVERY.finditer(text):
            out.append(f"{number_token(float(m.group(1)))}:{m.group(2) or 1}")
    if ":" in text or "∶" in text or "比" in text:

        def ratio(m: re.Match[str]) -> str:
            a, b = _value(m.group("a")), _value(m.group("b"))
            if not a or not b:
                return m.group()
            out.append(f"{number_token(a)}:{number_token(b)[1:]}")
            return " "

        text = _RATIO.sub(ratio, text)
    return text


def _en_fraction(m: re.Match[str]) -> str:
    if m.group("part"):
        n = m.group("n")
        part = 1.0 if n in (None, "a", "one") else en_value([n])
        return _percent(part, _EN_PARTS[m.group("part")]) + "of"
    whole, of = _value(m.group("d")), _value(m.group("m"))
    # (not "opened 3 in 2023": a share is one in a few, ten or a hundred)
    if not whole or whole > 100 or of is None or of > whole:
        return m.group()
    return _percent(of, whole)


def _zh_fraction(m: re.Match[str]) -> str:
    if m.group("half"):
        return _percent(1, 2)
    if m.group("tenths"):
        return _percent(_value(m.group("tenths")) or 0, 10)
    if m.group("double"):
        return "增长100%"
    whole, part = _value(m.group("zd")), _value(m.group("zn"))
    if not whole or part is None or part > whole:
        return m.group()
    return _percent(part, whole)
