"""Round 41 of "checked before?" (session 43, chosen on fresh40 after its one blind reading): a
body's name shortened (Acad., Constab., Lit Fest) is the same name; short acronyms in the
possessive (NPP's) and words shortened with an apostrophe (Int'l) are no names; 原 before a
post with the body between says former; a figure per so many people is per head; people
waiting for planned care are patients. Invented sentences."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing

from workbench.domain.similarity import claim_terms
from workbench.domain.similarity.naming import names


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "68.4% of Gorsefield Academy pupils achieved grade 4 or above in 2025.",
            "Gorsefield Acad. GCSE 2025: grade 4 or above 68.4%.",
        ),
        (
            "Blackstanton Constabulary recorded 3,412 burglaries in 2025.",
            "Blackstanton Constab. burglary 2025: 3,412.",
        ),
        (
            "The Ravensholme Festival of Literature sold 84,600 tickets in 2025.",
            "Ravensholme Lit Fest 2025: 84,600 tickets.",
        ),
    ],
)
def test_a_name_shortened_is_the_name(one: str, other: str) -> None:
    assert "names" not in disagreeing(one, other)


def test_a_longer_name_is_still_another() -> None:
    # (only the words of a body's kind are shortened so: Intel is not Intelsat)
    assert "names" in disagreeing(
        "Shares in Intel rose 3% on Monday.", "Shares in Intelsat rose 3% on Monday."
    )


def test_short_acronyms_and_contractions_are_no_names() -> None:
    assert "@npp" not in names("Haowan NPP's No. 3 reactor began commercial service.")
    assert not any("int" in n for n in names("The Fenwardine Int'l Meet was held."))
    # pinyin with an apostrophe is a name still, and so is O'Brien
    assert "@yu'an" in names("Cheng Yu'an worked as a reporter.")
    assert "@o'brien" in names("The case of Siobhan O'Brien was heard.")


@pytest.mark.parametrize(
    "text",
    [
        "原交通局长蹇伯衡犯受贿罪",
        "原霁州市自然资源局局长温景和受贿",
        "潆州市原交通运输局局长郁承泽",
    ],
)
def test_a_post_held_before_is_former(text: str) -> None:
    assert "~former" in claim_terms(text, "")


@pytest.mark.parametrize("text", ["原计划由董事长主持", "原告公司董事长出庭", "原材料价格上涨"])
def test_what_is_no_former_post(text: str) -> None:
    assert "~former" not in claim_terms(text, "")


def test_a_figure_per_ten_thousand_people_is_per_head() -> None:
    assert "average" not in " ".join(
        disagreeing("溦州市每万人拥有5G基站41个。", "溦州平均每一万人拥有5G基站四十一个。")
    )
    assert "~average" in claim_terms("溦州市每万人拥有5G基站41个。", "")


def test_people_waiting_for_planned_care_are_patients() -> None:
    assert "~plan" not in claim_terms("61,407 people were waiting for planned care.", "")
    assert "~plan" in claim_terms("The council planned a new ring road.", "")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("2025年，洧湾扇贝养殖产量达15.2万吨。", "洧湾去年（2025年）生蚝产量为十五万二千吨。"),
        (
            "Porthgwenna landed 3,200 tonnes of mackerel in 2025.",
            "Porthgwenna landed 3,200 tonnes of haddock in 2025.",
        ),
    ],
)
def test_one_fish_or_shellfish_is_not_another(one: str, other: str) -> None:
    assert "products" in disagreeing(one, other)


def test_a_fish_in_either_language_is_one_product() -> None:
    assert "products" not in disagreeing(
        "Porthgwenna landed 3,200 tonnes of mackerel in 2025.",
        "2025年，波斯格温纳港卸下鲭鱼3200吨。",
    )
