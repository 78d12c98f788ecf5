"""Round 20 of "checked before?": the same subject and figure with another thing counted or
measured, the other direction on a scale, a span of years against one year (see
docs/benchmarks.md)."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing

from workbench.domain.similarity import claim_terms

# ---- kinds of one measure, as whole families -------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # power by its source
        (
            "Pellucid Grid generated 62 percent of its electricity from solar in 2024.",
            "Wind turbines supplied 62% of Pellucid Grid's power output in 2024.",
        ),
        ("朔原能源光伏电站装机容量为180万千瓦。", "朔原能源抽蓄电站装机容量为180万千瓦。"),
        ("榆泽电力2025年核电发电量为300亿千瓦时。", "榆泽电力2025年风电发电量为300亿千瓦时。"),
        # how people travel
        ("缙澄公交日均客运量突破300万人次。", "缙澄市轨道交通每天平均运送乘客超过三百万人次。"),
        ("Orlenmouth's trams carried 41 million people.", "Orlenmouth's buses carried 41 million."),
        # heart procedures
        ("霁湖医院2025年完成心脏支架手术1260例。", "2025年霁湖医院共开展冠脉搭桥术1260台。"),
        ("Quellmoor fitted 800 pacemakers in 2025.", "Quellmoor did 800 heart bypass operations."),
        # students by level, research by field, users by how they are counted
        ("澈川大学2025年研究生录取人数为8600人。", "2025年澈川大学共录取本科新生8600名。"),
        ("沁桐大学获国家社会科学基金资助1.6亿元。", "国家自然科学基金资助沁桐大学1.6亿元。"),
        ("星渚科技的日活跃用户超过8000万。", "星渚科技注册用户数已突破8000万。"),
        # a deputy is not the post
        (
            "Imelda Rushworth was elected deputy leader of Daverley Borough Council.",
            "Daverley Borough Council chose Imelda Rushworth as its leader.",
        ),
        ("顾清和当选泠溪市副主席。", "顾清和当选泠溪市主席。"),
        ("Ada Morrow became deputy governor of Varrowdale.", "Ada Morrow became governor."),
    ],
)
def test_kinds_of_one_measure_each_claim_names_another(one: str, other: str) -> None:
    assert "products" in disagreeing(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("缙澄公交日均客运量突破300万人次。", "Jincheng's buses carry 3 million people a day."),
        ("Pellucid's solar farms made 62% of its power.", "62% of Pellucid's power was solar."),
        ("Ada Morrow, the council leader, quit.", "The leader of the council, Ada Morrow, quit."),
    ],
)
def test_one_kind_named_both_ways_is_no_disagreement(one: str, other: str) -> None:
    assert "products" not in disagreeing(one, other)


def test_the_gaokao_mark_for_a_university_place_is_no_undergraduates() -> None:
    assert "=product:undergraduate" not in claim_terms("柳湾中学2025年高考本科上线率为70%。", "")
    assert "=product:undergraduate" not in claim_terms("七成考生上了本科线", "")
    assert "=product:undergraduate" in claim_terms("共录取本科新生8600名", "")


# ---- measures the table lacked, and units ----------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("黛峰足球俱乐部在2025赛季联赛中丢了71球。", "2025赛季，黛峰队联赛进球总数达到七十一个。"),
        (
            "Scaldwick Rovers conceded 71 goals in 2025.",
            "Scaldwick Rovers scored 71 goals in 2025.",
        ),
        (
            "Brennland's inflation fell to 4.1 percent.",
            "Brennland's unemployment fell to 4.1 percent.",
        ),
        ("槐岭县2025年财政支出为23.5亿元。", "槐岭县2025年实现财政收入二十三亿五千万元。"),
        ("暖枫慈善基金会2024年公益支出2.7亿元。", "2024年暖枫慈善基金会共筹得捐款2.7亿元。"),
        ("Zhizhou Port handled 12.6 million tonnes of grain.", "沚洲港集装箱吞吐量1260万标准箱。"),
    ],
)
def test_the_same_figure_of_another_measure(one: str, other: str) -> None:
    assert "measures" in disagreeing(one, other)


def test_goals_let_in_are_no_goals_scored_and_the_reading_keeps_the_figure() -> None:
    for text in ("丢了71球", "conceded 71 goals", "71 goals conceded", "失球71个"):
        bag = claim_terms(text, "")
        assert "~conceded" in bag and "~goals" not in bag and "#71" in bag, (text, sorted(bag))


def test_kilotonnes_and_container_units_spelt_out() -> None:
    bag = claim_terms("Skelldrum yielded 86kt of copper in 2023", "")
    # (exact in kilograms, its kind's unit, since round 21)
    assert "#mass:86000000" in bag and "#86" not in bag and "^dim:mass" in bag
    bag = claim_terms("Selvane Line handled 2.1m twenty-foot equivalent units", "")
    assert "^dim:containers" in bag and "^foot" not in bag and "#20" not in bag
    assert "^dim:containers" in claim_terms("Selvane Line moved 2.1 million TEU", "")


def test_an_insurers_payout_is_no_spending_of_its_own() -> None:
    assert "~cost" not in claim_terms("泊岚保险2023年赔付支出为47亿元。", "")
    assert "~cost" in claim_terms("泓景医药的研发支出为二十三亿元。", "")


# ---- the other direction on a scale; building against pulling down or closing ----------------


def test_a_move_on_a_scale_is_read_in_either_language() -> None:
    assert "=scale:2>4" in claim_terms("碧漪湖水质2025年由二类下降至四类。", "")
    assert "=scale:4>2" in claim_terms("2025年，碧漪湖水质从Ⅳ类改善为Ⅱ类。", "")
    assert "=scale:4>2" in claim_terms("Lake Quorra went from class IV to class II in 2025.", "")
    assert not any(t.startswith("=scale:") for t in claim_terms("营收从5亿元增至7亿元", ""))
    assert not any(t.startswith("=scale:") for t in claim_terms("from 5% to 7% in 2025", ""))


def test_the_other_direction_on_a_scale_denies_the_move() -> None:
    one, other = "碧漪湖水质2025年由二类下降至四类。", "2025年，碧漪湖水质从Ⅳ类改善为Ⅱ类。"
    assert "directions on a scale" in disagreeing(one, other)
    assert "directions on a scale" not in disagreeing(one, "碧漪湖水质2025年从Ⅱ类降为Ⅳ类。")


@pytest.mark.parametrize(
    ("one", "other", "what"),
    [
        ("檀崖市2025年拆除老旧住房1.2万套。", "2025年，檀崖全市新建保障房12000套。", "acts"),
        ("泠溪将在2025年关停30所民办幼儿园。", "2025年泠溪市要新建幼儿园三十所。", "acts"),
        ("Corbel Homes demolished 400 homes.", "Corbel Homes owns 400 homes.", "act on one side"),
    ],
)
def test_built_against_pulled_down_or_closed(one: str, other: str, what: str) -> None:
    assert what in disagreeing(one, other)


def test_building_is_no_opposite_of_opening_or_of_work_started() -> None:
    assert "acts" not in disagreeing("泠溪新建幼儿园30所。", "泠溪30所幼儿园开工。")
    assert "acts" not in disagreeing("泠溪新建幼儿园30所。", "泠溪30所幼儿园开业。")
    # (opening against work started still is)
    assert "acts" in disagreeing("泠溪地铁5号线开工建设。", "泠溪地铁5号线正式开通。")


# ---- a total over a span of years against one year's figure ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "梧溪县2021年至2025年财政收入累计突破百亿元。",
        "Hongjing spent 2.3 billion yuan on research in the five years to 2023.",
        "Thistlecombe's population grew 14 percent between 2015 and 2025.",
        "Output rose 9% from 2019 to 2023.",
    ],
)
def test_a_span_of_years_is_read(text: str) -> None:
    assert "=span:years" in claim_terms(text, "")


def test_a_short_year_and_two_years_apart_are_no_span() -> None:
    assert "=span:years" not in claim_terms("62m passengers in 2023-24", "")
    assert "=span:years" not in claim_terms("Revenue was 5bn in 2019 and 7bn in 2023", "")


def test_a_total_over_years_against_one_years_figure() -> None:
    one = "梧溪县2021年至2025年财政收入累计突破百亿元。"
    assert "total or year" in disagreeing(one, "梧溪县财政收入在2025年第一次超过了100亿元。")
    two = "Hongjing spent 2.3 billion yuan on research in the five years to 2023."
    assert "total or year" in disagreeing(two, "2023年泓景医药的研发支出为二十三亿元。")
    # the same span both ways is one total
    assert "total or year" not in disagreeing(two, "泓景医药2019至2023年累计研发投入23亿元")
