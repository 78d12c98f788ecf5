"""An English desk's first week (trial64): a sentence ending in a single capital letter (Larsen
C., Plan B., Class A.) ends there when the next one opens as a sentence does."""

from __future__ import annotations

import pytest

from workbench.domain.segment import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2017, a trillion-tonne iceberg called A68 broke off Larsen C. It was about the "
            "size of Delaware.",
            [
                "In 2017, a trillion-tonne iceberg called A68 broke off Larsen C.",
                "It was about the size of Delaware.",
            ],
        ),
        (
            "The council chose Plan B. The vote was 7 to 2.",
            ["The council chose Plan B.", "The vote was 7 to 2."],
        ),
        (
            "Its shares are Class A. However, few trade.",
            ["Its shares are Class A.", "However, few trade."],
        ),
    ],
)
def test_a_sentence_ending_in_a_capital_letter_ends(text: str, expected: list[str]) -> None:
    """A period after a single capital letter never ended a sentence (read as an initial), so
    "Larsen C. It was about the size of Delaware." was one candidate, and one claim, of two
    facts."""
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "John F. Kennedy spoke in Berlin in 1963.",
        "J. K. Rowling wrote it.",
        "Author J. A. Smith said sales rose 4 percent.",
        "George W. Bush was re-elected in 2004.",
    ],
)
def test_initials_before_a_name_still_do_not_end_a_sentence(text: str) -> None:
    """(kept: an initial before a name, or before another initial, ends nothing)"""
    assert texts(text) == [text]
