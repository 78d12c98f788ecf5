"""Fitting tables into a width: never a word broken, never a line too long."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.cli.layout import cell_width, clip_cells, fit, stacked, wrap
from workbench.cli.render import clip


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


def test_chinese_closing_punctuation_never_starts_a_line_nor_opening_ends_one() -> None:
    lines = wrap("社会消费品零售总额512亿元，增长4.1%。（数据来源：统计局）", 12)
    assert all(cell_width(line) <= 12 for line in lines), lines
    assert not any(line[0] in "，。）：" for line in lines), lines
    assert not any(line[-1] in "（" for line in lines), lines
    assert "".join(lines) == "社会消费品零售总额512亿元，增长4.1%。（数据来源：统计局）"
    assert wrap("增长，", 4) == ["增", "长，"]  # the comma takes its character along
    # Glued pieces wider than the line are broken between after all, never cut short.
    assert wrap("数据（2023）年", 5) == ["数据", "（", "2023", "）年"]


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


def test_fit_says_what_width_is_left_once_every_column_has_its_natural_width() -> None:
    """The spare cells a table may give to text it clipped (`claim list` on a wide terminal)."""
    columns = ["id", "claim", "quote"]
    rows = [["1", "x" * 56, "y" * 24]]
    texts = frozenset({"claim", "quote"})
    overhead = 3 * 3 + 1
    assert fit(columns, rows, 220, texts).spare == 220 - overhead - 2 - 56 - 24
    assert fit(columns, rows, 80, texts).spare == 0  # the text is wrapped: nothing left


def test_clip_counts_terminal_cells_not_characters() -> None:
    # 30 Chinese characters are 60 cells: they fit 60 exactly; 59 keeps 29 and the ellipsis;
    # 58 keeps 28, a cell short (half a character is no character).
    zh = "当他第一次读到论文时" * 3
    assert clip_cells(zh, 60) == zh
    assert clip_cells(zh, 59) == zh[:29] + "…" and cell_width(clip_cells(zh, 59)) == 59
    assert clip_cells(zh, 58) == zh[:28] + "…" and cell_width(clip_cells(zh, 58)) == 57
    assert clip_cells(zh, 21) == zh[:10] + "…" and cell_width(clip_cells(zh, 21)) == 21
    # Mixed text: the Latin letters take one cell each, the Chinese two.
    assert clip_cells("2020年读到CLIP论文", 16) == "2020年读到CLIP…"
    assert clip_cells("2020年读到CLIP论文", 17) == "2020年读到CLIP论…"
    assert clip_cells("2020年读到CLIP论文", 18) == "2020年读到CLIP论文"


def test_clip_never_cuts_inside_a_grapheme() -> None:
    decomposed = "cafe\u0301 cre\u0300me"  # é and è as letter + combining accent: 10 cells
    assert cell_width(decomposed) == 10 and clip_cells(decomposed, 10) == decomposed
    assert clip_cells(decomposed, 9) == "cafe\u0301 cre\u0300…"
    assert clip_cells(decomposed, 5) == "cafe\u0301…"
    assert clip_cells("e\u0301" * 3, 3) == "e\u0301" * 3
    assert clip_cells("e\u0301" * 4, 3) == "e\u0301" * 2 + "…"
    # A flag is two code points of one cell each, one cluster: it goes whole or not at all.
    assert clip_cells("a\U0001f1e8\U0001f1f3b", 3) == "a…"
    assert clip_cells("a\U0001f1e8\U0001f1f3bc", 4) == "a\U0001f1e8\U0001f1f3…"


def test_clip_of_ascii_is_unchanged() -> None:
    assert clip_cells("x" * 60, 60) == "x" * 60
    assert clip_cells("x" * 61, 60) == "x" * 59 + "…"
    assert clip("Yan  Junjie\nfirst read", 12) == "Yan Junjie …"
    assert clip("Yan Junjie", 10) == "Yan Junjie"


@given(
    text=st.text(alphabet="ab 论文e\u0301\u0300！", max_size=40),
    width=st.integers(min_value=1, max_value=50),
)
def test_clipped_text_fits_and_is_a_prefix_cut_between_graphemes(text: str, width: int) -> None:
    import regex

    out = clip_cells(text, width)
    assert cell_width(out) <= width
    if out != text:
        kept = out[:-1]
        assert out.endswith("…") and text.startswith(kept)
        # The cut falls on a cluster boundary, and the next cluster would not have fitted.
        clusters = regex.findall(r"\X", text)
        ends = {len("".join(clusters[:n])) for n in range(len(clusters) + 1)}
        assert len(kept) in ends
        after = regex.match(r"\X", text[len(kept) :])
        assert after is not None and cell_width(kept) + cell_width(after.group()) > width - 1


def test_a_changed_quote_is_shown_where_it_changed() -> None:
    from workbench.cli.render import quote_change

    old = "Under my leadership as Minister, unemployment fell to 4.1%, the lowest since 1971."
    new = old.replace("4.1%", "4.2%")
    # The debate trial saw both versions clipped at the same place, before the change.
    assert quote_change(old, new) == "…unemployment fell to [-4.1-]{+4.2+}%, the lowest since 1971."
    assert quote_change("a b c", "a b c d") == "a b c{+ d+}"
    assert quote_change("rose 3%", "rose 13%") == "rose [-3-]{+13+}%"
    # A changed number is shown whole.
    assert quote_change("员工超过1200人", "员工超过1,200人") == "员工超过[-1200-]{+1,200+}人"
    # A long change is clipped, each side on its own.
    long_old, long_new = "x " + "旧" * 80, "x " + "新" * 80
    shown = quote_change(long_old, long_new)
    assert shown.startswith("x [-旧") and "{+新" in shown and len(shown) < 80


def test_a_diff_and_a_changed_quote_mark_changes_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    # One marking for both (`marked_change`): they had a copy each of the colours and brackets.
    from types import SimpleNamespace

    from workbench.cli import render

    old, new = "rose 3% in 2023", "rose 13% in 2023"
    change = SimpleNamespace(old_start=5, old_end=6, new_start=5, new_end=7)
    change.old_text, change.new_text = "3", "13"
    for colour in (False, True):
        monkeypatch.setattr(render, "use_colour", lambda colour=colour: colour)
        marked = render.marked_change("3", "13")
        assert render.quote_change(old, new) == "rose " + marked + "% in 2023"
        assert render.changed_passages(old, new, [change]) == "rose " + marked + "% in 2023"
        assert (marked == "[-3-]{+13+}") is not colour
        if not colour:
            assert render.marked_change("", "x") == "{+x+}"
            assert render.marked_change("x", "") == "[-x-]"
