"""Who a claim is about and who acted: the owner of its subject ("Pendry Bank's rival Corrie
Bank", 檀谷食品的对手麦丰食品), the actor of an English sentence (active or passive), and the
kind of body after a Chinese name (曜川储能).

Two claims naming the same parties in other roles are two facts; these readers give the bag of
terms its "=of:", "=actor:", "=agent:" and "=kind:" terms.
"""

from __future__ import annotations

import re

from workbench.domain.similarity.concepts import CJK_CONCEPT
from workbench.domain.similarity.naming import (
    EN_WORDS_CONCEPT,
    LATIN_TOKEN,
    NOT_NAMES,
    ZH_NOT_FIRST,
    ZH_NOT_SECOND,
    latin_names,
    names,
    zh_name,
)
from workbench.domain.similarity.words import STOP_WORDS, normal, split_words, stem

# Whose subject: in "Pendry Bank's rival Corrie Bank raised its profit" the subject is Corrie
# Bank, and Pendry Bank only says whose rival it is; so in "Pendry Bank's insurance arm Pendry
# Life" (a name, 's, a few words in lower case, another name) and in Chinese "檀谷食品的对手
# 麦丰食品", "澜汐电器旗下的星港电器" (a name, 的 or 旗下, a few characters, another name of
# the same kind: the two characters after each pair agree). The owner's names are no names of
# the claim (unless it names them elsewhere) but "=of:" terms: a claim about Pendry Bank
# itself names someone this one does not (see `found_in`).
# (a name of at most eight words, from a word's start: tried from every word of a long run of
# capitalised words, an unbounded name took the engine time quadratic in the run)
_EN_OWNER = re.compile(
    r"(?<![A-Za-z&])[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*){0,7}(?:'s|')\s+(?:[a-z]+\s+){1,3}"
    r"(?=[A-Z])"
    # the relation said after the subject's name, in apposition: "Brindlechat, Kestrelnet's
    # closest rival, reached..."
    r"|(?<=,\s)[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*){0,7}(?:'s|')\s+(?:[a-z]+\s+){0,2}"
    r"(?:rival|competitor|parent|subsidiary|owner|sister|partner|arm|unit|co-defendant)\b"
)
# The same relation said with "of" after the subject's name: "Mottisham Apps, a rival of
# Brackwith Software, saw ...", "Gideon Pridmore, a co-defendant of Casimir Threlkeld, ...".
_EN_RELATION_OF = re.compile(
    r"(?<=,\s)(?:a|an|the)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:rival|competitor|parent|subsidiary|owner|sister|partner|arm|unit|co-defendant)s?"
    r"\s+of\s+(?:the\s+)?([A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*){0,7})"
)
_EN_RELATIONS = frozenset(
    split_words(
        "rival rivals competitor parent subsidiary owner sister partner arm unit affiliate "
        "division brand co-defendant"
    )
)
_ZH_OWNER = re.compile(
    r"([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2})(?:的|旗下的?)[\u4e00-\u9fff]{0,4}?"
    r"([\u4e00-\u9fff]{2})\2"
)

# A rival, subsidiary or partner named by what it is to the owner, which may be a body of
# another kind (雁汀物流的竞争对手鹭程快运, 星筏游戏的对手潮屿互娱): the word says the next
# name is another company's, whatever its kind.
_ZH_RELATION = re.compile(
    r"([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2})的?"
    r"(?:竞争对手|对手|子公司|母公司|合作伙伴|合作方|供应商|大股东|控股股东)"
    r"([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{2}"
)
# A district or county named by the city that governs it (泠州市下辖的汀湾区): the claim is about
# the district, as one about a rival is about the rival (group 2 empty, as the two patterns
# above are read).
_ZH_GOVERNED = re.compile(
    r"([\u4e00-\u9fff]{2})()[市省县]?(?:下辖|辖下|所辖)的?([\u4e00-\u9fff]{2})"
)


# A place named by the place it borders: "Tingshi County, next to Lanxi, ...", "Thornby, next
# door to Marlow", 与岚溪县相邻的汀石县, 毗邻岚溪的汀石. The claim is about the neighbour, as one
# about a rival is about the rival: the place it borders is read as an owner is ("=of:"), so
# that a claim about that place itself names another one. English only in apposition (after a
# comma, the name before it the subject); Chinese with 的 before the subject's two characters.
_EN_NEIGHBOUR = re.compile(
    r",\s+(?:next\s+(?:door\s+)?to|adjacent\s+to|bordering|neighbouring|neighboring|"
    r"which\s+borders)\s+(?:the\s+)?([A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*){0,7})"
)
_ZH_NEIGHBOUR = re.compile(
    r"[与和同]([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,2}?(?:相邻|接壤|毗邻|相接)的?([\u4e00-\u9fff]{2})"
    r"|(?:毗邻|紧邻|邻近)([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,2}?的([\u4e00-\u9fff]{2})"
)
_NEIGHBOURLY = (
    "next",
    "adjacent",
    "border",
    "neighbo",
    "相邻",
    "接壤",
    "毗邻",
    "相接",
    "紧邻",
    "邻近",
)


def _neighbours(text: str) -> list[tuple[int, int, list[str], list[str]]]:
    """The places `text` names by the place they border (see above): for each, the span to
    blank (the relation and the bordered place's name), the bordered place's names and the
    subject's."""
    if not any(word in text for word in _NEIGHBOURLY):
        return []
    out: list[tuple[int, int, list[str], list[str]]] = []
    for m in _EN_NEIGHBOUR.finditer(text):
        subject = _EN_NAME_BEFORE.search(text, max(0, m.start() - 200), m.start() + 1)
        if subject:
            bordered = names(m.group(1)) or [f"@{stem(w.lower())}" for w in m.group(1).split()]
            out.append(
                (
                    m.start() + 1,
                    m.end(),
                    bordered,
                    [f"@{stem(w.lower())}" for w in subject.group(1).split()],
                )
            )
    for m in _ZH_NEIGHBOUR.finditer(text):
        near, at = (1, 2) if m.group(1) else (3, 4)
        if m.group(near) != m.group(at):
            out.append((m.start(), m.start(at), ["@" + m.group(near)], ["@" + m.group(at)]))
    return out


_EN_NAME_AFTER = re.compile(r"([A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*)*)")
_EN_NAME_BEFORE = re.compile(r"([A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*)*),\s*$")
_ZH_RELATED = re.compile("竞争对手|对手|子公司|母公司|合作伙伴|合作方|供应商|股东|辖").search


# A body under its owner's own name: "澄岭汽车旗下澄岭新能源", "澈岭汽车旗下的澈岭电池",
# "澜桥汽车的子公司澜桥商用车". The claim opens with the owner's name, as a claim about the
# owner does, and its subject is the other body: the two characters after the name the second
# time say which (新能, 电池, 商用). `_ZH_OWNER` cannot read these, since the subject's name is
# the owner's.
_ZH_UNDER_OWN_NAME = re.compile(
    r"([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{2,3}?(?:旗下的?|的子公司|的全资子公司)\1"
    r"([\u4e00-\u9fff]{2})"
)


def zh_subsidiary(text: str) -> str | None:
    """The kind of body (新能, 电池) a Chinese `text` (normalised, lower-cased) names under its
    owner's own name (see above), or None."""
    if "旗下" not in text and "子公司" not in text:
        return None
    m = _ZH_UNDER_OWN_NAME.search(text)
    return m.group(2) if m else None


# What follows a Chinese name says what kind of body it is (曜川储能, 曜川新能源: a storage
# maker and a battery maker under one name): the two characters after it, when no figure, date,
# function word or place word (市, 县) comes first (see `disagreements`); a third character is
# most often the next word.
ZH_NAME_KIND = re.compile(
    "[^\\s\\d"
    + "".join(sorted(ZH_NOT_SECOND | set("有在于是由将共为从向已曾去今明上下市省县区镇村")))
    + "]{0,2}"
)


_WORD = re.compile(r"[A-Za-z]*")


def _word_at(text: str, at: int) -> str:
    m = _WORD.match(text, at)
    return m.group() if m else ""


def split_owners(text: str) -> tuple[str, list[str], list[str]]:
    """`text` with the owners of its subject blanked out (see above), their names, and the
    subject names that Chinese text gives after them (which `names` would not read: only a
    text's opening name is)."""
    neighbours = _neighbours(text)
    related = list(_EN_RELATION_OF.finditer(text)) if " of " in text else []
    if (
        not related
        and "'" not in text
        and "的" not in text
        and "旗下" not in text
        and not _ZH_RELATED(text)
        and not neighbours
    ):
        return text, [], []  # most texts: no owner
    owners: list[str] = [t for _, _, bordered, _ in neighbours for t in bordered]
    subjects: list[str] = [t for _, _, _, subject in neighbours for t in subject]
    # The words between are a noun (rival, insurance arm), not a place or time after a
    # preposition (Lanyu Dairy's share in Jiangxi: still Lanyu's).
    # Nor a month or a day after them: "Rookhaven's wettest October on record" is Rookhaven's
    # own, no owner's (October is no name, see `naming.NOT_NAMES`).
    spans = [
        m
        for m in _EN_OWNER.finditer(text)
        if not any(w in STOP_WORDS for w in m.group().split("'")[-1].removeprefix("s").split())
        and _word_at(text, m.end()).lower() not in NOT_NAMES
    ]
    for m in spans:
        owner = m.group().split("'")[0]
        # (a one-word name opening a sentence is no name to `names`, which cannot tell it from
        # any capitalised first word; before 's and a relation it is one, as is the subject's
        # name after the relation or before the apposition)
        owners += names(owner) or [f"@{stem(w.lower())}" for w in owner.split()[-1:]]
        relation = m.group().split()[-1]
        # (the name before an apposition is looked for in the 200 characters before it only:
        # the expression is unanchored at its start)
        before = max(0, m.start() - 200)
        subject = _EN_NAME_AFTER.match(text, m.end()) or _EN_NAME_BEFORE.search(
            text, before, m.start()
        )
        if subject and relation in _EN_RELATIONS:  # (not "X's first office outside China")
            subjects += [f"@{stem(w.lower())}" for w in subject.group(1).split()]
    for m in related:
        subject = _EN_NAME_BEFORE.search(text, max(0, m.start() - 200), m.start())
        if subject:
            owners += names(m.group(1)) or [f"@{stem(w.lower())}" for w in m.group(1).split()]
            subjects += [f"@{stem(w.lower())}" for w in subject.group(1).split()]
            spans.append(m)
    zh = [
        m
        for pattern in (_ZH_OWNER, _ZH_RELATION, _ZH_GOVERNED)
        for m in pattern.finditer(text)
        if m.group(1) != m.group(3)
        and not CJK_CONCEPT.match(m.group(3))
        # 杉澜医院旗下的杉澜儿童医院: a body under the owner's own name (`zh_subsidiary`)
        and m.group(1) not in m.group()[m.end(2) - m.start() :]
    ]
    for m in zh:
        owners.append("@" + m.group(1))
        subjects.append("@" + m.group(3))
    if not owners:
        return text, [], []
    blank = text
    for m in spans:
        blank = blank[: m.start()] + " " * len(m.group()) + blank[m.end() :]
    for m in zh:
        # the owner and the words after it blanked, the subject's name kept where it was
        blank = blank[: m.start()] + " " * (m.start(3) - m.start()) + blank[m.start(3) :]
    for start, end, _, _ in neighbours:
        blank = blank[:start] + " " * (end - start) + blank[end:]
    return blank, owners, subjects


# Who did it: in "Saltash Parts was taken over by Quenby Motors" the buyer is Quenby, the name
# after "by" in a passive; in "Saltash Parts bought Quenby Motors", a sentence that opens with a
# name, it is Saltash. Two claims naming the same two parties with the roles swapped assert
# different facts. Only English texts, and only these two plain forms (a claim that opens
# otherwise, "In 2020 ...", has no actor read): `disagreements` compares actors only when one
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
    first = LATIN_TOKEN.match(text.lstrip())
    if " by " in text:
        s = EN_WORDS_CONCEPT.sub(" ", normal(text))
        m = _PASSIVE_BY.search(s)
        if m:
            after = latin_names(s[m.end() :])
            return f"=agent:{after[0]}" if after else None
        if _BY_NAME.search(s):
            return None  # a passive of another shape (see above)
    if not (first and first.group()[0].isupper()):
        return None  # neither form (most texts)
    if _NOT_AN_ACT.search(_CLAUSE_END.split(text, 1)[0]):
        return None  # the opening name is acted on, or is in a state (see above)
    if latin is None:
        latin = latin_names(EN_WORDS_CONCEPT.sub(" ", normal(text)))
    if latin and stem(first.group().lower().removesuffix("'s")) == latin[0]:
        return f"=actor:{latin[0]}"
    return None


# The same two forms in Chinese: in "棠浦银行于2019年被岚川银行收购" the buyer is 岚川, the two
# characters after 被; in "岚川银行2019年收购了棠浦银行", a text that opens with a name and has
# no 被, it is that name. After 被 a verb (被评为, was named as) or a word of the table names no
# one: no actor is read then.
_ZH_PASSIVE = re.compile(r"被([\u4e00-\u9fff]{2})")
_ZH_NOT_AGENT = frozenset("评认列授选称视誉定告批判处罚")


def zh_actor(text: str, opening: str | None) -> str | None:
    """The actor of a Chinese `text` (normalised, lower-cased) whose opening name is
    `opening` (see above): "=agent:岚川" after 被, "=actor:岚川" for the opening name of a text
    with no 被; else None."""
    m = _ZH_PASSIVE.search(text)
    if m is None:
        return f"=actor:{opening}" if opening else None
    pair = m.group(1)
    if (
        pair[0] in ZH_NOT_FIRST
        or pair[0] in _ZH_NOT_AGENT
        or pair[1] in ZH_NOT_SECOND
        or CJK_CONCEPT.match(text, m.start(1))
    ):
        return None
    return f"=agent:{pair}"


# A part or a relative of what a claim names: "Ravensmoor University's library", "Kestwick's
# art museum", "the father of Qi Muyan", 枫麓大学医学院, 祁慕言的父亲. The claim is about the
# part, not about what it belongs to: founded in 1894, born in 1968 or 412,000 visitors,
# said of the university, of Qi Muyan or of Kestwick, is another fact. Read
# after a possessive ('s, of, 的) or a body's kind (大学, 公司), as "=part:" terms; a claim that
# names no form of the part anywhere is about the whole (see `disagreements.PART`). Each part
# with its English words and Chinese forms, and the terms that say a claim mentions it. Not a
# plant, a mine or a company's arm: a rewording names these in many other words (建厂, 酿造厂,
# "its solar farm", "its frozen-food business"), and on the dev splits three true matches lost
# half their score to them.
_PART_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "library": (("library", "libraries"), ("图书馆",)),
    "museum": (("museum", "museums", "gallery"), ("博物馆", "美术馆", "纪念馆")),
    "medschool": (("medical school", "school of medicine"), ("医学院",)),
    "lawschool": (("law school", "school of law"), ("法学院",)),
    "bizschool": (("business school",), ("商学院",)),
    "hospital": (("teaching hospital", "hospital", "hospitals"), ("附属医院", "医院")),
    "laboratory": (("laboratory", "laboratories", "lab", "labs"), ("实验室",)),
    "campus": (("campus",), ("校区",)),
    # (a parent unnamed: "Ochre Rock Steel's parent group", 赭岩钢铁的母公司; one named is the
    # claim's subject, see `parts`)
    "parent": (("parent company", "parent group", "parent"), ("母公司",)),
    "father": (("father",), ("父亲",)),
    "mother": (("mother",), ("母亲",)),
    "son": (("son",), ("儿子",)),
    "daughter": (("daughter",), ("女儿",)),
    "wife": (("wife",), ("妻子",)),
    "husband": (("husband",), ("丈夫",)),
    "brother": (("brother",), ("哥哥", "弟弟")),
    "sister": (("sister",), ("姐姐", "妹妹", "姐妹")),
}
_PART_OF = {form: part for part, (en, zh) in _PART_FORMS.items() for form in (*en, *zh)}
_EN_PARTS = "|".join(sorted((f for f in _PART_OF if f.isascii()), key=len, reverse=True))
_ZH_PARTS = "|".join(sorted((f for f in _PART_OF if not f.isascii()), key=len, reverse=True))
# After a possessive and at most two words (its oldest library, the university's medical
# school), or "the father of X", "the library at X" (X a name); in Chinese after 的 or a body's
# kind, 附属 allowed between (枫麓大学附属医院).
_PART = re.compile(
    rf"(?:'s|s')\s+(?:[a-z-]+\s+){{0,2}}?({_EN_PARTS})\b"
    rf"|\b[Tt]he\s+({_EN_PARTS})\s+(?:of|at)\s+(?:the\s+)?(?=[A-Z])"
    rf"|(?:的|大学|学院|公司|集团)(?:附属)?({_ZH_PARTS})"
)
# (a claim says a word of the part: its stem, or a character pair of a Chinese form)
PART_MENTIONS = {
    part: frozenset(
        [
            *(stem(w) for f in en for w in f.split() if w not in ("of", "school", "teaching")),
            *(f[i : i + 2] for f in zh for i in range(len(f) - 1)),
        ]
    )
    for part, (en, zh) in _PART_FORMS.items()
}


def parts(text: str) -> list[str]:
    """The parts and relatives `text` (normalised, not lower-cased) says its subject is (see
    above), as "=part:" terms."""
    if (
        "'" not in text
        and " of " not in text
        and " at " not in text
        and not (
            "的" in text or "大学" in text or "学院" in text or "公司" in text or "集团" in text
        )
    ):
        return []
    found = []
    for m in _PART.finditer(text):
        part = _PART_OF[next(g for g in m.groups() if g)]
        if part == "parent" and not m.group(2) and _named_after(text, m.end()):
            # the parent named: "X's parent company Dunnisfold Industrial" (not "the parent of
            # X", whose name is the owner's)
            continue
        found.append("=part:" + part)
    return found


_CAPITAL_AFTER = re.compile(r"[\s,]*(?:the\s+)?[A-Z]")


def _named_after(text: str, at: int) -> bool:
    """Whether a name follows `at` in `text`: a capitalised word, or a Chinese name."""
    return bool(_CAPITAL_AFTER.match(text, at)) or zh_name(text[at : at + 8]) is not None
