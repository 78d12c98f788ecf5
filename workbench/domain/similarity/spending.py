"""What a sum is spent on: "spent £212 million on adult social care" and "road upkeep cost the
county £212 million" share the county, the year, the sum and the cost, and are two facts;
医疗卫生支出为46.8亿元 and 在教育方面共花费四十六亿八千万元 are two more. Each thing a claim says a
sum is spent on is kept as a term ("=for:care", "=for:~sellingexpense" for marketing, a word
the concept table knows; "=for:卫生"), and two claims that share a figure, each spending it on a
thing the other never names, disagree (see `disagreements.SPENT`).

Read in English: "spent|spends|spending X on Y", "invested X in Y", "allocated X for|to Y",
"spending on Y", "the cost of Y", "Y cost(s) X" and "Y spending"; in Chinese: 用于Y, 在Y方面(上)
花费, 支出, 投入, and Y支出, Y开支, Y经费, Y费用 before a figure (Y投入 before 为 or 达). Up to
three plain words of Y (no names, no function words), or two to four Chinese characters.
"""

from __future__ import annotations

import re

from workbench.domain.similarity.concepts import CONCEPT_OF
from workbench.domain.similarity.figures import NUMBER_WORDS
from workbench.domain.similarity.kinds import SPENT_ON
from workbench.domain.similarity.words import STOP_WORDS, split_words, stem

# (a gap with no full stop, but a decimal point's: "spent £4.5 million on")
_GAP = r"(?:[^.;:!?]|(?<=\d)\.(?=\d)){0,60}?"
_PHRASE = r"((?:[A-Za-z][A-Za-z&'-]*\s*){1,4})"
_EN_AFTER = re.compile(
    rf"\b(?:spent|spends|spend|spending|expended)\b{_GAP}\bon\s+{_PHRASE}"
    rf"|\b(?:invested|invests|invest|investing)\b{_GAP}\b(?:in|on)\s+{_PHRASE}"
    rf"|\b(?:allocated|allocates|earmarked|earmarks|set\s+aside)\b{_GAP}\b(?:for|to)\s+{_PHRASE}"
    rf"|\bcost\s+of\s+{_PHRASE}"
)
# (the words before "cost" or "spending", back to the start of the clause; from a word's start
# and each word taken whole, so a long run of letters is not tried from each of them)
_EN_BEFORE = re.compile(
    r"(?<![A-Za-z&'-])((?:[A-Za-z][A-Za-z&'-]*+\s++){1,4})"
    r"(?:costs?\b(?!\s+of\b)|spending\b|expenditure\b)"
)
# Words that say nothing of what is spent on: amounts, times, and the cost itself.
_NOT_SPENT_ON = frozenset(
    split_words(
        "million billion thousand hundred bn m k total year years annually annual month months "
        "week weeks day days per a council county city government company firm group it "
        "cost costs spending spend spent budget money pounds dollars yuan euros sum around "
        "roughly about nearly almost over under more than less just some overall combined "
        "financial fiscal its their further extra additional new"
    )
)


# (a sum spent "on each pupil" is a rate per head: see `rates`)
_PER_HEAD = frozenset(("each", "every", "per"))

# Before "spending" or "costs", a verb says how the sum moved, not what it is spent on (the
# council increased spending, raised, cut, slashed, plans to boost): reading back, it ends the
# thing. A word of change (its concept up or down), a past form in -ed (not -eed: feed, seed),
# or one of these.
_CHANGES = frozenset(
    split_words(
        "boost boosts slash slashes trim trims hike hikes curb curbs freeze freezes halve halves "
        "lift lifts double doubles higher lower soaring"
    )
)


def _changes(low: str) -> bool:
    if low in _CHANGES or CONCEPT_OF.get(low) in ("up", "down"):
        return True
    return len(low) > 4 and low.endswith("ed") and not low.endswith("eed") and low.isalpha()


def _names_owner(words: list[str]) -> bool:
    """Whether the capitalised first word of a claim, before "costs" or "spending" (`words`, in
    the order written), names whose the spending is (Marrowby street lighting costs, Kestrel Air
    fuel costs) rather than what it is spent on (Street lighting costs, Road upkeep cost): a
    capitalised word follows it, or two more words of the thing do. Capitalised at the start,
    a name looks like any word; a thing of three words is rarer than a name before one of two.
    Not an act (Mending, Heating: a word in -ing), nor where a possessive names the owner
    (Mending Harlow's bridges cost)."""
    first = words[0]
    if len(words) < 2 or not first[:1].isupper() or first.lower() in STOP_WORDS:
        return False
    if first.lower().endswith("ing") or any(w.lower().endswith("'s") for w in words):
        return False
    return words[1][:1].isupper() or len(words) >= 3


def _words(phrase: str, at_start: bool, backwards: bool) -> list[str]:
    """The plain words of a phrase of what is spent on, as terms: up to three, read from the
    thing's side (after "on", the first words; before "cost", the last), stopping at a
    function word; names (capitalised but at the start of the text, possessives) left out."""
    words = phrase.split()
    if at_start and backwards and _names_owner(words):
        words, at_start = words[1:], False
    if backwards:
        words = words[::-1]
    if words[0].lower() in _PER_HEAD or words[0].lower().startswith("per-"):
        return []  # (spent on each pupil, per-student spending: a sum per head, no thing)
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        first = at_start and (i == len(words) - 1 if backwards else i == 0)
        if low in STOP_WORDS or low in NUMBER_WORDS:
            if out:
                break
            continue
        if backwards and _changes(low):
            break  # (a verb: see `_CHANGES`)
        if low.endswith("'s") or (word[0].isupper() and not first):
            continue  # a name, or its owner: the claim's subject, not what was spent on
        if low in _NOT_SPENT_ON:
            continue
        concept = CONCEPT_OF.get(low)
        out.append(SPENT_ON + ("~" + concept if concept else stem(low)))
        if len(out) == 3:
            break
    return out


def en_spending(text: str) -> list[str]:
    """The "=for:" terms of an English `text` (normalised, case kept): see above."""
    if "spen" not in text and "cost" not in text and "invest" not in text and "alloc" not in text:
        return []  # (most claims)
    out: list[str] = []
    for m in _EN_AFTER.finditer(text):
        phrase = next(g for g in m.groups() if g)
        out += _words(phrase, at_start=False, backwards=False)
    for m in _EN_BEFORE.finditer(text):
        out += _words(m.group(1), at_start=m.start() == 0, backwards=True)
    return sorted(set(out))


# Chinese: the thing after 用于 (up to four characters), between 在 and 方面 or 上 before a verb of
# spending, or the two characters before a word of spending that a figure follows (医疗卫生支出为
# 46.8亿元: 卫生; 研发费用3.9亿元: 研发).
_ZH_SPEND = "花费|支出|投入|开支|花了|投资|拨付|拨款"
_ZH_AFTER = re.compile(
    r"用于([\u4e00-\u9fff]{2,4})"
    rf"|在([\u4e00-\u9fff]{{2,6}}?)(?:方面|领域|上)(?:共|累计|总共|合计)?(?:{_ZH_SPEND})"
)
_ZH_BEFORE = re.compile(
    # (投入 only before 为 or 达: 岚川科技投入3亿元 is the company spending, 研发投入为3亿元
    # the thing)
    r"([\u4e00-\u9fff]{2})(?:(?:支出|开支|经费|费用)(?:为|达|达到|共|合计|总计|约|超过|逾)*"
    r"|投入(?:为|达到|达|合计|总计)(?:约|超过|逾)?)"
    r"(?=[0-9零〇一二两三四五六七八九十百千])"
)
# What ends what is spent on, or is no thing: 的, 和, a year, and a word for a total or for money.
_ZH_CUT = re.compile("[的和及与年月日]")
_ZH_NOT_SPENT_ON = frozenset(
    (
        *("财政", "公共", "预算", "资本", "总额", "全年", "累计", "日常"),
        # who spends, or where, and a stage of a project: not what on
        *("政府", "全市", "全省", "全国", "全区", "全县", "本级", "前期", "后期", "当期", "同期"),
    )
)
# Before 支出 or 投入, a character of a total, of each or of a sum per head: 市总支出, 共支出,
# 人均支出, 各项支出 (the two characters before the word are then no thing).
_ZH_TOTAL = re.compile("[总共均各]")


def zh_spending(text: str) -> list[str]:
    """The "=for:" terms of a Chinese `text` (normalised, lower-cased): see above."""
    out: list[str] = []
    for m in _ZH_AFTER.finditer(text):
        thing = _ZH_CUT.split(m.group(1) or m.group(2))[0]
        if len(thing) >= 2:
            out.append(SPENT_ON + thing)
    for m in _ZH_BEFORE.finditer(text):
        thing = m.group(1)
        if _ZH_CUT.search(thing) or _ZH_TOTAL.search(thing) or thing in _ZH_NOT_SPENT_ON:
            continue
        out.append(SPENT_ON + thing)
    return sorted(set(out))
