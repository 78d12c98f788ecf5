"""Round 39 of "checked before?" (session 42, from the notes of round 38, before fresh38 was
scored): "and a half" is a half ("one and a half million" is 1.5 million; it was read as
one), and 光年 and 秒差距 are lengths in Chinese as light years and parsecs are in English.
Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from claim_pairs import disagreeing, explained
from linear_time import linear

from workbench.domain.similarity import claim_terms
from workbench.domain.similarity.concepts import products
from workbench.domain.similarity.disagreements import OBJECTS
from workbench.domain.similarity.figures import EN_NUMBER, spoken_value
from workbench.domain.similarity.quantities import restate, yields


def spoken(text: str) -> list[float]:
    return [spoken_value(m.group()) for m in EN_NUMBER.finditer(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("one and a half million people", [1_500_000.0]),
        ("two and a half billion pounds", [2.5e9]),
        ("three and a half thousand homes", [3500.0]),
        ("one and a half hours", [1.5]),
        ("twenty-one and a half metres", [21.5]),
        ("two and a half hundred", [250.0]),
        # "half a million" stays half of one; "and a half" with no number before it is none
        ("half a million", [500_000.0]),
        ("a year and a half", []),
        # two figures side by side are still two
        ("one and a plan", [1.0]),
    ],
)
def test_and_a_half_is_a_half(text: str, values: list[float]) -> None:
    assert spoken(text) == values


def test_one_and_a_half_million_said_is_written() -> None:
    assert "figures" not in disagreeing(
        "Corrandale's airport handled one and a half million passengers in 2025.",
        "Corrandale airport saw 1.5 million passengers in 2025.",
    )


def test_one_and_a_half_million_is_not_one_million() -> None:
    assert "figures" in disagreeing(
        "Corrandale's airport handled one and a half million passengers in 2025.",
        "Corrandale airport saw 1 million passengers in 2025.",
    )


# 光年 and 秒差距 are lengths in Chinese too (round 38 read them in English only): where the
# distance is measured from is not what it counts (距离地球, 距我们, or nothing).
@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "玄霄天文台发现了一颗距离地球约120光年的类地行星。",
            "一颗位于约一百二十光年外的类地行星被玄霄天文台发现。",
        ),
        (
            "玄霄天文台发现了一颗距离地球约212光年的类地行星。",
            "玄霄天文台发现的这颗类地行星距我们约65秒差距。",
        ),
        (
            "Xuanxiao Observatory found an Earth-like planet about 212 light years away.",
            "玄霄天文台发现的这颗类地行星距我们约65秒差距。",
        ),
    ],
)
def test_light_years_in_chinese_are_one_length(one: str, other: str) -> None:
    found = disagreeing(one, other)
    assert "figures" not in found
    assert OBJECTS not in found


def test_another_distance_in_chinese_is_another_figure() -> None:
    assert "figures" in disagreeing(
        "玄霄天文台发现了一颗距离地球约120光年的类地行星。",
        "玄霄天文台发现了一颗距离地球约300光年的类地行星。",
    )


def test_a_distance_is_not_a_count() -> None:
    assert "measures" in disagreeing(
        "玄霄天文台发现了一颗距离地球约120光年的类地行星。",
        "玄霄天文台发现了120颗类地行星。",
    )


# Durations in years and months are one figure of years; months alone from 18 on.
@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("jailed for three years and nine months", "jailed for 3.75 years"),
        ("3y 9m for theft", "3.75 years for theft"),
        ("sent to prison for 45 months", "sent to prison for 3.75 years"),
        ("a 54-month sentence", "a 4.5 years sentence"),
        ("four years and six months", "4.5 years"),
        ("有期徒刑四年零六个月", "有期徒刑4.5年"),
        ("有期徒刑4年6个月", "有期徒刑4.5年"),
        ("判处有期徒刑三年半", "判处有期徒刑3.5年"),
        ("刑期五十四个月", "刑期4.5年"),
        # not a duration, or not one in quarters of a year
        ("in the 12 months to march", "in the 12 months to march"),
        ("six months later", "six months later"),
        ("2025年半年报", "2025年半年报"),
        ("上半年营收", "上半年营收"),
        ("3 years 5 months", "41 months"),
        ("2025 and 9 months", "2025 and 9 months"),
        ("用了18个月", "用了1.5年"),
        ("用了10个月", "用了10个月"),
    ],
)
def test_durations_are_restated_in_years(text: str, restated: str) -> None:
    assert restate(text) == restated


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Wexbury Crown Court jailed Anselm Pawlett for three years and nine months for theft.",
            "Pawlett was sent to prison for 45 months by Wexbury Crown Court for theft.",
        ),
        (
            "Denholm Crown Court jailed Lionel Astbury for seven years and six months for fraud.",
            "Lionel Astbury was given seven and a half years at Denholm Crown Court for fraud.",
        ),
        (
            "琚州中院以受贿罪判处原局长韦某有期徒刑四年零六个月。",
            "Former bureau chief Wei was jailed for 54 months for bribery by Juzhou court.",
        ),
    ],
)
def test_one_sentence_in_years_and_in_months(one: str, other: str) -> None:
    assert "figures" not in disagreeing(one, other)


def test_another_sentence_is_another_figure() -> None:
    # (a figure under 10 is compared by its own term, as "3 years" and "4 years" are)
    one = claim_terms("Wexbury Crown Court jailed Pawlett for three years and nine months.", "")
    other = claim_terms("Pawlett was sent to prison for 39 months by Wexbury Crown Court.", "")
    assert "#3.75" in one
    assert "#3.25" in other


# A race's distance and a jump's height are metres, not millions.
@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("the women's 200m butterfly", "the women's 200 metres butterfly"),
        ("she cleared 1.97m in the high jump", "she cleared 1.97 metres in the high jump"),
        ("罗知夏以1米97的成绩夺冠", "罗知夏以1.97米的成绩夺冠"),
        ("罗知夏跳过一米九七", "罗知夏跳过1.97米"),
        # money, and no sport
        ("a £2m prize for the 200m butterfly", "a £2m prize for the 200 metres butterfly"),
        ("the club made 200m last year", "the club made 200m last year"),
    ],
)
def test_race_distances_and_heights_are_metres(text: str, restated: str) -> None:
    assert restate(text) == restated


def test_a_height_in_either_language_is_one_figure() -> None:
    found = disagreeing(
        "Luo Zhixia won the women's high jump with a national record of 1.97m.",
        "罗知夏跳过一米九七，摘得女子跳高金牌，改写全国纪录。",
    )
    assert "figures" not in found


def test_a_race_in_metres_is_no_sum_of_millions() -> None:
    assert "figures" not in disagreeing(
        "Keziah Occleve set a British record in the women's 200m butterfly at the Ludcombe Open.",
        "A new British mark in the 200 metres butterfly was swum by Occleve at Ludcombe.",
    )


# A speed in other units is one figure; a yield per acre or per mu is one per hectare.
@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "A gust of 98 mph was recorded at Brisling Head on 14 December 2025.",
            "Wind at Brisling Head gusted to 158 km/h on 14 December 2025.",
        ),
        (
            "Typhoon Haiyao made landfall at Binjiang with maximum winds of 45m/s.",
            "Haiyao came ashore near Binjiang packing winds of 162 km/h.",
        ),
        (
            "台风海鹞在玢江登陆，中心附近最大风速45米/秒。",
            "Typhoon Haiyao made landfall at Binjiang with winds of 162 km/h.",
        ),
        (
            "Wheat farms in the Barleigh Wolds averaged 8.9 tonnes a hectare in 2025.",
            "Barleigh Wolds wheat growers harvested about 3.6 tonnes an acre in 2025.",
        ),
        (
            "玳县小麦亩产685公斤。",
            "玳县小麦单产达到每公顷10275公斤。",
        ),
        (
            "玳县小麦亩产685公斤。",
            "玳县小麦产量10275公斤/公顷。",
        ),
    ],
)
def test_speeds_and_yields_in_other_units_are_one_figure(one: str, other: str) -> None:
    assert "figures" not in disagreeing(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "A gust of 98 mph was recorded at Brisling Head on 14 December 2025.",
            "Wind at Brisling Head gusted to 130 km/h on 14 December 2025.",
        ),
        (
            "Wheat farms in the Barleigh Wolds averaged 8.9 tonnes a hectare in 2025.",
            "Barleigh Wolds wheat growers harvested about 8.9 tonnes an acre in 2025.",
        ),
        ("玳县小麦亩产685公斤。", "玳县小麦每公顷产685公斤。"),
    ],
)
def test_another_speed_or_yield_is_another_figure(one: str, other: str) -> None:
    assert "figures" in disagreeing(one, other)


def test_another_stroke_is_another_race() -> None:
    assert "products" in disagreeing(
        "Swimmer Gao Yunshu won the women's 200m individual medley in 2 minutes 5.31 seconds.",
        "女子200米蝶泳决赛中，高云舒游出2:05.31，获得金牌。",
    )


def test_solar_panels_are_solar() -> None:
    assert "products" not in disagreeing(
        "The 49.9MW Gorsemoor solar farm, with 112,000 panels, was connected to the grid.",
        "One hundred and twelve thousand solar panels at Gorsemoor began exporting power.",
    )


def test_solar_cells_are_not_solar_modules() -> None:
    assert "products" in disagreeing(
        "Gorsemoor Solar shipped 12 GW of solar cells in 2025.",
        "Gorsemoor Solar shipped 12 GW of solar modules in 2025.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "玳县小麦每公顷产7.5吨。",
        "Yields were 7.5 t/ha.",
        "亩产一千零二十斤",
    ],
)
def test_a_yield_in_decimals_or_numerals_is_read(text: str) -> None:
    assert "kg/ha" in yields(text) or "公斤/公顷" in yields(text)


@pytest.mark.parametrize(
    ("one", "other", "shared"),
    [
        (
            "Wind gusts of 52 metres per second were recorded on Jiaoyu Island during the typhoon.",
            "台风过境时，礁屿岛观测到每秒52米的阵风。",
            "187.2 speed",
        ),
        (
            "Xihe Agriculture's trial fields yielded 820 kilograms of rice per mu.",
            "曦禾农业试验田水稻亩产达到1640斤。",
            "12300 kg",
        ),
    ],
)
def test_speeds_and_yields_told_either_way_round(one: str, other: str, shared: str) -> None:
    assert "figures" not in disagreeing(one, other)
    assert shared in explained(one, other).reasons()[0]


# The review of round 39: what the restatements must leave alone, and inputs that must not
# cost time beyond their length nor raise.
@pytest.mark.parametrize(
    "make",
    [
        lambda n: "one " * n + "x months",
        lambda n: "one " * n + "x 3y 9m",
        lambda n: "1" * n + "年x个月",
        lambda n: "一" * n + "年x个月",
        lambda n: "1" * n + "年x年半",
        lambda n: "1" * n + " tx t/ha",
        lambda n: "1" * n + "x公斤/公顷 亩",
        lambda n: "亩产" + "1" * n,
        lambda n: "1" * n + "x 200m butterfly",
        lambda n: "时速" + "1" * n,
    ],
)
def test_restating_costs_time_linear_in_the_text(make: Callable[[int], str]) -> None:
    assert linear(lambda s: yields(restate(s)), make)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 400 + " t/ha",
        "亩产" + "九" * 400 + "公斤",
        "亩产" + "9" * 400 + "公斤",
        "9" * 400 + "公斤/公顷",
        "9" * 400 + " months",
        "999999 months",
        "999999.999 kg an acre",
    ],
)
def test_no_figure_is_too_large_to_restate(text: str) -> None:
    yields(restate(text))
    claim_terms(text, text)


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        # not a race: money, a verb, a word that holds "discus"
        ("he jumped at the chance to invest 200m", "he jumped at the chance to invest 200m"),
        ("a discussion of a 5m deal", "a discussion of a 5m deal"),
        ("a sprint to raise 30m before the relay", "a sprint to raise 30m before the relay"),
        ("the 4x100m relay", "the 4x100 metres relay"),
        ("the 110m hurdles final", "the 110 metres hurdles final"),
        # "m" is months only in "3y 9m"
        ("two years 3m people, 6 months", "two years 3m people, 6 months"),
        ("3 yrs 9 mths", "3.75 years"),
        # the ends of a range, an age, a count
        ("18 to 24 months", "18 to 24 months"),
        ("between 18 and 24 months", "between 18 and 24 months"),
        ("for 12-18 months", "for 12-18 months"),
        ("sentenced to 18 months", "sentenced to 1.5 years"),
        ("a 24-month-old boy", "a 24-month-old boy"),
        ("12至18个月", "12至18个月"),
        ("第18个月", "第18个月"),
        ("24年半导体营收", "24年半导体营收"),
        ("服刑三年半后", "服刑3.5年后"),
        # speeds said in Chinese
        ("时速162公里", "时速162公里/小时"),
        ("每小时162公里", "162公里/小时"),
        ("秒速45米", "秒速45米/秒"),
    ],
)
def test_what_restating_leaves_alone(text: str, restated: str) -> None:
    assert restate(text) == restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("亩产高达685公斤", "单产10275公斤/公顷"),
        ("亩产可达685kg", "单产10275公斤/公顷"),
        ("10,275公斤/公顷", "单产10275公斤/公顷"),
        ("10,275 kg/ha", "10275 kg/ha"),
        # the land of 5万亩 and what it grows; a dose per mu
        ("5万亩产量达到3000吨", "5万亩产量达到3000吨"),
        ("每亩施肥50公斤", "每亩施肥50公斤"),
        ("每亩50公斤化肥", "每亩50公斤化肥"),
    ],
)
def test_what_yields_reads_and_leaves(text: str, restated: str) -> None:
    assert yields(text) == restated


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a million and a half people", [1_500_000.0]),
        ("two million and a half", [2_500_000.0]),
        ("three thousand and a half", [3_500.0]),
    ],
)
def test_a_scale_and_a_half(text: str, values: list[float]) -> None:
    assert spoken(text) == values


def test_millions_a_year_are_millions() -> None:
    assert "#5000000" in claim_terms("Hasselby paid its chief £5m/year.", "")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("高铁列车最高时速350公里。", "The trains run at up to 350 km/h."),
        ("列车每小时350公里。", "The trains run at 350 kilometres an hour."),
        ("台风中心秒速45米。", "Winds of 162 km/h were recorded at the centre."),
    ],
)
def test_speeds_said_in_chinese_are_speeds(one: str, other: str) -> None:
    assert "figures" not in disagreeing(one, other)
    speeds = [t for t in claim_terms(one, "") if t.startswith("#speed:")]
    assert speeds
    assert speeds == [t for t in claim_terms(other, "") if t.startswith("#speed:")]


def test_solar_cells_are_not_solar() -> None:
    assert "=product:solar" not in products("solar cells")
    assert "=product:solar" in products("solar panels")


def test_a_yield_per_mu_on_average() -> None:
    assert yields("稻谷亩均单产六百八十二千克") == "稻谷单产10230公斤/公顷"


# The second review of round 39 (session 43): money stays money beside a race, a field event's
# text reads only a jump's mark, yields are no doses, ranges said in words, 年半 before most
# words, ages in the plural.
@pytest.mark.parametrize(
    ("text", "restated"),
    [
        (
            "the government wants 1m heat pumps installed",
            "the government wants 1m heat pumps installed",
        ),
        ("officials handed out 2m free tests", "officials handed out 2m free tests"),
        ("the firm paid a 10m final dividend", "the firm paid a 10m final dividend"),
        (
            "the high jump final drew an audience of 5m",
            "the high jump final drew an audience of 5m",
        ),
        ("she won the 100m and 200m butterfly", "she won the 100 metres and 200 metres butterfly"),
        (
            "gold in the 100m, 200m and 400m freestyle",
            "gold in the 100 metres, 200 metres and 400 metres freestyle",
        ),
        ("bolt won the 100m in 9.58 seconds", "bolt won the 100 metres in 9.58 seconds"),
        ("the pole vaulter cleared 6.25m", "the pole vaulter cleared 6.25 metres"),
        ("between twelve and eighteen months", "between twelve and eighteen months"),
        ("12或18个月", "12或18个月"),
        ("a 12- to 18-month course", "a 12- to 18-month course"),
        ("sentenced in 2019 to 18 months", "sentenced in 2019 to 1.5 years"),
        ("2,024 months", "2,024 months"),
        ("被判三年半有期徒刑", "被判3.5年有期徒刑"),
        ("两年半合同", "2.5年合同"),
        ("a vaccine for 18-month-olds", "a vaccine for 18-month-olds"),
        ("18个月大的婴儿", "18个月大的婴儿"),
        ("jailed for a year and a half", "jailed for 1.5 years"),
        ("时速350km", "时速350公里/小时"),
        ("时速400多公里", "时速400多公里/小时"),
    ],
)
def test_what_the_second_review_found(text: str, restated: str) -> None:
    assert restate(text) == restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("820 kg/mu", "12300 kg/ha"),
        ("玳县小麦单产,685公斤/亩。", "玳县小麦单产,单产10275公斤/公顷。"),
        ("化肥用量为每亩50公斤", "化肥用量为每亩50公斤"),
        ("播种量每亩10公斤", "播种量每亩10公斤"),
        ("施用化肥300公斤/公顷", "施用化肥300公斤/公顷"),
        ("5万多亩产量达到3000吨", "5万多亩产量达到3000吨"),
        ("8.9 tonnes of winter wheat per hectare", "8900 kg/ha"),
        ("亩产突破1000公斤", "单产15000公斤/公顷"),
        ("亩产量达到了685公斤", "单产10275公斤/公顷"),
    ],
)
def test_yields_the_second_review_found(text: str, restated: str) -> None:
    assert yields(text) == restated


def test_millions_beside_a_race_stay_millions() -> None:
    terms = claim_terms("The government wants 1m heat pumps installed.", "")
    assert "#1000000" in terms


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        (
            "the 400m record now belongs to halloway, who ran 49.62 s.",
            "the 400 metres record now belongs to halloway, who ran 49.62 s.",
        ),
        ("the firm ran 200m ads", "the firm ran 200m ads"),
        ("visitors rose to 100m", "visitors rose to 100m"),
    ],
)
def test_a_standard_distance_only_in_a_text_about_racing(text: str, restated: str) -> None:
    assert restate(text) == restated
