"""Finding the cues of a unit: where each lexical cue occurs, by feature name.

Three scans, each linear in the text: the Chinese cue regex (`zh_cues`), a loop over the
English words looked up in the `en_cues` tables, and a scan for numbers, Arabic or Chinese,
whose neighbours decide what they are (year, date, percentage, money, multiplier, rank or
count). The result, `Unit.hits`, is all the lexical features read; where a cue sits matters
only to the quotation tests (see `features`).
"""

from __future__ import annotations

import re

from workbench.domain.checkworthy.en_cues import (
    CURRENCY_CODES,
    EN_CASED,
    EN_OWN_VIEW,
    EN_PAIRS,
    EN_TRIGGERS,
    EN_WORDS,
    MONTH_ABBR,
    MONTHS,
    NOT_A_FIRST_AFTER,
    NOT_A_FIRST_BEFORE,
    QUARTERS,
    WEEKDAYS,
)
from workbench.domain.checkworthy.zh_cues import MAX_HEAD, OWN_VIEW, ZH_CUE, ZH_HEADS, ZH_NUMERALS
from workbench.domain.checkworthy_model import fold_ascii

# The scan's key for numbers written in Chinese numerals (not a feature name: see
# "spelled_number").
SPELLED = "_spelled"
# The scan's key for the opinion cues that give one's own view (我们认为, I think; each is an
# "opinion_cue" too, recorded where that is): see `features.own_opinion`.
OWN = "_own_view"

# English words (lower-cased), and what after a word decides what it is.
# Possessive (*+, ++, ?+): what follows each part can never match what it took, so giving
# back is never needed; the regex engine is spared keeping the means to.
_EN_TOKEN = re.compile(r"[a-z][a-z0-9]*+(?:['’][a-z]++)?+")
_HAS_LATIN = re.compile("[A-Za-z]")
_DAY_AFTER_MONTH = re.compile(r"\.?\s+\d")
_NUMBER_AFTER_NO = re.compile(r"\.\s?\d")
# "only 300 employees", "only $5": how few, not the only one (a figure to check as a quantity)
_NUMBER_AFTER_ONLY = re.compile(r"\s+[$€£¥]?\d")
_NUMBER_AFTER_TOP = re.compile(r"[\s-]+(?:\d|one|two|three|four|five|ten|twenty|spot|position)")

# Numbers: a run of digits or Chinese numerals; what stands around it decides its meaning.
_NUMERAL = re.compile(f"[0-9{ZH_NUMERALS}][0-9.,{ZH_NUMERALS}]*")
_CURRENCY_AFTER = re.compile(
    r"\s*(?:万|亿|千|百万|千万|million|billion|trillion)?\s*"
    r"(?:美元|美金|元|人民币|欧元|英镑|日元|港元|港币|块钱|dollars|euros|pounds|yuan|yen)"
)
_PERCENT_AFTER = re.compile(r"\s?(?:[%％]|percent\b|per cent\b)")
_MULTIPLIER_AFTER = re.compile(r"\s?(?:倍|[x×](?![A-Za-z0-9])|-fold\b)")
_DATE_AFTER = re.compile(r"(?:年|个月|天|周|星期)(?:前|以来)")
_MONTH_AFTER = re.compile(r"\s?月")
_DAY_AFTER = re.compile(r"\s?[日号](?![本语])")
# Measure words that make a run of Chinese numerals a count (三场, 两个月, 四家) rather than part
# of a word (一定, 万物, 三线并行). 年 is left to the date cues so one phrase is not counted twice.
ZH_UNIT_AFTER = re.compile(
    "个|家|次|场|岁|位|名|人|款|项|种|条|轮|小时|分钟|秒|周|天|日|届|代|成|元|米|公里|吨|台|辆"
    "|座|所|例|件|篇|章|页|层|点"
)
_ZH_MONTHS = frozenset("一二三四五六七八九十") | {"十一", "十二"}


# The cues whose positions the quotation tests read (see `features._cue`): the others' may be
# recorded at -1.
PLACED = frozenset({"opinion_cue", "figurative", "prediction_cue"})


def scan(s: str, where: bool = True) -> dict[str, list[int]]:
    """Where each lexical cue occurs in `s`, by feature name. Only the quotation tests read a
    cue's position (see `features`), and only of the `PLACED` cues: without `where` (a unit
    without quotations) any cue, and with it English cues not `PLACED`, may be recorded at
    -1."""
    hits: dict[str, list[int]] = {}
    if s.isascii() and not _ASCII_HEADS:
        pass  # every Chinese cue starts with its head: none in ASCII text (English prose)
    elif where:
        for m in ZH_CUE.finditer(s):
            feature = ZH_HEADS.get(m.group()) or _feature_of(m.group())
            if feature:
                hits.setdefault(feature, []).append(m.start())
                if feature == "opinion_cue" and m.group() in OWN_VIEW:
                    hits.setdefault(OWN, []).append(m.start())
    else:
        # No position needed: the matched texts (findall, in C), not match objects.
        for text in ZH_CUE.findall(s):
            # Most matches are their head (what follows a head is a lookaround): one lookup.
            feature = ZH_HEADS.get(text) or _feature_of(text)
            if feature:
                hits.setdefault(feature, []).append(-1)
                if feature == "opinion_cue" and text in OWN_VIEW:
                    hits.setdefault(OWN, []).append(-1)
    # (ASCII text is English prose but for a heading of figures: scanned, it finds no word.)
    if s.isascii():
        # Folded once (in C), ASCII text says whether it holds a digit, and without one or an
        # apostrophe its words are its runs of letters (see `fold_ascii`). Without a digit it
        # holds no number (no Chinese numeral is ASCII): the numbers' regex, a test at every
        # character, is not run.
        folded = fold_ascii(s)
        digits = b"0" in folded
        words = None if digits or b"'" in folded else folded.decode("ascii").split()
        _scan_english(s, hits, where, words)
        if not digits:
            return hits
    elif _HAS_LATIN.search(s):
        _scan_english(s, hits, where)
    for m in _NUMERAL.finditer(s):
        _classify_number(s, m.start(), m.end(), hits)
    return hits


# Whether a Chinese cue's head can be ASCII (none is): str.isascii() costs nothing, a regex
# pass over English text finds no Chinese cue.
_ASCII_HEADS = any(head[0].isascii() for head in ZH_HEADS)


def _feature_of(text: str) -> str | None:
    """The feature of a Chinese cue's match: its head's."""
    feature = ZH_HEADS.get(text)  # a match is its head: what follows a head is a lookaround
    if feature:
        return feature
    for k in range(min(len(text), MAX_HEAD), 0, -1):
        feature = ZH_HEADS.get(text[:k])
        if feature:
            return feature
    return None


def _word_spans(low: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans`, filled with where each word of `low` is the first time it is asked for."""
    if not spans:
        spans.extend(m.span() for m in _EN_TOKEN.finditer(low))
    return spans


def _few(low: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether the i-th word of `low`, "only", says how few: a figure follows it."""
    return _NUMBER_AFTER_ONLY.match(low, _word_spans(low, spans)[i][1]) is not None


def _scan_english(
    s: str, hits: dict[str, list[int]], where: bool, words: list[str] | None = None
) -> None:
    """Record the English cues of `s` (`words`: its `_EN_TOKEN` words, when known)."""
    # ASCII letters folded, nothing else (as bytes, in C), so offsets carry over. (str.lower
    # folds ASCII text the same way, without the round trip.)
    low = s.lower() if s.isascii() else s.encode("utf-8").lower().decode("utf-8")
    tokens = _EN_TOKEN.findall(low) if words is None else words
    if EN_TRIGGERS.isdisjoint(tokens):
        return  # most clauses of English prose: one set operation, in C
    spans: list[tuple[int, int]] = []
    start = end = -1
    original = ""
    for i, word in enumerate(tokens):
        if word not in EN_TRIGGERS:
            continue  # most words: one set lookup and on to the next
        feature = _OWN_FEATURE.get(word)
        if feature is not None and not (where and feature in PLACED):
            # Most trigger words: their feature is their own, and where they are is not read.
            hits.setdefault(feature, []).append(-1)
            continue
        # Where the word is, and how it is written, matter only for words whose case or
        # neighbours decide (May, USD, No. 1, top 10) and, below, for the quotation tests:
        # finding every word's offsets is most of this scan's cost, so it is done only then.
        # (Any other word's case cannot matter: its capitalised forms are not in the tables.)
        cased = word in EN_CASED
        if cased:
            start, end = _word_spans(low, spans)[i]
            original = s[start:end]
        else:
            start, end, original = -1, -1, word
        prev = tokens[i - 1] if i else ""
        feature = EN_PAIRS.get((prev, word)) if prev else None
        if feature is None:
            feature = EN_WORDS.get(word)
        if word == "first":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt not in NOT_A_FIRST_AFTER and prev not in NOT_A_FIRST_BEFORE:
                feature = "first_or_only"
        elif word == "only" and (prev == "not" or (words is None and _few(low, spans, i))):
            feature = None
        elif not cased:
            pass  # its original is lower case: no month, weekday, quarter, currency, No. or top
        elif _is_english_date(original, s, end):
            feature = "date"
        elif original in CURRENCY_CODES:
            feature = "money"
        elif (original == "No" and _NUMBER_AFTER_NO.match(s, end)) or (
            word == "top" and _NUMBER_AFTER_TOP.match(low, end)
        ):
            feature = "ranking"
        if feature:
            if where and start < 0 and feature in PLACED:
                start = _word_spans(low, spans)[i][0]
            hits.setdefault(feature, []).append(start)
            if feature == "opinion_cue" and (prev, word) in EN_OWN_VIEW:
                hits.setdefault(OWN, []).append(start)


# The trigger words whose feature is their own wherever they stand (`_scan_english` reads
# them at once): no pair ends in one (nor then any own view), their case never decides, and
# "first" and "only" are read by their neighbours.
_PAIR_ENDS = frozenset(b for _, b in EN_PAIRS)
_OWN_FEATURE = {
    word: feature
    for word, feature in EN_WORDS.items()
    if feature and word not in _PAIR_ENDS and word not in EN_CASED and word not in ("first", "only")
}


def _is_english_date(word: str, s: str, end: int) -> bool:
    """A capitalised month or weekday (May the month, not may the verb), a quarter (Q3), or an
    abbreviated month before a day (Feb. 12)."""
    if word in MONTHS or word in WEEKDAYS or word in QUARTERS:
        return True
    return word in MONTH_ABBR and _DAY_AFTER_MONTH.match(s, end) is not None


def _classify_number(s: str, start: int, end: int, hits: dict[str, list[int]]) -> None:
    """Decide what the run of numerals `s[start:end]` is, from its neighbours."""
    while end > start and s[end - 1] in ".,":
        end -= 1
    token = s[start:end]
    before = s[start - 1] if start else " "
    found: list[str] = []
    if token[0].isdigit():
        # Digits glued to Latin letters are names (M2, GPT-4), as is a version after an
        # acronym (AI 1.0).
        if before.isascii() and (before.isalpha() or before in "-_."):
            return
        if start >= 2 and before == " " and s[start - 2].isupper() and s[start - 2].isascii():
            return
        digits = token.replace(",", "")
        if before in "$€£¥" or _CURRENCY_AFTER.match(s, end):
            found += ["money", "number"]
        if _PERCENT_AFTER.match(s, end):
            found += ["percentage", "number"]
        elif s.startswith("/", end) and s[end + 1 : end + 2].isdigit():
            found += ["fraction", "number"]
        elif _MULTIPLIER_AFTER.match(s, end):
            found += ["multiplier", "number"]
        elif s.startswith("强", end):
            found += ["ranking", "number"]
        elif _is_year(s, token, end):  # (with its commas: 2,000 protesters are no year)
            found.append("year")
        elif _is_arabic_date(s, digits, end):
            found.append("date")
        elif not found:
            found.append("number")
    else:
        if token == "百" and s.startswith("分之", end):
            found.append("percentage")
        elif s.startswith("分之", end):
            found.append("fraction")
        elif s.startswith("倍", end):
            found += ["multiplier", "number"]
        elif len(token) == 4 and s.startswith("年", end) and not token.strip(_ZH_DIGITS):
            found.append("year")  # 二〇二一年, 一九九八年: a year written digit by digit
        elif _DATE_AFTER.match(s, end) or (s.startswith("月", end) and token in _ZH_MONTHS):
            found.append("date")
        elif token.strip("一") and not (token == "零" and s.startswith("件", end)):
            # 一个, 一种 are articles, not counts; 零件 are parts, not zero of anything.
            if _CURRENCY_AFTER.match(s, end):
                found += ["money", "number"]
            elif s.startswith("强", end):
                found += ["ranking", "number"]
            elif (token[-1] in "万亿" and len(token) > 1) or ZH_UNIT_AFTER.match(s, end):
                found.append("number")
        if "number" in found:
            hits.setdefault(SPELLED, []).append(start)
    for feature in found:
        hits.setdefault(feature, []).append(start)


def _is_arabic_date(s: str, digits: str, end: int) -> bool:
    """6月, 15日, 3年前: a month, a day of the month, or a time counted back from now."""
    if _DATE_AFTER.match(s, end):
        return True
    if not digits.isdigit():
        return False
    if _MONTH_AFTER.match(s, end):
        return 1 <= int(digits) <= 12
    return _DAY_AFTER.match(s, end) is not None and 1 <= int(digits) <= 31


# Chinese digits as a year writes them, one a digit (二〇二一年; 〇 is read as 零 by then, see
# `widths`): no 十, 百 or 千.
_ZH_DIGITS = "零〇一二三四五六七八九"


def _is_year(s: str, digits: str, end: int) -> bool:
    if len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2099:
        return False
    after = s[end : end + 1]
    return not after or after in "年s" or not (after.isalnum() or after in "%％")
