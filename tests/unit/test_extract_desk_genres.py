"""Claim discovery on English genres the labelled debates lack: the spans `extract` proposes.

trial209 fed `extract` short texts of the kinds a desk meets (a wire story with a dateline, an
earnings release, a court ruling, a live blog, a social thread, an interview, an encyclopedia
article, a newsletter, mixed Chinese and English) and read the spans it offered:

* An encyclopedia's temperature (`winter temperatures fall to −18 °C.[3] Annual rainfall
  averages 1,150 mm.`) was read as a name's middle initial (`John F. Kennedy`), and the two
  sentences were offered as one candidate.
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
            "Winter temperatures fall to −18 °C.[3] Annual rainfall averages 1,150 mm.",
            ["Winter temperatures fall to −18 °C.[3]", "Annual rainfall averages 1,150 mm."],
        ),
        (
            "The mean is 7.4 °C. Annual rainfall averages 1,150 mm.",
            ["The mean is 7.4 °C.", "Annual rainfall averages 1,150 mm."],
        ),
        (
            "Water boils at 212 °F. Sea water freezes lower.",
            ["Water boils at 212 °F.", "Sea water freezes lower."],
        ),
    ],
)
def test_a_temperature_unit_before_a_stop_is_no_initial(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert ends_sentence(text, text.index("°") + 2)


def test_an_initial_after_a_letter_still_joins_a_name() -> None:
    """The rule for initials stands where no degree sign is: `John F. Kennedy` is one name."""
    assert sentences("John F. Kennedy won in 1960.") == ["John F. Kennedy won in 1960."]


def test_a_temperature_candidate_stops_at_its_sentence() -> None:
    text = (
        "The mean annual temperature is 7.4 °C, and winter temperatures fall to −18 °C.[3] "
        "Annual rainfall averages 1,150 mm, 60% of which falls in winter.\n"
    )
    found = find_candidates(text, 0.0)
    assert [c.text for c in found] == [
        "The mean annual temperature is 7.4 °C, and winter temperatures fall to −18 °C.[3]",
        "Annual rainfall averages 1,150 mm, 60% of which falls in winter.",
    ]
