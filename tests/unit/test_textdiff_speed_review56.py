"""review56: `doc update` (and `doc changes`, `claim changes`) diffs the old and new text with
difflib's SequenceMatcher, autojunk off, first line by line, then character by character inside
a replaced passage of up to 4,000 characters. The fix for blank lines (a line is matched with
the blank lines after it) left every other repeated unit alone, and the matcher visits every
place a unit recurs for each of its occurrences, recursively: the cost grew faster than the
square of the input.

* A 104 KB text of one sentence repeated on 4,000 lines, updated so that every tenth line
  changed, did not finish `doc update` in 300 s (1,000 lines took 4.2 s, 2,000 lines 41 s).
* One replaced paragraph of 3,900 characters with a repeating pattern ("abab...", a row of
  figures "1,1,1,...", a table line) took 65 s to diff, inside the write transaction.

Hostile input must never hang a command. Judged as the project judges speed: the time on four
times the input against the time on the input, not against a clock (tests/unit/linear_time)."""

from __future__ import annotations

from linear_time import linear

from workbench.domain.textdiff import diff_texts

SEP = "\x00"


def _diff(both: str) -> object:
    old, new = both.split(SEP)
    return diff_texts(old, new)


def _repeated_lines(n: int) -> str:
    old = "The rate rose 5% in 2023.\n" * n
    new = ("The rate rose 5% in 2023.\n" * 9 + "Prices fell 2%.\n") * (n // 10)
    return old + SEP + new


def _repeating_paragraph(n: int) -> str:
    old = "head\n" + "ab" * (n // 2) + "\ntail\n"
    new = "head\n" + "".join("ab" if i % 10 else "ba" for i in range(n // 2)) + "\ntail\n"
    return old + SEP + new


def test_review56_a_line_repeated_through_the_text_is_diffed_in_linear_time() -> None:
    assert linear(_diff, _repeated_lines, small=90)


def test_review56_a_repeating_replaced_paragraph_is_diffed_in_linear_time() -> None:
    # The trial's paragraph was 3,900 characters: timed against a quarter of it. (At 150
    # against 600 the refining worked up to its fixed floor of budget, bounded by design but
    # growing faster than the input there, so the test passed only where 600 characters took
    # under 0.1 s: it failed on a slower machine at the session's start and its end alike.)
    assert linear(_diff, _repeating_paragraph, small=975)
