"""How discovery reads letters and digits written full-width (１２０００个, ２０２３年, ＧＤＰ,
５０％) and the numeral 〇 (二〇二一年): as the ASCII letters and digits and 零 they stand for.

Chinese text typed with a full-width input method holds them, and the features (a figure, a
year, a percentage), the word model and the character model all read ASCII digits: without
this, 该厂有工人２０００名 scored 0.05 where 该厂有工人2000名 scores 0.63. 〇 is not a CJK ideograph
(U+3007), so the character model read 二〇二一年 as three words cut apart. Each character is
replaced by one character: offsets into the text read are offsets into the text as stored, and
a candidate's text is always cut from the stored one.
"""

from __future__ import annotations

import re

from workbench.domain.cjk import (
    DIGITS,
    FULL_WIDTH_ALNUM,
    FULL_WIDTH_DIGIT,
    LETTERS,
    half_width_table,
)

_AS_READ = {**half_width_table(DIGITS + LETTERS), ord("％"): "%", ord("〇"): "零"}
# Most texts hold none: one regex search (in C) spares translating every character.
_ANY = re.compile(f"[{FULL_WIDTH_ALNUM}％〇]")


# A full-width point or comma between full-width digits is a number's (１．５亿, １２，０００).
_IN_NUMBER = re.compile(f"(?<=[{FULL_WIDTH_DIGIT}])[．，](?=[{FULL_WIDTH_DIGIT}])")
_POINT_OR_COMMA = {"．": ".", "，": ","}


def as_read(text: str) -> str:
    """`text` with its full-width letters, digits and ％ in ASCII, a full-width point or comma
    between full-width digits too, and 〇 as 零 (the same length, character for character);
    `text` itself when it holds none."""
    if _ANY.search(text) is None:
        return text
    text = _IN_NUMBER.sub(lambda m: _POINT_OR_COMMA[m.group()], text)
    return text.translate(_AS_READ)
