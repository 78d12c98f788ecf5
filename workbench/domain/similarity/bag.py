"""The bag of terms of a text (`terms`) and of a claim, its text and quote together
(`claim_terms`).

Reads a text once, in order: labels and periods, figures, directions said by comparatives,
concepts, what figures count, words and Chinese character pairs; then a claim's names, owners,
opening Chinese name and actor. The readers of each kind live in their own modules.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from workbench.domain.cjk import is_basic_han
from workbench.domain.romanise import spellings
from workbench.domain.similarity.concepts import (
    CJK_CONCEPT,
    CONCEPT_OF,
    EN_PHRASE,
    POST_PRODUCTS,
    PRODUCT,
    countries,
    named_product,
    products,
)
from workbench.domain.similarity.figures import (
    ARABIC,
    COUNT,
    EN_NUMBER,
    EN_ORDINALS,
    MULTIPLIERS,
    RANGE,
    SPAN_OF_YEARS,
    YEAR,
    ZH_NUMBER,
    ZH_NUMERALS,
    approximate_token,
    before_years,
    bound,
    hedged,
    is_year,
    is_year_in,
    number_token,
    read_range,
    split_years,
    spoken_value,
    zh_value,
)
from workbench.domain.similarity.kinds import BENCHMARK, PINYIN, YOY
from workbench.domain.similarity.labels import labels, without_month_figures, year_spans
from workbench.domain.similarity.measures import (
    CONCEPT_MARK,
    CURRENCIES,
    FIGURE_MARK,
    MONEY,
    MONEY_WORD,
    PERCENTAGE,
    counted_measures,
    exact_quantity,
    quantity,
    zh_objects,
)
from workbench.domain.similarity.naming import (
    EN_WORDS_CONCEPT,
    PROVINCE_TERMS,
    leads,
    names,
    straddles,
    zh_name,
)
from workbench.domain.similarity.polarity import (
    FUTURE,
    NEGATED,
    UNCHANGED,
    denials,
    future,
    stances,
)
from workbench.domain.similarity.positions import (
    days,
    dotted_dates,
    ranks,
    scales,
    without_days,
)
from workbench.domain.similarity.quantities import restate, yields
from workbench.domain.similarity.rates import rates
from workbench.domain.similarity.results import (
    en_payments,
    en_results,
    winner_first,
    zh_payments,
    zh_results,
)
from workbench.domain.similarity.rewrites import (
    BEFORE_CONCEPTS,
    BEFORE_FIGURES,
    DAILY_USERS,
    rewritten,
)
from workbench.domain.similarity.roles import (
    ZH_NAME_KIND,
    actor,
    parts,
    split_owners,
    zh_actor,
    zh_subsidiary,
)
from workbench.domain.similarity.shares import shares
from workbench.domain.similarity.spending import en_spending, zh_spending
from workbench.domain.similarity.trades import en_trades, zh_trades
from workbench.domain.similarity.words import (
    CJK_RUN,
    STOP_WORDS,
    WORD,
    normal,
    stem,
)

# "nine per cent less milk", "500 fewer staff", "down 9%", "up by 12%": a direction said by a
# comparative after a figure or by up/down before one (not "less than", "up to": bounds).
# (The spaces are taken possessively, `\s*+`: nothing after them begins with a space, and with
# two plain `\s*` a figure followed by a long run of spaces is split between them every way,
# in time quadratic in the run.)
_COMPARATIVE = re.compile(
    rf"({FIGURE_MARK}\s*+(?:%|per\s?cent|percent|pct)?\s*+)"
    r"(less|fewer|lower|smaller|more|higher|larger|bigger)\b(?!\s+than)"
)
# "made up 22%", "took up 9%" say a share, not a change.
_UP_DOWN = re.compile(
    r"\b(?:(make|makes|made|making|take|takes|took|taking|taken|sum|sums|summed)\s+)?"
    rf"(up|down)(?=\s+(?:by\s+)?{FIGURE_MARK})"
)
_COMPARATIVE_POLE = {"more": "up", "higher": "up", "larger": "up", "bigger": "up", "up": "up"}
# Jobs made or cut with the figure between the verb and "jobs" ("will create 1,200 jobs", "cut
# 900 jobs"), which the concept table's phrases cannot hold: hiring and layoffs.
_JOBS = re.compile(
    rf"\b(?:(?P<made>create|creates|created|creating|add|adds|added|adding)"
    r"|(?P<cut>cut|cuts|cutting|shed|sheds|shedding|axe|axes|axed|axing|slash|slashes|slashed|"
    r"slashing|eliminate|eliminates|eliminated|eliminating|lose|loses|losing))"
    r"\s+(?:up\s+to\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|"
    rf"over\s+)?{FIGURE_MARK}\s*"
    r"(?:new\s+|more\s+|additional\s+)?jobs?\b"
    # 创造了2万个就业岗位 (a figure, a classifier and a few characters between)
    r"|(?P<zmade>创造|新增|提供)了?[^，。,;；]{0,8}?(?:就业岗位|就业机会|工作岗位)"
)


# (selling and buying, one act when a deal's parties are read: see `claim_terms`)
SALE, BUY = "~sale", "~buy"
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b|pct\b)")

# What 零 begins as a word, not a figure: 零售 (retail), 零件 and 零部件 (parts), 零食 (snacks),
# 零星 (scattered), 零钱 (change), 零工 (odd jobs), 零散 (piecemeal).
_ZERO_WORDS = frozenset("售件部食星钱工散碎")

# Classifiers: a figure of a year's size before one counts (2000人, 2100户), it is no year.
# (户, 例, 次, 株, 亩, 块, 瓶 added in session 38, when a year and a count of one number became
# a disagreement: 约2100户咖啡农 was read as the year 2100.)
_COUNTS = frozenset("人名位家台辆架艘座张项件个条款所只头部本套间栋枚颗支份篇场元吨户例次株亩块瓶")
# A year a reader knows for one in English: after "in", "since", "until"... (see
# `figures.COUNT`), and not before a word it could count ("in 2000 races", "rose by 2000 people"
# are counts: a review found them marked years when "of", "by" and "from" were on the list and
# any word could follow): before punctuation, the end, a capital or one of `_AFTER_A_YEAR`.
_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till|before|after|during)\s+$")
_AFTER_A_YEAR = re.compile(
    r"\s*(?:$|[^\w\s]|[A-Z]|(?:the|a|an|and|or|but|its|it|he|she|they|we|i|this|that|when|while"
    r"|as|was|were|is|are|had|has|have|will|would|there|in|on|at|for|to|of|by|with|from)\b)"
)


# 轮 of a ship: after what it carries or is (油轮 tanker, 货轮, 客轮, 巨轮) or before 船 or 渡.
_SHIP_LUN = re.compile("(?<=[油货客巨滚])轮|轮(?=[船渡])")


# What an average (per head, per day, on average: the table's ~average) is said of: the figures
# of its clause, kept as "=avg:" and the figure (人均超过16万元: =avg:#160000, =avg:≈160000). A
# figure per head against the total is another claim only when the average is said of a figure
# the two claims share: GDP of 1.52万亿元 "and 16万元 per head" adds a fact to the total, and
# "well ahead of the regional average" qualifies no figure at all (see `disagreements`).
AVERAGED = "=avg:"
_AVERAGE = re.compile(
    "|".join(
        re.escape(f) if not f.isascii() else rf"\b{re.escape(f)}\b"
        for f in sorted((f for f, c in CONCEPT_OF.items() if c == "average"), key=len)[::-1]
    )
)
# A clause ends at a stop, a semicolon, a colon or a comma (not one between digits: 1,126).
_CLAUSE_END = re.compile(r"[，。；;：:！？!?]|[,.](?!\d)")
# The average of a whole place, said of a rate ("below the national average of 4.1 percent",
# 低于全国平均水平4.1%): a benchmark, that place's rate, no figure per head or per day against a
# total. Kept as the place too (=bench:national; see `disagreements`).
# (Not a place's own average, "the state's average wait"; nor an average of a sum, "the national
# average salary of $55,000".)
_BENCHMARK = re.compile(
    r"\b(national|state|regional|provincial|eu|oecd|global|world)\s+average\b|(全国|全省)平均"
)


def _averaged(s: str) -> list[str]:
    """The figures the averages of `s` (lower-cased, normalised) are said of (see above)."""
    out: list[str] = []
    for clause in _CLAUSE_END.split(s):
        if _AVERAGE.search(clause):
            found = _terms(clause, averages=False)
            bench = _BENCHMARK.search(clause)
            if bench and any(t.startswith(PERCENTAGE) for t in found):
                out.append(BENCHMARK + (bench.group(1) or bench.group(2)))
            out.extend(
                AVERAGED + t
                for t in found
                if t[0] in "#≈" and ":" not in t and not is_year_in(t, found)
            )
    return out


_CHANGE = ("~up", "~down")


def terms(text: str) -> list[str]:
    """The meaning-bearing terms of `text` (see the package's docstring), with repeats."""
    return _terms(text, averages=True)


def _terms(text: str, *, averages: bool) -> list[str]:
    plain = normal(text)
    s = plain.lower()
    s = split_years(before_years(dotted_dates(s, CJK_RUN.search(s) is not None)))
    out: list[str] = labels(s)
    if averages and _AVERAGE.search(s):
        out += _averaged(DAILY_USERS.sub(" ", s) if "daily" in s else s)
    out += parts(plain)
    out += products(s)
    out += countries(s)
    out += rates(plain)  # (with its case: China Daily is no rate)
    if CJK_RUN.search(s):
        out += zh_objects(s)
        out += zh_spending(s)
    else:
        out += en_spending(plain)
    found_days = days(s)
    if found_days:
        out += found_days
        s = without_days(s)
    out += ranks(s)
    if "类" in s or "级" in s or "档" in s or "from" in s:
        out += scales(s)
    out += year_spans(s)
    denied = denials(s)
    if denied:
        out.append(NEGATED)
        # (a rise or fall the negation governs: "did not raise its charges", 没有上涨)
        if any(t in _CHANGE for g in denied for t in _terms(g, averages=False)):
            out.append(UNCHANGED)
    if future(s):
        out.append(FUTURE)
    out += stances(s)
    s = shares(winner_first(without_month_figures(s)), out)
    s = rewritten(s, BEFORE_FIGURES)
    # durations, race distances and heights in one shape each; a crop's yield per hectare
    s = yields(restate(s))

    def figure(m: re.Match[str], value: float, year: bool, count: bool = False) -> None:
        if not year and math.isfinite(value):
            measured = quantity(m.string, m.end(), value)  # in a unit: in the table's too
            if measured:
                out.append(measured)
            if _PERCENT_AFTER.match(m.string, m.end()) or m.string.endswith("百分之", 0, m.start()):
                out.append(PERCENTAGE + number_token(value)[1:])
        # exact, approximate too, or only approximate (see `figures.hedged`)
        exact = (None if year else exact_quantity(m.string, m.end(), value)) or number_token(value)
        if count and is_year(exact):
            out.append(COUNT + exact[1:])  # a count, not a year (see `figures.COUNT`)
        if year or value < 10 or not math.isfinite(value):
            out.append(exact)
            return
        approx = approximate_token(value)
        out.append("#" + approx if hedged(m) else exact)
        out.append(approx)
        side = bound(m)
        if side:
            # The bound is the figure stated, not its rounded value: "more than 287,000" is
            # kept by 287,400, which rounds to the same 290,000 (see `disagreements`).
            # (in its kind's unit when it has one, as its exact term is)
            out.append(f"=bound:{side}:{exact.rsplit(':', 1)[-1].removeprefix('#')}")

    def numbers(m: re.Match[str]) -> str:
        digits, scale = m.group(1), m.group(2)
        value = float(digits.replace(",", "")) * (MULTIPLIERS[scale] if scale else 1)
        # A year or a span of years (2015年, 7年, "in 2014 the museum") counts nothing.
        # (2000人, 2000家: a figure a Chinese classifier follows counts, it is no year)
        year = m.group(3) or (
            not scale
            and digits.isdigit()
            and is_year(f"#{digits}")
            and m.string[m.end() : m.end() + 1] not in _COUNTS
        )
        # Which a reader knows for one: a count (a thousands comma, a classifier after it) or a
        # year (年 after it, "in" or "since" before it). Bare, 2000 is either (see `figures.COUNT`).
        count = (
            not year and not scale and ("," in digits or m.string[m.end() : m.end() + 1] in _COUNTS)
        )
        figure(m, value, bool(year), count)
        if (
            year
            and value >= SPAN_OF_YEARS
            and (
                m.group(3)
                or (
                    _YEAR_BEFORE.search(m.string, max(0, m.start() - 10), m.start())
                    and _AFTER_A_YEAR.match(m.string, m.end())
                )
            )
        ):
            out.append(YEAR + digits)
        if m.group(3) and value < SPAN_OF_YEARS:
            out.append("~year")
        return " " if year else f" {FIGURE_MARK}"

    if "between" in s or "-" in s or "–" in s or "至" in s or "~" in s or "～" in s:
        s = RANGE.sub(lambda m: read_range(m, out), s)
    s = ARABIC.sub(numbers, s)

    def en_numbers(m: re.Match[str]) -> str:
        figure(m, spoken_value(m.group()), False)
        return f" {FIGURE_MARK}"

    s = EN_NUMBER.sub(en_numbers, s)
    if "job" in s or "岗位" in s or "就业" in s:
        out.extend(
            "~hire" if m.group("made") or m.group("zmade") else "~layoff" for m in _JOBS.finditer(s)
        )

    def comparatives(m: re.Match[str]) -> str:
        out.append("~" + _COMPARATIVE_POLE.get(m.group(2), "down"))
        return m.group(1) + CONCEPT_MARK

    def up_down(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group()
        out.append("~" + _COMPARATIVE_POLE.get(m.group(2), "down"))
        return CONCEPT_MARK

    s = _COMPARATIVE.sub(comparatives, s)
    if "up" in s or "down" in s:
        s = _UP_DOWN.sub(up_down, s)

    def concepts(m: re.Match[str]) -> str:
        concept = CONCEPT_OF[m.group()]
        if concept == "yoy":
            # "year on year" is 同比, the word a Chinese claim says it with (a character pair)
            out.append(YOY)
            return " "
        out.append("~" + concept)
        if concept in CURRENCIES:
            before = m.string[: m.start()].rstrip()[-1:]
            after = m.string[m.end() :].lstrip()[:1]
            if FIGURE_MARK in (before, after) or (before and before in ZH_NUMERALS):
                out.append(MONEY)
        return CONCEPT_MARK

    s = rewritten(s, BEFORE_CONCEPTS)
    s = EN_PHRASE.sub(concepts, s)
    if "轮" in s:  # a ship (油轮, 货轮, 轮船, 轮渡) is no round of funding (~round)
        s = _SHIP_LUN.sub("船", s)
    s = CJK_CONCEPT.sub(concepts, s)
    if MONEY_WORD.search(s):  # 2.3 billion dollars (single words are read below)
        out.append(MONEY)

    def zh_numbers(m: re.Match[str]) -> str:
        if m.group() == "一":
            return m.group()  # 一份, 一家: an article, not the figure 1 (一年 still is)
        if m.group() == "零" and m.string[m.end() : m.end() + 1] in _ZERO_WORDS:
            return m.group()  # 零售, 零部件, 零食: retail, parts, snacks, not the figure 0
        value = zh_value(m.group(1))
        if value is None:
            return m.group()
        year = bool(m.group(2)) and value >= SPAN_OF_YEARS
        # 两千一百户 counts (its numeral has places: 千, 百); 二〇二一年 is a year (digit by digit)
        positional = any(c in "十百千万亿" for c in m.group(1))
        figure(m, value, year, count=positional and not m.group(2))
        if year and not positional and is_year(number_token(value)):
            out.append(YEAR + number_token(value)[1:])
        if m.group(2) and value < SPAN_OF_YEARS:
            out.append("~year")
        return " " if m.group(2) else f" {FIGURE_MARK}"

    s = ZH_NUMBER.sub(zh_numbers, s)
    out.extend(counted_measures(s))
    for word in WORD.findall(s):
        if word in EN_ORDINALS:
            out.append(number_token(EN_ORDINALS[word]))
        elif word in CONCEPT_OF:
            out.append(YOY if CONCEPT_OF[word] == "yoy" else "~" + CONCEPT_OF[word])
        elif word not in STOP_WORDS:
            out.append(stem(word))
    for run in CJK_RUN.findall(s):
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1) if not straddles(run, i))
    return out


def _unname_product(bag: Counter[str], text: str, quote: str, zh: str) -> None:
    """Take out of `bag` the product that a Chinese name's kind names (鸣泉啤酒: a brewer), as
    often as the name is written with it in the text and the quote, when the claim names another
    product besides: 鸣泉啤酒's 饮料销量 is no beer, but 鸣泉啤酒卖出啤酒 still names beer, and a
    claim that names no other product keeps the name's (缙澄公交日均客运量: its buses)."""
    found = named_product(text, text.find(zh) + len(zh))
    if found is None or found[0] not in bag:
        return
    product, form = found
    # (another product: not a post, nor one whose words hold the name's: 鸣沙光伏's 光伏组件)
    others = (
        named_product(m.group(), 0)
        for m in PRODUCT.finditer(f"{text} {quote}")
        if form not in m.group()
    )
    if not any(p is not None and p[0] != product and p[0] not in POST_PRODUCTS for p in others):
        return
    said = _named_with(text, zh, form) + _named_with(quote, zh, form)
    if bag[product] > said:
        bag[product] -= said
    else:
        del bag[product]  # (its concept stays: the name still says it, across languages too)


def _named_with(text: str, zh: str, form: str) -> int:
    # how often `text` writes the name with the product's form read after it (鸣沙光伏组件 reads
    # 光伏组件, modules: no 光伏 of the name's)
    count, at = 0, text.find(zh + form)
    while at >= 0:
        found = named_product(text, at + len(zh))
        count += found is not None and found[1] == form
        at = text.find(zh + form, at + 1)
    return count


# Terms are stored in a column of this width; a longer one (a run of letters with no space, a
# long number) is cut, the same way for the claim indexed and the claim searched for.
MAX_TERM = 64


# A target in brackets after a figure is its context, not the claim: "4-hour performance, Jan-26:
# 71.3% (target 78%)" says what was done, as "71.3% were seen within four hours" does (it made
# the claim a plan, and 78 a figure of it).
_TARGET_ASIDE = re.compile(
    # (target 78%), (against a target of 78%), (78% target), （目标78%）: a figure inside the
    # bracket and one shortly before it (not "(Target)", "(Planned Parenthood)", （计划单列市）)
    r"[(（](?=[^()（）\n]{0,40}?(?:\b(?:target|goal|forecast|expected)\b|目标|预期|预计))"
    r"(?=[^()（）\n]{0,40}?\d)[^()（）\n]{0,40}[)）]",
    re.IGNORECASE,
)


_FIGURE_BEFORE = re.compile(r"\d[^.;。；()（）]{0,30}$")


def _aside(m: re.Match[str]) -> str:
    before = _FIGURE_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
    return " " if before else m.group()


def claim_terms(text: str, quote: str) -> Counter[str]:
    """A claim's bag of terms: its text's and its quote's together."""
    if "(" in text or "(" in quote or "（" in text or "（" in quote:
        text, quote = _TARGET_ASIDE.sub(_aside, text), _TARGET_ASIDE.sub(_aside, quote)
    bag = Counter(t[:MAX_TERM] for t in terms(text))
    bag.update(t[:MAX_TERM] for t in terms(quote))
    # A quote's names count as the text's do. Across languages they are the only Chinese
    # names an English claim gives (Gu Mingzhe's quote 顾明哲在...: @顾明, against the 韩若溪
    # of a Chinese claim). What a quote opens with is less often a name than a claim's text
    # (累计, 超过), but such a word costs only when the other claim lacks it and names someone
    # of its own.
    named: set[str] = set()
    owners: set[str] = set()
    latin: list[str] = []  # the text's Latin names, in order
    for i, whole in enumerate((text, quote)):
        part, owned, after = split_owners(whole)
        owners.update(t[:MAX_TERM] for t in owned)
        found = [t[:MAX_TERM] for t in (*names(part), *after)]
        if i == 0:
            # (a quote is cut from anywhere in a sentence, often from a table or a listing:
            # only the claim's own text says what its sentence opens with)
            bag.update(t[:MAX_TERM] for t in leads(part))
            latin = [t[1:] for t in found if t[1:2].isascii()]
            text = part
        named.update(found)
        if CJK_RUN.search(part):
            # The claim has Chinese text ("%"), and the names in Latin script that its Chinese
            # text gives ("%brightfield" for Brightfield Coffee的A轮融资...): how a Chinese
            # source names what it is about (see `kinds_of`).
            named.add("%")
            named.update("%" + t[1:] for t in found if t[1:2].isascii())
    bag.update(named)
    bag.update("=of:" + t[1:] for t in owners - named)
    # How an English text spells each Chinese name (青岚: =py:青岚:qinglan), so that the name
    # in one claim and its pinyin in the other are shared (see `scripts.pinyin_ties`).
    for t in named:
        if len(t) == 3 and is_basic_han(t[1]) and is_basic_han(t[2]):
            bag.update(f"{PINYIN}{t[1:]}:{s}"[:MAX_TERM] for s in spellings(t[1:], stem))
    if CJK_RUN.search(text):
        # The name a Chinese text opens with is the claim's subject, as a quote's opening
        # pair need not be (a quote is a span of the source, often cut after the name): see
        # `unspelled`.
        low = normal(text).lower()
        zh = zh_name(low)
        if zh and "@" + zh in PROVINCE_TERMS:  # a province is a place, not a subject
            zh = None
        if zh:
            bag["=named:" + zh] += 1
            kind = ZH_NAME_KIND.match(low, low.find(zh) + 2)
            if kind and len(kind.group()) == 2:  # (not a place's 市, nor a person's 舟)
                bag["=kind:" + kind.group()] += 1
            _unname_product(bag, low, normal(quote).lower(), zh)
        under = zh_subsidiary(low) if zh else None
        if under:
            bag["=sub:" + under] += 1
        who = zh_actor(low, zh)
        deals, sold_to = zh_trades(low, who), False
        deals += zh_results(low) + zh_payments(low)
    else:
        who = actor(text, latin)
        plain = EN_WORDS_CONCEPT.sub(" ", normal(text))
        deals, sold_to = en_trades(plain, who)
        # (the results' verbs are concepts, "lost to", "beat", blanked in `plain`)
        deals += en_results(normal(text)) + en_payments(normal(text))
    if who:
        bag[who[:MAX_TERM]] += 1
    if deals:
        # A deal (or a match) read with its parties' roles (see `trades`, `results`): selling
        # and buying are one act, the verb the roles are said with ("sold to Lorimer",
        # "Lorimer bought"), not sales as a measure.
        bag.update(t[:MAX_TERM] for t in deals)
        sold = bag[SALE] if sold_to else 0
        if sold:  # (not "Strathkell sold 4.96 million bottles", nor a sale and a takeover)
            del bag[SALE]
            bag[BUY] += sold
    # A name after a figure is no measure (Eighteen thousand Selwyn Motors vans: not ^selwyn).
    for t in [t for t in bag if t[0] == "^" and "@" + t[1:] in named]:
        del bag[t]
    return bag
