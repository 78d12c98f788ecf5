"""Meaning-bearing terms of a claim, and how much two claims share them.

"Checked before?" compares a claim with every earlier one. Raw edit distance calls two claims
alike when they share many letters; a reworded claim shares few letters but the same *terms*:
the same numbers, names and key words. So each claim (its text and its quote together) becomes a
bag of terms:

- numbers, read whatever their form and turned into one value: "7", "七" and "seven" are `#7`;
  "1500万", "一千五百万", "15 million" and "15m" are `#15000000`; "3.9亿" is `#390000000`;
- concepts from a small bilingual table of common news words, so "首个", "第一个" and "first"
  are all `~first`, "美金", "美元", "$" and "dollars" are `~usd`, "7年" and "seven years" both
  hold `~year`;
- English words, lower-cased, with common endings cut and function words dropped;
- Chinese, which has no spaces, as overlapping character pairs (商汤科技: 商汤 汤科 科技), but
  for a province's name that straddles two words (中山东路 holds no 山东);
- names marked as such: capitalised English words that are plainly names (Kestrel Air, Dublin),
  the name a Chinese text or quote opens with (星衡储能2023年...: 星衡) and China's provinces
  wherever they are named (宁夏), as `@kestrel`, `@星衡`, `@宁夏`; a claim with Chinese text is
  marked `%`, and the Latin names its Chinese text gives `%brightfield`;
- what a figure counts, the word after it or its Chinese classifier (6,500 masts: `^mast`;
  650家: `^家`), when the concept table does not say it already;
- numbers that label a thing (Line 3, 3号线, the second runway: `=label:line:3`), periods within
  a year (March, 三季度, the first half: `=period:m3`, `=period:q3`, `=period:h1`) and the kind
  of body a name is (University, 银行: `=org:university`, `=org:bank`);
- the name a Chinese text opens with and the kind after it (曜川储能: `=named:曜川`,
  `=kind:储能`), the owner of a claim's subject (Pendry Bank's rival Corrie Bank: `=of:pendry`),
  a Chinese place after 在 or 于 (在无锡创办: `=place:无锡`), a sum of money (`^money`) and the
  kind of quantity a unit gives (38公里: `^dim:length`).

Terms are weighted by rarity over the claims compared (TF-IDF: a term every claim has says
nothing; a name or a figure only two claims share says a lot), numbers and concepts count
double, and two claims score the cosine of their weighted bags, 0 to 1, lowered as far as the
concepts that say what they are about differ, and lowered again when each claim names someone
or something (or a province) the other does not, gives a measure the other does not (a recall,
a sale, masts; less when only one claim gives one of the table) or a year the other does not,
when one is wholly English and names only in Latin script, the other only in Chinese, and
nothing else ties them, when their acts are opposite (opened against closed, rose or "9%
more" against fell or "9% less", signed against vetoed, hired against laid off), when a
Latin name is no pinyin of the other's Chinese name (Xinggang against 澜汐), when each labels
a thing of one kind by another number (Line 5, 3号线), gives another period (March, October) or
kind of body (bank, securities house), when the same two parties have their roles swapped (A
bought B, B was taken over by A), when one gives a half or quarter and the other only the
year, when an English text's Latin names spell no pinyin of a Chinese text's opening name,
when each gives another Chinese place or another kind after one Chinese name, when one says
only home and the other only abroad, or, by less, when only one says what it counts was
closed: the same figure about another subject is another claim (see `similarity`; `explain`
lists the reasons of a score).

Pure functions: the index that keeps these bags for a database lives in the services.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product
from typing import NamedTuple

from workbench.domain.romanise import name_matches, readings


def _split(s: str) -> list[str]:
    return s.split()


# ---- numbers ----------------------------------------------------------------------------

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_ZH_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_MULTIPLIERS = {
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
        _split(
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
_EN_ORDINALS = {
    w: i
    for i, w in enumerate(
        _split("second third fourth fifth sixth seventh eighth ninth tenth"), start=2
    )
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# 多 or 余 after a figure is "-odd" (1400多家, 两千多万, 2000余万元: more than 1400, 20 million,
# 20 million): the figure is the number before it, scaled by any unit after it.
_ARABIC = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*[多余]?(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
    r"|trillion\b|billion\b|bn\b|million\b|m\b|thousand\b|k\b)?(年)?"
)
# 年 after a number is a calendar year (2015年) or a span of years (7年, 七年); elsewhere it is
# part of a word (年产能, annual capacity) and says nothing about years.
_SPAN_OF_YEARS = 1000
_ZH_NUMBER = re.compile(
    "([零〇一二两三四五六七八九十百千万亿]+(?:[多余][十百千万亿]+)?)[多余]?(年)?"
)
# Whole words only: without the closing \b, "six" took the start of "sixty" and "eight" that
# of "eighteen" (sixty-two thousand was read as 6 and 2,000).
_EN_NUMBER_WORDS = "|".join([*_EN_UNITS, *_EN_TENS, *_EN_SCALES, "a"])
_EN_NUMBER = re.compile(
    rf"\b(?:{'|'.join([*_EN_UNITS, *_EN_TENS])})\b(?:[\s-]+(?:{_EN_NUMBER_WORDS}|and)\b)*"
)


# Beyond this a figure is written in scientific notation (and a run of 400 nines is "#inf"):
# no claim is checked by its 20th digit, and no run of digits may break the scan.
_EXACT_BELOW = 10**18


def _number_token(value: float) -> str:
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


def _zh_value(run: str) -> float | None:
    """The value of a run of Chinese numerals (一千五百万 = 15000000), None for a run that is
    not a number (a lone 万 or 千)."""
    # 亿 scales everything before it, 万 only what follows the last 亿: 三亿六千万 is
    # 3*10^8 + 6000*10^4, not (3*10^8 + 6000) * 10^4.
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


def _en_value(words: list[str]) -> float:
    total = current = 0
    for w in words:
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _EN_SCALES:
            total += max(current, 1) * _EN_SCALES[w]
            current = 0
    return _as_float(total + current)


# ---- concepts ---------------------------------------------------------------------------

# Common words of news about companies, economies and politics, in both languages, each mapped
# to one concept. General vocabulary, not any one article's.
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "first": (
        "首个",
        "首家",
        "首次",
        "首位",
        "首款",
        "第一个",
        "第一家",
        "第一次",
        "率先",
        "first",
    ),
    "only": ("唯一", "仅有", "只有", "only", "sole"),
    "most": ("最大", "最高", "最多", "largest", "biggest", "highest", "most"),
    "found": ("创立", "创办", "成立", "创建", "创业", "founded", "found", "established"),
    "fund": ("融资", "募资", "募集", "funding", "raised", "financing"),
    "revenue": ("营业收入", "营收", "收入", "销售额", "revenue", "revenues", "sales"),
    "profit": ("净利润", "利润", "盈利", "profit", "profits"),
    "loss": ("亏损", "loss", "losses", "lost"),
    "staff": (
        "员工",
        "雇员",
        "职工",
        "employees",
        "employee",
        "staff",
        "workers",
        "workforce",
        "headcount",
    ),
    "customer": ("客户", "customer", "customers", "client", "clients"),
    "user": ("用户", "users", "user"),
    "monthly": ("月活", "每月", "monthly", "month"),
    "patent": ("专利", "patent", "patents"),
    "valuation": ("估值", "valued", "valuation"),
    "tariff": ("关税", "tariff", "tariffs", "duties", "duty", "levy"),
    "up": (
        "增长",
        "增加",
        "提高",
        "上调",
        "提升",
        "上升",
        "上涨",
        "翻番",
        "翻倍",
        "新增",
        "增至",
        # the size of a rise, and more made: 增幅 18%, 增产 9%
        "增幅",
        "增产",
        "攀升",
    ),
    "up_en": (
        "rose",
        "grew",
        "increased",
        "increase",
        "raise",
        "raises",
        "climbed",
        "climbs",
        "doubled",
        "added",
        # A rise said with a phrase or a plainer verb: "fares went up", "customers gained",
        # "a 6 per cent fare rise".
        "went up",
        "gone up",
        "goes up",
        "go up",
        "put up",
        "rise",
        "rises",
        "risen",
        "rising",
        "gained",
        "gains",
        "jumped",
        "soared",
        "surged",
        "expanded",
    ),
    "down": (
        "下降",
        "下跌",
        "减少",
        "降低",
        "下滑",
        "跌至",
        "降到",
        "降至",
        "削减",
        "缩减",
        "减至",
        # the size of a fall, and less made: 降幅 9%, 减产 9%
        "降幅",
        "减产",
        "回落",
        "萎缩",
    ),
    "down_en": (
        "fell",
        "dropped",
        "declined",
        "decline",
        "drop",
        "cut",
        "decreased",
        # as above: "fares came down", "output fell", "leakage reduced"
        "went down",
        "gone down",
        "goes down",
        "go down",
        "came down",
        "brought down",
        "fall",
        "falls",
        "fallen",
        "drops",
        "cuts",
        "reduced",
        "lowered",
        "shrank",
        "slumped",
        "plunged",
        "tumbled",
        "contracted",
        # customers who left or quit: fewer customers
        "left",
        "quit",
    ),
    # People taken on, and people let go: hiring 900 and laying off 900 are opposite acts.
    # "lost their jobs" is read whole, before "lost" (a loss of money).
    "hire": (
        "招聘",
        "招募",
        "招收",
        "新招",
        "录用",
        "hired",
        "hires",
        "hire",
        "hiring",
        "recruited",
        "recruits",
        "recruit",
        "recruiting",
        "took on",
        "taken on",
    ),
    "layoff": (
        "裁员",
        "裁掉",
        "裁减",
        "解雇",
        "辞退",
        "laid off",
        "lay off",
        "lays off",
        "layoffs",
        "layoff",
        "redundancies",
        "redundancy",
        "made redundant",
        "let go",
        "lost their jobs",
        "lost their job",
        "lost jobs",
        "job cuts",
        "jobs cut",
        "fired",
        "sacked",
    ),
    # A bill signed into law, and one vetoed; a plan approved, and one rejected.
    "enact": (
        "签署",
        "批准",
        "获批",
        "signed",
        "signs",
        "signature",
        "became law",
        "into law",
        "approved",
        "approves",
        "approve",
        "approval",
    ),
    "veto": (
        "否决",
        "驳回",
        "vetoed",
        "vetoes",
        "veto",
        "rejected",
        "rejects",
        "reject",
        "rejection",
        "turned down",
        "turns down",
    ),
    # Buying a company or a thing; selling is `sale`. Which of the two an actor did is a
    # direction: Ambry bought Lattice and Ambry sold Lattice are opposite facts (see
    # `_disagreements`).
    "buy": (
        "收购",
        "买下",
        "购买",
        "购入",
        "并购",
        "bought",
        "buys",
        "buy",
        "purchased",
        "purchases",
        "purchase",
        "acquired",
        "acquires",
        "acquire",
        "acquisition",
        "takeover",
        "taken over",
    ),
    # Put into service is opened: a runway 启用 (or 投入使用) in 2022 against one closed then.
    "open": (
        "开设",
        "开业",
        "新开",
        "开出",
        "开通",
        "开张",
        "启用",
        "投入使用",
        "投用",
        "投运",
        "opened",
        "opens",
        "launched",
        "came into service",
        "entered service",
        # a shop or business opening, said of its trading
        "started trading",
        "began trading",
        "opened for business",
        "opened its doors",
        "opened their doors",
    ),
    "close": ("关闭", "关停", "关掉", "倒闭", "停业", "closed", "closes", "shut", "shuts"),
    "world": ("全球", "世界", "world", "global", "globally"),
    "china": ("中国", "国内", "china", "chinese", "domestic"),
    # Abroad, against at home: 15 international routes are not 15 domestic ones (see
    # `_SCOPE_POLE`).
    "abroad": ("国际", "海外", "境外", "国外", "international", "overseas", "abroad", "foreign"),
    "usa": ("美国", "america", "american", "united states", "usa"),
    "company": ("公司", "企业", "company", "firm", "companies"),
    "rank": ("排名", "位列", "位居", "排行", "名列", "ranked", "ranks", "ranking"),
    # Exports are shipments abroad: "exports to Canada doubled" and "shipments to Canada grew
    # twofold" give one measure.
    "shipment": ("出货量", "出货", "出口", "shipments", "shipped", "exports", "export", "exported"),
    # Imports come the other way: a tariff on imported steel is not one on batteries that names
    # no import (pairs.yaml's en10 against zh9, once "go up" was read as a rise).
    "import": ("进口", "imports", "imported", "import"),
    # What is handed to buyers, and what is made: 交付 12.6万辆 and 生产 12.6万辆 are two facts.
    # A region's 生产总值 (GDP) is neither, and is read first as the longer form.
    "delivery": ("交付", "交车", "delivered", "deliveries", "delivery", "deliver", "delivers"),
    "gdp": ("地区生产总值", "国内生产总值", "生产总值", "gdp"),
    "battery": ("电池", "电芯", "battery", "batteries", "cells", "cell"),
    "lithium": ("锂", "lithium"),
    "steel": ("钢铁", "钢材", "steel"),
    "storage": ("储能", "storage"),
    # (a budget is what is to be spent: a research budget is R&D spending, 研发投入)
    "cost": (
        "成本",
        "花费",
        "费用",
        "预算",
        "投入",
        "cost",
        "costs",
        "spending",
        "spend",
        "spent",
        "budget",
        "budgets",
    ),
    "compute": ("算力", "compute", "computing"),
    "train": ("训练", "training", "train"),
    "model": ("模型", "model", "models"),
    "attention": ("注意力", "attention"),
    "linear": ("线性", "linear"),
    "research": ("研发", "r&d", "research"),
    "listing": ("上市", "ipo", "listing", "list", "listed"),
    "filed": ("递交", "申请", "filed", "applied", "apply"),
    "hongkong": ("香港", "港股", "港交所"),
    "granted": ("授权", "granted"),
    "round": ("轮", "round", "rounds"),
    "series_c": ("c轮", "series c"),
    "capacity": ("产能", "capacity"),
    "utilisation": ("利用率", "utilisation", "utilization"),
    "factory": ("工厂", "生产基地", "factory", "plant"),
    "share": ("占比", "份额", "share"),
    "net": ("净",),
    "worked": ("工作", "任职", "worked", "work", "employed", "employs", "employ"),
    "year": ("year", "years"),
    "percent": ("%", "百分之", "percent", "per cent", "pct"),
    "usd": ("美元", "美金", "$", "us$", "dollars", "dollar", "usd"),
    "cny": ("人民币", "元", "yuan", "rmb", "cny"),
    "hkd": ("港元", "港币", "hk$", "hkd"),
    "gbp": ("英镑", "£", "pounds", "pound", "sterling", "gbp"),
    "eur": ("欧元", "€", "euros", "euro", "eur"),
    "before": ("之前", "以前", "早于", "before", "earlier"),
    "never": ("从未", "从来没有", "never"),
    "recall": ("召回", "recall", "recalls", "recalled", "called back"),
    "sale": ("销量", "卖出", "售出", "卖了", "sold", "sell", "sells", "selling"),
    "price": ("价格", "售价", "定价", "单价", "票价", "price", "prices", "priced", "fares", "fare"),
    # What people are paid is not what they pay: wages up 6% and fares up 6% are two facts.
    "wage": ("工资", "薪酬", "薪资", "薪水", "wages", "wage", "salaries", "salary"),
    # Who or what a hospital's figure counts (640 beds, 640 nurses; 260 doctors, 260 nurses),
    # and what a lender or a library lends (300,000 books lent against 300,000 books held).
    "doctor": ("医生", "医师", "doctors", "doctor", "physicians", "physician"),
    "nurse": ("护士", "nurses", "nurse"),
    "bed": ("床位", "病床", "beds", "bed"),
    "loan": ("贷款", "借出", "loans", "loan", "lent", "lends", "lend", "lending", "borrowed"),
    "output": ("产量", "生产", "output", "production", "produced", "produce"),
    "passenger": ("乘客", "旅客", "客运量", "passenger", "passengers", "riders", "ridership"),
    "margin": ("毛利率", "margin", "margins"),
    "store": (
        "门店",
        "店铺",
        "分店",
        "网点",
        "store",
        "stores",
        "shop",
        "shops",
        "branch",
        "branches",
        "outlet",
        "outlets",
    ),
    "dealer": ("经销商", "代理商", "dealer", "dealers", "dealership", "dealerships"),
    # 210 stations are not 210 kilometres of line.
    "station": ("车站", "站点", "stations", "station"),
    # Goods carried, against people: 42 million tonnes of freight are not 42 million journeys.
    "cargo": ("货运", "货邮", "货物", "cargo", "freight"),
    # A university's students and its teachers: 34,000 students are not 34,000 staff.
    "student": ("学生", "在校生", "本科生", "研究生", "students", "student", "undergraduates"),
    "teacher": ("教师", "teachers", "teacher", "teaching staff", "lecturers"),
    # What is owed is not what is earned: debt of US$2.3 billion against sales of as much.
    "debt": ("债务", "负债", "欠款", "debt", "debts", "borrowings", "liabilities", "owed", "owes"),
    # What households earn is not what shops sell: 人均可支配收入 against retail sales.
    "income": ("可支配收入", "disposable income", "household income"),
    # Degrees by level: 42 master's programmes are not 42 doctoral ones.
    "master": ("硕士", "master's", "masters"),
    "doctorate": ("博士", "doctoral", "doctorate", "doctorates", "phd"),
}
# Concepts that say what a figure counts or measures. Two claims that each give a measure the
# other does not (a recall of 62,000 cars against a sale of 62,000 cars, revenue up 12% against
# profit up 12%) assert different facts, however much else they share (see `similarity`).
MEASURES = frozenset(
    "~" + c
    for c in _split(
        "revenue profit loss staff customer user cost fund valuation shipment capacity "
        "utilisation patent research recall sale price output passenger margin store dealer "
        "import delivery gdp wage doctor nurse bed loan station student teacher cargo "
        "debt income master doctorate"
    )
)
_CONCEPT_OF: dict[str, str] = {
    form: concept.removesuffix("_en") for concept, forms in _CONCEPTS.items() for form in forms
}
_CJK_FORMS = sorted((f for f in _CONCEPT_OF if not f.isascii()), key=len, reverse=True)
_CJK_CONCEPT = re.compile("|".join(re.escape(f) for f in _CJK_FORMS))
_EN_PHRASES = {f: c for f, c in _CONCEPT_OF.items() if f.isascii() and not f.isalpha()}
# Whole words, the longest first. One look-behind before the whole alternation, not one per
# form: the regular expression engine then tests each position once, not once per form (about
# a tenth of the time on the labelled claims, with the same matches).
_EN_WORDLIKE = sorted((f for f in _EN_PHRASES if f[0].isalpha()), key=len, reverse=True)
_EN_SIGNS = [f for f in _EN_PHRASES if not f[0].isalpha()]  # %, $
_EN_PHRASE = re.compile(
    rf"(?<![a-z])(?:{'|'.join(map(re.escape, _EN_WORDLIKE))})(?![a-z])"
    rf"|{'|'.join(map(re.escape, _EN_SIGNS))}"
)

# ---- words ------------------------------------------------------------------------------

_STOP = frozenset(
    _split(
        "a an the of in on at to for from by with and or but is are was were be been being has "
        "have had do does did it its this that these those as than then there their they them he "
        "she his her we our you your i me my not no so if into over under about after up down out "
        "some any all each every more less very just also now only new its which who whom whose "
        "what when where how why will would can could should may might must s"
    )
)
_WORD = re.compile(r"[a-z][a-z&']*")
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
_SUFFIXES = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    word = word.removesuffix("'s").rstrip("'")  # Quillon Bank's: bank
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# ---- names ------------------------------------------------------------------------------

# A name is marked "@" (the term of the word itself is kept too): two claims that each name
# someone or something the other does not (Kestrel Air to Dublin, Kestrel Air to Lisbon) are
# about different things, however much else they share. Names are read in each script apart,
# since a name in English and the same name in Chinese share no term.
#
# In Latin script a name is a capitalised word that is not a function word, a number word, a
# concept of the table, a month or a unit right after a figure (2 GWh). A capitalised word at
# the start of a sentence is only taken when it is plainly a name: followed by another
# capitalised word (Eastline Buses), by 's, or by Chinese (MiniMax是...), or capitalised later
# in the same text too.
_NOT_NAMES = frozenset(
    _split(
        "january february march april may june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday series"
    )
)
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z&']*")
# A concept of several words (United States, Series C, per cent) holds no name; one word of
# the table is ruled out by itself.
_EN_WORDS_CONCEPT = re.compile(
    rf"\b(?:{'|'.join(re.escape(f) for f in _EN_WORDLIKE if ' ' in f)})\b", re.IGNORECASE
)
# "US" in capitals is the country (lower-cased it would be the pronoun); US$ is a currency.
_US = re.compile(r"\bU\.?S\.?(?![A-Za-z$])")


def _normal(text: str) -> str:
    return _US.sub(" United States ", unicodedata.normalize("NFKC", text))


_SENTENCE_STARTS = frozenset('.!?;:"“‘(。!?;:')
_NUMBER_WORDS = frozenset([*_EN_UNITS, *_EN_TENS, *_EN_SCALES, *_EN_ORDINALS])


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _latin_names(text: str) -> list[str]:
    found: list[tuple[str, bool]] = []  # (stem, at the start of a sentence and not plainly a name)
    tokens = list(_LATIN_TOKEN.finditer(text))
    for i, m in enumerate(tokens):
        word = m.group()
        low = word.lower().removesuffix("'s").rstrip("'")
        if not word[0].isupper() or len(low) < 2 or low in _STOP:
            continue
        if word.isupper() and len(word) <= 3:
            continue  # AI, CEO, GDP, EV: more often a common noun than a name
        if low in _CONCEPT_OF or _stem(low) in _CONCEPT_OF:
            continue
        if low in _NUMBER_WORDS or low in _NOT_NAMES:
            continue
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        before = text[j] if j >= 0 else ""  # the character before the word, past any spaces
        after = text[m.end() : m.end() + 1]
        unit = len(low) <= 3 or any(c.isupper() for c in word[1:])
        if (before.isdigit() and unit) or after == "$":
            continue  # a unit (2 GWh, 9.6 GW, 12 MWh) or a currency (US$, HK$)
        if before and before not in _SENTENCE_STARTS:
            found.append((_stem(low), False))
            continue
        follows = tokens[i + 1] if i + 1 < len(tokens) else None
        plainly = (
            word.endswith("'s")
            or (after != "" and _is_cjk(after))
            or (
                follows is not None
                and follows.group()[0].isupper()
                and not text[m.end() : follows.start()].strip()
                and follows.group().lower() not in _STOP
            )
        )
        found.append((_stem(low), not plainly))
    later = {stem for stem, doubtful in found if not doubtful}
    return [stem for stem, doubtful in found if not doubtful or stem in later]


# In Chinese, with no capitals and no spaces, the name taken is the one a claim opens with
# (星衡储能2023年..., 2021年山野咖啡..., 林晚秋在...): the first character pair after any date or
# time words, unless that pair is no name (a pronoun, a quantifier, a figure: 该公司, 全国, 这家,
# 一次), a concept of the table (公司, 中国) or runs into one.
# A date's figures are read from where their run starts only (the look-behind): digits and dots
# are lead characters by themselves too, and a long run of them with no 年 after it was read
# again from each of its positions, in time quadratic in its length. Where the run read from
# its start ends in no 年, no later part of it can, so the lead is the same.
_ZH_DATE_CHARS = "零〇一二两三四五六七八九十百千万亿\\d."
_ZH_LEAD = re.compile(
    rf"(?:(?<![{_ZH_DATE_CHARS}])[{_ZH_DATE_CHARS}]+[年月日号][底末初内]?|[\s\d.,%、:;]"
    r"|去年|今年|明年|上一年|当年|同年|目前|如今|截至|到|在|据|早在|过去)+"
)
_ZH_NOT_FIRST = frozenset(
    "这那该此其他她它我你您本各每全多某整单首新前后上下同共总约仅只已又再还也都就把被让给对从向"
    "由与和在是的于为有无不没第将曾据截到如当因而但并及或等之所以零〇一二两三四五六七八九十百千万亿"
)
_ZH_NOT_SECOND = frozenset("的是在于与和从向由把对将已共曾有为被了等年月日")


def _zh_name(text: str) -> str | None:
    lead = _ZH_LEAD.match(text)
    at = lead.end() if lead else 0
    pair = text[at : at + 2]
    if len(pair) < 2 or not (_is_cjk(pair[0]) and _is_cjk(pair[1])):
        return None
    if pair[0] in _ZH_NOT_FIRST or pair[1] in _ZH_NOT_SECOND:
        return None
    if _CJK_CONCEPT.match(text, at) or _CJK_CONCEPT.match(text, at + 1):
        return None
    if pair in _PROVINCES and not _ZH_PLACES.match(text, at):
        return None  # 湖南路...: a province's characters that belong to other words (see below)
    return pair


# China's provinces and regions (as their first two characters, the pair a name is marked by),
# named anywhere in a text: the same plant, figure and company in 宁夏 and in 青海 are two
# claims, and a province is not the name a claim opens with. 香港 is a concept of the table.
_PROVINCES = _split(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙 江苏 浙江 安徽 福建 江西 山东 河南 "
    "湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙 广西 西藏 宁夏 新疆 澳门"
)
# Chinese has no spaces, so a province's two characters may straddle two words: 长江西岸 (the
# Yangtze's west bank) holds 江西, 中山东路 (Zhongshan Road East) 山东. A province whose name ends
# in a direction (江西, 山东, 河北...) is not taken when a word of place follows it (岸 bank,
# 路 road, 街 street...): there the direction belongs to that word. (Other straddles, such as
# 幸福建设 holding 福建, would need a dictionary.)
_PLACE_AFTER_DIRECTION = "路街巷道岸侧郊坡桥"
_ZH_PLACES = re.compile(
    "|".join(f"{p}(?![{_PLACE_AFTER_DIRECTION}])" if p[1] in "东西南北" else p for p in _PROVINCES)
)


def _straddles(run: str, i: int) -> bool:
    """Whether the character pair at `i` of a Chinese run is a province's name that straddles
    two words (中山东路: 山东, see above): it is not kept as a pair, so that Zhongshan Road East
    shares nothing with Shandong but what it shares with any road."""
    return (
        run[i : i + 2] in _PROVINCE_PAIRS
        and run[i + 1] in "东西南北"
        and i + 2 < len(run)
        and run[i + 2] in _PLACE_AFTER_DIRECTION
    )


# A province disagrees with another province, not with a person's or company's name: 苏曼宁
# against a quote that says she worked in 北京 is no disagreement.
_PROVINCE_TERMS = frozenset("@" + p for p in _PROVINCES)
_PROVINCE_PAIRS = frozenset(_PROVINCES)


def names(text: str) -> list[str]:
    """The names `text` gives (see above), as "@" terms: Latin ones stemmed as words are; in
    Chinese, the name it opens with and any province it names."""
    s = _normal(text)
    out = ["@" + n for n in _latin_names(_EN_WORDS_CONCEPT.sub(" ", s))]
    low = s.lower()
    out += ["@" + p for p in _ZH_PLACES.findall(low)]
    zh = _zh_name(low)
    return [*out, "@" + zh] if zh else out


# Whose subject: in "Pendry Bank's rival Corrie Bank raised its profit" the subject is Corrie
# Bank, and Pendry Bank only says whose rival it is; so in "Pendry Bank's insurance arm Pendry
# Life" (a name, 's, a few words in lower case, another name) and in Chinese "檀谷食品的对手
# 麦丰食品", "澜汐电器旗下的星港电器" (a name, 的 or 旗下, a few characters, another name of
# the same kind: the two characters after each pair agree). The owner's names are no names of
# the claim (unless it names them elsewhere) but "=of:" terms: a claim about Pendry Bank
# itself names someone this one does not (see `_found`).
_EN_OWNER = re.compile(
    r"\b[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*)*(?:'s|')\s+(?:[a-z]+\s+){1,3}(?=[A-Z])"
)
_ZH_OWNER = re.compile(
    r"([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2})(?:的|旗下的?)[\u4e00-\u9fff]{0,4}?"
    r"([\u4e00-\u9fff]{2})\2"
)


# What follows a Chinese name says what kind of body it is (曜川储能, 曜川新能源: a storage
# maker and a battery maker under one name): the two characters after it, when no figure, date,
# function word or place word (市, 县) comes first (see `_disagreements`); a third character is
# most often the next word.
_ZH_NAME_KIND = re.compile(
    "[^\\s\\d"
    + "".join(sorted(_ZH_NOT_SECOND | set("有在于是由将共为从向已曾去今明上下市省县区镇村")))
    + "]{0,2}"
)


def _kind_found(term: str, other: Mapping[str, float]) -> bool:
    # the other claim holds the kind as a kind, a character pair of it, or its concept
    kind = term.split(":", 1)[1]
    concept = _CONCEPT_OF.get(kind)
    return (
        term in other
        or any(kind[i : i + 2] in other for i in range(len(kind) - 1))
        or (concept is not None and "~" + concept in other)
    )


def _owned(text: str) -> tuple[str, list[str], list[str]]:
    """`text` with the owners of its subject blanked out (see above), their names, and the
    subject names that Chinese text gives after them (which `names` would not read: only a
    text's opening name is)."""
    if "'" not in text and "的" not in text and "旗下" not in text:
        return text, [], []  # most texts: no owner
    owners: list[str] = []
    subjects: list[str] = []
    # The words between are a noun (rival, insurance arm), not a place or time after a
    # preposition (Lanyu Dairy's share in Jiangxi: still Lanyu's).
    spans = [
        m
        for m in _EN_OWNER.finditer(text)
        if not any(w in _STOP for w in m.group().split("'")[-1].removeprefix("s").split())
    ]
    for m in spans:
        owners += names(m.group().split("'")[0])
    for m in _ZH_OWNER.finditer(text):
        if m.group(1) != m.group(3):
            owners.append("@" + m.group(1))
            subjects.append("@" + m.group(3))
    if not owners:
        return text, [], []
    blank = text
    for m in spans:
        blank = blank[: m.start()] + " " * len(m.group()) + blank[m.end() :]
    blank = _ZH_OWNER.sub(lambda m: " " * (m.start(3) - m.start()) + m.group()[-4:], blank)
    return blank, owners, subjects


# Who did it: in "Saltash Parts was taken over by Quenby Motors" the buyer is Quenby, the name
# after "by" in a passive; in "Saltash Parts bought Quenby Motors", a sentence that opens with a
# name, it is Saltash. Two claims naming the same two parties with the roles swapped assert
# different facts. Only English texts, and only these two plain forms (a claim that opens
# otherwise, "In 2020 ...", has no actor read): `_disagreements` compares actors only when one
# claim is passive, so that two active sentences of different shapes ("Harrowgate has had Imogen
# Sale as its mayor", "Imogen Sale became mayor of Harrowgate") are never set against each
# other.
# A text that opens with the party acted on is no act of its opening name either: a passive
# of another shape ("agreed to be bought by Quenby", "was taken over in 2020 by Quenby",
# "Saltash Parts, bought by Quenby"), without "by" ("was sold to Quenby") or a state ("became
# part of Quenby", "'s owner is Quenby"). Read as an actor, its opening name set true rewordings
# of a passive against it as "roles swapped"; so a name after "by" that is no plain passive, or
# a form of be, become or get in the opening clause, leaves the text with no actor read.
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:[a-z]+\s+){0,2}by\s+(?=[A-Z])"
)
_BY_NAME = re.compile(r"\bby\s+(?=[A-Z])")
_NOT_AN_ACT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|become|becomes|became|get|gets|got)\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[,;:.!?]")


def actor(text: str, latin: list[str] | None = None) -> str | None:
    """The actor of an English `text` (see above) as an "=" term: "=agent:quenby" for the name
    after "by" in a passive, "=actor:saltash" for a name the text opens with; else None.
    `latin`: the text's Latin names in order (stems, as `names` gives them), when known."""
    first = _LATIN_TOKEN.match(text.lstrip())
    if " by " in text:
        s = _EN_WORDS_CONCEPT.sub(" ", _normal(text))
        m = _PASSIVE_BY.search(s)
        if m:
            after = _latin_names(s[m.end() :])
            return f"=agent:{after[0]}" if after else None
        if _BY_NAME.search(s):
            return None  # a passive of another shape (see above)
    if not (first and first.group()[0].isupper()):
        return None  # neither form (most texts)
    if _NOT_AN_ACT.search(_CLAUSE_END.split(text, 1)[0]):
        return None  # the opening name is acted on, or is in a state (see above)
    if latin is None:
        latin = _latin_names(_EN_WORDS_CONCEPT.sub(" ", _normal(text)))
    if latin and _stem(first.group().lower().removesuffix("'s")) == latin[0]:
        return f"=actor:{latin[0]}"
    return None


# ---- what a figure counts ---------------------------------------------------------------

# What a figure counts is a measure even where the concept table does not know it: 6,500 masts
# and 6,500 people working there are two facts. The word right after an English figure is taken
# (18,000 vans, 48 turbines, a 640-bed hospital), unless it is a function word, a word of the
# table (its own term already), a name (Eighteen thousand Selwyn Motors vans), a word of two
# letters, or one of `_NOT_MEASURES`: a unit (a unit says how a figure is written, not what it
# counts: 11km, eleven kilometres, 2 GWh), time, a fraction, or a word that counts anything
# (people, times). After a Chinese figure its classifier is taken (650家, 2.3万台, 九千多名), 名,
# 位 and 人 as one (people); 个 and 次 count anything, and 吨, 公里 are units (their kind of
# quantity is kept, see `_DIMENSIONS`). Such a measure is marked "^" (^mast, ^家) and weighs
# nothing: it only says what a claim counts (see `_disagreements`).
_NOT_MEASURES = frozenset(
    _split(
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
# Where a figure was read, the text keeps _FIGURE; where a concept was, _CONCEPT: what follows a
# figure is read only if nothing but spaces (in English) stand between them: in "6% fare rise"
# the figure counts per cent, and fares are what it is a share of.
_FIGURE = "\x01"
_CONCEPT = " \x02 "
_COUNTED = re.compile(rf"{_FIGURE}(?:[ -]*([a-z][a-z&']*)|([{''.join(_ZH_CLASSIFIER)}]))")


# A unit says how a figure is written (11km, eleven kilometres, 11公里), not what it counts, but
# it does say what kind of quantity it is: 38 kilometres of line are not 38 stations, nor 1,500
# tonnes 1,500 shops. A unit is kept as its dimension ("^dim:length"), which is missing only
# from a claim that counts something else with the same figures and gives no such unit (see
# `_measure_found`), like a sum of money (`_MONEY`).
_DIMENSIONS = {
    "length": "km kilometres kilometre kilometers kilometer miles mile 公里 千米",
    "mass": "tonnes tonne tons ton kilograms kilogram kg 吨 公斤 千克",
    "energy": "gwh mwh kwh twh 吉瓦时 兆瓦时 千瓦时",
    "area": "hectares hectare acres acre 公顷",
}
_DIMENSION_OF = {u: f"^dim:{d}" for d, units in _DIMENSIONS.items() for u in units.split()}
_ZH_UNIT = re.compile(
    rf"{_FIGURE}("
    + "|".join(sorted((u for u in _DIMENSION_OF if not u.isascii()), key=len, reverse=True))
    + ")"
)


def _counted(s: str) -> Iterator[str]:
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
            or word in _STOP
            or word in _CONCEPT_OF
            or word in _NUMBER_WORDS
            or word in _NOT_NAMES
            or word in _NOT_MEASURES
        ):
            yield "^" + _stem(word)
    if _ZH_UNIT.search(s):
        yield from (_DIMENSION_OF[m.group(1)] for m in _ZH_UNIT.finditer(s))


# ---- labels and periods -------------------------------------------------------------------

# A number that labels a thing is no quantity but part of its name: Line 3 and Line 5 of a
# metro, Terminal 2, the second runway, 3号楼, 二期 (phase two) are different lines, terminals,
# runways, buildings and phases. Such a label is kept as "=label:kind:number" (=label:line:3)
# whatever its language or form (Line 3, 3号线, the third line; the figure is still read as one
# too), and two claims that label the same kind of thing by different numbers are about
# different things (see `_disagreements`).
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
}
_LABEL_OF = {form: kind for kind, forms in _LABEL_KINDS.items() for form in forms}
_EN_LABEL_WORDS = "|".join(f for f in _LABEL_OF if f.isascii())
_ZH_LABEL_WORDS = "|".join(sorted((f for f in _LABEL_OF if not f.isascii()), key=len)[::-1])
# Read from the start of a run of numerals only: tried at every position of a long run (一一一...
# with no label after it), the engine would read the rest of the run from each, in time
# quadratic in its length. A label follows the whole run, so no match is lost.
_ZH_NUMERAL = "(?<![一二三四五六七八九十])[一二三四五六七八九十]+"
_EN_ORDINAL_FORMS = "first|" + "|".join(_EN_ORDINALS)
# (Bare 线 and 楼 after a figure are no labels: 三线城市 is a third-tier city, 5楼 a floor.)
_LABELS = re.compile(
    # Line 3, Terminal 2, Gate B12 (a number, perhaps with a letter)
    rf"\b(?P<kind>{_EN_LABEL_WORDS})s?\s+(?:no\.?\s*)?(?P<n>[a-z]?\d{{1,3}}[a-z]?)\b(?![,.]\d)"
    # the second runway, its 2nd terminal
    rf"|\b(?P<ord>{_EN_ORDINAL_FORMS}|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<kind2>{_EN_LABEL_WORDS})\b"
    # 3号线, 3号楼, 第二条跑道, 二期, T2航站楼
    rf"|(?:第|t)?(?P<zn>\d{{1,3}}|{_ZH_NUMERAL})[条座个]?(?P<zk>{_ZH_LABEL_WORDS})"
)
_ORDINAL_VALUE = {"first": 1, **_EN_ORDINALS}

# Periods within a year: a month, a quarter, a half. A figure for March and one for October,
# or for the first half and for the whole year, are two facts. Kept as "=period:..." terms.
_MONTHS = _split(
    "january february march april may june july august september october november december"
)
_PERIODS = re.compile(
    rf"\b(?P<month>{'|'.join(m for m in _MONTHS if m != 'may')})\b"
    # "may" is a month only before a day or year, or after "in" or a day
    r"|(?:\bin\s+|\d\s*)(?P<may>may)\b|\b(?P<may2>may)(?=\s+\d)"
    r"|(?<![\d.万亿千百十])(?P<zm>1[0-2]|0?[1-9])月(?!份?[0-9])"
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


def _zh_small(run: str) -> int:
    value = _zh_value(run)
    return int(value) if value is not None else 0


# Most texts have no label, period or kind of body: a few substring tests (well under a
# microsecond each) spare them the regular expressions, which try every position of a text.
_LABEL_HINTS = tuple(_LABEL_OF)
_PERIOD_HINTS = (
    *_MONTHS,
    "月",
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
)


def _hinted(text: str, hints: tuple[str, ...]) -> bool:
    return any(h in text for h in hints)


def labels(text: str) -> list[str]:
    """The labels (=label:line:3), periods within a year (=period:m3, =period:q1,
    =period:h1) and kinds of body (=org:bank) that `text` (lower-cased, normalised) gives:
    see above."""
    out: list[str] = []
    for m in _LABELS.finditer(text) if _hinted(text, _LABEL_HINTS) else ():
        if m.group("kind"):
            kind, n = _LABEL_OF[m.group("kind")], m.group("n")
        elif m.group("kind2"):
            o = m.group("ord")
            kind = _LABEL_OF[m.group("kind2")]
            n = str(_ORDINAL_VALUE[o]) if o in _ORDINAL_VALUE else o[:-2]
        else:
            kind, zn = _LABEL_OF[m.group("zk")], m.group("zn")
            n = zn if zn.isdigit() else str(_zh_small(zn))
        out.append(f"=label:{kind}:{n.lstrip('0') or '0'}")
    for m in _PERIODS.finditer(text) if _hinted(text, _PERIOD_HINTS) else ():
        if m.group("month"):
            period = f"m{_MONTHS.index(m.group('month')) + 1}"
        elif m.group("may") or m.group("may2"):
            period = "m5"
        elif m.group("zm"):
            period = f"m{int(m.group('zm'))}"
        elif m.group("zcm"):
            period = f"m{_zh_small(m.group('zcm'))}"
        elif m.group("q"):
            period = f"q{m.group('q')}"
        elif m.group("qw"):
            period = f"q{_QUARTER_WORDS[m.group('qw')]}"
        elif m.group("zq"):
            zq = m.group("zq")
            period = f"q{zq if zq.isdigit() else _zh_small(zq)}"
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
# pronoun, quantifier, figure or time (在该市, 在全国, 于去年: `_ZH_NOT_PLACE`, `_ZH_LEAD`), nor a
# concept of the table (在国内).
_ZH_AT = re.compile(r"(?:在|于)([\u4e00-\u9fff]{2})")
# (not all of `_ZH_NOT_FIRST`: 无锡 is a place)
_ZH_NOT_PLACE = frozenset(
    "这那该此其他她它我你您本各每全多某整同共总此零〇一二两三四五六七八九十百千万亿"
)


def _zh_places(text: str) -> Iterator[str]:
    for m in _ZH_AT.finditer(text):
        place, end = m.group(1), m.end()
        if place[0] in _ZH_NOT_PLACE or "@" + place in _PROVINCE_TERMS:
            continue
        if _ZH_LEAD.match(text, m.start(1)) or _CJK_CONCEPT.match(text, m.start(1)):
            continue
        if _CJK_CONCEPT.match(text, m.start(1) + 1):
            continue  # runs into a concept (于是否决): no place
        if end == len(text) or text[end] in "。,,;;、" or _CJK_CONCEPT.match(text, end):
            yield place


# What kind of body a name is (a university, a college, a bank, a securities house...): 鸿屿银行
# and 鸿屿证券, Songling University and Songling Normal College are different bodies under one
# name. Kept as "=org:kind"; two claims that each give a kind the other does not are about
# different bodies (see `_disagreements`).
_ORG_KINDS = {
    "university": ("university", "universities", "大学"),
    "college": ("college", "colleges", "学院"),
    "school": ("school", "schools", "学校", "中学", "小学"),
    "bank": ("bank", "banks", "银行"),
    "securities": ("securities", "brokerage", "证券", "券商"),
    "insurance": ("insurance", "insurer", "保险"),
    "hospital": ("hospital", "hospitals", "医院"),
}
_ORG_OF = {form: kind for kind, forms in _ORG_KINDS.items() for form in forms}
_ORG_HINTS = tuple(f for f in _ORG_OF if not f.endswith("s") or f == "securities")
_ORGS = re.compile(
    "|".join(rf"\b{f}\b" if f.isascii() else f for f in sorted(_ORG_OF, key=len, reverse=True))
)


# "nine per cent less milk", "500 fewer staff", "down 9%", "up by 12%": a direction said by a
# comparative after a figure or by up/down before one (not "less than", "up to": bounds).
# (The spaces are taken possessively, `\s*+`: nothing after them begins with a space, and with
# two plain `\s*` a figure followed by a long run of spaces is split between them every way,
# in time quadratic in the run.)
_COMPARATIVE = re.compile(
    rf"({_FIGURE}\s*+(?:%|per\s?cent|percent|pct)?\s*+)"
    r"(less|fewer|lower|smaller|more|higher|larger|bigger)\b(?!\s+than)"
)
# "made up 22%", "took up 9%" say a share, not a change.
_UP_DOWN = re.compile(
    r"\b(?:(make|makes|made|making|take|takes|took|taking|taken|sum|sums|summed)\s+)?"
    rf"(up|down)(?=\s+(?:by\s+)?{_FIGURE})"
)
_COMPARATIVE_POLE = {"more": "up", "higher": "up", "larger": "up", "bigger": "up", "up": "up"}


# A figure in a currency (9.6亿元, US$2.3 billion) counts money, whatever it is the money of:
# the same figure counting things (九亿六千万件 parcels, 850 trucks) is another measure.
_CURRENCIES = frozenset(("usd", "cny", "hkd", "gbp", "eur"))
_MONEY = "^money"
_ZH_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
_MONEY_WORD = re.compile(
    rf"{_FIGURE}\s*(?:"
    + "|".join(f for f, c in _CONCEPT_OF.items() if c in _CURRENCIES and f.isalpha())
    + r")\b"
)


def terms(text: str) -> list[str]:
    """The meaning-bearing terms of `text` (see the module's docstring), with repeats."""
    s = _normal(text).lower()
    out: list[str] = labels(s)

    def numbers(m: re.Match[str]) -> str:
        digits, scale = m.group(1), m.group(2)
        value = float(digits.replace(",", "")) * (_MULTIPLIERS[scale] if scale else 1)
        out.append(_number_token(value))
        if m.group(3) and value < _SPAN_OF_YEARS:
            out.append("~year")
        # A year or a span of years (2015年, 7年, "in 2014 the museum") counts nothing.
        year = m.group(3) or (not scale and digits.isdigit() and _is_year(f"#{digits}"))
        return " " if year else f" {_FIGURE}"

    s = _ARABIC.sub(numbers, s)

    def en_numbers(m: re.Match[str]) -> str:
        words = [w for w in re.split(r"[\s-]+", m.group()) if w]
        while words and words[-1] in ("a", "and"):
            words.pop()
        out.append(_number_token(_en_value(words)))
        return f" {_FIGURE}"

    s = _EN_NUMBER.sub(en_numbers, s)

    def comparatives(m: re.Match[str]) -> str:
        out.append("~" + _COMPARATIVE_POLE.get(m.group(2), "down"))
        return m.group(1) + _CONCEPT

    def up_down(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group()
        out.append("~" + _COMPARATIVE_POLE.get(m.group(2), "down"))
        return _CONCEPT

    s = _COMPARATIVE.sub(comparatives, s)
    if "up" in s or "down" in s:
        s = _UP_DOWN.sub(up_down, s)

    def concepts(m: re.Match[str]) -> str:
        concept = _CONCEPT_OF[m.group()]
        out.append("~" + concept)
        if concept in _CURRENCIES:
            before = m.string[: m.start()].rstrip()[-1:]
            after = m.string[m.end() :].lstrip()[:1]
            if _FIGURE in (before, after) or (before and before in _ZH_NUMERALS):
                out.append(_MONEY)
        return _CONCEPT

    s = _EN_PHRASE.sub(concepts, s)
    s = _CJK_CONCEPT.sub(concepts, s)
    if _MONEY_WORD.search(s):  # 2.3 billion dollars (single words are read below)
        out.append(_MONEY)

    def zh_numbers(m: re.Match[str]) -> str:
        if m.group() == "一":
            return m.group()  # 一份, 一家: an article, not the figure 1 (一年 still is)
        value = _zh_value(m.group(1))
        if value is None:
            return m.group()
        out.append(_number_token(value))
        if m.group(2) and value < _SPAN_OF_YEARS:
            out.append("~year")
        return " " if m.group(2) else f" {_FIGURE}"

    s = _ZH_NUMBER.sub(zh_numbers, s)
    out.extend(_counted(s))
    for word in _WORD.findall(s):
        if word in _EN_ORDINALS:
            out.append(_number_token(_EN_ORDINALS[word]))
        elif word in _CONCEPT_OF:
            out.append("~" + _CONCEPT_OF[word])
        elif word not in _STOP:
            out.append(_stem(word))
    for run in _CJK_RUN.findall(s):
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1) if not _straddles(run, i))
    return out


# Terms are stored in a column of this width; a longer one (a run of letters with no space, a
# long number) is cut, the same way for the claim indexed and the claim searched for.
MAX_TERM = 64


def claim_terms(text: str, quote: str) -> Counter[str]:
    """A claim's bag of terms: its text's and its quote's together."""
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
        part, owned, after = _owned(whole)
        owners.update(t[:MAX_TERM] for t in owned)
        found = [t[:MAX_TERM] for t in (*names(part), *after)]
        if i == 0:
            latin = [t[1:] for t in found if t[1:2].isascii()]
            text = part
        named.update(found)
        if _CJK_RUN.search(part):
            # The claim has Chinese text ("%"), and the names in Latin script that its Chinese
            # text gives ("%brightfield" for Brightfield Coffee的A轮融资...): how a Chinese
            # source names what it is about (see `_kinds`).
            named.add("%")
            named.update("%" + t[1:] for t in found if t[1:2].isascii())
    bag.update(named)
    bag.update("=of:" + t[1:] for t in owners - named)
    if _CJK_RUN.search(text):
        # The name a Chinese text opens with is the claim's subject, as a quote's opening
        # pair need not be (a quote is a span of the source, often cut after the name): see
        # `_unspelled`.
        low = _normal(text).lower()
        zh = _zh_name(low)
        if zh and "@" + zh not in _PROVINCE_TERMS:  # a province is a place, not a subject
            bag["=named:" + zh] += 1
            kind = _ZH_NAME_KIND.match(low, low.find(zh) + 2)
            if kind and len(kind.group()) == 2:  # (not a place's 市, nor a person's 舟)
                bag["=kind:" + kind.group()] += 1
    who = actor(text, latin)
    if who and not _CJK_RUN.search(text):
        bag[who[:MAX_TERM]] += 1
    # A name after a figure is no measure (Eighteen thousand Selwyn Motors vans: not ^selwyn).
    for t in [t for t in bag if t[0] == "^" and "@" + t[1:] in named]:
        del bag[t]
    return bag


# ---- weighting --------------------------------------------------------------------------

# Numbers and concepts carry the fact a claim asserts; they count double. A name's word is
# weighed as a word already: its "@" term only marks it as a name, and "%" and "^" terms only
# mark Chinese text and what figures count (see `similarity`).
_KIND_WEIGHT = {"#": 2.0, "~": 2.0, "@": 0.0, "^": 0.0, "%": 0.0, "=": 0.0}


def idf(df: int, n: int) -> float:
    """Rarity of a term held by `df` of `n` claims (smoothed; never below 1)."""
    return math.log((n + 1) / (df + 1)) + 1.0


def weigh(bag: Mapping[str, int], idf_of: Mapping[str, float]) -> dict[str, float]:
    """The unit-length TF-IDF vector of a bag (sub-linear term frequency)."""
    vec = {
        t: (1.0 + math.log(c)) * idf_of.get(t, 1.0) * _KIND_WEIGHT.get(t[0], 1.0)
        for t, c in bag.items()
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


# Concepts that do not say what a claim is about: those that qualify its figure (unit,
# direction, rank) and "company", which stands for any subject.
_NOT_SUBJECT = frozenset(
    "~" + c
    for c in _split(
        "percent usd cny hkd gbp eur year up down open close enact veto hire layoff first only "
        "abroad "
        "most rank "
        "round before never net share monthly company"
    )
)
# How much of the score rests on the subjects agreeing (chosen on the dev pairs, see
# docs/benchmarks.md): two claims with the same figure about different things ("tariffs on
# steel raised to 25%", "tariffs on lithium batteries raised to 25%") share a figure and a
# concept, which is most of their weight, but not what the tariff is on.
_SUBJECT_SHARE = 0.3


def subject(vector: Mapping[str, float]) -> dict[str, float]:
    """The unit-length vector of a claim's subject as the concept table reads it: its concepts
    other than those that qualify a figure. Only concepts: they are read the same way in
    either language, where a name written in English and the same name in Chinese share no
    term, so plain words and character pairs cannot tell two subjects apart across languages."""
    vec = {t: v for t, v in vector.items() if t[0] == "~" and t not in _NOT_SUBJECT}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


# How much of the score is lost when two claims disagree: each names someone or something the
# other does not (in the same script), each gives a measure the other does not, each gives a
# year the other does not. Each is another claim, whatever figure, date and words the two share:
# Kestrel Air to Dublin and to Lisbon since 2009; Vantor's 62,000 cars recalled and sold in
# April. Chosen on the dev splits (see docs/benchmarks.md): there no true match loses anything
# to them at these shares, so they are as high as a wrong guess of a name can afford.
_NAME_SHARE = 0.5
_MEASURE_SHARE = 0.4
# Another year with the same figures is another claim (3.2 million passengers in 2023 and in
# 2019): at 0.3 such a pair still scored 0.505 on the dev splits, above the threshold, and at
# 0.4 one (revenue of 5.6 billion, up 9%, in 2021 and 2023) 0.507.
_YEAR_SHARE = 0.45
# One claim gives a measure the other lacks, and the other gives none the first lacks (a loss
# of 300,000 yuan against 300,000 yuan borrowed, margin against an efficiency the table does
# not know): weaker evidence than each giving its own, since a rewording may leave the measure
# unsaid, so it costs less.
_ONE_SIDED_MEASURE_SHARE = 0.2
_ONE_SIDED = "measure on one side"
# Opposite acts (opened against closed, rose against fell, 增 against 减) with the same figure:
# the one claim denies the other.
_ACT_SHARE = 0.5
# The two poles of an act: a claim that says both (revenue rose as stores closed) or neither
# contradicts nothing.
_ACT_POLE = {
    "~up": "+",
    "~open": "+",
    "~down": "-",
    "~close": "-",
    "~enact": "+",
    "~veto": "-",
    "~hire": "+",
    "~layoff": "-",
}


# At home or abroad: a claim that says only one (15 domestic routes, 国内航线) and another that
# says only the other (15 international routes, 国际航线) are two facts, as opposite acts are.
_SCOPE_POLE = {"~china": "home", "~abroad": "abroad"}


# One claim closes a number of things, the other gives no act at all: 480 stores closed against
# 480 stores, a stock. What was closed is gone, so a count of it is another claim. Opening is
# left out: what was opened is still there, and a rewording often says only that ("its first
# store opened in ..." against "its first store is in ...": on the dev splits six true matches
# dropped the opening); so is a rise or fall, since a rewording often gives the new figure and
# leaves the change unsaid. A doubt, costing what a one-sided measure does.
_FLOWS = frozenset(("~close",))
_ONE_SIDED_ACT = "act on one side"
_ONE_SIDED_ACT_SHARE = 0.2


# Line 3 and Line 5, the first and the second runway: two things of one kind (see `labels`).
_LABEL_SHARE = 0.5
# March and October, the first half and the third quarter: two periods, as two years are.
_PERIOD_SHARE = _YEAR_SHARE
# A period within the year against the year itself (revenue up 18% in the first half of 2023,
# against up 18% in 2023): the half is not the year.
_ONE_SIDED_PERIOD = "period on one side"
_ONE_SIDED_PERIOD_SHARE = _YEAR_SHARE


def _is_year(term: str) -> bool:
    # A whole number that could be a year: 1,800,000 homes are not; 2000 shops may be taken
    # for one, but that costs only when both claims then give a year the other does not.
    # (A figure of thousands of digits is no year, and int() refuses to read it.)
    digits = term[1:]
    return digits.isdigit() and len(digits) < 10 and 1900 <= int(digits) <= 2100


# Names in two scripts cannot be compared: Lumen Labs and 青禾茶饮 may be one company under two
# names, as Xingheng and 星衡 are. An English claim with a Chinese quote that names nobody
# (公司2023年的研发费用为3.9亿元: the company was named earlier in the sentence) may well be the
# Chinese claim that names 星衡. But when one claim is wholly in English and names someone or
# something in Latin script only, the other names in Chinese only, and they share no word or
# character pair, nothing says they are about the same thing: the year and figure they share
# are all they share, and most often they are two facts. A doubt, not a contradiction, so it
# costs less than other names in one script. Chosen on the dev splits (see docs/benchmarks.md).
_SCRIPT_SHARE = 0.3
_SCRIPTS = "names in other scripts"
# A Latin name that is no pinyin of the other claim's Chinese name (see `_across_scripts`):
# two names, as in one script.
_ACROSS = "names across scripts"
# A claim with fewer plain words in Latin script than this (a Chinese claim that says GDP, or
# a model number) is not written in it: an English measure word cannot be missing from it.
_LATIN_CLAIM = 2


class _Kinds(NamedTuple):
    """A claim's terms of each kind two claims can disagree on."""

    latin: list[str]  # names in Latin script
    # names in Chinese text: in Chinese, but provinces, and in Latin script ("%brightfield")
    chinese: list[str]
    places: list[str]  # provinces of China
    measures: list[str]  # the table's (~) and what figures count (^)
    years: list[str]
    acts: list[str]
    labels: list[str]  # numbers that label a thing (=label:line:3)
    periods: list[str]  # months, quarters, halves (=period:m3)
    orgs: list[str]  # kinds of body named (=org:bank)
    actors: list[str]  # who did it, in English (=actor:saltash, =agent:quenby)
    # the name a Chinese text (not a quote) opens with (=named:曜川), and the names a text gives
    # only as the owner of its subject (=of:pendry: "Pendry Bank's rival Corrie Bank")
    subjects: list[str]
    owners: list[str]
    cities: list[str]  # where in Chinese (=place:无锡)
    latin_words: int  # plain words in Latin script
    classifiers: bool  # a Chinese classifier after a figure (^家)
    zh: bool  # the claim has Chinese text ("%")


def _kinds(vector: Mapping[str, float]) -> _Kinds:
    """A claim's terms of each kind, in one pass over them (a score is computed for every
    claim of a search's pool, or of a plain scan)."""
    latin: list[str] = []
    chinese: list[str] = []
    places: list[str] = []
    measures: list[str] = []
    years: list[str] = []
    acts: list[str] = []
    labels: list[str] = []
    periods: list[str] = []
    orgs: list[str] = []
    actors: list[str] = []
    subjects: list[str] = []
    owners: list[str] = []
    cities: list[str] = []
    latin_words = 0
    classifiers = zh = False
    for t in vector:
        mark = t[0]
        if "a" <= mark <= "z":
            latin_words += 1
        elif mark == "#":
            if _is_year(t):
                years.append(t)
        elif mark == "~":
            if t in MEASURES:
                measures.append(t)
            elif t in _ACT_POLE:
                acts.append(t)
        elif mark == "@":
            if t[1:2].isascii():
                latin.append(t)
            else:
                (places if t in _PROVINCE_TERMS else chinese).append(t)
        elif mark == "^":
            measures.append(t)
            classifiers = classifiers or not t[1:2].isascii()
        elif mark == "=":
            if t.startswith("=label:"):
                labels.append(t)
            elif t.startswith("=period:"):
                periods.append(t)
            elif t.startswith(("=actor:", "=agent:")):
                actors.append(t)
            elif t.startswith(("=named:", "=kind:")):
                subjects.append(t)
            elif t.startswith("=place:"):
                cities.append(t)
            elif t.startswith("=of:"):
                owners.append(t)
            else:
                orgs.append(t)
        elif mark == "%":
            if t == "%":
                zh = True
            else:
                chinese.append(t)
    return _Kinds(
        latin,
        chinese,
        places,
        measures,
        years,
        acts,
        labels,
        periods,
        orgs,
        actors,
        subjects,
        owners,
        cities,
        latin_words,
        classifiers,
        zh,
    )


def _found(term: str, other: Mapping[str, float]) -> bool:
    # A name is found in the other claim as a name or as a plain word or character pair (a
    # capitalised word at the start of a sentence is not taken as a name, but is still there).
    # A Latin name in Chinese text (%brightfield) is found as the word as well.
    # A name the other claim gives only as its subject's owner (=of:) is not found there.
    if term in other:
        return True
    return term[0] in "@%" and term[1:] in other and "=of:" + term[1:] not in other


def _measure_found(term: str, other: Mapping[str, float], kinds: _Kinds) -> bool:
    """Whether the other claim (`other`, its `kinds`) gives the measure `term` too, or cannot
    be said to lack it: a word after a figure (^mast) is missing only from a claim written in
    Latin script that lacks the word anywhere; a Chinese classifier (^家) only from a claim that
    gives another classifier."""
    if term in other:
        return True
    if term[0] == "~":
        return False
    if term == _MONEY or term.startswith("^dim:"):
        # missing only from a claim that counts things and gives no sum of money (no
        # quantity of this kind)
        return not any(t != term for t in kinds.measures)
    if not term[1:2].isascii():
        return not kinds.classifiers and not any(t[1:5] in ("mone", "dim:") for t in other)
    return term[1:] in other or kinds.latin_words < _LATIN_CLAIM


def _unshared(
    ours: list[str], a: Mapping[str, float], theirs: list[str], b: Mapping[str, float]
) -> tuple[list[str], list[str]]:
    """Of the terms of one kind of claims a (`ours`) and b (`theirs`), those that each has and
    the other lacks."""
    return (
        sorted(t for t in ours if not _found(t, b)),
        sorted(t for t in theirs if not _found(t, a)),
    )


def _opposed(ours: list[str], theirs: list[str]) -> bool:
    """Whether two claims' acts (`_ACT_POLE`) are opposite: each says one pole only, and not
    the same one."""
    a, b = {_ACT_POLE[t] for t in ours}, {_ACT_POLE[t] for t in theirs}
    return len(a) == len(b) == 1 and a != b


def _tied(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two claims share a plain word or character pair (not a figure, concept or
    mark): something other than what any two claims may share."""
    if len(b) < len(a):
        a, b = b, a
    return any(t in b for t in a if t[0] not in "#~@^%=" and len(t) >= 2)


def _in_other_scripts(
    ka: _Kinds, a: Mapping[str, float], kb: _Kinds, b: Mapping[str, float]
) -> tuple[list[str], list[str]] | None:
    """The names of two claims (a's, b's) when each names something in one script only, not
    the same one, and nothing else ties them (see `_SCRIPT_SHARE`); else None."""
    # A province is named in Chinese too: a Chinese claim that names only 江西 and an English
    # one that names only Cobalt Street share no name either.
    chinese_a, chinese_b = ka.chinese or ka.places, kb.chinese or kb.places
    if ka.latin and not ka.zh and chinese_b and not kb.latin:
        found = (ka.latin, chinese_b)
    elif kb.latin and not kb.zh and chinese_a and not ka.latin:
        found = (chinese_a, kb.latin)
    else:
        return None
    return None if _tied(a, b) else (sorted(found[0]), sorted(found[1]))


def _hanzi(kinds: _Kinds) -> list[str]:
    """A claim's names in Chinese characters (not provinces, not Latin names in Chinese text)."""
    return [t for t in kinds.chinese if t[0] == "@"]


def _spelled_in(chinese: list[str], latin: list[str]) -> bool:
    """Whether any of the Chinese names `chinese` (@澜汐) is written in pinyin by the Latin
    names `latin` (@lanxi, @appliance)."""
    words = frozenset(t[1:] for t in latin)
    return any(name_matches(t[1:], words, _stem) for t in chinese)


def _pinyin_word(chinese: list[str], other: Mapping[str, float]) -> bool:
    """Whether any of the Chinese names `chinese` (@澜汐) is, in pinyin, a whole plain word of
    the other claim: a name that opens an English sentence ("Lanxi was the first...") is kept
    as a word, not a name (see `_found`), yet it spells the Chinese one all the same. Only a
    whole word ties, so that a name's first syllable is not found in any English word."""
    for name in chinese:
        chars = [readings(ch) for ch in name[1:]]
        if not chars or not all(chars):
            continue
        for spelled in product(*chars):
            joined = "".join(spelled)
            if joined in other or _stem(joined) in other:
                return True
    return False


def _unspelled(
    ka: _Kinds, a: Mapping[str, float], kb: _Kinds, b: Mapping[str, float]
) -> tuple[list[str], list[str]] | None:
    """The names of two claims (a's, b's) when one's English text names its subject in Latin
    script, the other's Chinese text opens with a name, and that Chinese name is neither
    spelled by the Latin names (pinyin) nor found anywhere in the English claim, nor do they
    share a Latin name: "Chenchuan Energy shipped 45 GWh..." against "曜川新能源...出货四十五吉瓦
    时" are two companies, whatever their quotes share (a quote that opens 2023年动力电池...
    names no one). An English name that translates the Chinese one rather than spelling it
    is tied by the English claim's quote naming the Chinese one (镜湖科技 in it); else None."""
    for chinese, c, english, e in ((ka, a, kb, b), (kb, b, ka, a)):
        if not chinese.subjects or chinese.latin:
            continue
        # Latin names of an English text (those of Chinese text are marked "%" too)
        latin = [t for t in english.latin if "%" + t[1:] not in e]
        if not latin or english.subjects:
            continue
        hanzi = ["@" + t[7:] for t in chinese.subjects if t.startswith("=named:")]
        if not hanzi:
            continue
        if any(_found(t, e) for t in hanzi) or any(_found(t, c) for t in latin):
            return None
        if _spelled_in(hanzi, latin) or _pinyin_word(hanzi, e):
            return None
        ours, theirs = sorted(latin), sorted(hanzi)
        return (theirs, ours) if english is kb else (ours, theirs)
    return None


def _across_scripts(
    ka: _Kinds, a: Mapping[str, float], kb: _Kinds, b: Mapping[str, float]
) -> tuple[bool, tuple[list[str], list[str]] | None]:
    """Whether one claim's Latin names and the other's names in Chinese characters can be
    compared, and, when they can and disagree, the two claims' names (a's, b's).

    They agree when a Chinese name's pinyin is written by the other claim's Latin names
    (澜汐 and Lanxi Appliances), or when the claims share a Latin name, or a name in Chinese
    characters that both give as a name (an English claim whose Chinese quote opens with
    鸿屿银行). They disagree when nothing of the kind ties them and a Chinese name of one is
    not in the other at all: Xinggang Appliances against 澜汐电器 are two companies, as Xinggang
    and Lanxi would be. A character pair the other claim holds only as a word does not tie
    them (a quote that opens 洗衣机销量... names no one), nor does it disagree."""
    pairs = [
        (hanzi, spellers.latin, where)
        for hanzi, spellers, where in ((_hanzi(ka), kb, b), (_hanzi(kb), ka, a))
        if hanzi and spellers.latin
    ]
    if not pairs:
        return False, None
    if (
        any(_found(t, b) for t in ka.latin)
        or any(_found(t, a) for t in kb.latin)
        or any(t in b for t in _hanzi(ka))
        or any(_spelled_in(hanzi, latin) for hanzi, latin, _ in pairs)
        or any(_pinyin_word(hanzi, where) for hanzi, _, where in pairs)
    ):
        return True, None
    if all(_found(t, where) for hanzi, _, where in pairs for t in hanzi):
        return True, None
    return True, (sorted(ka.latin + _hanzi(ka)), sorted(kb.latin + _hanzi(kb)))


def _disagreements(
    a: Mapping[str, float], b: Mapping[str, float]
) -> Iterator[tuple[str, float, tuple[list[str], list[str]]]]:
    """(what, share, (a's terms, b's terms)) for each kind the two claims disagree on: each
    has one the other lacks (names in one script, provinces, measures, years); names each in
    its own script only, with nothing else shared; a measure of the table one has and the other
    lacks (a smaller share); opposite acts."""
    ka, kb = _kinds(a), _kinds(b)
    named = False
    for what, ours, theirs in (
        ("names", ka.latin, kb.latin),
        ("names", ka.chinese, kb.chinese),
        ("places", ka.places, kb.places),
    ):
        if ours and theirs:
            mine, yours = _unshared(ours, a, theirs, b)
            if mine and yours:
                yield what, _NAME_SHARE, (mine, yours)
                named = named or what == "names"
    named_a = {t for t in ka.subjects if t.startswith("=named:")}
    if named_a and named_a == {t for t in kb.subjects if t.startswith("=named:")}:
        # one name, two kinds of body: 曜川储能 and 曜川新能源 (a namesake, a subsidiary)
        mine = sorted(t for t in ka.subjects if t.startswith("=kind:") and not _kind_found(t, b))
        yours = sorted(t for t in kb.subjects if t.startswith("=kind:") and not _kind_found(t, a))
        if mine and yours:
            yield "kinds of name", _NAME_SHARE, (mine, yours)
    if ka.cities and kb.cities:
        # a place is found in the other claim as a place or as a character pair anywhere
        mine = sorted(t for t in ka.cities if t not in b and t[7:] not in b)
        yours = sorted(t for t in kb.cities if t not in a and t[7:] not in a)
        if mine and yours:
            yield "places", _NAME_SHARE, (mine, yours)
    compared, across = _across_scripts(ka, a, kb, b)
    if not across and (ka.subjects or kb.subjects):
        across = _unspelled(ka, a, kb, b)
        compared = compared or across is not None
    if across and not named:
        yield _ACROSS, _NAME_SHARE, across
    scripts = None if compared else _in_other_scripts(ka, a, kb, b)
    if scripts:
        yield _SCRIPTS, _SCRIPT_SHARE, scripts
    if ka.measures or kb.measures:
        mine = sorted(t for t in ka.measures if not _measure_found(t, b, kb))
        yours = sorted(t for t in kb.measures if not _measure_found(t, a, ka))
        if mine and yours:
            yield "measures", _MEASURE_SHARE, (mine, yours)
        elif any(t[0] == "~" for t in (*mine, *yours)):
            # Only a measure of the table, one-sided, costs: what a figure counts may be said
            # in other words by a rewording, so a word after a figure alone is weak evidence.
            yield _ONE_SIDED, _ONE_SIDED_MEASURE_SHARE, (mine, yours)
    if ka.years and kb.years:
        mine, yours = _unshared(ka.years, a, kb.years, b)
        if mine and yours:
            yield "years", _YEAR_SHARE, (mine, yours)
    if ka.labels and kb.labels:
        kinds = {t.rsplit(":", 1)[0] for t in ka.labels} & {t.rsplit(":", 1)[0] for t in kb.labels}
        mine = sorted(t for t in ka.labels if t.rsplit(":", 1)[0] in kinds and t not in b)
        yours = sorted(t for t in kb.labels if t.rsplit(":", 1)[0] in kinds and t not in a)
        if mine and yours:
            yield "labels", _LABEL_SHARE, (mine, yours)
    if ka.actors and kb.actors and any(t.startswith("=agent:") for t in (*ka.actors, *kb.actors)):
        # Both parties named by both claims, each with another one doing it.
        did, did_too = ka.actors[0].split(":", 1)[1], kb.actors[0].split(":", 1)[1]
        if did != did_too and _found("@" + did, b) and _found("@" + did_too, a):
            yield "roles", _NAME_SHARE, ([ka.actors[0]], [kb.actors[0]])
    if ka.orgs and kb.orgs:
        mine, yours = _unshared(ka.orgs, a, kb.orgs, b)
        if mine and yours:
            yield "bodies", _NAME_SHARE, (mine, yours)
    if ka.periods and kb.periods:
        mine, yours = _unshared(ka.periods, a, kb.periods, b)
        if mine and yours:
            yield "periods", _PERIOD_SHARE, (mine, yours)
    elif (ka.years and kb.years) and bool(ka.periods) != bool(kb.periods):
        # A part of the year against the year: only a span (a half, a quarter) says a figure
        # is not the year's; a month is most often the date of an event, which a rewording
        # may give by its year alone (founded in March 2016, founded in 2016).
        mine = sorted(t for t in ka.periods if t[8] in "hq")
        yours = sorted(t for t in kb.periods if t[8] in "hq")
        if mine or yours:
            yield _ONE_SIDED_PERIOD, _ONE_SIDED_PERIOD_SHARE, (mine, yours)
    scope_a = {_SCOPE_POLE[t] for t in _SCOPE_POLE if t in a}
    scope_b = {_SCOPE_POLE[t] for t in _SCOPE_POLE if t in b}
    if len(scope_a) == len(scope_b) == 1 and scope_a != scope_b:
        yield "scopes", _ACT_SHARE, (sorted(scope_a), sorted(scope_b))
    if ka.acts and kb.acts and _opposed(ka.acts, kb.acts):
        yield "acts", _ACT_SHARE, (sorted(ka.acts), sorted(kb.acts))
    elif bool(ka.acts) != bool(kb.acts):
        mine = sorted(t for t in ka.acts if t in _FLOWS)
        yours = sorted(t for t in kb.acts if t in _FLOWS)
        if mine or yours:
            yield _ONE_SIDED_ACT, _ONE_SIDED_ACT_SHARE, (mine, yours)


@dataclass(frozen=True, slots=True)
class Explained:
    """A score and why: the cosine of the two claims' terms, the terms that carry most of it,
    and what lowered it (another subject in the concept table, other names, measures, years)."""

    score: float
    cosine: float
    # terms, best first, without their kind's mark ("~first": "first"; "^mast": "mast (counted)")
    shared: tuple[str, ...]
    subject: float  # the subject's factor: 1.0 when the subjects agree or either has none
    # (what, the first claim's, the second's, the factor it cost)
    disagree: tuple[tuple[str, tuple[str, ...], tuple[str, ...], float], ...]

    def reasons(self) -> list[str]:
        out = [f"shares {', '.join(self.shared) or 'nothing'} ({self.cosine:.2f})"]
        if self.subject < 0.995:  # shown to 2 places: x1.00 would say nothing
            out.append(f"subjects differ (x{self.subject:.2f})")
        for what, ours, theirs, factor in self.disagree:
            if what == _ONE_SIDED:
                said = f"a measure one claim gives only: {' '.join(ours or theirs)}"
            elif what == _ONE_SIDED_PERIOD:
                said = (
                    f"a period one claim gives only, the other a year: {' '.join(ours or theirs)}"
                )
            elif what == _ONE_SIDED_ACT:
                said = f"an act one claim gives only: {' '.join(ours or theirs)}"
            elif what == "roles":
                said = f"roles swapped: {' '.join(ours)} / {' '.join(theirs)} did it"
            elif what == "acts":
                said = f"opposite acts: {' '.join(ours)} / {' '.join(theirs)}"
            elif what == _ACROSS:
                said = f"other names (pinyin): {' '.join(ours)} / {' '.join(theirs)}"
            elif what == _SCRIPTS:
                said = f"{what}, nothing else shared: {' '.join(ours)} / {' '.join(theirs)}"
            else:
                said = f"other {what}: {' '.join(ours)} / {' '.join(theirs)}"
            out.append(f"{said} (x{factor:.2f})")
        return out


def _subject_factor(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    sa, sb = subject(a), subject(b)
    if not sa or not sb:
        return 1.0
    return 1.0 - _SUBJECT_SHARE + _SUBJECT_SHARE * cosine(sa, sb)


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """How alike two claims are, 0 to 1, from their weighted vectors (see `weigh`): the cosine
    of the whole vectors, lowered by up to `_SUBJECT_SHARE` as far as their subjects differ (1
    - the cosine of their `subject` vectors) when both name one, so that a shared figure about
    another subject does not pass for the same claim; and lowered by `_NAME_SHARE` when each
    claim names someone or something the other does not (Latin names, names in Chinese text
    and provinces apart, and a Latin name that spells no Chinese name of the other), by
    `_SCRIPT_SHARE` when their names are in two scripts with nothing to spell and nothing else
    ties them, by `_MEASURE_SHARE` when each gives a measure the other does not (of the
    concept table, or what a figure counts) and `_ONE_SIDED_MEASURE_SHARE` when only one gives
    one of the table, by `_YEAR_SHARE` for other years, periods, or a half or quarter against
    the year, by `_LABEL_SHARE` for things of one kind labelled by other numbers, by
    `_NAME_SHARE` for other kinds of body or swapped roles and by `_ACT_SHARE` for opposite
    acts. `explain`
    says which."""
    score = cosine(a, b)
    if not score:
        return 0.0  # most claims of a plain scan share nothing: nothing to lower
    score *= _subject_factor(a, b)
    for _, share, _ in _disagreements(a, b):
        score *= 1.0 - share
    return score


def _shown(term: str) -> str:
    # What a figure counts is told from a measure of the table: "mast (counted)".
    # A label or period is shown as what it is: "line 3", "m3" (March), "h1" (first half).
    if term[0] == "=":
        return term.split(":", 1)[1].replace(":", " ")
    return f"{term[1:]} (counted)" if term[0] == "^" else term.lstrip("@~#%")


def explain(a: Mapping[str, float], b: Mapping[str, float], top: int = 4) -> Explained:
    """`similarity` of `a` and `b` (the same score), with the reasons for it: the `top` terms
    that carry most of the cosine, and what lowered it."""
    shared = sorted(((a[t] * b[t], t) for t in a if t in b and a[t] * b[t] > 0), reverse=True)
    cos, subject_factor = cosine(a, b), _subject_factor(a, b)
    score = cos * subject_factor
    disagree = []
    for what, share, found in _disagreements(a, b):
        score *= 1.0 - share
        ours, theirs = (tuple(_shown(t) for t in side) for side in found)
        disagree.append((what, ours, theirs, 1.0 - share))
    shown = tuple(_shown(t) for _, t in shared[:top])
    return Explained(score, cos, shown, subject_factor, tuple(disagree))


def document_frequencies(bags: Iterable[Mapping[str, int]]) -> Counter[str]:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    return df
