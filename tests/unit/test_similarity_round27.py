"""Round 27 of "checked before?": the span after a launch a figure is for, read from its
ordinal in either Chinese form (首周 and 第一周, 首月 and 第一个月) and for a month or a year too,
compared across two claims as a label. Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from claim_pairs import disagreeing, reasons_for
from linear_time import linear

from workbench.domain.similarity.labels import labels
from workbench.domain.similarity.results import en_payments, zh_payments


def _openings(text: str) -> list[str]:
    return [t for t in labels(text.lower()) if t.startswith("=label:opening:")]


# ---- 第一 is 首: the span after a launch --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("《青檐》上映第一周票房四亿元。", "week"),
        ("《青檐》上映首周票房四亿元。", "week"),
        ("《青檐》上映第一天票房一亿元。", "day"),
        ("《青檐》首日票房一亿元。", "day"),
        ("《青檐》上映第一个周末票房两亿元。", "weekend"),
        ("《青檐》首个周末票房两亿元。", "weekend"),
        ("手游《松涛》上线第一个月流水三亿元。", "month"),
        ("手游《松涛》上线首月流水三亿元。", "month"),
        ("手游《松涛》上线首年流水九亿元。", "year"),
        ("The game Pine Tide took $40m in its first month.", "month"),
        ("The game Pine Tide took $400m in its first year.", "year"),
        ("The film Blue Eaves took $90m on its opening weekend.", "weekend"),
    ],
)
def test_the_span_after_a_launch(text: str, span: str) -> None:
    assert _openings(text) == [f"=label:opening:{span}"]


def test_no_span_where_no_first_is_said() -> None:
    assert _openings("《青檐》上映17天票房突破十亿元。") == []
    assert _openings("《青檐》上映第十七天累计票房超过十亿元。") == []
    assert _openings("青檐汽车一季度交付三万辆。") == []
    assert _openings("Pine Tide's first-year players numbered 2 million.") == []


def test_first_day_against_first_week_in_other_words() -> None:
    day = "电影《青檐》上映首日票房达到4.2亿元。"
    week = "《青檐》公映第一周，票房就超过了四亿二千万元。"
    assert "labels" in disagreeing(day, week)


def test_one_span_in_both_forms_is_no_disagreement() -> None:
    assert "labels" not in disagreeing(
        "电影《青檐》上映首周票房为4.2亿元。", "《青檐》公映第一周收获四亿二千万元票房。"
    )
    assert "labels" not in disagreeing(
        "手游《松涛》上线首月海外收入达1.2亿美元。",
        "《松涛》上线第一个月，海外营收就达到一亿两千万美金。",
    )
    assert "labels" not in disagreeing(
        "The game Pine Tide took 900 million yuan in its first year.",
        "手游《松涛》上线首年流水9亿元。",
    )


# ---- hostile input: each reading costs time linear in the text's length -------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "第一个" * n,
        lambda n: "首个" * n + "周",
        lambda n: "first " * n,
        lambda n: "opening\t" * n + "week",
    ],
)
def test_the_spans_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(labels, make)


# ---- goods ordered against goods delivered: two stages of one sale -----------------------


def test_an_order_won_against_a_delivery_of_the_same_count() -> None:
    assert "stages of a sale" in disagreeing(
        "Brinmoor Yard won orders for 22 tankers in 2025.",
        "Brinmoor Yard delivered 22 tankers in 2025.",
    )
    said = reasons_for("鹭屿船厂2025年新接散货船订单22艘。", "2025年鹭屿船厂共交付散货船二十二艘。")
    assert "other stages of a sale: order / delivery" in said


def test_orders_or_deliveries_on_both_sides_are_no_stages() -> None:
    # one stage in two wordings
    assert "stages of a sale" not in disagreeing(
        "鹭屿船厂2025年新接散货船订单22艘。",
        "Brinmoor Yard won orders for 22 bulk carriers in 2025.",
    )
    # a claim that says both (ordered in 2023, delivered in 2025)
    assert "stages of a sale" not in disagreeing(
        "Harlin Air took delivery of 12 jets it ordered in 2023.", "Harlin Air delivered 12 jets."
    )
    # no figure shared
    assert "stages of a sale" not in disagreeing(
        "Brinmoor Yard won orders for 22 tankers.", "Brinmoor Yard delivered 19 tankers."
    )


# ---- a court's award names the party paid, 被……判赔 the party ordered to pay -----------------


def test_who_an_award_names() -> None:
    assert en_payments("The court awarded Corlan Foods 12 million yuan in damages.") == [
        "=paid:corlan"
    ]
    assert en_payments("Corlan Foods was awarded £3m in damages.") == ["=paid:corlan"]
    assert zh_payments("因商标侵权，柯澜食品被岚江中院判赔一千二百万元。") == ["=pays:柯澜"]
    assert zh_payments("柯澜食品获赔一千二百万元。") == ["=paid:柯澜"]
    # an award of a prize or a contract names no party paid by an order
    assert en_payments("Corlan Foods awarded the contract to Brisk Haulage.") == []
    # a clause that opens out of sight names no payer
    assert zh_payments("据报道称这家位于江南地区的老牌食品企业被中院判赔一千二百万元。") == []


def test_awarded_against_ordered_to_pay_across_scripts() -> None:
    said = reasons_for(
        "The Lanjiang court awarded Kelan Foods 12 million yuan in damages for trademark abuse.",
        "柯澜食品因商标侵权被岚江中院判赔一千二百万元。",
    )
    assert "roles swapped: kelan is paid / kelan pays" in said
    # the same award in the other language is no swap
    assert "roles" not in disagreeing(
        "The Lanjiang court awarded Kelan Foods 12 million yuan in damages.",
        "柯澜食品获赔一千二百万元。",
    )


def test_awarded_against_must_pay_in_english() -> None:
    assert "roles" in disagreeing(
        "Corlan Foods must pay 12 million yuan in damages.",
        "The court awarded Corlan Foods 12 million yuan in damages.",
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "awarded " + "Ab " * n,
        lambda n: "Ab " * n + "was awarded",
        lambda n: "awarded " + "A" * n,
        lambda n: "被" * n + "判赔",
        lambda n: "柯" * n + "获赔",
    ],
)
def test_awards_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(en_payments, make)
    assert linear(zh_payments, make)
