"""A quote pasted from a PDF finds its span: ligatures and words hyphenated at a line break.

An English desk's trial: a quote pasted from a PDF with a ligature ("ﬁrst") or a word broken at
a line's end ("con-\\nsider", "con- sider") was not found by `claim add --quote`, and neither was
a plainly typed quote in a document taken from a PDF that kept them.
"""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.pinning import find_quote_tolerant
from workbench.domain.quote_folding import Folded, fold


@pytest.mark.parametrize(
    ("text", "quote", "span"),
    [
        ("It was the ﬁrst time.", "first time", "ﬁrst time"),
        ("It was the first time.", "ﬁrst time", "first time"),
        ("Do not ﬂy ﬀ ﬃx ﬄe ﬅ ﬆop.", "fly ff ffix ffle st stop", "ﬂy ﬀ ﬃx ﬄe ﬅ ﬆop"),
        ("We will con-\nsider it.", "consider it", "con-\nsider it"),
        ("We will consider it.", "con-\nsider it", "consider it"),
        ("We will consider it.", "con- sider it", "consider it"),
        ("We will con-\nsider it.", "con- sider it", "con-\nsider it"),
        ("We will con\u00ad\nsider it.", "consider it", "con\u00ad\nsider it"),
        ("We will consider it.", "con\u00adsider it", "consider it"),
        ("A well-\nknown man.", "well-known man", "well-\nknown man"),
        ("A well-known man.", "well-\nknown man", "well-known man"),
        ("The eﬃ-\ncient one.", "efficient one", "eﬃ-\ncient one"),
    ],
)
def test_pasted_pdf_quote_found_both_ways(text: str, quote: str, span: str) -> None:
    """A quote differing from the text only by a ligature or a line-break hyphen was refused
    (only the nearest passage was offered); now its span is the stored text's own."""
    found = find_quote_tolerant(text, quote)
    assert found.quote == span
    assert text[found.start : found.end] == span


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("A well-known man.", "wellknown man"),  # an ordinary compound keeps its hyphen
        ("A wellknown man.", "well-known man"),
        ("从2019-\n2020年起", "从20192020年起"),  # a range of years broken at a line is no word
        ("计划-\n实施", "计划实施"),  # nor is a hyphen between Han characters
        ("The eﬃcient one.", "ef"),  # half a ligature is no occurrence
    ],
)
def test_no_line_break_no_hyphen_dropped(text: str, quote: str) -> None:
    """Folding a PDF's forms could have made an ordinary hyphen, a hyphen between digits or
    Han characters, or half a ligature match: none of them does."""
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant(text, quote)


def test_folding_two_spans_is_ambiguous() -> None:
    """A quote matching two spans once ligatures and line-break hyphens are folded was pinned
    to one of them silently; the ambiguity rule applies as for any folded match."""
    text = "The ﬁrst  time. Then the ﬁrst\ntime."
    with pytest.raises(InvalidInput, match="occurs 2 times"):
        find_quote_tolerant(text, "first time")
    assert find_quote_tolerant(text, "first time", occurrence=2).quote == "ﬁrst\ntime"
    text = "We con-\nsider it. We consider it\u00a0again."
    assert find_quote_tolerant(text, "consider it").quote == "consider it"  # verbatim first
    with pytest.raises(InvalidInput, match="occurs 2 times"):
        find_quote_tolerant(text, "con- sider it")


def test_folded_offsets_map_back_to_code_points() -> None:
    """The folded text spelt ligatures out and dropped line-break hyphens without a map back,
    so offsets could not be code points of the stored text; each folded index now maps back."""
    text = "a ﬃ b-\n c ﬁ"
    folded = Folded(text)
    assert folded.text == fold(text) == "affibcfi"
    assert [folded.to_original(i) for i in range(len(folded.text))] == [0, 2, 2, 2, 4, 8, 10, 10]
    assert folded.span(1, 4) == (2, 3)
    assert folded.from_original(4) == 4
    assert not folded.whole(1, 2)
