"""The text checks people's input goes through: the fast path refuses exactly what the
character-by-character rule refuses."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import (
    REFUSED_IN_TEXT,
    REFUSED_ONE_LINE,
    TEXT_CONTROLS,
    check_language,
    check_text,
    has_visible,
)

REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def test_the_regex_classes_are_the_refused_categories() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        refused = unicodedata.category(char) in REFUSED_CATEGORIES
        assert (REFUSED_ONE_LINE.search(char) is not None) == refused, hex(code)
        in_text = refused and char not in TEXT_CONTROLS
        assert (REFUSED_IN_TEXT.search(char) is not None) == in_text, hex(code)


@pytest.mark.parametrize(
    ("value", "one_line", "fragment"),
    [
        ("估值 \x1b[31m", False, "character 4 is the control character U+001B"),
        ("a\nb", True, "character 2 is the control character U+000A"),
        ("a\u2028b", False, "U+2028"),
        ("a\ud800", False, "not valid UTF-8"),
        ("ok\0", True, "NUL"),
    ],
)
def test_refusals_still_say_which_character(value: str, one_line: bool, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(fragment)):
        check_text(value, "the note", 100, one_line=one_line)


def test_text_that_passes_comes_back_unchanged() -> None:
    value = "估值约 5 亿美元。\n\tLine two — “quoted”, 🇨🇳"
    assert check_text(value, "the note", 100) is value
    with pytest.raises(InvalidInput, match="limit is 3"):
        check_text("abcd", "the note", 3)


@pytest.mark.parametrize("tag", ["zh", "en", "zh-Hant", "zh-Hans-CN", "es-419", "EN-gb", "yue"])
def test_language_tags_pass_unchanged(tag: str) -> None:
    assert check_language(tag) == tag


@pytest.mark.parametrize(
    "value", ["中文", "Chinese", "z", "zh_CN", "zh-", "-zh", "zh--CN", "zh-toolongsub", "zh CN", ""]
)
def test_what_is_not_shaped_as_a_language_tag_is_refused(value: str) -> None:
    with pytest.raises(InvalidInput, match="is not a language tag"):
        check_language(value)


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\t", "\u200b", " \u200b\u200d ", "\u202e", "\u3164", "\ufe0f", "\u3000"]
)
def test_text_of_spaces_and_characters_that_draw_nothing_is_empty(text: str) -> None:
    assert not has_visible(text)


@pytest.mark.parametrize("text", ["x", " 。", "\u200bx", "\u2764\ufe0f", "é", "\u00a0a"])
def test_text_with_something_to_see_is_not_empty(text: str) -> None:
    assert has_visible(text)
