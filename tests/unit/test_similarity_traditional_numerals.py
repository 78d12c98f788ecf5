"""Trial 58: figures written in traditional characters (25億美元, 兩萬, 三點五億) were read as
bare numbers or not at all by "checked before?": the figure readers knew only 亿 万 两 点, so
25億 was the figure 25, and a Taiwan or Hong Kong report's claim, word for word a mainland
one, scored as one giving another figure. A sum in capital numerals (壹佰伍拾万元, as a
contract writes it) was no figure either. Invented sentences."""

from __future__ import annotations

import pytest

from workbench.domain.similarity import claim_terms, similarity, terms, weigh
from workbench.domain.similarity.numerals import plain_numerals


def _figures(text: str) -> list[str]:
    return sorted(t for t in terms(text) if t[0] in "#≈=" and not t.startswith("=obj:"))


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("估值達到25億美元", "估值达到25亿美元"),
        ("員工兩萬人", "员工两万人"),
        ("營收三點五億元", "营收三点五亿元"),
        ("營收約為三億元", "营收约为三亿元"),  # hedged: 約為 is 约为
        ("用戶超過兩千萬", "用户超过两千万"),  # a bound: 超過 is 超过
        ("沒有超過5萬台", "没有超过5万台"),
        ("投資2000餘萬元", "投资2000余万元"),  # "-odd": 餘 is 余
        ("增長百分之十二點五", "增长百分之十二点五"),
        ("合約為期四年零六個月", "合约为期四年零六个月"),
    ],
)
def test_a_traditional_figure_is_the_simplified_one(traditional: str, simplified: str) -> None:
    """Each was read as another figure than its simplified twin, or as none (25億: #25)."""
    assert _figures(traditional) == _figures(simplified)
    assert _figures(traditional)


def test_capital_numerals_are_a_figure_only_as_a_number() -> None:
    """A run of capital numerals with a digit and a unit is a number (壹佰伍拾万: 1.5 million;
    叁仟零伍拾: 3050); 大陆 (land), 收拾 (tidy up) and 壹基金 (a name) are no figures."""
    assert plain_numerals("合同金额人民币壹佰伍拾万元整") == "合同金额人民币一百五十万元整"
    assert "#1500000" in terms("合同金额人民币壹佰伍拾万元整")
    assert "#3050" in terms("叁仟零伍拾元")
    for text in ("大陆市场", "收拾行李", "壹基金募集善款"):
        assert plain_numerals(text) == text


def test_the_same_claim_in_traditional_characters_is_checked_before() -> None:
    """月之暗面估值達到25億美元 against 月之暗面估值达到25亿美元 scored 0.231 (other figures
    ≈25 / ≈2500000000, halved)."""
    a = claim_terms("月之暗面估值达到25亿美元", "月之暗面估值达到25亿美元")
    b = claim_terms("月之暗面估值達到25億美元", "月之暗面估值達到25億美元")
    other = claim_terms("智谱估值达到25亿美元", "智谱估值达到25亿美元")
    idf_of = {t: 1.0 for t in (*a, *b, *other)}
    assert similarity(weigh(b, idf_of), weigh(a, idf_of)) >= 0.5
    assert similarity(weigh(b, idf_of), weigh(a, idf_of)) > similarity(
        weigh(b, idf_of), weigh(other, idf_of)
    )
