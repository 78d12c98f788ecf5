"""A review of rounds 23 and 25 of "checked before?": countries read inside other words or
places, a sum with a decimal point in a transfer, and verbs read as the names of bodies.
Invented sentences."""

from __future__ import annotations

import pytest

from workbench.domain.similarity import claim_terms
from workbench.domain.similarity.naming import zh_body_names


def _countries(text: str) -> list[str]:
    return [t for t in claim_terms(text, "") if t.startswith("=country:")]


@pytest.mark.parametrize(
    "text",
    [
        "中英国际学校有1200名学生。",
        "精英国际俱乐部去年收入3亿元。",
        "依法国有资产管理办法于2024年施行。",
        "这艘船在印度洋航行了40天。",
        "南非洲的干旱持续了两年。",
        "Harrowgate opened a plant in New Mexico for $300 million.",
        "Harrowgate opened a plant in British Columbia for $300 million.",
        "North Korea fired two missiles on Tuesday, Harrowgate reported.",
        "Harrowgate sold 2 million tins of shoe polish in 2024.",
    ],
)
def test_no_country_inside_another_word_or_place(text: str) -> None:
    assert _countries(text) == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Harrowgate opened a plant in Vietnam for $300 million.", "vietnam"),
        ("Harrowgate opened a plant in Mexico City for $300 million.", "mexico"),
        ("Harrowgate opened a plant in South Korea for $300 million.", "korea"),
        ("岚峰集团在英国投资3亿英镑。", "britain"),
        ("法国有5000万名选民登记。", "france"),
    ],
)
def test_a_country_is_still_read(text: str, country: str) -> None:
    assert _countries(text) == ["=country:" + country]


def test_a_sum_with_a_decimal_point_keeps_the_buyer_and_the_seller() -> None:
    terms = claim_terms("Ottersley Town paid Corrandale Rovers £18.5m to sign Vantongeren.", "")
    assert "=buys:ottersley" in terms
    assert "=sells:corrandale" in terms


@pytest.mark.parametrize(
    "text",
    [
        "鹊岩市3名患者被送往医院。",
        "岚峰中学有120名学生考上大学。",
        "岚峰县加强科技投入3亿元。",
        "岚峰县发展现代农业,投入2亿元。",
        "岚峰县养老保险参保人数达30万。",
        "董事长兼总经理离职。",
    ],
)
def test_a_verb_or_a_word_of_kind_before_a_body_is_no_name(text: str) -> None:
    assert zh_body_names(text) == []


def test_a_name_before_a_body_is_still_read() -> None:
    assert zh_body_names("这颗彗星由石舫天文台发现。") == ["石舫"]
    assert zh_body_names("他创办了泽芝农业。") == ["泽芝"]
