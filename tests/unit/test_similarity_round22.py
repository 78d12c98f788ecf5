"""Round 22 of "checked before?": near misses that share the entity and the figure but say
another act or measure (built against sold, ...)."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing

from workbench.domain.similarity import claim_terms, explain, names, weigh

# ---- things built are not things sold ----------------------------------------------------------


def test_built_against_sold_is_two_measures() -> None:
    assert "measures" in disagreeing(
        "Corvane Motors built 310,000 cars in 2024.",
        "In 2024 some 310k vehicles were sold by Corvane Motors.",
    )
    assert "measures" in disagreeing(
        "2024年玉港置业共建成住宅两万三千套。", "2024年玉港置业共售出住宅两万三千套。"
    )
    # across the two languages
    assert "measures" in disagreeing(
        "2024年玉港置业共建成住宅两万三千套。", "Jade Harbour Property sold 23,000 homes in 2024."
    )


def test_building_agrees_with_making_and_with_what_it_cost() -> None:
    # (produced, delivered: the building said in other words; a cost to build is the cost)
    assert "measures" not in disagreeing(
        "Corvane Motors built 310,000 cars in 2024.",
        "Corvane Motors produced 310,000 cars in 2024.",
    )
    assert "measures" not in disagreeing(
        "2023年共有十二艘油轮由石舫造船建成交付。", "石舫造船2023年交付油轮12艘。"
    )
    assert "measures" not in disagreeing(
        "The Ashby Bridge cost 320 million pounds to build.",
        "Building the Ashby Bridge cost £320m.",
    )


# ---- a body under its owner's own name, against the owner named in English --------------------


def test_a_subsidiary_against_its_owner_named_in_english() -> None:
    # the owner's name in pinyin, and translated
    assert "subsidiary or owner" in disagreeing(
        "晴岭光伏旗下的晴岭储能2023年营业收入为273亿元。",
        "Qingling Solar took in RMB27.3bn of revenue in 2023.",
    )
    assert "subsidiary or owner" in disagreeing(
        "远鲸航运旗下的远鲸物流2025年营业收入为214亿元。",
        "Far Whale Shipping took in RMB21.4bn in revenue in 2025.",
    )


def test_the_subsidiary_named_in_english_is_no_disagreement() -> None:
    assert "subsidiary or owner" not in disagreeing(
        "晴岭光伏旗下的晴岭储能2023年营业收入为273亿元。",
        "Qingling Energy Storage, a unit of Qingling Solar, took in RMB27.3bn of revenue in 2023.",
    )


# ---- a rival or co-defendant named with "of", or a co-defendant with 's ------------------------


def test_a_relation_with_of_after_the_subject_names_an_owner() -> None:
    bag = claim_terms(
        "Mottisham Apps, a rival of Brackwith Software, saw its app downloaded 25 million times.",
        "",
    )
    assert "=of:brackwith" in bag
    assert "@brackwith" not in bag
    assert "names" in disagreeing(
        "Mottisham Apps, a rival of Brackwith Software, saw its app downloaded 25 million times.",
        "Brackwith's budgeting app racked up twenty-five million downloads.",
    )
    # the claim about the rival itself agrees
    assert "names" not in disagreeing(
        "Mottisham Apps, a rival of Brackwith Software, saw its app downloaded 25 million times.",
        "Mottisham's app was downloaded 25 million times.",
    )


def test_a_co_defendant_is_another_person() -> None:
    jailed = "On 3 March 2026 a judge jailed Casimir Threlkeld for 9 years over fraud."
    for text in (
        "Gideon Pridmore, Casimir Threlkeld's co-defendant, was jailed for nine years.",
        "Gideon Pridmore, a co-defendant of Casimir Threlkeld, was jailed for nine years.",
    ):
        assert "=of:threlkeld" in claim_terms(text, "")
        assert "names" in disagreeing(text, jailed)


# ---- a parent left unnamed is a relative, as a part is -----------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ochre Rock Steel's parent group will cut its output.", True),
        ("The parent of Ostrel Coatings was fined £4.5 million.", True),
        ("赭岩钢铁的母公司将压减粗钢产量300万吨。", True),
        # a parent named is the claim's subject
        ("Ostrel Coatings' parent company Dunnisfold Industrial was fined £4.5 million.", False),
        ("赭岩钢铁的母公司赭岩集团将压减粗钢产量300万吨。", False),
        ("Most pupils' parents agreed.", False),
    ],
)
def test_an_unnamed_parent_is_a_part(text: str, found: bool) -> None:
    assert ("=part:parent" in claim_terms(text, "")) is found


def test_a_parent_against_the_company_itself() -> None:
    assert "part or whole" in disagreeing(
        "Ochre Rock Steel's parent group will cut its crude steel output by 3 million tonnes in "
        "2026.",
        "Ochre Rock Steel will cut its crude steel output by three million tonnes in 2026.",
    )
    assert "part or whole" not in disagreeing(
        "Ochre Rock Steel's parent group will cut its crude steel output by 3 million tonnes in "
        "2026.",
        "The parent group of Ochre Rock Steel will cut crude steel output by 3m tonnes in 2026.",
    )


# ---- a district named by the city that governs it ------------------------------------------------


def test_a_district_is_not_its_city() -> None:
    district = "泠州市下辖的汀湾区2025年接待游客3800万人次。"
    bag = claim_terms(district, "")
    assert "=of:泠州" in bag and "@汀湾" in bag
    assert "names" in disagreeing(district, "2025年泠州市接待游客3800万人次。")
    # the city named in English
    assert "names" in disagreeing(
        district, "Tourist visits to Lingzhou reached thirty-eight million in 2025."
    )
    assert "names" not in disagreeing(district, "2025年汀湾区接待游客3800万人次。")


# ---- applied for against got ---------------------------------------------------------------------


def test_applied_for_against_got() -> None:
    applied = "Sternwick University has applied for a £38 million government grant for research."
    for got in (
        "A government award of thirty-eight million pounds will fund research at Sternwick "
        "University.",
        "Sternwick University won a £38m government grant for research.",
    ):
        assert "applied for or got" in disagreeing(applied, got)
    assert "applied for or got" in disagreeing(
        "澜汐大学申请了3800万元的政府拨款用于电池研究。",
        "澜汐大学获得3800万元政府拨款用于电池研究。",
    )


def test_an_application_said_in_other_words_agrees() -> None:
    for one, other in (
        (
            "Halden Pharma filed 320 patent applications in 2023.",
            "Halden Pharma submitted 320 patent applications in 2023.",
        ),
        (
            "Sternwick University has applied for a £38 million government grant.",
            "Sternwick University lodged a bid for a £38m government grant.",
        ),
        ("澜汐大学申请了3800万元的政府拨款。", "澜汐大学提交了3800万元政府拨款的申请。"),
    ):
        assert "applied for or got" not in disagreeing(one, other)


# ---- other years cost as much as other names ---------------------------------------------------


def test_other_years_cost_half_the_score() -> None:
    a, b = (
        weigh(claim_terms(text, ""), {})
        for text in (
            "Brindlemarsh Stores closed 37 of its shops in 2023.",
            "Thirty-seven Brindlemarsh shops were shut down during 2025.",
        )
    )
    found = {what: factor for what, _, _, factor in explain(a, b).disagree}
    assert found["years"] == pytest.approx(0.5)


# ---- the month of a Chinese day in figures is its period, as in English -----------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024年11月28日,岚峤核电2号机组实现首次并网。", "=period:m11"),
        ("2024年3月10号开通。", "=period:m3"),
        ("二〇二六年一月十五日并网。", "=period:m1"),
        ("On 28 November 2024 the unit was connected.", "=period:m11"),
    ],
)
def test_a_day_gives_its_month(text: str, period: str) -> None:
    assert period in claim_terms(text, "")


def test_a_month_before_a_figure_is_no_period() -> None:
    assert not any(t.startswith("=period:") for t in claim_terms("3月10家门店关闭。", ""))


def test_a_day_against_another_month() -> None:
    assert "periods" in disagreeing(
        "2024年11月28日,岚峤核电2号机组实现首次并网。", "岚峤核电站2号机组于2024年8月首次装料。"
    )


# ---- a power station's numbered units are labels ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("蔚岚核电站三号机组于2026年1月15日并网发电。", "=label:unit:3"),
        ("蔚岚核电2号机组成功并网。", "=label:unit:2"),
        ("Unit 3 of the Weilan nuclear plant was connected to the grid.", "=label:unit:3"),
        ("Weilan's third reactor was connected to the grid.", "=label:unit:3"),
    ],
)
def test_a_numbered_unit_is_a_label(text: str, label: str) -> None:
    assert label in claim_terms(text, "")


def test_a_count_of_units_is_no_label() -> None:
    assert not any(t.startswith("=label:") for t in claim_terms("3台机组全部投产。", ""))


def test_two_units_of_one_station() -> None:
    assert "labels" in disagreeing(
        "二〇二六年一月十五日,蔚岚核电2号机组成功并网。",
        "蔚岚核电站三号机组于2026年1月15日并网发电。",
    )
    assert "labels" in disagreeing(
        "蔚岚核电2号机组成功并网。", "Unit 3 of the Weilan nuclear plant was connected to the grid."
    )


# ---- a defendant's name after the role; a three-character name has no kind ---------------------


def test_the_name_after_a_defendant_role_is_read() -> None:
    assert names("同案被告人葛望舒因受贿2460万元被判处有期徒刑十二年。") == ["@葛望"]
    assert names("被告人蒯立衡因受贿被判处有期徒刑十二年。") == ["@蒯立"]


def test_a_co_defendant_is_another_person_in_chinese() -> None:
    assert "names" in disagreeing(
        "蒯立衡受贿案一审宣判：受贿二千四百六十万元，获刑12年。",
        "同案被告人葛望舒因受贿2460万元被判处有期徒刑十二年。",
    )


def test_the_third_character_of_a_name_is_no_kind() -> None:
    assert "kinds of name" not in disagreeing(
        "蒯立衡受贿案一审宣判：受贿二千四百六十万元，获刑12年。",
        "被告人蒯立衡因受贿2460万元被判处有期徒刑十二年。",
    )
    # two kinds of body under one name still disagree
    assert "kinds of name" in disagreeing(
        "曜川储能2023年营业收入为12亿元。", "曜川新能源2023年营业收入为12亿元。"
    )
    # ... also when the two kinds begin with one character (a review: 0.784, nothing amiss)
    assert "kinds of name" in disagreeing(
        "曜川电子2023年营业收入为12亿元。", "曜川电池2023年营业收入为12亿元。"
    )


# ---- 拟 before spending or building is a plan ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "岚泽市政府拟斥资三亿六千万元对老旧小区进行改造。",
        "烁川科技拟投资五亿美元建设芯片封装厂。",
        "岚泽市拟建一座体育馆。",
    ],
)
def test_ni_before_spending_is_a_plan(text: str) -> None:
    assert "~plan" in claim_terms(text, "")


def test_a_plan_to_spend_against_the_money_spent() -> None:
    assert "modality" in disagreeing(
        "岚泽市政府拟斥资三亿六千万元对老旧小区进行改造。", "岚泽市已投入3.6亿元完成老旧小区改造。"
    )
    assert "modality" not in disagreeing(
        "岚泽市政府拟斥资三亿六千万元对老旧小区进行改造。",
        "岚泽市计划投入3.6亿元改造老旧小区。",
    )


# ---- what a council charges: council tax is not parking charges ----------------------------------


def test_council_tax_is_not_parking_charges() -> None:
    assert "products" in disagreeing(
        "Council tax bills in Tessmoor will go up by 4.99% in 2025/26.",
        "Tessmoor County Council raised parking charges by 4.99 percent for 2025-26.",
    )
    assert "products" not in disagreeing(
        "Council tax bills in Tessmoor will go up by 4.99% in 2025/26.",
        "Tessmoor County Council will raise council tax by 4.99 percent for 2025-26.",
    )


def test_barley_is_not_wheat_nor_a_day_ticket_a_single() -> None:
    assert "products" in disagreeing(
        "The 2024 wheat harvest in the Moravel Valley came to 0.82 million tonnes.",
        "Farmers in the Moravel Valley harvested 820,000 tonnes of barley in 2024.",
    )
    assert "products" in disagreeing(
        "From 6 April 2025 a single ticket on Haskerby Buses went up to £2.40.",
        "Haskerby Buses raised its day ticket to £2.40 on 6 April 2025.",
    )
    assert "products" not in disagreeing(
        "From 6 April 2025 a single fare on Haskerby Buses went up to £2.40.",
        "Haskerby Buses raised its single ticket to £2.40 on 6 April 2025.",
    )


def test_buy_to_let_is_not_first_time_buyers() -> None:
    assert "products" in disagreeing(
        "First-time buyers borrowed £1,700m in mortgages from Harwarden Building Society in 2024.",
        "Harwarden Building Society lent £1.7 billion in buy-to-let mortgages in 2024.",
    )
    assert "products" not in disagreeing(
        "First-time buyers borrowed £1,700m in mortgages from Harwarden Building Society in 2024.",
        "Harwarden Building Society lent £1.7 billion to first-time buyers in 2024.",
    )


# ---- percentages under 10 are figures too ------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # a trial's desk: 0.759 and 0.746, with no other figures said
        (
            "Crime in Millford fell by 5 percent last year.",
            "Crime in Millford fell by 18 percent last year.",
        ),
        ("本市失业率在过去一年增长了53%。", "本市失业率在过去一年增长了6%。"),
    ],
)
def test_other_percentages_are_other_figures(one: str, other: str) -> None:
    # The figures rule reads figures of 10 or more: a percentage under 10 on either side went
    # unread, and 5% against 18% shared everything else.
    assert "figures" in disagreeing(one, other)


def test_a_percentage_said_twice_is_one_figure() -> None:
    assert "figures" not in disagreeing(
        "Revenue grew 23.4% in 2024.", "Revenue grew about 23% in 2024."
    )
    assert "figures" not in disagreeing("Renewables reached 7%.", "Renewables made up 7 percent.")
