"""Round 23 of "checked before?": near misses that share the subject and the figure but read
another object of it (an overrun against the cost, a sum sued for against one awarded, a change
on the month against one on the year, marketing against R&D, a typhoon against a flood, coal
against gas plants), each with its reason in `explain`. Invented sentences."""

from __future__ import annotations

from claim_pairs import disagreeing, reasons_for

from workbench.domain.similarity import claim_terms, names

# ---- an overrun is not the cost ------------------------------------------------------------------


def test_an_overrun_against_the_cost() -> None:
    assert "overrun or total" in disagreeing(
        "The Pellham ring road went £210 million over its budget.",
        "The Pellham ring road cost £210 million to build.",
    )
    assert "overrun or total" in disagreeing(
        "澜湾隧道工程超支3.5亿元。", "澜湾隧道工程总投资3.5亿元。"
    )
    # the same overrun reworded
    assert "overrun or total" not in disagreeing(
        "The Pellham ring road went £210 million over its budget.",
        "Pellham's ring road overran its budget by £210m.",
    )


# ---- what was sued for is not what was awarded ------------------------------------------------


def test_a_sum_sued_for_against_one_awarded() -> None:
    assert "sued for or awarded" in disagreeing(
        "枫岚电子起诉竞争对手商标侵权，索赔2800万元。",
        "枫岚电子被法院判令向竞争对手赔偿2800万元。",
    )
    assert "sued for or awarded" in disagreeing(
        "Harnley Foods is suing its former supplier for £6 million.",
        "Harnley Foods was ordered to pay its former supplier £6 million.",
    )
    assert "sued for or awarded" not in disagreeing(
        "枫岚电子起诉竞争对手，索赔2800万元。", "枫岚电子向竞争对手索赔两千八百万元。"
    )


# ---- a change on the month before is not one on the year before --------------------------------


def test_month_on_month_against_year_on_year() -> None:
    assert "bases of a change" in disagreeing(
        "2025年5月岑州二手住宅价格同比下降1.2%。", "2025年5月岑州二手住宅价格环比下降1.2%。"
    )
    assert "bases of a change" in disagreeing(
        "Retail sales in Oxmere rose 0.8% year on year in May 2025.",
        "Retail sales in Oxmere rose 0.8% month on month in May 2025.",
    )
    # 环比 and 比上月 are one basis; the reason names both bases
    assert "bases of a change" not in disagreeing(
        "2025年5月岑州二手住宅价格环比下降1.2%。", "岑州二手住宅价格2025年5月比上月下跌1.2%。"
    )
    assert "month on month" in reasons_for(
        "2025年5月岑州二手住宅价格同比下降1.2%。", "2025年5月岑州二手住宅价格环比下降1.2%。"
    )


# ---- other measures, products and events ------------------------------------------------------


def test_marketing_against_research_is_two_measures() -> None:
    assert "measures" in disagreeing(
        "Dellow Biotech spent $85 million on marketing in 2024.",
        "Dellow Biotech's research and development spending was $85 million in 2024.",
    )


def test_the_sum_invested_is_the_cost() -> None:
    # (总投资, 投资额 are what a project costs: against a grant they are two measures)
    assert "measures" in disagreeing(
        "霜川港新码头获得省级拨款6亿元。", "霜川港新码头的投资总额为6亿元。"
    )
    assert "measures" not in disagreeing(
        "The new Shuangchuan Port terminal cost 600 million yuan.",
        "霜川港新码头的投资总额为6亿元。",
    )


def test_a_typhoon_is_not_a_flood_nor_the_flood_season() -> None:
    assert "products" in disagreeing(
        "Orwell Mutual paid 1.1 billion yuan in typhoon claims in 2024.",
        "2024年奥维保险因洪水赔付了十一亿元。",
    )
    assert "products" not in disagreeing(
        "Orwell Mutual paid 1.1 billion yuan in typhoon claims in 2024.",
        "2024年奥维保险因台风赔付了十一亿元。",
    )
    # rain since the flood season began names no flood
    assert "products" not in disagreeing(
        "Rainfall in Weyford since the flood season began is 25% above normal.",
        "Weyford has had 25% more rain than normal since the start of the flood season.",
    )


def test_coal_plants_against_gas_plants() -> None:
    assert "products" in disagreeing(
        "Marden Energy will close all its coal-fired plants by 2032.",
        "沐登能源计划在2032年以前关闭旗下所有燃气发电厂。",
    )


def test_a_rate_that_slowed_against_one_that_rose() -> None:
    assert "acts" in disagreeing(
        "Inflation in Corsa slowed to 3.1 percent in April 2025.",
        "Inflation in Corsa rose to 3.1 percent in April 2025.",
    )
    assert "acts" in disagreeing(
        "Rainfall in Weyford was 25% below normal in July.",
        "Rainfall in Weyford was 25% above normal in July.",
    )


# ---- another country ------------------------------------------------------------------------


def test_a_plant_in_another_country() -> None:
    assert "countries" in disagreeing(
        "Harwick Glass will spend $300 million on a plant in Poland.",
        "Harwick Glass will spend $300 million on a plant in Hungary.",
    )
    # in either language, and across them
    assert "countries" in disagreeing(
        "岚汀电子计划在泰国投资3亿美元建厂。", "岚汀电子计划在越南投资3亿美元建厂。"
    )
    assert "countries" in disagreeing(
        "Lanting Electronics will build a $300 million plant in Thailand.",
        "岚汀电子计划在越南投资3亿美元建厂。",
    )
    assert "countries" not in disagreeing(
        "Lanting Electronics will build a $300 million plant in Vietnam.",
        "岚汀电子计划在越南投资3亿美元建厂。",
    )
    assert "other countries: hungary / poland" in reasons_for(
        "Harwick Glass opened a plant in Hungary and one in Portugal.",
        "Harwick Glass opened a plant in Poland and one in Portugal.",
    )


# ---- names inside a Chinese text: before a kind of body, after a post ---------------------------


def test_a_chinese_name_before_a_kind_of_body_anywhere_in_the_text() -> None:
    assert names("一颗新彗星被鹤汀天文台的研究人员发现。") == ["@鹤汀"]
    assert "@泽兰" in names("闻溪桥于2018年创办了泽兰农业。")
    # words that say what kind of such a body it is are no name
    assert names("全国约320家县级医院开设了儿科。") == []
    assert names("苓川理工大学2025年招生6000人。") == ["@苓川"]
    assert "names" in disagreeing(
        "一颗新彗星被鹤汀天文台的研究人员发现。", "蓬岚天文台发现了一颗新彗星。"
    )
    assert "names" not in disagreeing(
        "一颗新彗星被鹤汀天文台的研究人员发现。", "鹤汀天文台发现了一颗新彗星。"
    )


def test_the_same_founder_with_another_company() -> None:
    assert "names" in disagreeing(
        "桐砚科技是闻溪桥在二〇一八年创立的。", "闻溪桥于2018年创办了泽兰农业。"
    )


def test_the_holder_of_a_post_is_a_name() -> None:
    assert "@韩松" in names("原副县长韩松年因受贿被判刑9年。")
    assert "names" in disagreeing(
        "原副县长韩松年因受贿被判刑9年。", "法院以受贿罪判处原副县长吕定安有期徒刑九年。"
    )


# ---- roles: who paid whom for a player, who lost a match ----------------------------------------


def test_the_club_that_paid_buys() -> None:
    assert "roles" in disagreeing(
        "Harrowgate City paid Linfield Rovers £12m to sign midfielder Tom Ashdown.",
        "Harrowgate City sold midfielder Tom Ashdown to Linfield Rovers for £12 million.",
    )
    assert "roles" not in disagreeing(
        "Harrowgate City paid Linfield Rovers £12m to sign midfielder Tom Ashdown.",
        "Linfield Rovers sold midfielder Tom Ashdown to Harrowgate City for £12 million.",
    )
    # paying out names no party
    terms = claim_terms("Harrowgate Mutual paid out £12m in storm claims.", "")
    assert not any(t.startswith(("=buys:", "=sells:")) for t in terms)


def test_each_claim_with_its_own_loser_is_another_result() -> None:
    assert "roles" in disagreeing(
        "砚溪队以3比1击败鹭洲足球俱乐部，夺得联赛冠军。",
        "联赛冠军归属鹭洲足球俱乐部，他们在决赛中3:1战胜砚溪。",
    )


# ---- a product in a company's name, the grain harvest, home and away --------------------------


def test_the_product_in_a_chinese_name_is_not_the_product_counted() -> None:
    # (鹭泉啤酒 is a brewer: its 饮料 sales are no beer)
    assert "products" in disagreeing(
        "鹭泉啤酒2024年饮料销量为86万千升。", "2024年，鹭泉啤酒共卖出啤酒8.6亿升。"
    )
    assert "products" not in disagreeing(
        "鹭泉啤酒2024年啤酒销量为86万千升。", "2024年，鹭泉啤酒共卖出啤酒8.6亿升。"
    )
    # a claim that names no other product keeps the name's
    assert "=product:bus" in claim_terms("缙川公交日均客运量突破120万人次。", "")


def test_wheat_is_not_the_grain_harvest() -> None:
    assert "products" in disagreeing(
        "2024年禾川县小麦产量为9.2亿斤。", "2024年禾川县粮食产量9.2亿斤。"
    )


def test_home_wins_against_away_wins() -> None:
    assert "scopes" in disagreeing(
        "本赛季鹭川猎隼队取得主场12连胜。", "鹭川猎隼本赛季客场已取得12连胜。"
    )
    assert "scopes" in disagreeing(
        "Ferriby Town have won 12 home games in a row.",
        "Ferriby Town have won 12 away games in a row.",
    )


# ---- two acts of one direction, a paper's circulation --------------------------------------------


def test_hiring_against_ordering_is_another_act() -> None:
    assert "other acts" in disagreeing(
        "Cobham Air will hire 300 new pilots in 2027.",
        "Cobham Air will order 300 new planes in 2027.",
    )
    assert "other acts of one direction: hire / order" in reasons_for(
        "Cobham Air will hire 300 new pilots in 2027.",
        "Cobham Air will order 300 new planes in 2027.",
    )
    # acts that tell one fact (built and opened; jobs added and hired) are no other acts
    assert "other acts" not in disagreeing(
        "Cobham Air hired 300 pilots in 2024.", "Cobham Air added 300 pilots in 2024."
    )
    assert "other acts" not in disagreeing(
        "泠川地铁3号线2024年建成通车。", "泠川地铁3号线于2024年开通运营。"
    )


def test_circulation_against_online_subscribers() -> None:
    assert "measures" in disagreeing(
        "据《溪城晚报》总编辑介绍,报纸的发行量目前为三万份。",
        "《溪城晚报》的电子版订户已增至3万户。",
    )


def test_a_record_missed_is_a_record_not_set() -> None:
    assert "negation" in disagreeing(
        "Ines Calder swam 52.10 seconds but missed the national record.",
        "Ines Calder set a national record of 52.10 seconds.",
    )
    assert "negation" in disagreeing(
        "Dunmere Council missed its target of 400 new homes.",
        "Dunmere Council met its target of 400 new homes.",
    )


def test_a_pass_rate_in_maths_is_not_one_in_english() -> None:
    assert "products" in disagreeing(
        "In 2025, 84% of pupils at Hollins School passed their maths GCSE.",
        "Hollins School's pupils achieved an 84 percent pass rate in GCSE English in 2025.",
    )
    # (English as the language of a text or a people is no subject)
    assert "=product:englishsubject" not in claim_terms(
        "The English club signed 84 players in 2025.", ""
    )


def test_a_station_by_its_side_of_the_city_is_a_station() -> None:
    assert "~station" in claim_terms("澜川南站于2025年6月启用。", "")
    # a station that opened is not a metro line that opened that month
    assert "measure on one side" in disagreeing(
        "澜川南站于二〇二五年六月启用。", "Lanchuan Metro Line 4 opened in June 2025."
    )
    assert "measure on one side" not in disagreeing(
        "澜川南站于二〇二五年六月启用。", "Lanchuan South Station opened in June 2025."
    )


def test_a_budget_s_revenue_is_not_its_spending() -> None:
    assert "measures" in disagreeing(
        "2024年岚县一般公共预算支出21.6亿元。", "2024年岚县一般公共预算收入达到21.6亿元。"
    )


def test_a_change_of_a_figure_beside_another_act_is_no_other_act() -> None:
    # (a budget approved, and crime rose: the rise is of another figure)
    assert "other acts" not in disagreeing(
        "The council approved a budget of 5 million dollars in March.",
        "A 5 million dollar budget in March. Crime rose.",
    )
