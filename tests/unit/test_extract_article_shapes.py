"""Claim discovery on the shapes real articles come in: the spans `extract` proposes.

trial162 fed `extract` footnoted reports, press releases and pasted lists:

* A footnote marker after a full stop (`rose 4.5% in 2023.[1] Wages rose 3.1%.[2]`) was cut
  from the sentence it annotates and glued to the front of the next one: the candidates were
  "Prices rose 4.5% in 2023." and "[1] Wages rose 3.1%.", and "[2]" stood alone. A superscript
  marker (`2023.¹ Wages`) kept the two sentences as one candidate.
* A sentence that ends in a short web address or file name (`…at example.com/report.html.
  Contact press@example.com for details.`) ran on into the next one, as if `.html.` were the
  `U.S.` of an abbreviation (a longer address, www.example.com, already ended its sentence).
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.segment import ends_sentence, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prices rose 4.5% in 2023.[1] Wages rose 3.1%.[2]",
            ["Prices rose 4.5% in 2023.[1]", "Wages rose 3.1%.[2]"],
        ),
        (
            "Prices rose 4.5% in 2023.¹ Wages rose 3.1%.²³",
            ["Prices rose 4.5% in 2023.¹", "Wages rose 3.1%.²³"],
        ),
        (
            "全国粮食产量达到6.95亿吨。[12]比上年增长1.6%。",
            ["全国粮食产量达到6.95亿吨。[12]", "比上年增长1.6%。"],
        ),
        (
            "全国粮食产量达到6.95亿吨。¹比上年增长1.6%。",
            ["全国粮食产量达到6.95亿吨。¹", "比上年增长1.6%。"],
        ),
        # a quotation closed before the marker: the marker after the closing quote
        (
            'He said "jobs rose 5%."[3] Then he left.',
            ['He said "jobs rose 5%."[3]', "Then he left."],
        ),
    ],
)
def test_a_footnote_marker_stays_with_the_sentence_it_annotates(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_a_bracketed_word_or_a_long_number_after_a_stop_is_no_footnote() -> None:
    # a word in brackets, a year in brackets: what follows a stop as before
    assert sentences("Jobs rose 5%. [Update] Rates held.") == [
        "Jobs rose 5%.",
        "[Update] Rates held.",
    ]
    assert sentences("Jobs rose 5%. [2024] was a good year.") == [
        "Jobs rose 5%.",
        "[2024] was a good year.",
    ]


def test_ends_sentence_agrees_on_a_stop_before_a_footnote() -> None:
    # re-anchoring asks `ends_sentence` of a stop: it ends its sentence with or without a marker
    text = "Prices rose 4.5% in 2023.[1] Wages rose 3.1%."
    assert ends_sentence(text, text.index(".[1]"))
    text = "Prices rose 4.5% in 2023.¹ Wages rose 3.1%."
    assert ends_sentence(text, text.index(".¹"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The filing is at example.com/report.html. Contact press@example.com for details.",
            ["The filing is at example.com/report.html.", "Contact press@example.com for details."],
        ),
        (
            "Read the figures in results.pdf. Revenue rose 12% to $4.5 billion.",
            ["Read the figures in results.pdf.", "Revenue rose 12% to $4.5 billion."],
        ),
    ],
)
def test_a_sentence_that_ends_in_an_address_or_a_file_name_ends(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He earned a Ph.D. Smith supervised him.",  # Ph.D. before a name: no end (as before)
        "The U.S. Army has 450,000 soldiers.",
        "It opened at 9 a.m. Monday in Ohio.",
        "We met e.g. Smith and i.e. Jones.",
    ],
)
def test_initialisms_still_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


def test_footnoted_candidates_keep_their_markers_and_not_the_next_sentences() -> None:
    text = "Prices rose 4.5% in 2023.[1] Wages rose 3.1% in 2023.[2]\n"
    found = find_candidates(text, 0.0)
    assert [c.text for c in found] == [
        "Prices rose 4.5% in 2023.[1]",
        "Wages rose 3.1% in 2023.[2]",
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
