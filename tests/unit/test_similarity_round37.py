"""Round 37 of "checked before?" (session 40, chosen on fresh36 once it had been scored): a
decimal said aloud ("one point eight six million") is one figure; planned treatment is elective
care, no plan; an ex-solicitor is a former one; WTGs are turbines; astronomical units a length;
a festival is one by any of its names; a yield per mu, and "avg", say average. (Narrowed after a
review: "at one point" is no decimal; planned care homes and a university's planned admissions
are plans; a price per hectare is no average.)
Invented sentences."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.similarity import claim_terms
from workbench.domain.similarity.figures import EN_NUMBER, spoken_value


def spoken(text: str) -> list[float]:
    return [spoken_value(m.group()) for m in EN_NUMBER.finditer(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("one point eight six million tonnes", [1_860_000.0]),
        ("eighty-one point four per cent", [81.4]),
        ("two point four six million pounds", [2_460_000.0]),
        ("three hundred and forty-one point eight billion yuan", [341_800_000_000.0]),
        ("nine point four two and eight point seven six million", [9.42, 8_760_000.0]),
        ("zero point five", [0.5]),
        ("ten point zero five", [10.05]),
        # "point" with no digit after it is no decimal: at one point, two points clear
        ("at one point the firm", [1.0]),
        ("two points clear", [2.0]),
        # nor "at one point" or "by one point" before a count
        ("at one point three men were arrested", [1.0, 3.0]),
        ("lost by one point two weeks ago", [1.0, 2.0]),
    ],
)
def test_a_decimal_said_aloud_is_one_figure(text: str, values: list[float]) -> None:
    assert spoken(text) == values


@given(st.integers(0, 999), st.text("0123456789", min_size=1, max_size=6))
def test_a_decimal_said_aloud_is_the_decimal_written(whole: int, decimals: str) -> None:
    units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    said = (
        f"{'zero' if whole == 0 else _say(whole)} point {' '.join(units[int(d)] for d in decimals)}"
    )
    assert spoken(said) == [float(f"{whole}.{decimals}")]


def _say(n: int) -> str:
    ones = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    out = []
    if n >= 100:
        out += [ones[n // 100], "hundred"]
        n %= 100
        if n:
            out.append("and")
    if n >= 20:
        out.append(tens[n // 10] + (f"-{ones[n % 10]}" if n % 10 else ""))
    elif n:
        out.append(ones[n])
    return " ".join(out)


def test_a_run_of_decimals_or_scales_is_bounded() -> None:
    # No claim is checked by its 16th decimal; a run of scales beyond a float is infinite.
    assert spoken("one point " + "nine " * 5000) == [1.999999999999999]
    assert spoken("one point five" + " million" * 400) == [float("inf")]


def test_a_tonnage_said_aloud_matches_it_in_digits() -> None:
    assert "figures" not in disagreeing(
        "Lowmead's wheat harvest reached 1.86 million tonnes in 2025, up 9% on 2024.",
        "Farmers in Lowmead brought in one point eight six million tonnes of wheat in 2025, "
        "nine per cent more than the year before.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The waiting list for planned treatment at Kelby Royal fell to 48,210.",
        "Kelby Royal Hospital cancelled 412 planned operations in January.",
        "Planned hospital admissions at Kelby rose 4%.",
    ],
)
def test_planned_treatment_is_elective_care_no_plan(text: str) -> None:
    terms = claim_terms(text, "")
    assert "~plan" not in terms
    assert "elective" in terms


@pytest.mark.parametrize(
    "text",
    [
        "Kelby Royal planned to open 40 new beds in 2027.",
        "Kelby council scrapped its planned care home on Mill Lane.",
        "Kelby University's planned admissions for 2026 are 4,000 students.",
        "The army's planned operations in the north were called off.",
    ],
)
def test_a_plan_is_still_one(text: str) -> None:
    assert "~plan" in claim_terms(text, "")


@pytest.mark.parametrize(
    "text",
    [
        "Gil Farrow, an ex-solicitor, was jailed for six years.",
        "The ex-surgeon Ada Morrow was struck off in 2025.",
        "Ex-journalist Tom Hale won the seat.",
    ],
)
def test_an_ex_professional_is_a_former_one(text: str) -> None:
    assert "~former" in claim_terms(text, "")


def test_wtgs_are_turbines() -> None:
    assert "measures" not in disagreeing(
        "The Gullby wind farm has 74 turbines with a capacity of 1.1 GW.",
        "Gullby OWF: 74 WTGs, 1.1 GW.",
    )


def test_astronomical_units_are_a_length() -> None:
    assert "^dim:length" in claim_terms("The comet was 4.3 astronomical units from the Sun.", "")


def test_a_festival_by_another_name_is_no_other_name() -> None:
    assert "names" not in disagreeing(
        "The Ravensholm Folk Festival drew a record 38,500 people in July 2025.",
        "A record 38,500 festivalgoers attended Ravensholm Folk Fest in July 2025.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "穗丰县2025年水稻亩产612公斤。",
        "穗丰县2025年水稻单产9180公斤/公顷。",
        "Ashgrove avg house price Jan 2026: £287.4k.",
    ],
)
def test_a_yield_per_area_and_avg_say_average(text: str) -> None:
    assert "~average" in claim_terms(text, "")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The council sold a hectare of parkland for £2m.", "The council sold parkland for £2m."),
        ("Kelby farmers were paid £200 per hectare.", "Kelby farmers were paid £200."),
    ],
)
def test_a_hectare_says_no_average(one: str, other: str) -> None:
    assert "~average" not in claim_terms(one, "")
    assert "average or total" not in disagreeing(one, other)
