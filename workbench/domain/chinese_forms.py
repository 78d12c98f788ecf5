"""A Chinese name written in traditional characters and in simplified ones is one name.

張偉 and 张伟 are the same name, as Mária and MARIA are: a desk in Hong Kong or Taipei and one
in Beijing write one colleague in either set, and a keyboard switches between them with a key.
OpenCC's tables (traditional to simplified, character by character and by phrase) say what
each traditional form is in simplified Chinese; they are loaded only when two names in Chinese
characters are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache


@lru_cache(maxsize=1024)
def simplified(text: str) -> str:
    """`text` with its traditional Chinese characters written in simplified ones (anything
    else as it is)."""
    return _converter()(text)


@cache
def _converter() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert
