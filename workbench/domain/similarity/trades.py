"""Who bought and who sold: "Corriebank was sold to Lorimer" and "Lorimer bought Corriebank"
are one deal, "白桦乳业将奶粉业务出售给麦垄粮油" and "白桦乳业收购了麦垄粮油的奶粉业务" two.

A sale names its parties in roles that a rewording swaps with the verb (sold to X, X bought; 出售
给X, X收购), so the roles, not the verb, say which deal it is. These readers give the bag of terms
its "=buys:" and "=sells:" terms; `disagreements` sets a party that buys in one claim against the
same party selling in the other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbench.domain.similarity.kinds import LOSES, OPPOSITE_ROLES, PINYIN, WINS, named_across
from workbench.domain.similarity.naming import ZH_NOT_FIRST, ZH_NOT_SECOND
from workbench.domain.similarity.words import stem

# English: the name after "to" past a verb of selling is the buyer (X sold Y to Z, Y was sold to
# Z; not "according to", "up to" and the like); the actor the bag reads (see `roles.actor`) is
# the buyer of a verb of buying, in either voice (Z bought Y; Y was bought by Z), and the seller
# of an active verb of selling (X sold Y). Paying is left out: "paid out $2 billion in claims"
# buys nothing.
# (the marks of the terms: "=buys:lorimer", "=sells:白桦")
BUYS, SELLS = "=buys:", "=sells:"
_EN_SELL = re.compile(r"\b(?:sold|sells|sell|selling)\b")
_NOT_TO = ("according", "up", "close", "due", "compared", "next", "similar", "equal", "prior")
_EN_SOLD_TO = re.compile(
    r"\b(?:sold|sells|sell|selling)\b[^.;:]{0,80}?"
    + "".join(f"(?<!\\b{w} )" for w in _NOT_TO)
    + r"\bto\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?(?P<buyer>[A-Z][A-Za-z&']*)"
)
_EN_BUY = re.compile(
    r"\b(?:bought|buys|buy|buying|purchased|purchases|acquired|acquires|acquire|acquiring)\b"
    r"|\b(?:took|takes|taken|take)\s+over\b"
    # a player signed from a club is bought from it (signing a bill or a deal buys nothing)
    r"|\b(?:signed|signs|sign|signing)\b(?=[^.;:]{0,80}?\bfrom\s+[A-Z])"
)
# The name after "from" past a verb of buying is the seller (Z bought Y from X, Z signed Y from
# X), as the name after "to" past one of selling is the buyer.
_EN_BOUGHT_FROM = re.compile(
    r"\b(?:bought|buys|buy|buying|purchased|purchases|acquired|acquires|acquire|acquiring|"
    r"signed|signs|sign|signing)\b[^.;:]{0,80}?"
    r"\bfrom\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?(?P<seller>[A-Z][A-Za-z&']*)"
)

# A player who joins a club for a fee is bought by it: "Brisk joined Dunhallow Rovers for £14
# million", 方竞舟加盟泠州苍隼，转会费四千二百万元 (Dunhallow, 泠州 buy; a club that sold him
# sells). Only with a fee or a sum said: someone who joins a firm or a board buys nothing.
_EN_JOINED = re.compile(r"\b(?:joined|joins|joining)\s+(?:the\s+)?(?P<buyer>[A-Z][A-Za-z&']*)")
_EN_FEE = re.compile(r"\b(?:fee|transfer)\b|[£$€]|\b(?:pounds|euros|dollars|yuan)\b")
_ZH_JOINED = re.compile("加盟" + "([\u4e00-\u9fff]{2})")

# Chinese: the party after 给 or 予 past a verb of selling (出售给麦垄, 出售给了麦垄), or after 向
# before one (向星槎航运出售), buys; the party after 从 before a verb of buying (从星槎航运购入)
# sells; the name a text opens with (or the party after 被) buys with a verb of buying and sells
# with one of selling (see `roles.zh_actor`), when the text has verbs of one kind only. A verb
# that is part of a noun (出让收入, land-sale income; 购买力; 收购价) makes no deal.
_ZH_SELLING = "出售|卖给|卖出|转让|出让|售予"
# (引进, 签下: a player signed by a club, bought from the one named after 从)
_ZH_BUYING = "收购|购入|购买|买下|买入|并购|受让|引进|签下"
_NOUN_AFTER = "(?!收入|价|力|金|款|费|额|量|率|方|者)"
_ZH_SELL = re.compile(f"(?:{_ZH_SELLING}){_NOUN_AFTER}")
_ZH_BUY = re.compile(f"(?:{_ZH_BUYING}){_NOUN_AFTER}")
# A party named in Chinese: the first two characters of its name (as `names` marks it).
PARTY = "([\u4e00-\u9fff]{2})"
_ZH_SOLD_TO = re.compile(f"(?:出售|卖|转让|出让|售)(?:给|予)了?{PARTY}")
_ZH_SOLD_VIA = re.compile(f"向{PARTY}[\u4e00-\u9fff]{{0,4}}(?:出售|转让|出让)")
_ZH_BOUGHT_FROM = re.compile(f"从{PARTY}[\u4e00-\u9fff]{{0,4}}(?:{_ZH_BUYING})")
# (where a deal is made, or with whom in general: no party)
_NOT_PARTY = frozenset(
    ("中国", "海外", "国内", "国外", "境外", "境内", "外资", "全球", "市场", "政府")
)


def zh_party(pair: str) -> bool:
    """Whether a Chinese character pair can name a party (not 这家, 海外, 政府)."""
    return pair[0] not in ZH_NOT_FIRST and pair[1] not in ZH_NOT_SECOND and pair not in _NOT_PARTY


# The party paid past a verb of paying, with what was paid for, sells to the payer: "Ottersley
# Town paid Corrandale Rovers £18m to sign Vantongeren", "paid Kettleby £9m for its stake" (the
# payer is the actor the bag reads). Not "paid out $2 billion in claims", which names no party.
# A point between digits is a sum's (£18.5m), not a sentence's end.
_EN_PAID = re.compile(
    r"\bpaid\s+(?:the\s+)?(?P<seller>[A-Z][A-Za-z&']*)(?:[^.;:]|(?<=\d)\.(?=\d)){0,60}?"
    r"\b(?:to\s+sign|to\s+buy|for)\b"
)


def en_trades(text: str, who: str | None) -> tuple[list[str], bool]:
    """The "=buys:" and "=sells:" terms of an English `text` (normalised, case kept) whose
    actor the bag read as `who` (=actor:lorim, =agent:lorim, or None), and whether its verb of
    selling is the deal's (a buyer read after "to"): then selling is the deal, not sales."""
    out: list[str] = []
    m = _EN_SOLD_TO.search(text)
    if m:
        out.append(BUYS + en_party(m.group("buyer")))
    seller = _EN_BOUGHT_FROM.search(text)
    if seller:
        out.append(SELLS + en_party(seller.group("seller")))
    if "join" in text and _EN_FEE.search(text):
        out += [BUYS + en_party(j.group("buyer")) for j in _EN_JOINED.finditer(text)]
    paid = _EN_PAID.search(text) if who and "paid" in text else None
    if who and paid and not m and not seller:
        name, sold_by = who.split(":", 1)[1], en_party(paid.group("seller"))
        if name != sold_by:
            out += [BUYS + name, SELLS + sold_by]
    elif who:
        kind, name = who[1:].split(":", 1)
        if _EN_BUY.search(text) and not _EN_SELL.search(text):
            out.append(BUYS + name)
        elif kind == "actor" and _EN_SELL.search(text) and not _EN_BUY.search(text):
            out.append(SELLS + name)
    return out, m is not None


def en_party(name: str) -> str:
    """How a party named in English is kept: its name stemmed, without 's."""
    return stem(name.lower().removesuffix("'s").rstrip("'"))


def zh_trades(text: str, who: str | None) -> list[str]:
    """The "=buys:" and "=sells:" terms of a Chinese `text` (normalised, lower-cased) whose
    actor the bag read as `who` (=actor:白桦, =agent:岚川, or None)."""
    sell, buy = _ZH_SELL.search(text), _ZH_BUY.search(text)
    joined = (
        [BUYS + m.group(1) for m in _ZH_JOINED.finditer(text) if zh_party(m.group(1))]
        if "加盟" in text and "转会" in text
        else []
    )
    if not sell and not buy:
        return joined  # most claims: no deal
    out = [
        BUYS + m.group(1)
        for pattern in (_ZH_SOLD_TO, _ZH_SOLD_VIA)
        for m in pattern.finditer(text)
        if zh_party(m.group(1))
    ]
    out += [SELLS + m.group(1) for m in _ZH_BOUGHT_FROM.finditer(text) if zh_party(m.group(1))]
    out += joined
    if who and bool(sell) != bool(buy):
        kind, name = who[1:].split(":", 1)
        if buy:
            out.append(BUYS + name)
        elif kind == "actor":
            out.append(SELLS + name)
    return out


def _roles(deal: list[str]) -> dict[str, str]:
    """Each party of a deal's terms, and its role ("=buys", "=sells")."""
    return {t.split(":", 1)[1]: t.split(":", 1)[0] for t in deal}


def swapped_deal(
    ours: list[str], a: Mapping[str, float], theirs: list[str], b: Mapping[str, float]
) -> tuple[list[str], list[str]] | None:
    """The terms of two claims' deals (`ours` of claim `a`, `theirs` of claim `b`) that say
    two deals: one party buying in the one and selling in the other, or each claim naming both
    buyers with another one buying (Lorimer bought Corriebank, Corriebank bought Lorimer);
    else None."""
    if not ours or not theirs:
        return None
    return (
        _opposed(ours, theirs)
        or _opposed(_spelled(ours, a), _spelled(theirs, b))
        or _other_buyers(ours, a, theirs, b)
    )


def _spelled(deal: list[str], bag: Mapping[str, float]) -> list[str]:
    """A deal's terms with each Chinese party spelled in the pinyin its claim gives for it
    (=pays:昊宇 and =py:昊宇:haoyu: =pays:haoyu, one term a reading), so that an English claim's
    party can be compared with it (the court awarded Haoyu, 昊宇科技被判赔: Haoyu pays)."""
    out = []
    for t in deal:
        role, party = t.split(":", 1)
        if party.isascii():
            out.append(t)
            continue
        prefix = f"{PINYIN}{party}:"
        out += [f"{role}:{k[len(prefix) :]}" for k in bag if k.startswith(prefix)] or [t]
    return out


def _other_buyers(
    ours: list[str], a: Mapping[str, float], theirs: list[str], b: Mapping[str, float]
) -> tuple[list[str], list[str]] | None:
    # (a buyer, or the loser or the winner of a match: 铎山 beat 青鸾, 青鸾 beat 铎山, each read
    # with its loser; 桐崖负于苍砾, 苍砾负于桐崖, each read with its winner. Winners only where
    # neither claim names a loser too: "Rovers beat Athletic; Athletic had lost to Town" tells
    # Town's win as an aside.)
    for role in (BUYS, LOSES, WINS):
        if role == WINS and any(t.startswith(LOSES) for t in (*ours, *theirs)):
            continue
        buys_a = [t for t in ours if t.startswith(role)]
        buys_b = [t for t in theirs if t.startswith(role)]
        if len(buys_a) != 1 or len(buys_b) != 1 or buys_a == buys_b:
            continue
        one, other = (t.removeprefix(role) for t in (buys_a[0], buys_b[0]))
        if named_across(one, a, other, b):
            return buys_a, buys_b
    return None


def _opposed(ours: list[str], theirs: list[str]) -> tuple[list[str], list[str]] | None:
    """The terms that give one party opposite roles (it buys in the one claim, sells in the
    other), or None."""
    role_a, role_b = _roles(ours), _roles(theirs)
    parties = sorted(p for p in role_a if role_b.get(p) == OPPOSITE_ROLES[role_a[p]])
    if not parties:
        return None
    return (
        sorted(t for t in ours if t.split(":", 1)[1] in parties),
        sorted(t for t in theirs if t.split(":", 1)[1] in parties),
    )
