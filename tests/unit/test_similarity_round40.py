"""Round 40 of "checked before?" (session 43, chosen on fresh39 after its one blind reading): a
term not in quarters of a year is counted in months, as a rewording counts it; a limit raised is
a rise, not money raised; ex- before a qualified post; 收入囊中 is a win; a route named by its
ends; a target in brackets; dotted dates; the CPPCC. Invented sentences."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing

from workbench.domain.similarity import claim_terms
from workbench.domain.similarity.quantities import restate


# Round 40 (session 43, chosen on fresh39 after its one blind reading): a term not in quarters
# of a year is counted in months, as a rewording counts it; a limit raised is a rise, not money
# raised; ex- before a qualified post; 收入囊中 is a win; Jan-26 is a month.
@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("six years and four months", "76 months"),
        ("6y 4m", "76 months"),
        ("六年零四个月", "76个月"),
        ("76 months", "76 months"),
    ],
)
def test_a_term_not_in_quarters_is_in_months(text: str, restated: str) -> None:
    assert restate(text) == restated


def test_a_term_in_years_and_months_against_months() -> None:
    assert "figures" not in disagreeing(
        "Bartholomew Gedge was jailed for six years and four months for fraud.",
        "A judge sent Gedge to prison for 76 months over the fraud.",
    )


def test_a_limit_raised_is_no_money_raised() -> None:
    terms = claim_terms("Yaozhou raised the ceiling on fund loans to 1.2 million yuan.", "")
    assert "~fund" not in terms
    assert "~fund" in claim_terms("Brightlode raised 40 million dollars in a Series C round.", "")


def test_ex_before_a_qualified_post_is_former() -> None:
    assert "~former" in claim_terms("An ex-estate agent was jailed for fraud.", "")
    assert "~former" not in claim_terms("Prices ex-works rose 3%.", "")


def test_pocketed_gold_is_no_revenue() -> None:
    assert "~revenue" not in claim_terms("女单金牌被阚思滢收入囊中。", "")
    assert "~revenue" in claim_terms("公司收入增长12%。", "")


def test_a_month_before_a_short_year_is_no_name() -> None:
    assert "@jan" not in claim_terms("Pellingworth ED 4-hour performance, Jan-26: 71.3%.", "")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("淏阳至栌川高速公路全长86.4公里。", "淏栌高速全长86.4km。"),
        ("玉垣至曲桑高速铁路全长286公里。", "曲桑—玉垣高铁的线路长度为二百八十六千米。"),
    ],
)
def test_a_route_is_named_by_its_ends(one: str, other: str) -> None:
    assert "names" not in disagreeing(one, other)


def test_another_route_is_another_name() -> None:
    assert "names" in disagreeing("淏阳至栌川高速公路全长86.4公里。", "淏岭高速全长86.4km。")


def test_a_target_in_brackets_is_context() -> None:
    one = "71.3% of patients at Pellingworth's emergency department were seen within four hours."
    assert "modality" not in disagreeing(
        one, "Pellingworth's emergency department saw 71.3% of patients within 4 hrs (target 78%)."
    )
    assert "modality" not in disagreeing(
        "急诊四小时达标率71.3%。", "急诊四小时达标率71.3%（目标78%）。"
    )
    # a target that is the claim stays a plan
    assert "modality" in disagreeing(
        one, "Pellingworth's target is to see 71.3% within four hours."
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("市政协十届五次会议2026.1.12选举笪怀瑾为市政协主席。", "=day:1-12"),
        ("公积金新政（2026.3.1起）", "=day:3-1"),
        ("Yangcheng's CPPCC met on 2026.1.12.", "=day:1-12"),
    ],
)
def test_a_dotted_date_is_a_day(text: str, day: str) -> None:
    terms = claim_terms(text, "")
    assert day in terms
    assert "=year:2026" in terms or "#2026" in terms
    assert not any(t.startswith("#2026.") for t in terms)


@pytest.mark.parametrize("text", ["增长2026.1.125元", "版本2.1.3发布", "v2026.1.12.4"])
def test_what_is_no_dotted_date(text: str) -> None:
    assert not any(t.startswith("=day:") for t in claim_terms(text, ""))


def test_the_cppcc_by_any_name() -> None:
    assert "names" not in disagreeing(
        "Da Huaijin was elected chairman of the Yangcheng committee of the Chinese People's "
        "Political Consultative Conference on 12 January 2026.",
        "Members of Yangcheng's CPPCC committee elected Da as its chairman on 12 January 2026.",
    )
    assert "~cppcc" in claim_terms("垟城市政协十届五次会议选举笪怀瑾为市政协主席。", "")
