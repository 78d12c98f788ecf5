"""A joiner between two Chinese characters is marked in a quote's refusal, as between Latin.

quote333's refusal shows a zero-width joiner or non-joiner as drawn after any character that
is not ASCII (a family emoji's joiners, a Persian word's ZWNJ), and marks it `\\uXXXX` only
after ASCII. Between Han characters it draws nothing and joins nothing, and the match does not
skip it: `他说中文很好` was refused against `他说中<ZWJ>文很好`, "the nearest passage, 92%
alike, is '他说中文很好…'", a passage that reads as the quote typed, with nothing said of the
character that tells them apart (review338).
"""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput


@pytest.mark.parametrize("joiner", ["\u200d", "\u200c"])
def test_joiner_between_han_characters_is_marked(joiner: str) -> None:
    from workbench.domain.pinning import find_quote_tolerant

    text = f"他说中{joiner}文很好，大家都同意。\n"
    with pytest.raises(InvalidInput) as refused:
        find_quote_tolerant(text, "他说中文很好，大家都同意")
    said = str(refused.value)
    assert f"'他说中\\u{ord(joiner):04x}文很好，大家都同意'" in said, said
    assert "cannot be seen" in said


def test_joiners_of_an_emoji_and_of_persian_stay_drawn() -> None:
    from workbench.domain.said_back import marked_quote

    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # می‌خواهم
    assert marked_quote(f"{family} 中文") == (f"'{family} 中文'", False)
    assert marked_quote(persian) == (f"'{persian}'", False)
