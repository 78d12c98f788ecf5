"""The revision diff: changes that rebuild the new text, offsets exact in both texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from linear_time import linear

from workbench.domain.textdiff import diff_texts

ALPHABET = "ab字。\n "


def apply(old: str, changes: list) -> str:  # type: ignore[type-arg]
    out, at = [], 0
    for c in changes:
        out.append(old[at : c.old_start])
        out.append(c.new_text)
        at = c.old_end
    out.append(old[at:])
    return "".join(out)


@given(st.text(alphabet=ALPHABET, max_size=80), st.text(alphabet=ALPHABET, max_size=80))
def test_changes_rebuild_the_new_text(old: str, new: str) -> None:
    d = diff_texts(old, new)
    assert apply(old, d.changes) == new
    for c in d.changes:
        assert old[c.old_start : c.old_end] == c.old_text
        assert new[c.new_start : c.new_end] == c.new_text
    for o, n, length in d.equal:
        assert old[o : o + length] == new[n : n + length]


@given(st.text(alphabet=ALPHABET, max_size=80), st.text(alphabet=ALPHABET, max_size=80))
def test_mapped_offsets_stay_in_the_new_text(old: str, new: str) -> None:
    d = diff_texts(old, new)
    for pos in range(len(old) + 1):
        assert 0 <= d.map_offset(pos) <= len(new)


def test_a_changed_number_is_one_replacement() -> None:
    old = "参数量达到4560亿。\n下一段。\n"
    new = "参数量达到4650亿。\n下一段。\n"
    [c] = diff_texts(old, new).changes
    assert c.op == "replace" and "56" in c.old_text and "65" in c.new_text


def test_offsets_after_an_insertion_shift_by_its_length() -> None:
    old = "first line\nsecond line\n"
    new = "inserted\nfirst line\nsecond line\n"
    d = diff_texts(old, new)
    assert [c.op for c in d.changes] == ["insert"]
    assert d.map_offset(old.index("second")) == new.index("second")


def test_an_article_of_many_paragraphs_diffs_in_linear_time() -> None:
    # A blank line between paragraphs recurs once a paragraph: matched alone, each of them
    # was visited for each other (a 1 MB article took 103 s).
    def make(n: int) -> str:
        return "".join(f"第{i}段，收入增长{i % 97}%。\n\n" for i in range(n))

    def revise(text: str) -> object:
        middle = len(text) // 2
        return diff_texts(text, text[:middle] + "（更正）" + text[middle:])

    assert linear(revise, make)


def test_a_paragraph_moved_past_blank_lines_is_still_exact() -> None:
    old = "one\n\ntwo\n\nthree\n"
    new = "one\n\nthree\n\ntwo\n"
    d = diff_texts(old, new)
    assert apply(old, d.changes) == new
    assert d.map_offset(0) == 0


NUMBERS = "129.,a字 \n"


@given(st.text(alphabet=NUMBERS, max_size=60), st.text(alphabet=NUMBERS, max_size=60))
def test_changes_widened_to_whole_numbers_still_rebuild_the_new_text(old: str, new: str) -> None:
    d = diff_texts(old, new)
    assert apply(old, d.changes) == new
    for c in d.changes:
        assert old[c.old_start : c.old_end] == c.old_text
        assert new[c.new_start : c.new_end] == c.new_text
    ends = [0] + [c.old_end for c in d.changes]
    assert all(a <= c.old_start for a, c in zip(ends, d.changes, strict=False))
    for o, n, length in d.equal:
        assert length > 0 and old[o : o + length] == new[n : n + length]


def test_a_changed_figure_is_said_whole() -> None:
    """Session 46 left alone: `doc changes` said '23' -> '87' for 1523万 -> 1587万."""
    cases = {
        ("营收为1523万元，", "营收为1587万元，"): [("1523", "1587")],
        ("raised $15.2 million", "raised $17.9 million"): [("15.2", "17.9")],
        ("cost 1,234,567 yuan", "cost 1,239,567 yuan"): [("1,234,567", "1,239,567")],
        ("in 2021.", "in 2022."): [("2021", "2022")],
        ("abc 12 x", "abc 123 x"): [("12", "123")],
        ("12, 13 and 4", "12, 14 and 4"): [("13", "14")],  # a list, not one number
        ("第1名", "第2名"): [("1", "2")],
        ("the cat", "the bat"): [("c", "b")],  # words are as they were
    }
    for (old, new), said in cases.items():
        assert [(c.old_text, c.new_text) for c in diff_texts(old, new).changes] == said, old
