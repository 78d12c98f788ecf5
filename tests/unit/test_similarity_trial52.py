"""trial52: "checked before?" on an English debate (FINDINGS.md items 3, 4 and 5). Reworded
claims that a fact-checker would call the same claim were marked as disagreeing:

- a negation anywhere in the sentence ("she won't tell you that rent has risen", "Not true:
  rates have gone up") was read as a denial of the figure's rise, which then read as the figure
  staying flat (`~flat`), and the reworded claim scored x0.50 as "opposite acts";
- "Midwestern" was another name than "Midwest" (x0.50, "other names");
- "the national average of 4.1 percent" against "the 4.1% nationally" was "average or total:
  only one claim says average" (x0.55), though the national average of a rate is the national
  rate.

The guards below keep what each check is for: a negation of the act itself still denies it, a
longer name is still most often another name, and an average said of a figure the other claim
gives as someone else's still disagrees."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing, explained, reasons_for

from workbench.domain.similarity import terms
from workbench.domain.similarity.polarity import NEGATED, UNCHANGED


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Median rent has risen 38 percent since 2021.",
            "She won't tell you that median rent has risen 38 percent since 2021.",
        ),
        (
            "Electricity rates have gone up 17 percent since 2019.",
            "Not true: electricity rates have gone up 17 percent since 2019.",
        ),
    ],
)
def test_trial52_a_negation_outside_the_claim_is_no_flat_figure(one: str, other: str) -> None:
    assert "opposite acts" not in disagreeing(one, other), reasons_for(one, other)
    assert explained(one, other).score >= 0.5, reasons_for(one, other)


def test_trial52_midwestern_is_the_midwest() -> None:
    one = (
        "Fairport built 4,200 affordable housing units in six years, more than any Midwest city "
        "its size."
    )
    other = (
        "In Fairport we put up 4,200 affordable homes in six years, more than any Midwestern "
        "city of our size."
    )
    assert "names" not in disagreeing(one, other), reasons_for(one, other)


def test_trial52_nationally_is_the_national_average() -> None:
    one = "The state's unemployment rate is 3.4 percent, below the national average of 4.1 percent."
    other = "The jobless rate in our state is down to 3.4%, lower than the 4.1% nationally."
    assert explained(one, other).score >= 0.5, reasons_for(one, other)


@pytest.mark.parametrize(
    ("text", "denies", "unchanged"),
    [
        # the act itself denied: a rise or fall denied is the figure unchanged
        ("Median rent has not risen since 2021.", True, True),
        ("The council did not put up parking charges in 2024.", True, True),
        ("There was no council tax rise in 2025.", True, True),
        ("It is not true that electricity rates have gone up 17 percent.", True, True),
        ("营收没有增长。", True, True),
        ("公司2026年不会上调国内航线票价。", True, True),
        # a saying denied is still a denial, but of the saying, not of the rise said
        ("Mayor Holt never said that he would raise council tax.", True, False),
        # a denial of something else than the fall: 未发生 denies the fires, not the fall
        ("2025年火灾比上年下降12.4%，未发生较大以上火灾。", True, False),
        # no denial: a reply, a verdict on what came before, a fact told, an act done
        ("No, median rent has risen 38 percent since 2021.", False, False),
        ("That's not right — median rent has risen 38 percent.", False, False),
        ("She did not mention that median rent has risen 38 percent.", False, False),
        ("We had no choice but to put council tax up by 4.99% from April 2026.", False, False),
        # a verdict at the end denies what came before
        ("Electricity rates have gone up 17 percent since 2019? Not true.", True, False),
    ],
)
def test_a_negation_denies_what_it_governs(text: str, denies: bool, unchanged: bool) -> None:
    found = terms(text)
    assert (NEGATED in found, UNCHANGED in found) == (denies, unchanged), found


def test_a_rise_denied_is_still_the_opposite_of_a_rise() -> None:
    one = "Median rent has risen 38 percent since 2021."
    assert "acts" in disagreeing(one, "Median rent has not risen since 2021.")
    # and a saying denied is not the saying done
    said = "Mayor Holt said that he would raise council tax in 2025."
    never = "Mayor Holt never said that he would raise council tax in 2025."
    assert "negation" in disagreeing(said, never), reasons_for(said, never)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Midwest", "Midwestern", True),
        ("Chicago", "Chicagoan", True),
        ("Sudan", "Sudanese", True),
        ("Kent", "Kentish", True),
        ("Japan", "Japanese", True),
        ("Canada", "Canadian", True),
        ("Italy", "Italian", True),
        # a longer name that is another place or another person's name
        ("Austria", "Australia", False),
        ("Niger", "Nigerian", False),
        ("India", "Indiana", False),
        ("Keen", "Keenan", False),
        ("Ross", "Rossi", False),
    ],
)
def test_a_place_and_its_adjective_are_one_name(one: str, other: str, same: bool) -> None:
    a = f"Sales at the {one} plant of Harwick Mills rose 12 percent in 2023."
    b = f"Sales at the {other} plant of Harwick Mills rose 12 percent in 2023."
    assert ("names" not in disagreeing(a, b)) is same, reasons_for(a, b)


def test_a_benchmark_given_as_another_places_rate_still_disagrees() -> None:
    one = "Ohio's unemployment rate is 3.4 percent, below the national average of 4.1 percent."
    # the benchmark figure given as Ohio's own rate: another claim
    other = "Ohio's unemployment rate is 4.1 percent."
    assert "average or total" in disagreeing(one, other), reasons_for(one, other)
    # an average said of the figure the other claim gives as the total is still another claim
    assert "average or total" in disagreeing(
        "Lanwick's average household income was 41,000 pounds in 2025.",
        "Lanwick's household income was 41,000 pounds in 2025.",
    )
