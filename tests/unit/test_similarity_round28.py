"""Round 28 of "checked before?": the figure a change is said by, told from the level of a
thing that shares it ("fell by nine per cent" against "nine per cent of its trains"); a span of
years in Arabic digits read as a figure, as in Chinese numerals (12年, 十二年); how many years
a thing runs for as a label (a one-year deposit, 三年期); seasons as periods (the spring term,
秋季学期); which of two named things is the larger (twice as many as, half as many as); what
a record is of (a national record, 亚洲纪录); the draw of a title (女单, 女子双打); a Chinese
name after a player's role (前锋关牧之). Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from claim_pairs import disagreeing, reasons_for
from linear_time import linear

from workbench.domain.similarity.bag import changed_by, terms
from workbench.domain.similarity.labels import labels
from workbench.domain.similarity.naming import zh_body_names
from workbench.domain.similarity.ratios import ratios


def _by(text: str) -> list[str]:
    return sorted(changed_by(text.lower()))


# ---- the size of a change: =by: and the figure ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Late trains at Fennick fell by nine per cent in 2024.", "#9"),
        ("Ridgeway Buses cut the trip from Aldham to Cobb Cross by 35 minutes.", "#35"),
        ("Council rents in Wexley rose 14 percent last year.", "#14"),
        ("Tenants faced a 14% rise in rents.", "#14"),
        ("Rents are now 14 percent higher than in 2020.", "#14"),
        ("Trains at Fennick are 9 per cent slower than a year ago.", "#9"),
        ("洛川县今年粮食产量同比增长16%。", "#16"),
        ("新线开通后，两地通勤时间缩短了二十五分钟。", "#25"),
        ("该药使患者血压下降百分之十二。", "#12"),
    ],
)
def test_the_figure_a_change_is_said_by(text: str, figure: str) -> None:
    assert "=by:" + figure in _by(text)


def test_a_change_to_a_level_is_no_change_by() -> None:
    # the new level, not the size of the change
    assert _by("Council rents in Wexley rose to 140 pounds a week.") == []
    assert _by("洛川县公交票价上调至3元。") == []
    # a tower's height, money raised, a share lost
    assert _by("Wexley's Corn Tower rises 41 storeys above the river.") == []
    assert _by("Brisket Labs raised £14 million from investors.") == []
    assert _by("Fennick Water loses 21 percent of its supply to leaks.") == []
    # a year after "by" dates the change
    assert _by("Rents rose sharply by 2024.") == []


# ---- a change against the level of a thing ------------------------------------------------------


def test_a_change_against_a_share_with_the_same_figure() -> None:
    said = reasons_for(
        "Late running on Fennick's trams fell by nine per cent in 2024.",
        "Nine per cent of Fennick's trams ran late in 2024.",
    )
    assert "change or level" in said


def test_time_cut_against_the_time_it_takes() -> None:
    assert "change or level" in disagreeing(
        "The Aldham bypass cut the drive from Aldham to Cobb Cross by 35 minutes.",
        "Driving from Aldham to Cobb Cross takes just 35 minutes.",
    )
    assert "change or level" in disagreeing(
        "新线开通后，洛川到岑溪的车程缩短了25分钟。", "洛川到岑溪的车程只需二十五分钟。"
    )


def test_one_change_in_two_wordings_is_no_disagreement() -> None:
    for one, other in (
        (
            "Council rents in Wexley rose 14 percent in 2024.",
            "Wexley's council tenants saw a 14% rise in rents in 2024.",
        ),
        (
            "Council rents in Wexley rose 14 percent in 2024.",
            "Council rents in Wexley were 14 percent higher in 2024.",
        ),
        ("洛川县2024年粮食产量同比增长16%。", "Luochuan's grain harvest grew 16 percent in 2024."),
        ("该药使肿瘤缩小百分之三十以上。", "The drug shrank tumours by more than 30 percent."),
    ):
        assert "change or level" not in disagreeing(one, other), (one, other)


def test_a_change_against_a_level_of_another_figure_is_no_disagreement() -> None:
    # the figure the change is by is not the one the other claim gives
    assert "change or level" not in disagreeing(
        "Revenue at Brisket Labs rose 12% to £90 million in 2024.",
        "Brisket Labs had revenue of £90 million in 2024.",
    )
    # the other claim says a change too, in a word the check does not read as one
    assert "change or level" not in disagreeing(
        "Wexley's council rents rose 14 percent in 2024.",
        "Wexley's council rents went up 14 percent in 2024.",
    )


# ---- a span of years in Arabic digits is a figure, as in Chinese numerals -----------------------


def test_a_span_of_years_in_digits_is_a_figure() -> None:
    assert {"#15", "≈15", "~year"} <= set(terms("岑溪前县长被判处有期徒刑15年。"))
    assert {"#15", "≈15", "~year"} <= set(terms("岑溪前县长被判处有期徒刑十五年。"))
    # a year is still no figure
    assert "≈2020" not in terms("岑溪县2020年新建学校15所。")


def test_two_spans_of_years_are_two_figures() -> None:
    assert "figures" in disagreeing(
        "岑溪市中级人民法院判处原县长岳知秋有期徒刑十五年。",
        "原县长岳知秋被岑溪中院判处有期徒刑13年。",
    )
    assert "figures" not in disagreeing(
        "岑溪市中级人民法院判处原县长岳知秋有期徒刑十五年。",
        "原县长岳知秋被岑溪中院判处有期徒刑15年。",
    )
    assert "figures" not in disagreeing(
        "原县长岳知秋被岑溪中院判处有期徒刑15年。",
        "Former county head Yue Zhiqiu was jailed for 15 years by the Cenxi court.",
    )


# ---- how many years a thing runs for: =label:tenor: -------------------------------------------


def _tenors(text: str) -> list[str]:
    return [t for t in labels(text.lower()) if t.startswith("=label:tenor:")]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Holm Bank pays 2.1% on its two-year fixed savings bond.", 2),
        ("Holm Bank cut its 5-year mortgage rate to 4.2%.", 5),
        ("The judge handed Ada Venn a twelve-year sentence.", 12),
        ("鹤汀银行五年期定期存款利率为1.9%。", 5),
        ("鹤汀银行3年期贷款利率下调至3.1%。", 3),
        ("岑溪职业学院开设三年制护理专业。", 3),
    ],
)
def test_how_many_years_a_thing_runs_for(text: str, years: int) -> None:
    assert _tenors(text) == [f"=label:tenor:{years}"]


def test_no_tenor_in_an_age_or_a_plain_span() -> None:
    assert _tenors("A 12-year-old from Holm won the prize.") == []
    assert _tenors("Holm Bank has paid 2.1% for five years.") == []
    assert _tenors("鹤汀银行成立三年来利润翻番。") == []


def test_a_one_year_deposit_against_a_three_year_one() -> None:
    said = reasons_for(
        "In June 2025 Holm Bank cut the rate on its one-year fixed deposits to 1.4 per cent.",
        "2025年6月，霍姆银行将三年期定期存款利率下调至1.4%。",
    )
    assert "other labels" in said
    assert "labels" not in disagreeing(
        "In June 2025 Holm Bank cut the rate on its one-year fixed deposits to 1.4 per cent.",
        "2025年6月，霍姆银行将一年期定期存款利率下调至1.4%。",
    )


# ---- seasons are periods ---------------------------------------------------------------------


def _periods(text: str) -> list[str]:
    return [t for t in labels(text.lower()) if t.startswith("=period:s")]


@pytest.mark.parametrize(
    ("text", "season"),
    [
        ("Fees at Holm College rose 4% for the spring 2026 term.", 1),
        ("Holm College's fees rose in the spring of 2026.", 1),
        ("Holm Rovers sold 9,000 season tickets for the summer season.", 2),
        ("Holm College took 800 students in autumn 2025.", 3),
        ("Holm College's fall semester fees rose 4%.", 3),
        ("Holm's heating bills doubled last winter.", 4),
        ("岑溪学院2026年春季学期学费上调4%。", 1),
        ("岑溪今年冬天供暖费上涨一成。", 4),
    ],
)
def test_seasons_are_periods(text: str, season: int) -> None:
    assert _periods(text) == [f"=period:s{season}"]


def test_no_season_in_other_words() -> None:
    assert _periods("Holm Water bottles water from the spring at Cobb Cross.") == []
    assert _periods("Holm's exports fall 3% in 2026.") == []
    assert _periods("Spring Street station closed in 2025.") == []
    assert _periods("岑溪今天气温下降十度。") == []


def test_the_spring_term_against_the_autumn_term() -> None:
    assert "periods" in disagreeing(
        "岑溪学院2026年春季学期学费上调4%。",
        "Cenxi College's fees for the autumn 2026 term are four percent higher.",
    )


def test_a_season_agrees_with_a_month_in_it() -> None:
    assert "periods" not in disagreeing(
        "Holm College will open a law school in September 2026.",
        "岑溪学院将在2026年秋季学期开设法学院。",
    )
    assert "periods" not in disagreeing(
        "岑溪学院2026年春季学期学费上调4%。",
        "Cenxi College's fees for the spring 2026 term are four percent higher.",
    )


# ---- which of two named things is the larger ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("Holm Bank has twice as many branches as Cobb Bank.", "holm>cobb"),
        ("Cobb Bank has half as many branches as Holm Bank.", "holm>cobb"),
        ("Cobb's branch network is half the size of Holm's.", "holm>cobb"),
        ("In 2025 Holm Bank was 3 times larger than Cobb Bank.", "holm>cobb"),
        ("Holm Bank now runs twice Cobb's branches.", "holm>cobb"),
    ],
)
def test_which_is_the_larger(text: str, ratio: str) -> None:
    assert ratios(text) == ["=ratio:" + ratio]


def test_no_ratio_without_two_names() -> None:
    assert ratios("Holm Bank opened twice as many branches as last year.") == []
    assert ratios("Half of Holm Bank's staff work in Cobb.") == []
    assert ratios("Sales at Holm Bank doubled in 2025.") == []


def test_the_same_two_things_the_other_way_round() -> None:
    assert "ratios" in disagreeing(
        "Cobb Bank has twice as many branches as Holm Bank.",
        "Cobb Bank has half as many branches as Holm Bank.",
    )
    assert "ratios" in disagreeing(
        "Holm Bank has twice as many branches as Cobb Bank.",
        "Cobb Bank has twice as many branches as Holm Bank.",
    )
    # one fact in two wordings
    assert "ratios" not in disagreeing(
        "Holm Bank has twice as many branches as Cobb Bank.",
        "Cobb Bank has half as many branches as Holm Bank.",
    )


# ---- what a record is of -----------------------------------------------------------------------


def _records(text: str) -> list[str]:
    return [t for t in labels(text.lower()) if t.startswith("=label:record:")]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Ada Venn ran a national record of 22.41 in the 200m.", "national"),
        ("Ada Venn broke the world record in the 200m.", "world"),
        ("Ada Venn's 22.41 was an Asian Games record.", "asiangames"),
        ("岳知秋以22秒41打破女子200米全国纪录。", "national"),
        ("岳知秋刷新女子200米亚洲纪录。", "asian"),
        ("岳知秋改写奥运会纪录。", "olympic"),
    ],
)
def test_what_a_record_is_of(text: str, scope: str) -> None:
    assert _records(text) == [f"=label:record:{scope}"]


def test_a_national_record_against_an_asian_one() -> None:
    assert "labels" in disagreeing(
        "Yue Zhiqiu set a national record of 22.41 in the women's 200m.",
        "岳知秋以22秒41改写女子200米亚洲纪录。",
    )
    assert "labels" not in disagreeing(
        "Yue Zhiqiu set a national record of 22.41 in the women's 200m.",
        "岳知秋以22秒41打破女子200米全国纪录。",
    )


# ---- the draw of a racket sport's title -------------------------------------------------------


def _draws(text: str) -> list[str]:
    return [t for t in labels(text.lower()) if t.startswith("=label:draw:")]


@pytest.mark.parametrize(
    ("text", "draw"),
    [
        ("Ada Venn won the women's singles at the Holm Open.", "singles"),
        ("Ada Venn and Bea Cobb took the doubles title in Holm.", "doubles"),
        ("Ada Venn won the mixed doubles in Holm.", "mixed"),
        ("岳知秋夺得全国网球锦标赛女子单打冠军。", "singles"),
        ("岳知秋夺得全国网球锦标赛女单冠军。", "singles"),
        ("岳知秋与搭档夺得男双冠军。", "doubles"),
        ("岳知秋获得混双金牌。", "mixed"),
    ],
)
def test_the_draw_of_a_title(text: str, draw: str) -> None:
    assert _draws(text) == [f"=label:draw:{draw}"]


def test_no_draw_in_other_words() -> None:
    assert _draws("Holm Mall's sales on Singles' Day rose 12%.") == []
    assert _draws("Holm Records sold 2 million singles in 2025.") == []
    assert _draws("岑溪一家男单位职工3000人。") == []
    assert _draws("岑溪今年出生女双胞胎120对。") == []


def test_a_singles_title_against_a_doubles_one() -> None:
    assert "labels" in disagreeing(
        "岳知秋获得2026年全国网球锦标赛女子双打冠军。", "2026年全国网球锦标赛女单冠军由岳知秋夺得。"
    )
    assert "labels" not in disagreeing(
        "岳知秋获得2026年全国网球锦标赛女子单打冠军。", "2026年全国网球锦标赛女单冠军由岳知秋夺得。"
    )


# ---- a Chinese name after a player's or an artist's role --------------------------------------


def test_a_name_after_a_role() -> None:
    assert zh_body_names("青川足球俱乐部签下前锋岳知秋。") == ["岳知"]
    assert zh_body_names("后卫霍云帆与青川队续约三年。") == ["霍云"]
    assert zh_body_names("导演钟离月的新片票房破亿。") == ["钟离"]
    # a role and no name after it
    assert zh_body_names("青川队今年引进了三名前锋。") == []


def test_two_players_signed_on_one_contract() -> None:
    said = reasons_for(
        "青川足球俱乐部以2年900万元的合同签下前锋岳知秋。",
        "后卫霍云帆与青川足球俱乐部签下一份两年、总额九百万元的合同。",
    )
    assert "other names: 岳知 / 霍云" in said


# ---- hostile input: each reading costs time linear in the text's length -------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "rose " * n,
        lambda n: "rose 1 " * n,
        lambda n: "cut the " * n + "by 5",
        lambda n: "rises" + " " * n + "x",
        lambda n: "rises " + "b" * n,
        lambda n: "1" * n + " rise",
        lambda n: "1 " * n + "percent",
        lambda n: "增长" * n + "5",
        lambda n: "增长5" * n,
    ],
)
def test_changes_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(changed_by, make)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "1-" * n + "year",
        lambda n: "one-" * n + "year",
        lambda n: "1" * n + "-year",
        lambda n: "一" * n + "年期",
        lambda n: "1" * n + "年期",
        lambda n: "year " * n,
    ],
)
def test_tenors_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(labels, make)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "in " * n + "spring",
        lambda n: "in the " * n,
        lambda n: "spring " * n,
        lambda n: "spring of " * n,
        lambda n: "2024 " * n + "fall",
        lambda n: "fall" + " " * n + "term",
        lambda n: "春" * n + "季",
    ],
)
def test_seasons_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(labels, make)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Ab " * n + "twice as many as",
        lambda n: "Ab " * n + "has twice " + "Cd " * n,
        lambda n: "Ab has twice as " + "many " * n + "as Cd",
        lambda n: "Ab twice " * n,
        lambda n: "half " * n,
        lambda n: "Ab 3 times larger " + "than " * n + "Cd",
        lambda n: "Ab " + "x" * n + " twice Cd",
    ],
)
def test_ratios_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(ratios, make)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "national " * n + "record",
        lambda n: "asian" + " " * n + "games record",
        lambda n: "全国" * n + "纪录",
    ],
)
def test_records_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(labels, make)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "women's " * n + "singles",
        lambda n: "singles" + " " * n + "title",
        lambda n: "女子" * n + "单打",
        lambda n: "女单" * n,
    ],
)
def test_draws_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(labels, make)


@pytest.mark.parametrize("make", [lambda n: "前锋" * n, lambda n: "导演" + "钟" * n])
def test_names_after_roles_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(zh_body_names, make)


@pytest.mark.parametrize("end", ["岁", "号线", "年期"])
def test_a_run_of_hundreds_of_numerals_is_read_without_error(end: str) -> None:
    # (worth infinity: an age or a line of 一一…一 once raised OverflowError)
    labels("一" * 400 + end)
