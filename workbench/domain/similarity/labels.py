"""Numbers that label a thing (Line 3, 3号线, 二期: `=label:line:3`; an age, 65岁及以上:
`=label:age:65`; a launch's first day, week, month or year, 首周, 第一周:
`=label:opening:week`), periods within a year (March, 三季度, the first half: `=period:m3`)
and their ends (年底, the end of June, before July: `=period:e12`, `=period:e6`), kinds of body
(University, 银行: `=org:bank`) and Chinese places after 在 or 于 (`=place:无锡`).

Each is part of what a claim is about rather than a quantity: two claims that differ in one are
two facts (see `disagreements`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from workbench.domain.similarity.concepts import CJK_CONCEPT
from workbench.domain.similarity.figures import EN_ORDINALS, zh_value
from workbench.domain.similarity.naming import ABBREVIATED, MONTHS, PROVINCE_TERMS, ZH_LEAD

# A number that labels a thing is no quantity but part of its name: Line 3 and Line 5 of a
# metro, Terminal 2, the second runway, 3号楼, 二期 (phase two) are different lines, terminals,
# runways, buildings and phases. Such a label is kept as "=label:kind:number" (=label:line:3)
# whatever its language or form (Line 3, 3号线, the third line; the figure is still read as one
# too), and two claims that label the same kind of thing by different numbers are about
# different things (see `disagreements`).
_LABEL_KINDS = {
    "line": ("line", "号线"),
    # (not 路 in Chinese: 一路上涨 is "rose all the way")
    "route": ("route",),
    "terminal": ("terminal", "航站楼"),
    "runway": ("runway", "跑道"),
    "gate": ("gate", "登机口"),
    "platform": ("platform", "站台"),
    "berth": ("berth", "泊位"),
    "phase": ("phase", "期"),
    "building": ("building", "号楼", "栋"),
    # buildings and works of a site numbered: Tower 3, Hall 4, Pier 2, Plant 2, 5号码头
    "tower": ("tower",),
    "hall": ("hall", "号馆"),
    "pier": ("pier", "码头"),
    "plant": ("plant",),
    "block": ("block",),
    # a power station's numbered units: Unit 2, Reactor 3, 2号机组
    "unit": ("unit", "reactor", "机组"),
    # a numbered term of a body or an event: 第九届人大, 第十届
    "term": ("届",),
}
_LABEL_OF = {form: kind for kind, forms in _LABEL_KINDS.items() for form in forms}
_EN_LABEL_WORDS = "|".join(f for f in _LABEL_OF if f.isascii())
_ZH_LABEL_WORDS = "|".join(sorted((f for f in _LABEL_OF if not f.isascii()), key=len)[::-1])
# Read from the start of a run of numerals only: tried at every position of a long run (一一一...
# with no label after it), the engine would read the rest of the run from each, in time
# quadratic in its length. A label follows the whole run, so no match is lost.
_ZH_NUMERAL = "(?<![一二三四五六七八九十])[一二三四五六七八九十]+"
# Digits likewise: the whole figure, as `figures.ARABIC` reads it, is the label (12345期 and
# 12,345期 are phase 12345, not phase 345), never a part after a digit, a thousands comma or a
# decimal point; a decimal (3.5期) labels nothing. (1,3期 is phases 1 and 3: no thousands.)
_ZH_DIGITS = r"(?<!\d)(?<!\d\.)(?!(?<=\d,)\d{3}(?!\d))\d+(?:,\d{3})*"
_EN_ORDINAL_FORMS = "first|" + "|".join(EN_ORDINALS)
# (Bare 线 and 楼 after a figure are no labels: 三线城市 is a third-tier city, 5楼 a floor.)
_LABELS = re.compile(
    # Line 3, Terminal 2, Gate B12 (a number, perhaps with a letter)
    rf"\b(?P<kind>{_EN_LABEL_WORDS})s?\s+(?:no\.?\s*)?(?P<n>[a-z]?\d{{1,3}}[a-z]?)\b(?![,.]\d)"
    # the second runway, its 2nd terminal
    rf"|\b(?P<ord>{_EN_ORDINAL_FORMS}|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<kind2>{_EN_LABEL_WORDS})\b"
    # 3号线, 3号楼, 第二条跑道, 二期, T2航站楼, 3号航站楼; a classifier only after 第: 3条跑道
    # and 两座航站楼 are counts (three runways, two terminals), 第3条跑道 the third runway
    rf"|(?:(?P<zo>第)|t)?(?P<zn>{_ZH_DIGITS}|{_ZH_NUMERAL})(?(zo)[条座个]?|)号?"
    rf"(?P<zk>{_ZH_LABEL_WORDS})"
)
_ORDINAL_VALUE = {"first": 1, **EN_ORDINALS}

# Periods within a year: a month, a quarter, a half. A figure for March and one for October,
# or for the first half and for the whole year, are two facts. Kept as "=period:..." terms.
# (the months and their abbreviations: `naming`'s, where they are no names)
_PERIODS = re.compile(
    rf"\b(?P<month>{'|'.join(m for m in MONTHS if m != 'may')})\b"
    # "may" is a month only before a day or year, or after "in" or a day
    r"|(?:\bin\s+|\d\s*)(?P<may>may)\b|\b(?P<may2>may)(?=\s+\d)"
    # Mar. 2024, Sept 2023 and 03/2024: a month abbreviated or numbered, before a year
    rf"|\b(?P<abbr>{'|'.join(ABBREVIATED)})\.?(?=\s*(?:19|20)\d\d\b)"
    r"|\b(?P<mm>1[0-2]|0?[1-9])/(?=(?:19|20)\d\d\b)"
    # (not before a figure, 3月10家, but before the day, 11月28日)
    r"|(?<![\d.万亿千百十])(?P<zm>1[0-2]|0?[1-9])月(?!份?[0-9]+(?![0-9日号]))"
    r"|(?<![一二三四五六七八九十])(?P<zcm>十[一二]?|[一二三四五六七八九])月"
    r"|\bq(?P<q>[1-4])\b|\b(?P<qw>first|second|third|fourth)[\s-]+quarter\b"
    r"|(?<!前)第?(?P<zq>[一二三四1-4])季度"  # 前三季度 is the first three, not the third
    # H1 and H2 only after "in", "the"... or next to a year: alone, H2 is as often hydrogen
    # (500 tonnes of H2 in 2023), which set against "hydrogen" cost x0.55 as a half-year
    r"|(?:\b(?:in|during|for|the|its)\s+|\b(?:19|20)\d\d\s*)h(?P<h>[12])\b"
    r"|\bh(?P<hy>[12])(?=\s*(?:19|20)\d\d\b)"
    r"|\b(?P<hw>first|second)\s+half\b|\bfirst\s+six\s+months\b"
    r"|(?P<zh>[上下])半年"
)
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


# A span of months is a quarter or a half when it is one: "January to June 2024", "between
# January and June", 1至6月, 一至六月 say the first half (=period:h1), as the first half does, not
# two months; "1至9月" stays its two ends (前三季度 is read as nothing either). And the end of a
# half or a quarter is its last month: 上半年末 is 6月末 (=period:m6), "the end of the first half"
# the end of June.
_MONTH_WORDS = "|".join(MONTHS)
_SPAN = re.compile(
    # (two months joined by "and" are a span only after "between": "in January and June" is two)
    rf"\b(?:between\s+(?P<a2>{_MONTH_WORDS})\s+and\s+(?P<b2>{_MONTH_WORDS})\b"
    rf"|(?:from\s+)?(?P<a>{_MONTH_WORDS})(?:\s*[-–—]\s*|\s+(?:to|through|until)\s+)"
    rf"(?P<b>{_MONTH_WORDS})\b)"
    r"|(?<![\d.])(?P<za>1[0-2]|0?[1-9])(?:月份?)?\s*(?:至|到|-|—|–|~|～)\s*(?P<zb>1[0-2]|0?[1-9])月"
    r"|(?<![一二三四五六七八九十])(?P<zca>十[一二]?|[一二三四五六七八九])(?:月份?)?(?:至|到|-|—|–)"
    r"(?P<zcb>十[一二]?|[一二三四五六七八九])月"
)
_SPANS = {(1, 3): "q1", (4, 6): "q2", (7, 9): "q3", (10, 12): "q4", (1, 6): "h1", (7, 12): "h2"}
# The end of a year, a half, a quarter or a month is a point in time, not a span: it is kept as
# the end of its last month (=period:e12 for 2024年底, "by the end of 2025"; =period:e6 for
# 上半年末, "the end of June", 6月底), which agrees with every period that ends then (December,
# the fourth quarter, the second half, the year's end: see `disagreements`). A stock counted at
# the end of 2025 is the one the fourth quarter's figure gives; a figure for December or the
# third quarter is another. "Before July" and 7月前 are the end of June likewise.
_END_OF = re.compile(
    r"(?P<zh>[上下])半年(?:末|底)|(?P<zq>[一二三四1-4])季度(?:末|底)"
    # (of a year: "at the end of the first half" alone is as often a match's)
    r"|\bend\s+of\s+the\s+(?P<hw>first|second)\s+half\s+of\s+(?:the\s+year|(?:19|20)\d\d)\b"
    # the end of a year is the end of December: 2024年底, 年末, "the end of 2024", "end-2024",
    # "year-end" (a stock counted then is not one counted at the end of June)
    r"|(?<!半)(?P<ye>年(?:底|末)|\bend\s+of\s+(?:19|20)\d\d\b|\bend-(?:19|20)\d\d\b"
    r"|\bend\s+of\s+the\s+year\b|\byear-end\b)"
    # the end of a month: "the end of June", "end-June", 6月底, 六月末
    rf"|\bend(?:\s+of\s+|-)(?P<em>{'|'.join(MONTHS)})\b"
    r"|(?<![\d.万亿千百十])(?P<zem>1[0-2]|0?[1-9])月(?:底|末)"
    r"|(?<![一二三四五六七八九十])(?P<zcem>十[一二]?|[一二三四五六七八九])月(?:底|末)"
    # before a month is by the end of the one before ("before July", 7月前, 7月之前; not before
    # January, the end of another year, nor 7月前两周, the first two weeks of July)
    rf"|\bbefore\s+(?P<bm>{'|'.join(m for m in MONTHS[1:] if m != 'may')}"
    r"|may(?=\s*(?:\d|[,.;]|$)))\b"
    r"|(?<![\d.万亿千百十])(?P<zbm>1[0-2]|[2-9]|0[2-9])月(?:之|以)?前(?![一二两三四五六七八九十\d几])"
    r"|(?<![一二三四五六七八九十])(?P<zcbm>十[一二]?|[二三四五六七八九])月(?:之|以)?前"
    r"(?![一二两三四五六七八九十\d几])"
)


def _spans(text: str) -> tuple[str, list[str]]:
    """`text` with its spans of months that are quarters or halves, and its ends of a half or
    quarter, blanked, and their periods (see above)."""
    out: list[str] = []

    def span(m: re.Match[str]) -> str:
        if m.group("a") or m.group("a2"):
            first, last = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
            ends = (MONTHS.index(first) + 1, MONTHS.index(last) + 1)
        elif m.group("za"):
            ends = (int(m.group("za")), int(m.group("zb")))
        else:
            ends = (zh_small(m.group("zca")), zh_small(m.group("zcb")))
        period = _SPANS.get(ends)
        if period is None:
            return m.group()
        out.append(f"=period:{period}")
        return " "

    def end_of(m: re.Match[str]) -> str:
        if m.group("ye"):
            month = 12
        elif m.group("zh"):
            month = 6 if m.group("zh") == "上" else 12
        elif m.group("zq"):
            zq = m.group("zq")
            month = 3 * (int(zq) if zq.isdigit() else zh_small(zq))
        elif m.group("hw"):
            month = 6 if m.group("hw") == "first" else 12
        elif m.group("em"):
            month = MONTHS.index(m.group("em")) + 1
        elif m.group("zem") or m.group("zbm"):
            month = int(m.group("zem") or m.group("zbm")) - (1 if m.group("zbm") else 0)
        elif m.group("zcem"):
            month = zh_small(m.group("zcem"))
        elif m.group("bm"):
            month = MONTHS.index(m.group("bm"))  # (the month before: its index)
        else:
            month = zh_small(m.group("zcbm")) - 1
        out.append(f"=period:e{month}")
        return " "

    text = _SPAN.sub(span, text)
    if "末" in text or "底" in text or "end" in text or "前" in text or "before" in text:
        text = _END_OF.sub(end_of, text)
    return text, out


def zh_small(run: str) -> int:
    # (a run of hundreds of numerals is worth infinity, no number: 0, as an unread one is)
    value = zh_value(run)
    return int(value) if value is not None and math.isfinite(value) else 0


# Most texts have no label, period or kind of body: a few substring tests (well under a
# microsecond each) spare them the regular expressions, which try every position of a text.
_LABEL_HINTS = tuple(_LABEL_OF)
_PERIOD_HINTS = (
    *(m[:3] for m in MONTHS),  # (each month's first three letters: March and Mar. both)
    "月",
    "/",
    "季度",
    "半年",
    "quarter",
    "half",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "年底",
    "年末",
    "end",
)


def _hinted(text: str, hints: tuple[str, ...]) -> bool:
    return any(h in text for h in hints)


# What a price or a rate is per: 3.2元每斤 and 3.2元每千克 (or /kg, per kilogram) are two prices.
# Kept as a label (=label:per:kg): two claims that price per another unit disagree.
_PER_UNITS = {
    "kg": ("公斤", "千克", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme"),
    "jin": ("斤", "市斤", "jin", "catty"),
    "tonne": ("吨", "tonne", "tonnes", "ton", "tons", "t"),
    "g": ("克", "gram", "grams", "g"),
    "litre": ("升", "litre", "litres", "liter", "liters", "l"),
    "m2": ("平方米", "平米", "square metre", "square meter", "sq m", "sqm", "m2", "m²", "㎡"),
    "mu": ("亩", "mu"),
    "kwh": ("千瓦时", "度", "kwh", "kilowatt-hour", "kilowatt hour"),
}
_PER_OF = {form: unit for unit, forms in _PER_UNITS.items() for form in forms}
_PER = re.compile(
    r"(?:每|/)\s*(?P<zh>"
    + "|".join(sorted((f for f in _PER_OF if not f.isascii()), key=len, reverse=True))
    + r")(?!拉|服)"  # (每克拉: per carat; 每克服一个困难: overcoming)
    # (85 pence a kilogram; not "a t", "a l", "a g": a word of three letters or more)
    + r"|\ban?\s+(?P<word>"
    + "|".join(sorted((f for f in _PER_OF if f.isascii() and len(f) >= 3), key=len, reverse=True))
    + r")(?![a-z0-9])(?!\s+of\b)"  # (not "a ton of users")
    + r"|(?:\bper\s+|/\s*)(?P<en>"
    + "|".join(sorted((map(re.escape, (f for f in _PER_OF if f.isascii()))), key=len, reverse=True))
    + r")(?![a-z0-9])"
)


def per_units(text: str) -> list[str]:
    """What the prices or rates of `text` (lower-cased, normalised) are per (=label:per:kg)."""
    if "每" not in text and "/" not in text and "per " not in text and " a" not in text:
        return []
    return [
        f"=label:per:{_PER_OF[m.group('zh') or m.group('word') or m.group('en')]}"
        for m in _PER.finditer(text)
    ]


# An age that says who is counted (65岁及以上人口, "aged 65 and over", over-65s) and the span
# after a launch a figure is for (首日, 首周, 上映当天, "opening weekend"): each a label, so that
# the share of people 60 and over and of those 65 and over, or a film's takings on its first
# day and in its first week, are two facts. Kept as "=label:age:65", "=label:opening:week".
_AGES = re.compile(
    r"(?<![\d.])(?P<za>\d{1,3})\s*周?岁|(?<![一二三四五六七八九十])(?P<zc>[一二三四五六七八九十]+)周?岁"
    r"|\baged\s+(?P<aged>\d{1,3})\b|\b(?P<over>\d{1,3})\s+(?:and|or)\s+(?:over|older|above)\b"
    r"|\b(?:over|under)-(?P<os>\d{1,3})s\b|\b(?P<yo>\d{1,3})-year-olds?\b"
)
# (首 and 第一 are one ordinal: 首周 and 公映第一周, 首月 and 上线第一个月, 首个周末 are one span;
# a month and a year after a launch are spans as a day and a week are: 上线首年, "first year")
_OPENINGS = re.compile(
    r"(?:首个?|第一个?)(?:周末|周|星期|月|年)|首日|第一[天日]|(?:上映|开画|首映|开售|发售)当[天日]"
    r"|\b(?:opening|first)\s+(?:day|weekend|week|month|year)\b"
)
_OPENING_SPAN = {"周末": "weekend", "周": "week", "星期": "week", "月": "month", "年": "year"}


def _zh_span(found: str) -> str:
    """The span a Chinese opening names (首周末: weekend, 第一个月: month; 首日, 上映当天: day)."""
    return next((span for end, span in _OPENING_SPAN.items() if found.endswith(end)), "day")


def _ages_and_openings(text: str) -> Iterator[str]:
    if "岁" in text or "age" in text or "over" in text or "under-" in text or "year-old" in text:
        for m in _AGES.finditer(text):
            zc = m.group("zc")
            age = str(zh_small(zc)) if zc else next(g for g in m.groups() if g)
            yield f"=label:age:{age}"
    if "首" in text or "第一" in text or "当" in text or "opening" in text or "first" in text:
        for m in _OPENINGS.finditer(text):
            found = m.group()
            # (上映当天 and the like: the day)
            span = found.split()[-1] if found.isascii() else _zh_span(found)
            yield f"=label:opening:{span}"


def labels(text: str) -> list[str]:
    """The labels (=label:line:3), periods within a year (=period:m3, =period:q1,
    =period:h1) and kinds of body (=org:bank) that `text` (lower-cased, normalised) gives:
    see above."""
    out: list[str] = per_units(text)
    out += _ages_and_openings(text)
    for m in _LABELS.finditer(text) if _hinted(text, _LABEL_HINTS) else ():
        if m.group("kind"):
            kind, n = _LABEL_OF[m.group("kind")], m.group("n")
        elif m.group("kind2"):
            o = m.group("ord")
            kind = _LABEL_OF[m.group("kind2")]
            n = str(_ORDINAL_VALUE[o]) if o in _ORDINAL_VALUE else o[:-2]
        else:
            kind, zn = _LABEL_OF[m.group("zk")], m.group("zn")
            n = zn.replace(",", "") if zn[0].isdigit() else str(zh_small(zn))
        out.append(f"=label:{kind}:{n.lstrip('0') or '0'}")
    hinted = _hinted(text, _PERIOD_HINTS)
    if hinted:
        text, spans = _spans(text)
        out += spans
    for m in _PERIODS.finditer(text) if hinted else ():
        if m.group("month"):
            period = f"m{MONTHS.index(m.group('month')) + 1}"
        elif m.group("may") or m.group("may2"):
            period = "m5"
        elif m.group("abbr"):
            period = f"m{ABBREVIATED[m.group('abbr')]}"
        elif m.group("mm"):
            period = f"m{int(m.group('mm'))}"
        elif m.group("zm"):
            period = f"m{int(m.group('zm'))}"
        elif m.group("zcm"):
            period = f"m{zh_small(m.group('zcm'))}"
        elif m.group("q"):
            period = f"q{m.group('q')}"
        elif m.group("qw"):
            period = f"q{_QUARTER_WORDS[m.group('qw')]}"
        elif m.group("zq"):
            zq = m.group("zq")
            period = f"q{zq if zq.isdigit() else zh_small(zq)}"
        elif m.group("h") or m.group("hy"):
            period = f"h{m.group('h') or m.group('hy')}"
        elif m.group("zh"):
            period = "h1" if m.group("zh") == "上" else "h2"
        else:
            period = "h1" if m.group("hw") != "second" else "h2"
        out.append(f"=period:{period}")
    if _hinted(text, _ORG_HINTS):
        out.extend(f"=org:{_ORG_OF[m.group()]}" for m in _ORGS.finditer(text))
    if "在" in text or "于" in text:
        out.extend(f"=place:{p}" for p in _zh_places(text))
    return out


# Where a thing happened, in Chinese: the two characters after 在 or 于 that an act of the
# table follows (在无锡创办, 于常州成立), or that end a sentence (成立于常州。). Chinese places
# are no names (`names` reads only what a text opens with, and provinces), so 无锡 against 常州
# for the same founding would go unseen. Not a province (a name of its own kind), nor a
# pronoun, quantifier, figure or time (在该市, 在全国, 于去年: `_ZH_NOT_PLACE`, `ZH_LEAD`), nor a
# concept of the table (在国内).
_ZH_AT = re.compile(r"(?:在|于)([\u4e00-\u9fff]{2})")
# (not all of `naming.ZH_NOT_FIRST`: 无锡 is a place)
_ZH_NOT_PLACE = frozenset(
    "这那该此其他她它我你您本各每全多某整同共总此零〇一二两三四五六七八九十百千万亿"
)


def _zh_places(text: str) -> Iterator[str]:
    for m in _ZH_AT.finditer(text):
        place, end = m.group(1), m.end()
        if place[0] in _ZH_NOT_PLACE or "@" + place in PROVINCE_TERMS:
            continue
        if ZH_LEAD.match(text, m.start(1)) or CJK_CONCEPT.match(text, m.start(1)):
            continue
        if CJK_CONCEPT.match(text, m.start(1) + 1):
            continue  # runs into a concept (于是否决): no place
        if end == len(text) or text[end] in "。,,;;、" or CJK_CONCEPT.match(text, end):
            yield place


# What kind of body a name is (a university, a college, a bank, a securities house...): 鸿屿银行
# and 鸿屿证券, Songling University and Songling Normal College are different bodies under one
# name. Kept as "=org:kind"; two claims that each give a kind the other does not are about
# different bodies (see `disagreements`).
_ORG_KINDS = {
    "university": ("university", "universities", "univ", "大学"),
    "college": ("college", "colleges", "学院"),
    # (a council and a board: Sandmere District Council, the Thornlea Health Board)
    "council": ("council", "councils"),
    "board": ("board",),
    "cooperative": ("cooperative", "co-op", "合作社"),
    "school": ("school", "schools", "学校", "中学", "小学"),
    "bank": ("bank", "banks", "银行"),
    "securities": ("securities", "brokerage", "证券", "券商"),
    "insurance": ("insurance", "insurer", "保险"),
    "hospital": ("hospital", "hospitals", "医院"),
    # the kind of area a place is (see `naming.AREA_KINDS`): Sandmere District Council and
    # Sandmere Borough Council are two councils (in English only: 省 and 区 are in too many
    # words, 节省, 地区)
    "province": ("province", "provinces"),
    "prefecture": ("prefecture",),
    "county": ("county", "counties"),
    "district": ("district", "districts"),
    "borough": ("borough",),
}
_ORG_OF = {form: kind for kind, forms in _ORG_KINDS.items() for form in forms}
_ORG_HINTS = tuple(f for f in _ORG_OF if not f.endswith("s") or f in ("securities", "counties"))
_ORGS = re.compile(
    "|".join(rf"\b{f}\b" if f.isascii() else f for f in sorted(_ORG_OF, key=len, reverse=True))
)


# The number of a month (3月, 三月, 03/2024) is read as its period (see `labels`), not as a
# figure: "March 2024" gives no 3, and the same month in Chinese should give none either.
_MONTH_FIGURE = re.compile(
    r"(?<![\d.万亿千百十])(?:1[0-2]|0?[1-9])(?=月(?!份?[0-9]))"
    r"|(?<![一二三四五六七八九十])(?:十[一二]?|[一二三四五六七八九])(?=月)"
    r"|\b(?:1[0-2]|0?[1-9])/(?=(?:19|20)\d\d\b)"
)


def without_month_figures(text: str) -> str:
    """`text` with the numbers of its months blanked (they are periods, see above)."""
    if "月" not in text and "/" not in text:
        return text
    return _MONTH_FIGURE.sub(" ", text)


# A figure over a span of years (2021年至2025年, between 2015 and 2025, in the five years to 2023)
# is no one year's figure, however the span ends (see `disagreements`): `=span:years`. A year
# written short (2023-24) is a financial or school year, no span (see `figures.split_years`).
SPAN = "=span:years"
_YEAR = r"(?:19|20)\d\d"
_YEAR_SPANS = re.compile(
    rf"{_YEAR}\s*年?\s*(?:至|到|[-–—~～])\s*{_YEAR}\s*年"
    rf"|\bbetween {_YEAR} and {_YEAR}\b|\bfrom {_YEAR} (?:to|until|through) {_YEAR}\b"
    rf"|\b(?:in|over|during) the (?:past |last )?(?:[a-z]+|\d+) years (?:to|until|through|up to) "
    rf"{_YEAR}\b|\b(?:in|over|during) the decade (?:to|until|through) {_YEAR}\b"
)


def year_spans(text: str) -> list[str]:
    """`SPAN` once when `text` (lower-cased, normalised) gives a span of years (see above)."""
    return [SPAN] if _YEAR_SPANS.search(text) else []
