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
