"""The revision diff: changes that rebuild the new text, offsets exact in both texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
