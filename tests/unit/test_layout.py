"""Fitting tables into a width: never a word broken, never a line too long."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from workbench.cli.layout import cell_width, fit, stacked, wrap


def test_wrap_breaks_at_spaces_and_between_cjk_characters_only() -> None:
    assert wrap("Yan Junjie first read OpenAI's CLIP paper in 2020.", 12) == [
        "Yan Junjie",
        "first read",
        "OpenAI's",
        "CLIP paper",
        "in 2020.",
    ]
    # Chinese breaks between characters; a Latin word inside it stays whole.
    assert wrap("当他第一次读到CLIP论文时", 10) == ["当他第一次", "读到CLIP论", "文时"]
    assert wrap("supercalifragilistic", 8) == ["superca…"]
    assert wrap("", 10) == [""]


WORDS = st.lists(
    st.text(alphabet="abcdefgh'", min_size=1, max_size=9)
    | st.text(alphabet="论文时当他", min_size=1, max_size=5),
    max_size=20,
)


@given(words=WORDS, width=st.integers(min_value=10, max_value=60))
def test_wrapped_lines_fit_and_keep_every_latin_word_whole(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines)
    latin = set(re.findall(r"[a-h']+", text))
    for line in lines:
        for word in re.findall(r"[a-h']+", line):
            assert word in latin, (word, lines)


def test_fit_drops_empty_and_named_columns_then_stacks() -> None:
    columns = ["id", "status", "owner", "claim", "quote"]
    rows = [["1", "unverified", "", "x" * 70, "y" * 30]]
    wide = fit(columns, rows, 200, frozenset({"claim", "quote"}), ("quote",))
    assert wide.keep == (0, 1, 2, 3, 4) and not wide.stacked
    narrow = fit(columns, rows, 60, frozenset({"claim", "quote"}), ("quote",))
    assert narrow.keep == (0, 1, 3) and narrow.text_widths == {3: 60 - 2 - 10 - 10}
    tiny = fit(columns, rows, 30, frozenset({"claim", "quote"}), ("quote",))
    assert tiny.stacked
    lines = stacked(
        columns, [["1", "unverified", "", "a b " * 20, "引语"]], 30, frozenset({"claim", "quote"})
    )
    assert lines[0] == "1  unverified"
    assert all(cell_width(line) <= 30 for line in lines)
    assert lines[-1] == "    引语"
