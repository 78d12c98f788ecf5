"""A Chinese name written in traditional characters and in simplified ones is one name.

張偉 and 张伟 are the same name, as Mária and MARIA are: a desk in Hong Kong or Taipei and one
in Beijing write one colleague in either set, and a keyboard switches between them with a key.
OpenCC's tables (traditional to simplified, character by character and by phrase) say what
each traditional form is in simplified Chinese; they are loaded only when two names in Chinese
characters are compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache


@lru_cache(maxsize=1024)
def simplified(text: str) -> str:
    """`text` with its traditional Chinese characters written in simplified ones (anything
    else as it is)."""
    return _converter()(text)


# Variant forms of a character drawn like its usual form but for a stroke or a dot, which a
# reader skimming a trail does not tell apart, and which neither OpenCC's traditional-to-
# simplified tables nor the look-alike data (TR39) fold: `陈靑` approved 陈青's verdict, and `髙洁`
# registered beside 高洁 (spoof331). Each is written as the form OpenCC then reads. Only forms of
# one character in names: 峩 (峨 rearranged) or 嶋 (島) are told apart, and stay.
_DRAWN_ALIKE = str.maketrans(
    {
        "靑": "青",
        "淸": "清",
        "髙": "高",
        "徳": "德",
        "\ufa11": "崎",  # 﨑, a unified ideograph in the compatibility block, not decomposed
        "\U00020bb7": "吉",  # 𠮷, 吉 with a longer lower stroke
        "曺": "曹",
        "緖": "緒",
        "槪": "概",
        "吿": "告",
        "姸": "妍",
        "冨": "富",
        "廸": "迪",
        "衞": "衛",  # Hong Kong's standard form
        "眀": "明",  # 目 for 日: `王眀` was registered beside 王明 (names2)
    }
)


@lru_cache(maxsize=1024)
def name_form(text: str) -> str:
    """`text` as names are compared across the forms of their characters: its variants drawn
    alike written in the usual form (_DRAWN_ALIKE), then its traditional characters in
    simplified ones. (Tags are one by `simplified` alone: a tag is read, not skimmed for a
    person.)"""
    return simplified(usual_form(text))


def usual_form(text: str) -> str:
    """`text` with its variants drawn alike (_DRAWN_ALIKE) written in the usual form, as they
    are read aloud too: pypinyin has no reading of 﨑 or 𠮷, and fewer of 靑 than of 青, so
    `wang qi` approved 王﨑's verdict as it could not 王崎's (review335)."""
    return text.translate(_DRAWN_ALIKE)


# The CJK unified ideographs and their extension A: a text holding none has no script to fold.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character (one OpenCC may write in the other script)."""
    return _HAN.search(text) is not None


def simplified_text(text: str) -> str:
    """`text` written in simplified characters, as `simplified`, for a whole text: not kept in
    `simplified`'s cache of names (a revision is megabytes)."""
    return _converter()(text)


@cache
def _converter() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert
