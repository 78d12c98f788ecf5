"""The revision diff's work cap (review56). difflib's matcher visited every pair of equal units
again at each level of its recursion, so a line repeated through the text or a replaced
paragraph with a repeating pattern cost more than the square of the input (2,000 lines 41 s,
3,900 characters 65 s). Its work is counted now; past the budget, lines are anchored on those
once in each text and a passage refined character by character is one change. The diff past
the budget must still be a diff (it rebuilds the new text; equal stretches are equal), and an
ordinary revision must not reach the budget (its diff is the matcher's, as before)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import textdiff
from workbench.domain.textdiff import Diff, diff_texts

ALPHABET = "ab字。\n "


def _holds(old: str, new: str, d: Diff) -> None:
    out, at = [], 0
    for c in d.changes:
        assert old[c.old_start : c.old_end] == c.old_text
        assert new[c.new_start : c.new_end] == c.new_text
        out += [old[at : c.old_start], c.new_text]
        at = c.old_end
    assert "".join([*out, old[at:]]) == new
    for o, n, length in d.equal:
        assert old[o : o + length] == new[n : n + length]


@pytest.fixture
def no_budget() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(textdiff, "LINE_WORK", 0)
        mp.setattr(textdiff, "CHAR_WORK", 0)
        mp.setattr(textdiff, "LEAST_WORK", 0)
        yield


@given(st.text(alphabet=ALPHABET, max_size=80), st.text(alphabet=ALPHABET, max_size=80))
def test_a_diff_past_its_budget_still_rebuilt_the_new_text(old: str, new: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        for name in ("LINE_WORK", "CHAR_WORK", "LEAST_WORK"):
            mp.setattr(textdiff, name, 0)
        _holds(old, new, diff_texts(old, new))


def test_lines_past_the_budget_were_anchored_on_those_once_in_each_text(no_budget: None) -> None:
    # A transcript: "(applause)" between unique lines; two lines changed, one moved.
    lines = [f"Speaker {i}: the rate rose {i}% in 2023.\n(applause)\n" for i in range(40)]
    new_lines = list(lines)
    new_lines[5] = "Speaker 5: the rate rose 6% in 2023.\n(applause)\n"
    new_lines[30] = "Speaker 30: exports fell.\n(applause)\n"
    old, new = "".join(lines), "".join(new_lines)
    d = diff_texts(old, new)
    _holds(old, new, d)
    assert [(c.old_text, c.new_text) for c in d.changes] == [
        ("5", "6"),
        ("the rate rose 30% in 2023", "exports fell"),
    ]


def test_a_repeating_passage_past_the_budget_was_one_change_trimmed(no_budget: None) -> None:
    old = "head\n" + "ab" * 50 + "\ntail\n"
    new = "head\n" + "ab" * 10 + "ba" + "ab" * 20 + "ba" + "ab" * 18 + "\ntail\n"
    d = diff_texts(old, new)
    _holds(old, new, d)
    # from the first swapped pair to the last: "ba" at 25 and at 67
    assert [(c.old_start, c.old_end) for c in d.changes] == [(25, 69)]


def test_an_ordinary_revision_stayed_within_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long article revised throughout (paragraphs edited, moved, deleted, figures changed)
    is diffed by the matcher alone, as before the cap: its fallback is never reached."""

    def never(*args: object) -> None:
        raise AssertionError("the diff went past its budget")

    monkeypatch.setattr(textdiff, "_trimmed", never)
    monkeypatch.setattr(textdiff, "_anchors", never)
    sentences = [
        f"Paragraph {i}: the council said spending rose {i * 7 % 97}% to {i * 1237} million, "
        f"citing {['roads', 'schools', 'water', 'housing'][i % 4]} and the {i}th report. "
        f"段落{i}：市议会称，支出增长了{i % 13}个百分点，达到{i * 31}亿元。" * 3
        for i in range(600)
    ]
    new = list(sentences)
    for i in range(0, 600, 7):
        new[i] = new[i].replace("rose", "climbed").replace("million", "m")
    for i in range(3, 600, 11):
        new[i] = new[i].replace(str(i * 1237), str(i * 1237 + 5))
    moved = new[100:110]
    del new[100:110], new[400:405]
    new += moved
    old_text, new_text = "\n\n".join(sentences), "\n\n".join(["Editor's note: updated.", *new])
    _holds(old_text, new_text, diff_texts(old_text, new_text))
