"""Who bought and who sold: "Corriebank was sold to Lorimer" and "Lorimer bought Corriebank"
are one deal, "白桦乳业将奶粉业务出售给麦垄粮油" and "白桦乳业收购了麦垄粮油的奶粉业务" two.

A sale names its parties in roles that a rewording swaps with the verb (sold to X, X bought; 出售
给X, X收购), so the roles, not the verb, say which deal it is. These readers give the bag of terms
its "=buys:" and "=sells:" terms; `disagreements` sets a party that buys in one claim against the
same party selling in the other.
"""

from __future__ import annotations

import re

from workbench.domain.similarity.naming import ZH_NOT_FIRST, ZH_NOT_SECOND, latin_names

# English: the name after "to" past a verb of selling is the buyer (X sold Y to Z, Y was sold to
# Z); the actor the bag reads (see `roles.actor`) is the buyer of a verb of buying, in either
# voice (Z bought Y; Y was bought by Z), and the seller of an active verb of selling (X sold Y).
# Paying is left out: "paid out $2 billion in claims" buys nothing.
_EN_SELL = re.compile(r"\b(?:sold|sells|sell|selling)\b")
_EN_SOLD_TO = re.compile(r"\b(?:sold|sells|sell|selling)\b[^.;:]{0,80}?\bto\s+(?=[A-Z])")
_EN_BUY = re.compile(
    r"\b(?:bought|buys|buy|buying|purchased|purchases|acquired|acquires|acquire|acquiring)\b"
    r"|\b(?:took|takes|taken|take)\s+over\b"
)

# Chinese: the party after 给 or 予 past a verb of selling (出售给麦垄), or after 向 before one
# (向星槎航运出售), buys; the party after 从 before a verb of buying (从星槎航运购入) sells; the
# name a text opens with (or the party after 被) buys with a verb of buying and sells with one of
# selling (see `roles.zh_actor`), when the text has verbs of one kind only.
_ZH_SELL = re.compile("出售|卖给|卖出|转让|出让|售予")
_ZH_BUY = re.compile("收购|购入|购买|买下|买入|并购|受让")
_PARTY = "([\u4e00-\u9fff]{2})"
_ZH_SOLD_TO = re.compile(f"(?:出售给|出售予|卖给|转让给|转让予|出让给|售予){_PARTY}")
_ZH_SOLD_VIA = re.compile(f"向{_PARTY}[\u4e00-\u9fff]{{0,4}}(?:出售|转让|出让)")
_ZH_BOUGHT_FROM = re.compile(f"从{_PARTY}[\u4e00-\u9fff]{{0,4}}(?:收购|购入|购买|买下|买入|受让)")


def _party(pair: str) -> bool:
    return pair[0] not in ZH_NOT_FIRST and pair[1] not in ZH_NOT_SECOND


def en_trades(text: str, who: str | None) -> list[str]:
    """The "=buys:" and "=sells:" terms of an English `text` (normalised, case kept) whose
    actor the bag read as `who` (=actor:lorim, =agent:lorim, or None)."""
    out: list[str] = []
    m = _EN_SOLD_TO.search(text)
    if m:
        after = latin_names(text[m.end() :])
        if after:
            out.append("=buys:" + after[0])
    if who:
        kind, name = who[1:].split(":", 1)
        if _EN_BUY.search(text) and not _EN_SELL.search(text):
            out.append("=buys:" + name)
        elif kind == "actor" and _EN_SELL.search(text) and not _EN_BUY.search(text):
            out.append("=sells:" + name)
    return out


def zh_trades(text: str, who: str | None) -> list[str]:
    """The "=buys:" and "=sells:" terms of a Chinese `text` (normalised, lower-cased) whose
    actor the bag read as `who` (=actor:白桦, =agent:岚川, or None)."""
    sell, buy = _ZH_SELL.search(text), _ZH_BUY.search(text)
    if not sell and not buy:
        return []  # most claims: no deal
    out = [
        "=buys:" + m.group(1)
        for pattern in (_ZH_SOLD_TO, _ZH_SOLD_VIA)
        for m in pattern.finditer(text)
        if _party(m.group(1))
    ]
    out += ["=sells:" + m.group(1) for m in _ZH_BOUGHT_FROM.finditer(text) if _party(m.group(1))]
    if who and bool(sell) != bool(buy):
        kind, name = who[1:].split(":", 1)
        if buy:
            out.append("=buys:" + name)
        elif kind == "actor":
            out.append("=sells:" + name)
    return out


def opposed_trades(ours: list[str], theirs: list[str]) -> tuple[list[str], list[str]] | None:
    """The terms of two claims' deals (`ours`, `theirs`) that give one party opposite roles
    (it buys in the one, sells in the other), or None."""
    role_a = {t.split(":", 1)[1]: t[1:5] for t in ours}
    role_b = {t.split(":", 1)[1]: t[1:5] for t in theirs}
    parties = sorted(p for p in role_a if p in role_b and role_a[p] != role_b[p])
    if not parties:
        return None
    return (
        sorted(t for t in ours if t.split(":", 1)[1] in parties),
        sorted(t for t in theirs if t.split(":", 1)[1] in parties),
    )
