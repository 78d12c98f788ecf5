"""Who won a match, and who pays whom: "庐屿海港以1比3负于赤隼" and "赤隼3:1战胜庐屿海港" are one
result, "庐屿海港以3比1战胜赤隼" another, though the three share every name and figure; "Canglu
must pay Yunlu" and "ordered Yunlu to pay ... to Canglu" are two court orders.

A result names its sides in roles that a rewording swaps with the verb (beat X, lost to X; 战胜X,
负于X), so the roles, not the verb, say which result it is: the side after a verb of winning
lost ("=loses:赤隼"), the side after a verb of losing won ("=wins:赤隼"). These are compared as a
deal's roles are (`trades.swapped_deal`): one side winning in one claim and losing in the other
is another result. A score before a verb of either kind is written winner first (以1比3负于:
3比1), as a rewording from the other side gives it. The payer and the party paid of an order to
pay ("=pays:", "=paid:") are compared the same way.
"""

from __future__ import annotations

import re

from workbench.domain.similarity.figures import written_value
from workbench.domain.similarity.kinds import LOSES, WINS
from workbench.domain.similarity.trades import PARTY, en_party, zh_party

# Who pays whom (damages, a fine to a party, a settlement): "X must pay Y", "ordered X to pay
# ... to Y", 判令X向Y赔偿. The same two parties the other way round is another order.
PAYS, PAID = "=pays:", "=paid:"

# (not 淘汰, 横扫, 逆转: 淘汰落后产能, 横扫全国, 逆转颓势 name no side)
_ZH_WON = "战胜|击败|击溃|大胜|力克|险胜|完胜"
_ZH_LOST = "负于|输给|不敌|败给|败于"
_ZH_NUMERAL = "[零〇一二两三四五六七八九十]+"
# (a run of digits or numerals is read from its start only: from every position of it, a long
# run took seconds)
_ZH_SCORE = re.compile(
    rf"(?P<a>(?<!\d)\d+|(?<![零〇一二两三四五六七八九十]){_ZH_NUMERAL})"
    rf"\s*[比:：∶]\s*(?P<b>\d+|{_ZH_NUMERAL})"
    rf"(?=\s*(?:的比分)?\s*(?:{_ZH_WON}|{_ZH_LOST}))"
)
_ZH_BEAT = re.compile(f"(?:{_ZH_WON})了?{PARTY}")
_ZH_LOST_TO = re.compile(f"(?:{_ZH_LOST})了?{PARTY}|被{PARTY}[\u4e00-\u9fff]{{0,6}}?(?:{_ZH_WON})")

_NAME = r"(?:the\s+)?(?P<side>[A-Z][A-Za-z&'-]*)"
_EN_BEAT = re.compile(
    rf"\b(?:beat|beats|beating|defeated|defeats|thrashed|overcame|edged|routed|knocked\s+out)\s+{_NAME}"
)
_EN_LOST_TO = re.compile(
    # (not "fell to": sales fell to June's level)
    r"\b(?:(?:lost|loses|lose|losing|succumbed)\s+(?:[\d\s:-]+\s+)?to"
    rf"|(?:beaten|defeated|thrashed|edged|knocked\s+out)\s+(?:[\d\s:-]+\s+)?by)\s+{_NAME}"
)


def winner_first(text: str) -> str:
    """`text` (normalised, lower-cased) with each score before a verb of winning or losing
    written the higher number first."""
    if "比" not in text and ":" not in text and "：" not in text and "∶" not in text:
        return text
    return _ZH_SCORE.sub(_higher_first, text)


def _higher_first(m: re.Match[str]) -> str:
    a, b = m.group("a"), m.group("b")
    first, second = written_value(a), written_value(b)
    if first is not None and second is not None and first < second:
        return f"{b}比{a}"
    return m.group()


def zh_results(text: str) -> list[str]:
    """The "=wins:" and "=loses:" terms of a Chinese `text` (normalised, lower-cased)."""
    out = [LOSES + m.group(1) for m in _ZH_BEAT.finditer(text) if zh_party(m.group(1))]
    for m in _ZH_LOST_TO.finditer(text):
        side = m.group(1) or m.group(2)
        if zh_party(side):
            out.append(WINS + side)
    return out


def en_results(text: str) -> list[str]:
    """The "=wins:" and "=loses:" terms of an English `text` (normalised, case kept)."""
    out = [LOSES + en_party(m.group("side")) for m in _EN_BEAT.finditer(text)]
    out += [WINS + en_party(m.group("side")) for m in _EN_LOST_TO.finditer(text)]
    return out


# (at most eight words, and the payer's name read from a word's start: from every position of a
# long run of capitalised words, or of one long word, the payer's pattern took minutes)
# (a name, not the word that opens the sentence before it: "The Acme Group must pay" is Acme's)
_EN_NAME = (
    r"(?:(?:the|The|A|An)\s+)?(?!(?:The|A|An|Last|This|Next|In|On|At|By)\b)"
    r"([A-Z][A-Za-z&'-]*)(?:\s+[A-Z][A-Za-z&'-]*){0,7}"
)
_EN_PAYER = re.compile(
    rf"(?<![A-Za-z&'-]){_EN_NAME},?\s+"
    r"(?:must|will|is\s+to|are\s+to|(?:(?:was|were|has\s+been|have\s+been)\s+)?"
    r"ordered\s+to|agreed\s+to)\s+pay\b"
    rf"|\bordered\s+{_EN_NAME}\s+to\s+pay\b"
)
_EN_PAYEE = re.compile(
    rf"\bpay\s+{_EN_NAME}\s+(?:[£$€¥]|rmb|RMB|US\$|HK\$|\d)"
    # (a decimal point is no full stop: "pay 8.6 million yuan in damages to Yunlu")
    rf"|\bpay\b(?:[^.;:]|\.(?=\d)){{0,60}}?\bto\s+{_EN_NAME}"
)
# A court's award names the party paid ("awarded Haoyu Technology 36 million yuan", "Haoyu was
# awarded"); 被……判赔 the party ordered to pay (昊宇科技被中院判赔三千六百万元: 昊宇 pays), and
# 获赔 the party paid.
_EN_AWARDED = re.compile(
    rf"\bawarded\s+{_EN_NAME}\s+(?:[£$€¥]|rmb|RMB|US\$|HK\$|\d)"
    rf"|(?<![A-Za-z&'-]){_EN_NAME}\s+(?:was|were|has\s+been|have\s+been)\s+awarded\b"
)
_ZH_AWARD = re.compile("被[\u4e00-\u9fff]{0,8}?判赔|获赔")
# The party paid is after 向; the payer is the one after 判令 or 责令 (the party ordered, not the
# court that orders), else the name its clause opens with.
_ZH_PAID_TO = re.compile(f"向{PARTY}[\u4e00-\u9fff]{{0,6}}?(?:赔偿|支付|赔付|偿还)")
_ZH_ORDERED = re.compile(f"(?:判令|责令|裁定|要求){PARTY}")
_ZH_CLAUSE = re.compile("[\u4e00-\u9fff]+$")


def en_payments(text: str) -> list[str]:
    """The "=pays:" and "=paid:" terms of an English `text` (normalised, case kept)."""
    out = [PAYS + en_party(m.group(1) or m.group(2)) for m in _EN_PAYER.finditer(text)]
    out += [PAID + en_party(m.group(1) or m.group(2)) for m in _EN_PAYEE.finditer(text)]
    if "awarded" in text:
        out += [PAID + en_party(m.group(1) or m.group(2)) for m in _EN_AWARDED.finditer(text)]
    return out


def zh_payments(text: str) -> list[str]:
    """The "=pays:" and "=paid:" terms of a Chinese `text` (normalised, lower-cased)."""
    out: list[str] = []
    for m in _ZH_PAID_TO.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        ordered = list(_ZH_ORDERED.finditer(before))
        clause = _ZH_CLAUSE.search(before)
        payer = ordered[-1].group(1) if ordered else clause.group()[:2] if clause else ""
        if len(payer) == 2 and zh_party(payer) and zh_party(m.group(1)):
            out += [PAYS + payer, PAID + m.group(1)]
    for m in _ZH_AWARD.finditer(text) if "判赔" in text or "获赔" in text else ():
        # (the party is the name its clause opens with, when the clause opens in sight)
        before = text[max(0, m.start() - 12) : m.start()]
        clause = _ZH_CLAUSE.search(before)
        whole = clause is not None and (clause.start() > 0 or m.start() <= 12)
        if clause and whole and zh_party(clause.group()[:2]):
            out.append((PAYS if m.group()[0] == "被" else PAID) + clause.group()[:2])
    return out
