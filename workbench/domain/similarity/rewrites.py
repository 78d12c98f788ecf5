"""Rewrites of a text before its bag of terms is read (`bag.terms`): one phrase said another way
(三块二 as 3.2元, 85p as £0.85, "raised the fare" as "increased", 原交通局长 as 前任), so that
the readers after see one form. Each is a pattern and what replaces it, tried only when the text
holds one of its guards (a substring: most texts hold none, and a search costs more than `in`),
in the order of its table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from workbench.domain.similarity.figures import written_value
from workbench.domain.similarity.measures import FIGURE_MARK
from workbench.domain.similarity.naming import OFFICES
from workbench.domain.similarity.words import split_words

# "raised its milk price", "raised the fare", "raised the ceiling": a rise (the concept table
# holds only a few such phrases whole). The words between qualify the price (not "raised money
# to pay the bills", "raised concerns about rates").
_RAISED_PRICE = re.compile(
    r"\braised(?=\s+(?:(?:its|their|the|his|her)\s+)?"
    r"(?:(?!(?:to|for|about|over|on|of|in|at|from|by|with|and|or)\b)[a-z-]+\s+){0,2}"
    r"(?:prices?|fares?|charges?|rates?|fees?|tuition|rents?|tariffs?|premiums?|bills?|wages?|"
    r"salar(?:y|ies)|pay|taxe?s?|dut(?:y|ies)|pensions?|benefits?"
    # (a limit raised is a rise too: the ceiling on loans, the cap on fees, the pension age)
    r"|ceilings?|caps?|limits?|thresholds?|minimums?|maximums?|age|quotas?|allowances?)\b)"
)
# "An adult ticket costs 120 yuan": what a thing costs is its price (not "the bridge cost £40m",
# what was spent on it).
# (a sum of money after it: not "operating costs 12% lower")
_COSTS_FIGURE = re.compile(
    r"\bcosts(?=\s+(?:just\s+|only\s+|about\s+|around\s+|roughly\s+)?"
    rf"(?:[£$€¥]|rmb|us\$|hk\$|{FIGURE_MARK}\s*(?:yuan|dollars?|pounds?|euros?|元|美元|块)))"
)
# "the planned ring road", "a proposed runway": a thing named by what was planned, not a claim
# about a plan (the residents back the planned road: a fact about the residents).
# (only a thing that is built: "the proposed tax rise", "the planned cuts" are still plans)
_PLANNED_THING = re.compile(
    r"\b(the|a|an|its|their|this)\s+(?:planned|proposed)\b"
    r"(?=(?:\s+[a-z-]+){0,2}?\s+(?:road|bypass|runway|railway|line|bridge|tunnel|airport|station|"
    r"plant|factory|mine|stadium|hospital|school|dam|reservoir|pipeline|port|terminal|tower|"
    r"park|museum|campus|wind\s+farm|solar\s+farm)s?\b)"
)
# Planned treatment, care or surgery is elective care, the health service's word for what is
# booked ahead: a kind of care, not a plan ("the waiting list for planned treatment fell to
# 48,210" against "the elective waiting list").
# Treatment, care and surgery planned are elective anywhere (`_PLANNED_TREATMENT`); operations,
# procedures and admissions only in a claim about hospitals or patients (`_PLANNED_CARE`): a
# university's planned admissions and an army's planned operations are plans.
_TREATMENT = r"treatment|care(?!\s+(?:homes?|workers?|facilit))|surgery|surgeries"
_PLANNED_TREATMENT = re.compile(rf"\bplanned(?=\s+(?:hospital\s+)?(?:{_TREATMENT})\b)")
_PLANNED_CARE = re.compile(
    rf"\bplanned(?=\s+(?:hospital\s+)?(?:{_TREATMENT}|operations?|procedures?|admissions?)\b)"
)
_MEDICAL = re.compile(
    r"\b(?:hospitals?|infirmary|nhs|patients?|waiting\s+lists?|clinics?|surgical|elective|a&e"
    r"|health)\b"
)
# "A jury cleared former councillor Edwin Tallack of bribery" acquitted him, as "cleared of"
# says: the words between, up to five (no figure, no punctuation), are moved after it, where a
# charge follows "of" (not "cleared the House of Lords", "cleared the takeover of Kelby Mining",
# "cleared hundreds of protesters").
_CHARGES = (
    "charges? counts? offen[cs]es? crimes? wrongdoing misconduct bribery corruption fraud theft "
    "embezzlement murder manslaughter assault rape robbery burglary arson perjury negligence "
    "harassment abuse dishonesty doping cheating contempt terrorism treason espionage kidnapping "
    "trafficking smuggling laundering evasion misappropriation malpractice discrimination "
    "breaching breach"
)
_CLEARED_SOMEONE_OF = re.compile(
    r"\bcleared((?:\s+[a-z][a-z'’-]*){1,5}?)\s+of"
    rf"(?=\s+(?:(?:all|any|the|two|three|several)\s+)?(?:{'|'.join(_CHARGES.split())})\b)"
)
# "ex-" right before a post or a person says former (ex-councillor, ex-wife), as "former" does;
# not ex-fuel and ex VAT (excluding), ex-dividend, ex-works or the Ex-Im Bank.
_EX_PEOPLE = OFFICES | frozenset(
    split_words(
        "accountant banker boss captain coach colleague convict detective employee employees "
        "executive executives footballer girlfriend boyfriend husband wife partner player players "
        "officer officers official officials member members manager soldier staff worker "
        "workers teacher doctor nurse lawyer spy prisoner leader owner founder cofounder trainer "
        "international pupil student champion head star editor agent trader solicitor "
        "barrister surgeon dentist pharmacist engineer architect broker consultant adviser "
        "advisor analyst journalist pilot firefighter priest"
    )
)
# (one word may qualify the post: an ex-estate agent, an ex-Labour MP)
_EX_PERSON = re.compile(
    rf"\bex[-‐]\s?(?!officio)(?=(?:[a-z]+\s)?(?:{'|'.join(sorted(_EX_PEOPLE))})\b)"
)
_AVERAGE_PER_PEOPLE = re.compile("平均(?=每一?[十百千万]+(?:人|名))")
# 原 before a post with the body's name between (原交通局长, 原霁州市自然资源局局长, 原副总经理)
# says former, as 原局长 does (see `concepts`' former); not 原告 (a plaintiff), 原来, 原本, 原油,
# nor a 原 that a word of a clause follows before the post (原计划由董事长……).
_ZH_FORMER_POST = re.compile(
    # (原 at a word's start, not the end of one: 太原, 平原, 中原, 草原, 高原, 九原, 还原, 病原; nor
    # 原子能, 原平市, 原阳县)
    "(?<![太平中草高固九还复荒病抗冰雪五松燎莽推本情])原(?![告来本先油料价始则定因子材平阳])"
    "(?=(?:(?![的是在了为被把将和与及等有因由计])[\u4e00-\u9fff]){0,10}?"
    "(?:局长|市长|县长|省长|区长|镇长|厅长|部长|主任|书记|董事长|总经理|总裁|行长|校长|院长|主席"
    "|处长|经理|总监))"
)
# "Who used to chair Sandalwood Garden Property" is its former chairman, as "formerly" says (not
# "is used to build", "got used to": a thing put to use, a habit).
_USED_TO = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
    r"(?<!\bget )(?<!\bgets )(?<!\bgot )(?<!\bgetting )(?<!\bgotten )"
    r"\bused\s+to(?=\s+[a-z])"
)
# The verbs to close and to open after will, to or a modal ("will close 38 of its branches",
# "plans to open 12 stores") are closing and opening, as "closed" and "opened" are: the concept
# table leaves "close" and "open" out, which are as often near ("close to 40%"), the end of a
# gap or a state ("open to the public", "an open letter"). (Not "close to", "close the gap",
# "close ranks", "open up", "open fire".)
_CLOSE = re.compile(
    r"\b(will|to|would|could|may|might|must|shall)\s+(close|open)\b"
    r"(?!\s+(?:to\b|in\b|on\b|up\b|fire\b|the\s+gap|a\s+gap|ranks))"
)
# Money said the spoken way: 三块二 and 3块2 are 3.2元, 五块钱 5元 (not 三块地, three plots;
# 三块二一斤 is 3.2元 a jin).
# (a run of digits or numerals is read from its start only: from every position, a long run
# took seconds)
_KUAI = re.compile(
    "((?<![0-9])[0-9]+|(?<![零〇一二两三四五六七八九十])[零〇一二两三四五六七八九十]+)"
    "块(?:([0-9一二三四五六七八九])(?:毛)?"
    "(?![0-9十百千万亿])|钱)"
)


# Pence are hundredths of a pound: 85p, 85 pence and £0.85 are one price.
# (not 720p or 1080p video, nor "5 p.m.")
_PENCE = re.compile(
    r"(?<![\d.,£$])(?!(?:360|480|540|720)p)(\d{1,3}(?:\.\d+)?)\s?(?:p|pence)\b"
    r"(?![.,]?\d)(?!\.?\s?m\b)"
)


# Goals let in, said around their figure: "conceded 71 goals", "goals conceded", 丢了71球, 失球
# 71个 are ~conceded and no goals scored (~goals); kilotonnes are thousands of tonnes (86kt).
_CONCEDED_EN = re.compile(r"\b(conceded|let in)\b([^.,;:]{0,24}?)\bgoals\b|\bgoals (conceded)\b")
_CONCEDED_ZH = re.compile(r"[丢失](?:了|掉)?([0-9零〇一二两三四五六七八九十百]+)个?球")
_KILOTONNES = re.compile(r"(\d)\s?kt\b")
# (a container's unit spelt out is TEU, no twenty feet: 2.1 million twenty-foot equivalent units)
_TEU = re.compile(r"twenty[- ]foot[- ]equivalent units?")


def _conceded(m: re.Match[str]) -> str:
    return m.group(3) or m.group(1) + m.group(2)


def _pence(m: re.Match[str]) -> str:
    return f"£{float(m.group(1)) / 100:g}"


def _kuai(m: re.Match[str]) -> str:
    whole = m.group(1)
    value = written_value(whole)
    if value is None:
        return m.group()
    tenth = m.group(2)
    if tenth:
        value += (written_value(tenth) or 0) / 10
    return f"{value:g}元"


# "Daily active users" and "daily users" say which users are counted (the product `dau`), not
# a figure per day: the word is no average (日活跃用户 is none either).
DAILY_USERS = re.compile(r"\bdaily(?=\s+(?:active\b|users\b))")
# Money in jiao and fen, the spoken way: 三角五分 is 0.35元, 五角 0.5元 (only before 分 or 钱, or
# after a sum in yuan: 三角 alone is a triangle, 三角洲 a delta), 2元5角 2.5元.
_JIAO = re.compile(
    "(?:((?<![0-9])[0-9]+|(?<![零〇一二两三四五六七八九十])[零〇一二两三四五六七八九十]+)[元块])?"
    "(?<![零〇一二两三四五六七八九十0-9])([0-9一二两三四五六七八九])角"
    "(?:([0-9一二三四五六七八九])分|(?=钱))"
    "|((?<![0-9])[0-9]+|(?<![零〇一二两三四五六七八九十])[零〇一二两三四五六七八九十]+)[元块]"
    "([0-9一二两三四五六七八九])角"
)


def _jiao(m: re.Match[str]) -> str:
    whole, jiao, fen = (
        (m.group(1), m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5), None)
    )
    value = 0.0
    for part, scale in ((whole, 1.0), (jiao, 0.1), (fen, 0.01)):
        if part:
            read = written_value(part)
            if read is None:
                return m.group()
            value += read * scale
    return f"{value:g}元"


def _planned(s: str) -> str:
    """The planned ring road: a thing, no plan; planned treatment: elective care, no plan
    (care, treatment and surgery planned are elective anywhere, operations only in a claim
    about hospitals or patients)."""
    s = _PLANNED_THING.sub(r"\1", s)
    if _MEDICAL.search(s):
        return _PLANNED_CARE.sub("elective", s)
    return _PLANNED_TREATMENT.sub("elective", s)


Rewrite = tuple[tuple[str, ...], Callable[[str], str]]


def _sub(
    pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str]
) -> Callable[[str], str]:
    return functools.partial(pattern.sub, replacement)


# Before figures are read: money said the spoken way, pence, goals let in, TEU and kilotonnes,
# and 收入囊中 (金牌被她收入囊中: she took the gold, no revenue, 收入).
BEFORE_FIGURES: tuple[Rewrite, ...] = (
    (("角",), _sub(_JIAO, _jiao)),
    (("块",), _sub(_KUAI, _kuai)),
    (("p",), _sub(_PENCE, _pence)),
    (("goals",), _sub(_CONCEDED_EN, _conceded)),
    (("球",), _sub(_CONCEDED_ZH, r"失球\1")),
    (("twenty",), _sub(_TEU, "teu")),
    (("kt",), _sub(_KILOTONNES, r"\1 thousand tonnes")),
    (("收入囊中",), lambda s: s.replace("收入囊中", "夺得")),
)
# Before concepts are read: a price raised is a rise (raised alone is money raised, `fund`); a
# ticket costs 120 yuan, its price; planned things and care (`_planned`); 平均每一万人四十一个,
# a figure per ten thousand people as 每万人 is; 原交通局长, a former director as 原局长 is;
# ex-councillor, a former one; cleared Tallack of bribery, cleared of it (`acquit`); who used
# to chair it, its former chairman; will close 38 branches, closes; daily active users, no
# average (the product is read before).
BEFORE_CONCEPTS: tuple[Rewrite, ...] = (
    (("raised",), _sub(_RAISED_PRICE, "increased")),
    (("costs",), _sub(_COSTS_FIGURE, "priced at")),
    (("planned", "proposed"), _planned),
    (("平均每",), _sub(_AVERAGE_PER_PEOPLE, "")),
    (("原",), _sub(_ZH_FORMER_POST, "前任")),
    (("ex",), _sub(_EX_PERSON, "former ")),
    (("cleared",), _sub(_CLEARED_SOMEONE_OF, r"cleared of\1")),
    (("used to",), _sub(_USED_TO, " formerly ")),
    (("close", "open"), _sub(_CLOSE, r"\1 \2s")),
    (("daily",), _sub(DAILY_USERS, " ")),
)


def rewritten(s: str, table: tuple[Rewrite, ...]) -> str:
    """`s` with the rewrites of `table` made, in order, each where one of its guards is in the
    text as it stands then."""
    for guards, rewrite in table:
        if any(guard in s for guard in guards):
            s = rewrite(s)
    return s
