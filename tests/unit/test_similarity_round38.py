"""Round 38 of "checked before?" (session 41, chosen on fresh37 once it had been scored): a
scale of a scale said aloud multiplies ("a thousand million"), and "a" before a scale is one
("a million people", "half a million"); light years and parsecs are one
length; a match told by its loser is the one its winner told (the ground each names is its
own: 主场 for the one, 客场 for the other), and two claims naming different winners of one
fixture are two results. Invented sentences."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing

from workbench.domain.similarity.figures import EN_NUMBER, spoken_value


def spoken(text: str) -> list[float]:
    return [spoken_value(m.group()) for m in EN_NUMBER.finditer(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one thousand million pounds", 1e9),
        ("one million million dollars", 1e12),
        ("one thousand thousand", 1e6),
        ("one thousand two hundred million", 1.2e9),
        # a smaller scale after a larger one adds
        ("two million three hundred thousand", 2_300_000.0),
        ("two billion five hundred million", 2.5e9),
        ("three million two thousand and five", 3_002_005.0),
        ("two hundred and eighty-seven thousand four hundred", 287_400.0),
    ],
)
def test_a_scale_of_a_scale_multiplies(text: str, value: float) -> None:
    assert spoken(text) == [value]


def test_light_years_and_parsecs_are_one_length() -> None:
    assert "figures" not in disagreeing(
        "Brackwell Observatory found a planet 212 light years from Earth.",
        "A planet about 65 parsecs away was found by Brackwell Observatory.",
    )


def test_another_distance_is_another_figure() -> None:
    assert "figures" in disagreeing(
        "Brackwell Observatory found a planet 212 light years from Earth.",
        "A planet about 95 parsecs away was found by Brackwell Observatory.",
    )


def test_a_match_told_by_its_loser_is_the_one_its_winner_told() -> None:
    found = disagreeing(
        "2026年5月9日，岚川队在铜湖足球甲级联赛第10轮主场以3比1战胜赭石队。",
        "铜湖足甲第十轮，赭石队5月9日客场以一比三负于岚川队。",
    )
    assert "scopes" not in found
    assert "roles" not in found


def test_the_same_side_at_home_and_away_is_two_matches() -> None:
    assert "scopes" in disagreeing(
        "岚川队在铜湖足球甲级联赛第10轮主场以3比1战胜赭石队。",
        "岚川队在铜湖足球甲级联赛第10轮客场以3比1战胜赭石队。",
    )


def test_two_winners_of_one_fixture_are_two_results() -> None:
    assert "roles" in disagreeing(
        "铜湖足甲第十轮，赭石队客场以一比三负于岚川队。",
        "铜湖足甲第十轮，岚川队客场以一比三负于赭石队。",
    )


# A review's counter-examples (session 41), each mended.
def test_one_sides_home_win_and_its_away_loss_to_another_side_are_two_matches() -> None:
    assert "scopes" in disagreeing("岚川队主场3比1战胜赭石队。", "岚川队客场1比3负于青鸾队。")


@pytest.mark.parametrize(
    "other",
    [
        "赭石队在岚川队主场以1比3负于岚川队。",
        "在岚川主场，赭石队1比3负于岚川队。",
        "赭石队客场1比3负于岚川队。",
    ],
)
def test_a_ground_told_from_the_other_side_says_nothing(other: str) -> None:
    assert "scopes" not in disagreeing("岚川队主场3比1战胜赭石队。", other)


def test_a_win_told_as_an_aside_is_no_other_result() -> None:
    assert "roles" not in disagreeing(
        "Athletic lost 3-0 to Rovers, a week after their draw with Town.",
        "Rovers beat Athletic 3-0; Athletic had lost to Town a week earlier.",
    )


def test_two_figures_joined_by_and_are_not_multiplied() -> None:
    assert "figures" in disagreeing(
        "Between two million and three million people live in Corrandale.",
        "Between two million and four million people live in Corrandale.",
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Kettleby Council replaced 5,000 light fittings on its roads.",
            "Kettleby Council resurfaced 5,000 miles of its roads.",
        ),
        (
            "Corrandale Air bought 40 light aircraft last year.",
            "Corrandale Air flew 40 kilometres last year.",
        ),
    ],
)
def test_light_alone_is_no_length(one: str, other: str) -> None:
    assert "measures" in disagreeing(one, other)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a million people", [1e6]),
        ("a thousand million pounds", [1e9]),
        ("a hundred and twenty jobs", [120.0]),
        # "half a million" is half of one
        ("half a million", [500_000.0]),
        ("half a billion pounds", [5e8]),
        ("a year and a plan", []),
    ],
)
def test_a_before_a_scale_is_one(text: str, values: list[float]) -> None:
    assert spoken(text) == values


def test_a_million_said_is_a_million_written() -> None:
    assert "figures" not in disagreeing(
        "Corrandale's population passed a million people in 2025.",
        "Corrandale had more than 1,000,000 residents in 2025.",
    )
