"""Meaning-bearing terms: the same figure, name or key word however it is written."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from claim_pairs import disagreeing, explained, reasons_for
from hypothesis import given
from hypothesis import strategies as st
from linear_time import linear

from workbench.domain.glosses import glossed, pinyin_translated
from workbench.domain.romanise import name_matches, readings
from workbench.domain.similarity import (
    MAX_TERM,
    claim_terms,
    cosine,
    document_frequencies,
    explain,
    idf,
    names,
    similarity,
    subject,
    terms,
    weigh,
)
from workbench.domain.similarity.figures import YEAR
from workbench.domain.similarity.labels import labels
from workbench.domain.similarity.polarity import FUTURE, NEGATED
from workbench.domain.similarity.results import winner_first
from workbench.domain.similarity.words import stem

PAIRS = Path(__file__).resolve().parents[1] / "data" / "similar" / "pairs.yaml"


@pytest.mark.parametrize(
    ("forms", "shared"),
    [
        (["7年", "七年", "seven years", "7 years"], {"#7", "~year"}),
        (
            ["1500万美金", "一千五百万美元", "US$15 million", "$15m", "15 million dollars"],
            {"#15000000", "~usd"},
        ),
        (["首个", "第一个", "首家", "first"], {"~first"}),
        (["3.9亿元", "390 million yuan"], {"#390000000", "~cny"}),
        (["12,000", "twelve thousand", "一万二千"], {"#12000"}),
        (["forty-five", "45", "四十五"], {"#45"}),
        (["25%", "25 percent", "25 per cent"], {"#25", "~percent"}),
        (["第五", "fifth"], {"#5"}),
        (["三亿六千万", "3.6亿", "360 million"], {"#360000000"}),
        (["一亿零五百万", "105 million"], {"#105000000"}),
        (["两千多万", "2000多万", "二千余万", "20 million"], {"#20000000"}),
        (["三千多万美元", "3000余万美元", "US$30 million"], {"#30000000", "~usd"}),
        (["1400多家", "一千四百多家", "1,400"], {"#1400"}),
        # "six" is not the start of "sixty", nor "eight" of "eighteen"
        (["62,000", "sixty-two thousand", "六万二千"], {"#62000"}),
        (["18,000", "eighteen thousand", "一万八千"], {"#18000"}),
        (["70%", "seventy per cent"], {"#70", "~percent"}),
    ],
)
def test_one_fact_written_many_ways_gives_the_same_terms(
    forms: list[str], shared: set[str]
) -> None:
    for form in forms:
        assert shared <= set(terms(form)), form


def test_words_that_only_look_like_numbers_or_years() -> None:
    assert "~year" not in terms("年产能20吉瓦时")  # annual capacity, not a span of years
    assert terms("2015年") == ["#2015", "=year:2015"]  # a year, said to be one
    assert "#10000" not in terms("万物")  # a lone 万 is a word, not a number
    assert "#1" not in terms("签下了一份协议")  # 一份: an article
    assert terms("早一年")[:2] == ["#1", "~year"]
    # (and its approximate term) not #6, ty, #2000
    assert terms("sixty-two thousand") == ["#62000", "≈62000"]


@pytest.mark.parametrize(
    ("one", "other", "like"),
    [
        # A thousands comma writes a count, whatever its size: as 3,050 against 3,049 people.
        (
            "The festival drew 2,050 people on Saturday.",
            "The festival drew 2,049 people.",
            ("The festival drew 3,050 people on Saturday.", "The festival drew 3,049 people."),
        ),
        (
            "The festival drew 1,990 people on Saturday.",
            "The festival drew 2,040 people.",
            ("The festival drew 3,990 people on Saturday.", "The festival drew 4,040 people."),
        ),
        # A Chinese classifier after a figure counts too.
        (
            "园区入驻企业2000家。",
            "园区入驻企业2001家。",
            ("园区入驻企业3000家。", "园区入驻企业3001家。"),
        ),
    ],
)
def test_a_count_of_a_years_size_is_no_year(one: str, other: str, like: tuple[str, str]) -> None:
    assert "years" not in disagreeing(one, other)
    assert disagreeing(one, other) == disagreeing(*like)


@pytest.mark.parametrize(
    ("one", "other", "number"),
    [
        (
            "The hospital treated 1,998 patients in 2023.",
            "In 1998 the hospital opened a wing.",
            "1998",
        ),
        ("The hospital opened a wing in 1998.", "The hospital treated 1,998 patients.", "1998"),
        ("园区入驻企业2019家。", "园区2019年入驻企业增加。", "2019"),
    ],
)
def test_a_year_and_a_count_of_one_number_share_nothing(one: str, other: str, number: str) -> None:
    found = explained(one, other)
    assert ("year or count", (number,), (number,)) in [(w, a, b) for w, a, b, _ in found.disagree]
    assert number not in found.shared
    assert f"a year in one claim, a count in the other: {number}" in reasons_for(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # Bare, a number may be a year or a count: typed with or without its comma, one claim.
        ("The rally drew 2000 people.", "The rally drew 2,000 people."),
        ("The council spent $2000 on the statue.", "The council spent $2,000 on the statue."),
        ("The law passed in two thousand and eight.", "The law passed in 2008."),
        ("新规自2021起实施。", "新规2021年起实施。"),  # 起: since, no classifier
        # (a second review: after "of", "by", "from", "in", a count, unless a year reads on)
        ("The firm hired a total of 2000 people.", "The firm hired 2,000 people."),
        ("Unemployment rose by 2000 people.", "Unemployment rose by 2,000 people."),
        ("The survey of 2000 adults found 60% support.", "The survey of 2,000 adults found it."),
        ("Deaths fell from 2000 to 1500.", "Deaths fell from 2,000 to 1,500."),
        ("He lost in 2000 races.", "He lost in 2,000 races."),
        ("公司雇用了2000人。", "The firm hired a total of 2000 people."),
        # a count and a year of one number in one claim: the other's year is that year
        ("2,019 people were evicted in 2019 in Leeds.", "Evictions in Leeds hit a record in 2019."),
    ],
)
def test_a_number_not_known_for_a_count_or_a_year_is_no_disagreement(one: str, other: str) -> None:
    # (found by a review: the first version called every unmarked number a year)
    assert "year or count" not in disagreeing(one, other)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2023年3月", "2023"),
        ("二〇二一年", "2021"),
        ("opened in 2019", "2019"),
        ("since 2008", "2008"),
    ],
)
def test_a_year_written_as_one_is_marked(text: str, year: str) -> None:
    assert YEAR + year in terms(text)


@pytest.mark.parametrize("text", ["2000 people", "$2000", "2,000 people", "两千年", "2000家"])
def test_a_number_not_written_as_a_year_is_not_marked_one(text: str) -> None:
    assert not any(t.startswith(YEAR) for t in terms(text))


def test_a_count_leaves_the_years_beside_it_years() -> None:
    one, other = "2,050 people came in 2020.", "2,050 people came in 2021."
    assert [(w, a, b) for w, a, b, _ in explained(one, other).disagree] == [
        ("years", ("2020",), ("2021",))
    ]
    # Written as a year is, a year it may be: 2050 against 2049 stay "other years".
    assert "years" in disagreeing("2050 people came.", "2049 people came.")


def test_chinese_is_read_as_character_pairs_and_english_as_stemmed_words() -> None:
    assert {"商汤", "汤科", "科技"} <= set(terms("商汤科技"))
    assert {"sawmill", "canada"} <= set(terms("the sawmills of Canada"))
    assert "the" not in terms("the sawmills of Canada")


def test_scores_are_cosines_between_zero_and_one() -> None:
    a = claim_terms("MiniMax是国内首个采用线性注意力的公司", "国内首个采用线性注意力")
    b = claim_terms("MiniMax was the first in China to use linear attention", "线性注意力")
    c = claim_terms("Orbital Foods was founded in 1987", "founded in 1987")
    df = document_frequencies([a, b, c])
    idf_of = {t: idf(k, 3) for t, k in df.items()}
    va, vb, vc = (weigh(x, idf_of) for x in (a, b, c))
    assert cosine(va, va) == pytest.approx(1.0)
    assert cosine(va, vb) > 0.5 > cosine(va, vc) >= 0.0
    assert cosine(va, {}) == 0.0


def test_the_same_figure_about_another_subject_scores_lower() -> None:
    steel = claim_terms(
        "The new tariff raises duties on steel to 25 percent.", "on imported steel, to 25 percent"
    )
    lithium = claim_terms("美国把中国产锂电池的关税由7.5%上调至25%。", "锂电池关税上调到25%")
    steel_again = claim_terms("Steel imports now face a 25% tariff.", "a 25% levy on steel")
    bags = [steel, lithium, steel_again]
    df = document_frequencies(bags)
    idf_of = {t: idf(k, len(bags)) for t, k in df.items()}
    a, b, c = (weigh(x, idf_of) for x in bags)
    assert set(subject(b)) == {"~tariff", "~lithium", "~battery", "~usa", "~china"}
    assert similarity(a, b) < cosine(a, b)  # the figure agrees, the subject does not
    assert similarity(a, c) > 0.5 > similarity(a, b)
    assert similarity(a, c) / cosine(a, c) > similarity(a, b) / cosine(a, b)
    assert similarity(a, {}) == 0.0


@pytest.mark.parametrize(
    "name",
    [
        "pairs.yaml",
        "fresh.yaml",
        "fresh2.yaml",
        "fresh3.yaml",
        "fresh4.yaml",
        "fresh5.yaml",
        "fresh6.yaml",
        "fresh7.yaml",
        "fresh8.yaml",
        "fresh9.yaml",
        "fresh10.yaml",
        "fresh11.yaml",
        "fresh12.yaml",
        "fresh13.yaml",
        "fresh14.yaml",
        "fresh15.yaml",
        "fresh16.yaml",
        "fresh17.yaml",
        "fresh18.yaml",
        "fresh19.yaml",
        "fresh20.yaml",
        "fresh21.yaml",
        "fresh22.yaml",
        "fresh23.yaml",
        "fresh24.yaml",
        "fresh25.yaml",
        "fresh26.yaml",
        "fresh27.yaml",
        "fresh28.yaml",
        "fresh29.yaml",
        "fresh30.yaml",
        "fresh31.yaml",
        "fresh32.yaml",
        "fresh33.yaml",
        "fresh34.yaml",
        "fresh35.yaml",
        "fresh36.yaml",
        "fresh37.yaml",
    ],
)
def test_every_labelled_claim_is_one_text_and_one_quote(name: str) -> None:
    # An unquoted comma in a YAML flow mapping ends the value: a claim cut short at its first
    # comma would still load, with a stray key.
    data = yaml.safe_load((PAIRS.parent / name).read_text(encoding="utf-8"))
    claims = [p[side] for p in data["pairs"] for side in "ab"] + data["unrelated"]
    for claim in claims:
        assert set(claim) == {"text", "quote"}, claim
        assert all(isinstance(v, str) and v for v in claim.values()), claim


def test_the_labelled_pairs_rank_their_match_first() -> None:
    """The dev pairs (both splits of pairs.yaml): bench/similar_quality.py prints the figures;
    the fresh held-out split is measured there only."""
    data = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    corpus = {p["id"]: claim_terms(p["a"]["text"], p["a"]["quote"]) for p in data["pairs"]}
    corpus.update(
        (f"u{i}", claim_terms(c["text"], c["quote"])) for i, c in enumerate(data["unrelated"])
    )
    assert len(data["pairs"]) >= 40 and len(data["unrelated"]) >= 30
    df = document_frequencies(corpus.values())
    idf_of = {t: idf(k, len(corpus)) for t, k in df.items()}
    vectors = {cid: weigh(bag, idf_of) for cid, bag in corpus.items()}
    for p in data["pairs"]:
        q = weigh(claim_terms(p["b"]["text"], p["b"]["quote"]), idf_of)
        best = max(vectors, key=lambda cid: (similarity(q, vectors[cid]), cid))
        assert best == p["id"], p["id"]
        others = [similarity(q, v) for cid, v in vectors.items() if cid != p["id"]]
        assert max(others) < 0.5 <= similarity(q, vectors[p["id"]]), p["id"]


def test_absurd_numbers_do_not_break_the_scan() -> None:
    assert terms("9" * 400) == ["#inf"]
    assert terms("九" + "亿" * 60) == ["#inf"]
    assert terms("1" + "0" * 30)[0] == "#1e+30"


PIECES = [
    *"0123456789.,% $万亿千百十一二两七九年月第个首",
    *["million", "seven", "forty-five", "US$", "per cent", "first", "商汤", "😀", "\u0301"],
]


@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.text()))
def test_any_text_gives_terms_that_fit_the_index(text: str) -> None:
    for term in claim_terms(text, text):
        assert 0 < len(term) <= MAX_TERM


def test_names_are_words_plainly_used_as_names() -> None:
    assert names("Kestrel Air began flying to Dublin in 2009.") == [
        "@kestrel",
        "@air",
        "@dublin",
    ]
    # At the start of a sentence a capital says nothing, unless another follows (or 's).
    assert names("Traffic has crossed the Calder Bridge since 1994.") == ["@calder", "@bridge"]
    assert names("Eastline Buses carried 41 million passengers.") == ["@eastline", "@bus"]
    assert names("Medicare spending grew by 8 percent.") == []
    assert names("Ridgeline's output fell.") == ["@ridgeline"]
    # Not names: months, units after a figure, currencies, short acronyms, concepts.
    assert names("In April it stored 2 GWh, US$15 million, for AI in the United States.") == []
    assert names("他说,比ChatGPT发布早一年") == ["@chatgpt"]
    assert names("MiniMax是国内首个") == ["@minimax"]


def test_a_chinese_claim_names_what_it_opens_with() -> None:
    assert names("星衡储能2023年营业收入为58.6亿元。") == ["@星衡"]
    assert names("2021年山野咖啡B轮拿到了五亿元。") == ["@山野"]
    assert names("到2023年底,明川生物累计装机12.3吉瓦时。") == ["@明川"]
    # (and a name before a kind of body anywhere: 商汤科技)
    assert names("闫俊杰在商汤科技工作了7年。") == ["@商汤", "@闫俊"]
    # A pronoun, a quantifier, a figure or a concept is no name.
    for text in (
        "公司员工总数超过4200人。",
        "全国有650家医院",
        "这家公司",
        "一次训练花费",
        "中国新增装机",
    ):
        assert names(text) == [], text


def test_chinese_names_come_from_quotes_and_provinces_from_anywhere() -> None:
    # An English claim's Chinese quote gives the only Chinese name it has.
    bag = claim_terms("Gu Mingzhe founded a firm in 2015.", "2015年,顾明哲在杭州创办了公司")
    assert {"@顾明", "@gu", "@mingzhe"} <= set(bag)
    assert names("北漠光伏在宁夏的工厂投资了十二亿元。") == ["@宁夏", "@北漠"]
    assert names("工厂位于内蒙古和黑龙江") == ["@内蒙", "@黑龙"]


def _scores(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """The weighted vectors of a query, its true match and a near miss, among a few fillers."""
    fillers = [
        ("The plant was built in 1998.", "the plant was built in 1998"),
        ("Unemployment fell to 3.5 percent in September.", "the jobless rate dropped to 3.5%"),
        ("公司员工总数超过4200人。", "员工总数已经超过4200人"),
        ("储能电芯价格一年内下跌超过50%。", "储能电芯的价格在一年内下跌了超过50%"),
    ]
    bags = [claim_terms(*c) for c in (true, other, *fillers)]
    df = document_frequencies(bags)
    idf_of = {t: idf(k, len(bags)) for t, k in df.items()}
    return weigh(claim_terms(*query), idf_of), weigh(bags[0], idf_of), weigh(bags[1], idf_of)


def _kept_apart(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """The vectors of a query, its true match and a near miss, having checked what every table of
    near misses checks: the near miss is kept apart for `why`, below the threshold the true match
    reaches."""
    q, t, o = _scores(query, true, other)
    assert why in explain(q, o).disagree
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    return q, t, o


# (query, its true match, a near miss that shares most terms, what the two disagree on)
NEAR_MISSES = [
    (
        ("Wren Air began flying to Oporto in 2011.", "Wren Air's Oporto service, launched in 2011"),
        (
            "Wren Air has flown the Oporto route since 2011.",
            "Wren Air has served Oporto since 2011",
        ),
        (
            "Wren Air has flown the Malaga route since 2011.",
            "Wren Air has served Malaga since 2011",
        ),
        ("names", ("oporto",), ("malaga",), 0.5),
    ),
    (
        ("2019年明川生物C轮拿到了八亿元。", "C轮融资8亿元"),
        ("明川生物2019年C轮融资8亿元。", "2019年的C轮融资金额达到8亿元"),
        ("远舟物流2019年C轮融资8亿元。", "远舟物流C轮融资8亿元"),
        ("names", ("明川",), ("远舟",), 0.5),
    ),
    (
        ("In June Dorne Motors called back forty-eight thousand cars.", "a recall of 48k cars"),
        ("Dorne Motors recalled 48,000 cars in June.", "Dorne Motors recalled 48,000 cars"),
        ("Dorne Motors sold 48,000 cars in June.", "Dorne Motors sold 48,000 cars in June"),
        ("measures", ("recall",), ("sale",), 0.6),
    ),
    (  # across languages: the claim in Chinese, the earlier ones in English with Chinese quotes
        ("明川生物2022年净亏损达三亿六千万元。", "2022年亏了3.6亿"),
        ("Mingchuan Bio lost 360 million yuan in 2022.", "2022年亏损3.6亿元"),
        ("Mingchuan Bio's revenue was 360 million yuan in 2022.", "2022年营收3.6亿元"),
        ("measures", ("loss",), ("revenue",), 0.6),
    ),
    (
        ("Alder Bank opened thirty branches in 2018.", "30 new Alder Bank branches in 2018"),
        ("Alder Bank opened 30 branches in 2018.", "Alder Bank opened 30 branches in 2018"),
        ("Alder Bank opened 30 branches in 2021.", "Alder Bank opened 30 branches in 2021"),
        ("years", ("2018",), ("2021",), 0.5),
    ),
    (  # across languages: the Chinese claim's name against the English claims' quotes' names
        ("岑远舟2014年在厦门创办了海鸥电池。", "2014年创办于厦门"),
        (
            "Cen Yuanzhou founded Haiou Battery in Xiamen in 2014.",
            "2014年,岑远舟在厦门创办了海鸥电池",
        ),
        (
            "Lu Qingshan founded Dongting Battery in Xiamen in 2014.",
            "2014年,陆青山在厦门创办了洞庭电池",
        ),
        ("names", ("岑远",), ("陆青",), 0.5),
    ),
    (
        ("远川电力在甘肃的电站投资了九亿元。", "甘肃电站投资9亿元"),
        ("远川电力甘肃电站总投资9亿元。", "远川电力甘肃电站总投资9亿元"),
        ("远川电力内蒙古电站总投资9亿元。", "远川电力内蒙古电站总投资9亿元"),
        ("places", ("甘肃",), ("内蒙",), 0.5),
    ),
    (  # opposite acts: opened (or added) against closed
        ("Last year Harlow Books added nine shops in York.", "9 new Harlow shops in York"),
        (
            "Harlow Books opened 9 shops in York last year.",
            "Harlow Books opened nine shops in York",
        ),
        ("Harlow Books closed 9 shops in York last year.", "Harlow Books shut nine York shops"),
        ("acts", ("up",), ("close",), 0.5),
    ),
    (  # 增 against 减
        ("安澜水务2022年营收增长了6%。", "营收增长6%"),
        ("安澜水务2022年营业收入增加6%。", "2022年营收增加6%"),
        ("安澜水务2022年营收下降了6%。", "2022年营收下降6%"),
        ("acts", ("up",), ("down",), 0.5),
    ),
]


@pytest.mark.parametrize(("query", "true", "other", "why"), NEAR_MISSES)
def test_another_name_measure_or_year_is_another_claim(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, o = _scores(query, true, other)
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    assert explain(q, t).disagree == ()
    missed = explain(q, o)
    assert missed.cosine >= 0.5  # the shared terms alone would have passed it
    assert why in missed.disagree
    assert any(" ".join(why[1] or why[2]) in r for r in missed.reasons()[1:])


def test_the_same_names_reworded_still_match() -> None:
    q, t, o = _scores(
        ("Greenleaf was bought by Orbital Foods in 2019 in a US$300 million deal.", "worth $300m"),
        ("Orbital Foods acquired Greenleaf for $300 million in 2019.", "bought Greenleaf in 2019"),
        ("The Oslo company Northwind dates back to 2011.", "Northwind, set up in Oslo in 2011"),
    )
    assert similarity(q, t) > 0.8 and explain(q, t).disagree == ()
    assert similarity(q, o) < 0.5
    # A name only one claim marks (Northwind at the start of a sentence) is still found in it.
    n, a, _ = _scores(
        ("The Oslo company Northwind dates back to 2011.", "Northwind, set up in Oslo in 2011"),
        ("Northwind was founded in 2011 in Oslo.", "Northwind was founded in 2011 in Oslo."),
        ("The plant was built in 1998.", "1998"),
    )
    assert "@northwind" in n and "@northwind" not in a
    assert explain(n, a).disagree == () and similarity(n, a) >= 0.5


def test_names_in_different_scripts_are_not_compared() -> None:
    # An English claim about a Chinese quote and the same claim in Chinese name the company in
    # two scripts: neither name is in the other claim, and that is no disagreement.
    q, t, _ = _scores(
        ("星衡储能2023年收入增长了71%。", "2023年营收同比增长71%"),
        ("Xingheng's revenue grew 71% in 2023.", "营业收入同比增长71%"),
        ("The plant was built in 1998.", "1998"),
    )
    assert "@星衡" in q and "@xingheng" in t
    assert explain(q, t).disagree == () and similarity(q, t) >= 0.5


def test_acts_contradict_only_when_each_claim_says_one_pole() -> None:
    q, t, o = _scores(
        ("Calder Foods opened 8 stores and closed 8 others in 2020.", "8 opened, 8 closed"),
        ("Calder Foods opened eight stores in 2020.", "Calder Foods opened eight stores"),
        ("Calder Foods closed eight stores in 2020.", "Calder Foods closed eight stores"),
    )
    # Both poles in the query: it contradicts neither claim.
    assert all(what != "acts" for what, *_ in explain(q, t).disagree + explain(q, o).disagree)
    # One pole each, the same one: no contradiction either.
    _, a, b = _scores(("x", "x"), ("Rates rose 2% in 2020.", "up 2%"), ("Rates grew 2%.", "2%"))
    assert all(what != "acts" for what, *_ in explain(a, b).disagree)


def test_a_province_disagrees_with_a_province_only() -> None:
    # A quote that names where she worked (北京) against a claim that names her: no disagreement.
    q, t, _ = _scores(
        ("苏曼宁在医院病理科干了十一年。", "病理科工作十一年"),
        (
            "Su Manning worked in hospital pathology for 11 years.",
            "她在北京一家医院的病理科工作了11年",
        ),
        ("The plant was built in 1998.", "1998"),
    )
    assert "@北京" in t and "@苏曼" in q
    assert explain(q, t).disagree == ()


def test_a_measure_both_claims_give_is_no_disagreement() -> None:
    q, t, _ = _scores(
        ("Orrin Mills' revenue and profit rose 4% in 2021.", "revenue and profit up 4%"),
        ("Orrin Mills' revenue rose 4% in 2021.", "revenue up 4% in 2021"),
        ("The plant was built in 1998.", "1998"),
    )
    # The query gives a measure (profit) the earlier claim lacks: one-sided, a smaller cost.
    assert [d[0] for d in explain(q, t).disagree] == ["measure on one side"]
    assert explain(t, t).disagree == ()


def test_a_measure_one_claim_gives_alone_costs_a_fifth() -> None:
    # A loss of 800,000 yuan against 800,000 yuan borrowed (no measure the table knows).
    q, t, o = _scores(
        ("青枫书店第一年亏了八十万元。", "亏损八十万元"),
        ("青枫书店第一年亏损80万元。", "第一年亏损80万元"),
        ("青枫书店第一年借了80万元。", "第一年借了80万元"),
    )
    assert explain(q, t).disagree == ()
    missed = explain(q, o)
    assert missed.disagree == (("measure on one side", ("loss",), (), 0.8),)
    assert missed.score == pytest.approx(missed.cosine * missed.subject * 0.8)
    assert "a measure one claim gives only: loss (x0.80)" in missed.reasons()
    assert similarity(q, t) > similarity(q, o)


def test_explain_gives_the_score_of_similarity() -> None:
    for query, true, other, _ in NEAR_MISSES:
        q, t, o = _scores(query, true, other)
        for v in (t, o):
            assert explain(q, v).score == pytest.approx(similarity(q, v))
    assert explain({}, {}).reasons() == ["shares nothing (0.00)"]
    q, _, o = _scores(*NEAR_MISSES[0][:3])
    assert explain(q, o).reasons() == [
        "shares 2011, wren, air (0.68)",
        "other names: oporto / malaga (x0.50)",
    ]


def test_explain_never_says_nothing_is_shared_of_claims_that_share_something() -> None:
    # Character pairs with a function character are kept from the terms shown, but they are
    # all these two share: "shares nothing (0.67)" was said of a score over the threshold.
    a, b = (weigh(claim_terms(t, t), {}) for t in ("这是他的。", "那是他的。"))
    why = explain(a, b)
    assert why.score > 0.5 and why.reasons() == ["shares 是他, 他的 (0.67)"]


# ---- round 3: what a figure counts, names in two scripts, exports, provinces ------------------


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Copperline Telecom has 6,500 masts.", ["^mast"]),
        ("a 640-berth marina", ["^berth"]),
        ("sixty-two thousand cars", ["^car"]),
        ("15 million containers in 2023", ["^container"]),
        ("九千多名员工", ["^人"]),  # 名, 位 and 人 count people alike
        ("员工九千多人", ["^人"]),
        ("2.3万台手术", ["^台"]),
        ("1400多家门店", ["^家"]),
        # not what a figure counts: people, time, fractions, concepts, function words; a unit
        # gives only its kind of quantity (^dim:)
        ("6,500 people work there", []),
        ("11 kilometres", ["^dim:length"]),
        ("an 11km tunnel", ["^dim:length"]),
        ("2 GWh of storage", ["^dim:energy"]),
        ("three and a half percent", []),
        ("on 3 June", []),
        ("15 stores", []),  # a concept of the table: its own term
        ("a 640-bed hospital", []),  # beds: a concept of the table since round 4
        ("a 640-seat theatre", []),  # seats: a concept of the table since round 9
        ("a 6% fare rise", []),  # the figure counts per cent, not fares
        ("15 new stores", []),
        ("In 2014 the museum opened", []),  # a year counts nothing
        ("1500万吨", ["^dim:mass"]),  # a unit: its kind of quantity
        ("增长了50%只是开始", []),  # a concept between the figure and the character
        ("2023年营收", []),
        ("做了7年记者", []),
    ],
)
def test_what_a_figure_counts_is_a_measure(text: str, counted: list[str]) -> None:
    assert [t for t in terms(text) if t[0] == "^"] == counted


def test_a_name_after_a_figure_is_no_measure() -> None:
    bag = claim_terms("Eighteen thousand Selwyn Motors vans were called back.", "18k vans")
    assert "^selwyn" not in bag and "@selwyn" in bag and "^van" in bag
    assert bag["#18000"] == 2


def test_another_thing_counted_is_another_measure() -> None:
    q, t, o = _scores(
        ("About six thousand five hundred people work for Copperline.", "6,500 employees"),
        ("Copperline employs 6,500 staff.", "Copperline employs 6,500 staff"),
        ("Copperline has 6,500 masts.", "Copperline operates 6,500 masts"),
    )
    missed = explain(q, o)
    assert ("measures", ("staff",), ("mast (counted)",), 0.6) in missed.disagree
    assert "other measures: staff / mast (counted) (x0.60)" in missed.reasons()
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # Classifiers: 名 (people) against 家 (shops, firms)
    q, t, o = _scores(
        ("青禾茶饮目前有九千多名员工。", "员工九千多人"),
        ("青禾茶饮的员工人数超过9000人。", "青禾茶饮员工总数已超过9000人"),
        ("青禾茶饮的加盟店超过9000家。", "青禾茶饮加盟店总数已超过9000家"),
    )
    assert explain(q, t).disagree == ()
    assert any(
        what == "measures" and "家 (counted)" in theirs
        for what, _, theirs, _ in explain(q, o).disagree
    )


def test_what_a_figure_counts_costs_only_where_it_can_be_missing() -> None:
    # The same word, or the word anywhere in the other claim: no disagreement.
    q, t, _ = _scores(
        ("Forty-eight turbines turn at Kessock Ridge.", "48 turbines at Kessock"),
        ("Kessock Ridge has 48 turbines.", "the wind farm's 48 wind turbines"),
        ("The plant was built in 1998.", "1998"),
    )
    assert explain(q, t).disagree == ()
    # Only one claim says what its figure counts: a rewording may leave it unsaid.
    q, t, _ = _scores(
        ("Dorne Labs recalled 4,000 infusion pumps.", "4,000 infusion pumps recalled"),
        ("Dorne Labs recalled 4,000 over a fault.", "a recall of 4,000 at Dorne Labs"),
        ("The plant was built in 1998.", "1998"),
    )
    assert "^infusion" in q and explain(q, t).disagree == ()
    # An English word cannot be missing from a Chinese claim, nor a classifier from a claim
    # that gives none: across languages, what is counted is not compared.
    q, t, _ = _scores(
        ("青禾茶饮去年售出三亿杯茶饮,营收增长。", "卖出3亿杯"),
        ("Qinghe Tea sold 300 million cups of tea last year.", "去年卖出3亿"),
        ("The plant was built in 1998.", "1998"),
    )
    assert "^cup" in t and "^杯" in q and not any(k[0] == "^" and not k[1].isascii() for k in t)
    assert all(what != "measures" for what, *_ in explain(q, t).disagree)


def test_exports_are_shipments() -> None:
    assert "~shipment" in terms("Exports to Canada doubled") and "~shipment" in terms("出口额")
    q, t, _ = _scores(
        ("From 2015 to 2020 exports going to Canada rose twofold.", "shipments to Canada grew"),
        ("Exports to Canada doubled between 2015 and 2020.", "exports to Canada doubled"),
        ("The plant was built in 1998.", "1998"),
    )
    assert explain(q, t).disagree == ()
    assert {"#320000000", "~gbp"} <= set(terms("£320m")) & set(terms("320 million pounds"))


def test_a_latin_name_that_is_no_pinyin_of_the_chinese_name_is_another_name() -> None:
    # 青禾 is Qinghe in pinyin: Lumen Labs is another company, as it would be in one script.
    q, t, o = _scores(
        ("青禾茶饮由程予安于2016年在成都创立。", "2016年创办于成都"),
        ("Cheng Yu'an founded Qinghe Tea in 2016.", "2016年,程予安在成都创办了青禾茶饮"),
        ("Lumen Labs was founded in 2016 in Austin.", "Lumen Labs started in Austin in 2016"),
    )
    missed = explain(q, o)
    assert missed.disagree == (
        ("names across scripts", ("青禾",), ("austin", "lab", "lumen"), 0.5),
    )
    assert "other names (pinyin): 青禾 / austin lab lumen (x0.50)" in missed.reasons()
    assert explain(q, t).disagree == ()


@pytest.mark.parametrize(
    ("chinese", "latin"),
    [
        (
            "澜汐电器2023年卖出洗衣机五百二十万台。",
            "Lanxi Appliances sold 5.2 million washing machines.",
        ),
        # a name in two words, or run together, or with a hyphen
        ("林晚舟2005年毕业于浙江大学。", "Lin Wanzhou graduated in 2005."),
        (
            "星港电器2023年卖出洗衣机五百二十万台。",
            "Xing Gang Appliances sold 5.2 million machines.",
        ),
        ("星港电器2023年卖出洗衣机五百二十万台。", "XingGang sold 5.2 million machines."),
        ("林晚舟2005年毕业于浙江大学。", "Lin Wan-zhou graduated in 2005."),
        # a heteronym: 行 is xing, hang or heng; a name may use any
        ("恒行科技2023年营收12亿元。", "Henghang Technology's revenue was 1.2 billion yuan."),
        # ü is written u or yu: 吕 is Lu or Lyu
        ("吕清和2019年创立了公司。", "Lu Qinghe founded the company in 2019."),
        ("吕清和2019年创立了公司。", "Lyu Qinghe founded the company in 2019."),
        # a name cut by the word stemmer (Qingming: "qingm") is still found
        ("清明书局2019年开出了第一家书店。", "Qingming Books opened its first shop in 2019."),
    ],
)
def test_a_chinese_name_and_its_pinyin_are_one_name(chinese: str, latin: str) -> None:
    q, t, _ = _scores((chinese, ""), (latin, ""), ("The plant was built in 1998.", "1998"))
    assert not [d for d in explain(q, t).disagree if d[0].startswith("names")]


def test_a_pinyin_name_of_another_company_disagrees_both_ways() -> None:
    chinese = ("澜汐电器2023年卖出洗衣机五百二十万台。", "洗衣机销量520万台")
    english = (
        "Xinggang Appliances sold 5.2 million washing machines in 2023.",
        "2023年共销售洗衣机520万台",
    )
    true = (
        "Lanxi Appliances sold 5.2 million washing machines in 2023.",
        "2023年共销售洗衣机520万台",
    )
    q, t, o = _scores(chinese, true, english)
    assert explain(q, t).disagree == ()
    # the quote's opening pair (洗衣) is a word of the other claim's quote: no tie, no name
    assert ("names across scripts", ("洗衣", "澜汐"), ("applianc", "xinggang"), 0.5) in (
        explain(q, o).disagree
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # and the other way round: the English claim asks, the Chinese one is found
    q, t, o = _scores(english, ("星港电器2023年卖出洗衣机520万台。", "洗衣机销量520万台"), chinese)
    assert not [d for d in explain(q, t).disagree if d[0].startswith("names")]
    assert any(d[0] == "names across scripts" for d in explain(q, o).disagree)


def test_names_in_two_scripts_with_nothing_else_shared_cost_a_third() -> None:
    # With no name in Chinese characters to spell (a province only), the doubt is as before.
    q, _, o = _scores(
        ("2016年在江西成立的乳企中规模最大。", "江西规模最大的乳企"),
        ("The plant was built in 1998.", "1998"),
        ("Lumen Labs was founded in 2016 in Austin.", "Lumen Labs started in Austin in 2016"),
    )
    assert explain(q, o).disagree == (
        ("names in other scripts", ("江西",), ("austin", "lab", "lumen"), 0.7),
    )


def test_names_in_two_scripts_are_no_doubt_when_something_ties_them() -> None:
    # An English claim whose Chinese quote names nobody may be the Chinese claim: no doubt.
    q, t, _ = _scores(
        ("星衡储能2023年研发费用3.9亿元。", "研发投入3.9亿元"),
        ("Xingheng's 2023 R&D spending was 390 million yuan.", "公司2023年的研发费用为3.9亿元"),
        ("The plant was built in 1998.", "1998"),
    )
    assert "%" in t and explain(q, t).disagree == ()
    # A word both claims share ties them (here a product named in lower case).
    q, t, _ = _scores(
        ("流明实验室的aurora模型售价4.6万元。", "aurora售价4.6万元"),
        ("Lumen Labs sells its aurora model for 46,000 yuan.", "aurora for 46,000 yuan"),
        ("The plant was built in 1998.", "1998"),
    )
    assert all(what != "names in other scripts" for what, *_ in explain(q, t).disagree)


def test_a_latin_name_in_chinese_text_is_a_name_of_that_text() -> None:
    # A Chinese source that names Brightfield Coffee in Latin script is not about 山野咖啡.
    q, t, o = _scores(
        ("山野咖啡2020年A轮融资1.2亿元。", "A轮融资1.2亿元"),
        ("Shanye Coffee raised 120 million yuan in its Series A in 2020.", "山野咖啡完成A轮融资"),
        (
            "Brightfield Coffee raised 120 million yuan in its Series A in 2020.",
            "Brightfield Coffee的A轮融资为1.2亿元",
        ),
    )
    assert "%brightfield" in o and "%" in o
    assert ("names", ("山野",), ("brightfield", "coffee"), 0.5) in explain(q, o).disagree
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # The same Latin name in both claims' Chinese text is no disagreement.
    q, t, _ = _scores(
        ("MiniMax成立于2021年底,早于ChatGPT问世一年。", "早在ChatGPT问世前一年就创立了MiniMax"),
        ("MiniMax was founded in late 2021.", "MiniMax在2021年底创立,比ChatGPT发布早一年"),
        ("The plant was built in 1998.", "1998"),
    )
    assert explain(q, t).disagree == ()


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("长江西岸的中山东路店", []),  # 江西 and 山东 straddle two words
        ("珠江西岸", []),
        ("黄河北岸的工厂", []),
        ("湖南路上的门店", []),
        ("江西南昌的门店", ["@江西"]),
        ("山东济南", ["@山东"]),
        ("河南的工厂", ["@河南"]),
        ("广西北部湾", ["@广西"]),  # 北 is no word of place after a direction
        ("北京路", ["@北京"]),  # no direction at its end: still taken
    ],
)
def test_a_province_is_read_within_word_boundaries(text: str, places: list[str]) -> None:
    provinces = {"@江西", "@山东", "@河北", "@湖南", "@河南", "@广西", "@北京"}
    assert sorted(set(names(text)) & provinces) == places


def test_words_that_only_contain_an_act_are_no_act() -> None:
    # Whole words only: "uprising", "rising" in a name's run, "shortfall" are no rise or fall.
    for text in ("The uprising of 1916.", "a shortfall of 6%", "Upfront fees of 6%"):
        assert not {"~up", "~down"} & set(terms(text)), text


@pytest.mark.parametrize(
    ("query", "true", "other", "why"),
    [
        (  # a rise said with a phrase against a cut
            ("In January, fares on Ashby Buses went up six per cent.", "a 6% fare rise"),
            ("Ashby Buses' fares rose by 6 percent in January.", "Ashby's fares up 6%"),
            ("Ashby Buses cut fares by 6 percent in January.", "Ashby's fares down 6%"),
            ("acts", ("up",), ("down",), 0.5),
        ),
        (  # customers gained against customers who left
            ("Wexley Mobile gained 80,000 customers in 2022.", "80k new customers"),
            ("Wexley Mobile added 80,000 customers in 2022.", "80,000 more customers"),
            ("80,000 customers left Wexley Mobile in 2022.", "80,000 customers quit"),
            ("acts", ("up",), ("down",), 0.5),
        ),
        (  # what is delivered against what is made: one classifier, two measures
            ("2022年澄湖汽车交付量为九万辆。", "全年交付9万辆"),
            ("澄湖汽车2022年交付新车9万辆。", "2022年共交付9万辆"),
            ("澄湖汽车2022年生产新车9万辆。", "2022年共生产9万辆"),
            ("measures", ("delivery",), ("output",), 0.6),
        ),
        (  # wages against fares, the figure a percentage with no word after it
            ("Ashby Buses' fares rose 4 percent in May.", "fares up 4% in May"),
            ("In May Ashby Buses put its fares up four per cent.", "a 4 per cent fare rise"),
            ("Ashby Buses' wages rose 4 percent in May.", "wages up 4% in May"),
            ("measures", ("price",), ("wage",), 0.6),
        ),
        (  # doctors against nurses: 名 counts both
            ("柳岸医院有主任医师一百二十名。", "主任医师120名"),
            ("柳岸医院现有主任医师120名。", "主任医师120名"),
            ("柳岸医院现有主管护士120名。", "主管护士120名"),
            ("measures", ("doctor",), ("nurse",), 0.6),
        ),
    ],
)
def test_opposite_acts_and_measures_the_table_now_reads(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, _ = _kept_apart(query, true, other, why)
    assert explain(q, t).disagree == ()


def test_gdp_is_no_output_of_goods() -> None:
    # 生产 is output, but 地区生产总值 (a region's GDP) is read first, as the longer form.
    assert "~gdp" in terms("2023年地区生产总值4800亿元")
    assert "~output" not in terms("2023年地区生产总值4800亿元")
    assert "~output" in terms("2023年生产新车12.6万辆")


def test_what_was_closed_is_not_a_count_of_what_stands() -> None:
    q, t, o = _scores(
        ("青杉书店的门店总数为一百二十家。", "门店一百二十家"),
        ("青杉书店在全国有门店120家。", "全国门店120家"),
        ("青杉书店去年关闭了120家门店。", "去年关闭门店120家"),
    )
    assert explain(q, t).disagree == ()
    assert explain(q, o).disagree == (("act on one side", (), ("close",), 0.8),)
    assert "an act one claim gives only: close (x0.80)" in explain(q, o).reasons()
    # Opening on one side only costs nothing: a rewording often says where a store is, not that
    # it was opened there.
    q, t, _ = _scores(
        ("青杉书店首家门店位于杭州。", "首家门店在杭州"),
        ("青杉书店在杭州开出了第一家门店。", "第一家门店开在杭州"),
        ("The plant was built in 1998.", "1998"),
    )
    assert explain(q, t).disagree == ()
    # Both claims closing: no doubt either.
    _, a, b = _scores(("x", "x"), ("Stores closed: 12.", "12 closed"), ("12 stores shut.", "12"))
    assert explain(a, b).disagree == ()


def test_a_province_straddling_two_words_is_no_character_pair() -> None:
    assert "山东" not in terms("桐湾市中山东路") and "中山" in terms("桐湾市中山东路")
    assert "江西" not in terms("长江西岸") and "山东" in terms("山东济南")
    q, t, o = _scores(
        ("澄湖汽车首家直营店位于中山东路。", "首家直营店在中山东路"),
        ("澄湖汽车在中山东路开出了第一家直营店。", "第一家直营店开在中山东路"),
        ("澄湖汽车在山东开出了第一家直营店。", "第一家直营店开在山东济南"),
    )
    assert similarity(q, t) > similarity(q, o) and "山东" not in q


def test_a_chinese_claim_naming_only_a_province_names_in_chinese() -> None:
    q, _, o = _scores(
        ("在江西的乳企中,蓝湾乳业最早上市。", "江西第一家上市乳企"),
        ("蓝湾乳业是江西首家上市的乳企。", "江西首家上市乳企"),
        ("Cobalt Street was the first bank to list.", "Cobalt Street listed first"),
    )
    # The query's name is 江西 alone here if its company is not read: a province is a name
    # in Chinese for the two-scripts doubt.
    q2, _, o2 = _scores(
        ("江西最早上市的乳企。", "江西第一家上市乳企"),
        ("The plant was built in 1998.", "1998"),
        ("Cobalt Street was the first bank to list.", "Cobalt Street listed first"),
    )
    assert any(what == "names in other scripts" for what, *_ in explain(q2, o2).disagree)
    assert similarity(q, o) < 0.5


def test_pinyin_is_read_a_character_at_a_time_and_leaves_the_environment_alone() -> None:
    before = dict(os.environ)
    assert readings("行") == ("hang", "heng", "xing")
    assert readings("吕") == ("lu", "lv", "lyu")
    assert readings("x") == ()
    assert dict(os.environ) == before


def test_a_chinese_name_is_spelled_by_the_start_of_a_word_or_only_by_a_whole_word() -> None:
    # Latin names: the pinyin may begin a word (Lanxi, Lanxis) or run over two (Lan Xi).
    assert name_matches("澜汐", {"lanxis"}) and name_matches("澜汐", {"lan", "xi"})
    assert not name_matches("澜汐", {"xinggang"}) and not name_matches("x", {"x"})
    # A claim's plain words: only a whole word, or its stem, spells the name.
    assert name_matches("澜汐", {"lanxi", "was"}, whole=True)
    assert name_matches("澜汐", {"lanx"}, lambda w: w.removesuffix("i"), whole=True)
    assert not name_matches("澜汐", {"lanxis"}, whole=True)
    assert not name_matches("澜汐", {"lan", "xi"}, whole=True)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # rise and fall said by a verb or phrase, signed against vetoed
        ("In January fares went up six per cent.", "~up"),
        ("a 6 per cent fare rise", "~up"),
        ("Corrigan gained 120,000 customers.", "~up"),
        ("Elmwood cut fares by 6%.", "~down"),
        ("Fares came down 6% in January.", "~down"),
        ("120,000 customers left Corrigan.", "~down"),
        ("The governor signed the bill into law.", "~enact"),
        ("The governor vetoed the bill.", "~veto"),
        # comparatives, hiring and layoffs, put into service, the size of a fall
        ("made nine per cent less milk", "~down"),
        ("500 fewer staff", "~down"),
        ("milk output down 9%", "~down"),
        ("sold 9% more cars", "~up"),
        ("revenue up by 12%", "~up"),
        ("hired 900 workers", "~hire"),
        ("took on 600 scientists", "~hire"),
        ("2023年招聘员工900人", "~hire"),
        ("laid off 900 workers", "~layoff"),
        ("900 staff lost their jobs", "~layoff"),
        ("let go of 15 per cent of its employees", "~layoff"),
        ("公司裁员900人", "~layoff"),
        ("第二跑道2022年启用", "~open"),
        ("降幅为9%", "~down"),
    ],
)
def test_words_of_an_act_are_read_as_it(text: str, act: str) -> None:
    assert act in terms(text)


def test_bounds_and_shares_are_no_direction() -> None:
    # "less than", "up to" bound a figure; "made up 22%" is a share; "lost their jobs" is no
    # loss of money.
    for text in ("less than 5%", "fewer than 500 staff", "up to 25 percent", "made up 22%"):
        assert not {"~up", "~down"} & set(terms(text)), text
    assert "~loss" not in terms("900 staff lost their jobs")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Fengdu Metro Line 3 has 24 stations.", ["=label:line:3", "=product:metro"]),
        ("枫渡地铁3号线设有24座车站", ["=label:line:3", "=product:metro", "=obj:车站"]),
        ("the second runway opened", ["=label:runway:2"]),
        ("第二条跑道于2022年启用", ["=label:runway:2"]),
        ("Terminal 2", ["=label:terminal:2"]),
        ("T2航站楼", ["=label:terminal:2"]),
        ("3号楼", ["=label:building:3"]),
        ("二期工程", ["=label:phase:2"]),
        # the whole number labels, not its last digits; a decimal labels nothing
        ("12345期", ["=label:phase:12345"]),
        ("第12,345期", ["=label:phase:12345"]),
        ("1234号线", ["=label:line:1234"]),
        ("3.5期", []),
        ("1,3期", ["=label:phase:3"]),
        # no labels: a floor, a third-tier city, "all the way", a count after the kind
        ("5楼", []),
        ("三线城市", []),
        ("一路上涨", []),
        ("the terminal 2,000 people use", ["=count:2000"]),  # a count, not a year
        ("in March", ["=period:m3"]),
        ("2023年3月", ["=period:m3"]),
        ("in May 2023", ["=period:m5"]),
        ("may rise", []),
        ("3个月", []),
        ("Q3 revenue", ["=period:q3"]),
        ("三季度营收", ["=period:q3"]),
        ("前三季度营收", []),
        ("in the first half", ["=period:h1"]),
        ("上半年", ["=period:h1"]),
        # (月 in 月活 is no month: monthly users, a product of their own)
        ("5000万月活用户", ["=product:mau"]),
        ("Hongyu Bank", ["=org:bank"]),
        ("鸿屿证券", ["=org:securities"]),
        ("松陵大学", ["=org:university"]),
    ],
)
def test_labels_periods_and_kinds_of_body(text: str, found: list[str]) -> None:
    # (a year said to be one, =year:2023, is another test's)
    assert [t for t in terms(text) if t[0] == "=" and not t.startswith(YEAR)] == found


ROUND5 = [
    (  # nine per cent less against a rise
        ("In 2023 Rookwood Dairy made nine per cent less milk.", "milk output down 9%"),
        ("Rookwood Dairy's milk output fell 9 percent in 2023.", "9% less milk in 2023"),
        ("Rookwood Dairy's milk output rose 9 percent in 2023.", "9% more milk in 2023"),
        ("acts", ("down",), ("up",), 0.5),
    ),
    (  # people who lost their jobs against people hired
        ("In March 900 staff lost their jobs at Culvert Energy.", "900 redundancies"),
        ("Culvert Energy laid off 900 workers in March.", "Culvert cut 900 jobs in March"),
        ("Culvert Energy hired 900 workers in March.", "Culvert took on 900 in March"),
        ("acts", ("layoff",), ("hire",), 0.5),
    ),
    (  # another line of the same metro
        ("枫渡地铁3号线设有二十四座车站。", "3号线24座车站"),
        ("Fengdu Metro Line 3 has 24 stations.", "枫渡地铁3号线共设24座车站"),
        ("Fengdu Metro Line 5 has 24 stations.", "枫渡地铁5号线共设24座车站"),
        ("labels", ("line 3",), ("line 5",), 0.5),
    ),
    (  # the first half against the year
        ("2023年澜汐电器的营业收入上升了百分之十八。", "营收增长18%"),
        ("澜汐电器2023年营收增长18%。", "2023年营收增长18%"),
        ("澜汐电器2023年上半年营收增长18%。", "上半年营收同比增长18%"),
        ("period on one side", (), ("h1",), 0.55),
    ),
    (  # another month
        ("In March 900 staff lost their jobs at Culvert Energy.", "900 redundancies"),
        ("Culvert Energy laid off 900 workers in March.", "Culvert cut 900 jobs in March"),
        ("Culvert Energy laid off 900 workers in October.", "Culvert cut 900 jobs in October"),
        ("periods", ("m3",), ("m10",), 0.5),
    ),
    (  # a bank and a securities house of one name
        ("鸿屿银行的浙江分行有十二家。", "浙江分行12家"),
        ("鸿屿银行在浙江设有分行12家。", "浙江有12家分行"),
        ("鸿屿证券在浙江设有分行12家。", "浙江有12家分行"),
        ("bodies", ("bank",), ("securities",), 0.5),
    ),
    (  # a runway put into service against one closed
        ("枫渡机场的第二条跑道于2022年启用。", "第二跑道2022年启用"),
        ("Fengdu Airport opened its second runway in 2022.", "2022年枫渡机场第二跑道投入使用"),
        ("Fengdu Airport closed its second runway in 2022.", "2022年枫渡机场第二跑道关闭"),
        ("acts", ("open",), ("close",), 0.5),
    ),
    (  # students against teachers, freight against passengers
        ("松陵大学的在校学生人数为三万四千人。", "在校学生3.4万人"),
        ("松陵大学有在校学生3.4万人。", "在校生3.4万人"),
        ("松陵大学有专任教师3.4万人。", "专任教师3.4万人"),
        ("measures", ("student",), ("teacher",), 0.6),
    ),
    (
        ("Forty-two million journeys were made on Bexmoor Rail in 2022.", "42m passengers"),
        ("Bexmoor Rail carried 42 million passengers in 2022.", "42 million passengers"),
        ("Bexmoor Rail carried 42 million tonnes of freight in 2022.", "42m tonnes of freight"),
        ("measures", ("journey (counted)", "passenger"), ("dim:mass (counted)", "cargo"), 0.6),
    ),
]


def test_a_month_against_its_year_is_no_other_period() -> None:
    # Founded in March 2016 and founded in 2016: the same event, one more precise.
    q, t, _ = _scores(
        ("青岚机器人成立于2016年,注册地是杭州。", "2016年在杭州成立"),
        ("青岚机器人2016年3月在杭州注册成立。", "2016年3月在杭州注册成立"),
        ("The plant was built in 1998.", "1998"),
    )
    assert explain(q, t).disagree == ()
    # Line 3 and the third line, the same; a line and a runway of the same number, no label
    # disagreement (two kinds).
    _, a, b = _scores(("x", "x"), ("Line 3 has 24 stations.", ""), ("the third line", ""))
    assert not [d for d in explain(a, b).disagree if d[0] == "labels"]
    _, a, b = _scores(("x", "x"), ("Line 3 opened.", ""), ("Runway 5 opened.", ""))
    assert not [d for d in explain(a, b).disagree if d[0] == "labels"]


def test_the_same_parties_with_roles_swapped_are_another_claim() -> None:
    q, t, o = _scores(
        ("Saltash Parts was taken over by Quenby Motors in 2020.", "Quenby's 2020 purchase"),
        ("Quenby Motors bought Saltash Parts in 2020.", "Quenby acquired Saltash in 2020"),
        ("Saltash Parts bought Quenby Motors in 2020.", "Saltash acquired Quenby in 2020"),
    )
    assert "=agent:quenby" in q and "=actor:quenby" in t and "=actor:saltash" in o
    assert explain(q, t).disagree == ()
    assert explain(q, o).disagree == (("roles", ("quenby",), ("saltash",), 0.5),)
    assert "roles swapped: quenby / saltash did it (x0.50)" in explain(q, o).reasons()
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # the other way round
    o2, _, q2 = _scores(
        ("Saltash Parts bought Quenby Motors in 2020.", "Saltash acquired Quenby in 2020"),
        ("Quenby Motors bought Saltash Parts in 2020.", "Quenby acquired Saltash in 2020"),
        ("Saltash Parts was taken over by Quenby Motors in 2020.", "Quenby's 2020 purchase"),
    )
    assert [d[0] for d in explain(o2, q2).disagree] == ["roles"]
    # Two active sentences of other shapes are never compared, nor are actors of whom the other
    # claim names only one.
    _, a, b = _scores(
        ("x", "x"),
        ("Harrowgate has had Imogen Sale as its mayor since 2021.", ""),
        ("Imogen Sale became mayor of Harrowgate in 2021.", ""),
    )
    assert explain(a, b).disagree == ()
    _, a, b = _scores(
        ("x", "x"),
        ("Greenleaf was bought by Orbital Foods in 2019.", ""),
        ("Northwind bought Greenleaf in 2019.", ""),
    )
    assert "roles" not in [d[0] for d in explain(a, b).disagree]


def test_each_new_rule_is_named_in_why() -> None:
    cases = [
        (
            ("Fengdu Metro Line 5 has 24 stations.", ""),
            ("Fengdu Metro Line 3 has 24 stations.", ""),
            "other labels: line 5 / line 3 (x0.50)",
        ),
        (
            ("Culvert Energy laid off 900 workers in March.", ""),
            ("Culvert Energy laid off 900 workers in October.", ""),
            "other periods: m3 / m10 (x0.50)",
        ),
        (
            ("澜汐电器2023年上半年营收增长18%。", ""),
            ("澜汐电器2023年营收增长18%。", ""),
            "a period one claim gives only, the other a year: h1 (x0.55)",
        ),
        (
            ("鸿屿证券在浙江设有分行12家。", ""),
            ("鸿屿银行在浙江设有分行12家。", ""),
            "other bodies: securities / bank (x0.50)",
        ),
        (
            ("Culvert Energy hired 900 workers in March.", ""),
            ("Culvert Energy laid off 900 workers in March.", ""),
            "opposite acts: hire / layoff (x0.50)",
        ),
    ]
    for one, two, said in cases:
        _, a, b = _scores(("x", "x"), one, two)
        assert said in explain(a, b).reasons(), (said, explain(a, b).reasons())


def _linear(make: Callable[[int], str]) -> bool:
    """Whether the terms of `make(n)` cost time linear in n (see `linear_time.linear`)."""
    return linear(lambda text: claim_terms(text, text), make)


def test_a_long_run_of_chinese_numerals_is_read_in_linear_time() -> None:
    # Bad input never hangs: 20,000 numerals with no label after them took 5 s (quadratic in
    # the run: the label pattern was tried from every position of it), 100,000 minutes.
    assert _linear(lambda n: "一" * n + "x期")
    # and a label after a run is read as before
    assert [t for t in terms("第二十一期") if t[0] == "="] == ["=label:phase:21"]
    assert [t for t in terms("在二期工程") if t[0] == "="] == ["=label:phase:2"]


def test_a_figure_before_a_long_run_of_spaces_is_read_in_linear_time() -> None:
    # "five" or "5 million" then 20,000 spaces took 2.3 s (the comparative's two runs of
    # spaces split every way), 100,000 over 10 s.
    assert _linear(lambda n: "five" + " " * n + "x")
    assert _linear(lambda n: "5 million" + " " * n + "x")
    # and comparatives with spaces are read as before
    assert "~down" in terms("9 %  less milk")
    assert "~up" in terms("sold 9   more cars")
    assert "~down" not in terms("5   less than")


def test_long_runs_of_names_and_numerals_before_an_owner_or_a_ratio_are_read_in_linear_time() -> (
    None
):
    # The owner pattern tried a name from every word of a run of capitalised words (20,000
    # words then 's rival: 27 s), the ratio pattern a number from every numeral of a run (20,000
    # numerals then 比: 12 s).
    assert _linear(lambda n: "Aa " * n + "'s rival ")
    assert _linear(lambda n: "三" * n + "比")
    assert _linear(lambda n: "三" * n + "：")
    # and owners and ratios are read as before
    assert "=of:pendry" in claim_terms("Pendry Bank's rival Corrie Bank grew 5%", "")
    assert "#17:1" in terms("师生比为十七比一")


def test_a_figure_of_thousands_of_digits_is_no_crash() -> None:
    # int() refuses strings of more than 4,300 digits: reading whether one was a year raised
    # ValueError from claim_terms.
    huge = "Revenue was " + "1" * 5_000 + " yuan."
    assert claim_terms(huge, huge)
    assert "#2023" in terms("in 2023")


def test_a_long_run_of_digits_is_read_in_linear_time() -> None:
    # The Chinese lead pattern (the date words a name may follow) read a run of digits or dots
    # with no 年 after it again from each position: 20,000 digits took 2 s in claim_terms.
    assert _linear(lambda n: "1" * n)
    assert _linear(lambda n: "." * n)
    # and the name after a date is read as before
    assert "@山野" in names("2021年山野咖啡开出120家门店")
    assert "@林晚" in names("2023年3月5日林晚秋在杭州")


@pytest.mark.parametrize(
    "reworded",
    [
        "Saltash Parts agreed to be bought by Quenby Motors in 2020.",
        "Saltash Parts got bought by Quenby Motors in 2020.",
        "Saltash Parts was taken over in 2020 by Quenby Motors.",
        "Saltash Parts, bought by Quenby Motors in 2020, grew.",
        "Saltash Parts was sold to Quenby Motors in 2020.",
        "Saltash Parts became part of Quenby Motors in 2020.",
        "Saltash Parts's owner since 2020 is Quenby Motors.",
    ],
)
def test_a_text_opening_with_the_party_acted_on_swaps_no_roles(reworded: str) -> None:
    # Each says Quenby bought Saltash, as the passive does: its opening name is acted on, not
    # the actor (each was set against the passive as "roles swapped", x0.5).
    _, a, b = _scores(
        ("x", "x"), ("Saltash Parts was taken over by Quenby Motors in 2020.", ""), (reworded, "")
    )
    assert "roles" not in [d[0] for d in explain(a, b).disagree]
    assert not any(t.startswith("=actor:saltash") for t in b)


def test_h2_alone_is_hydrogen_not_the_second_half() -> None:
    for text, found in [
        ("500 tonnes of H2 in 2023", []),
        ("H2 production rose", []),
        ("revenue in H1 rose", ["=period:h1"]),
        ("H2 2023 revenue", ["=period:h2"]),
        ("2023 H1 revenue", ["=period:h1"]),
        ("the H1 figures", ["=period:h1"]),
    ]:
        assert [t for t in terms(text) if t[0] == "=" and not t.startswith(YEAR)] == found, text
    _, a, b = _scores(
        ("x", "x"),
        ("Acme Energy produced 500 tonnes of H2 in 2023.", ""),
        ("Acme Energy produced 500 tonnes of hydrogen in 2023.", ""),
    )
    assert explain(a, b).disagree == ()


# Round 6 (session 19): each rule's near miss against a true rewording.
ROUND6 = [
    # An English text naming its subject in Latin script that spells no pinyin of the Chinese
    # text's name is another company, whatever the two quotes share.
    (
        ("岚峰新能源2023年动力电池出货四十五吉瓦时。", "动力电池出货45GWh"),
        ("Lanfeng Energy shipped 45 GWh of power batteries in 2023.", "2023年动力电池出货量45GWh"),
        ("Heshan Energy shipped 45 GWh of power batteries in 2023.", "2023年动力电池出货量45GWh"),
        ("names across scripts", ("岚峰",), ("energy", "heshan"), 0.5),
    ),
    # The subject of "A's rival B" is B; A only says whose rival it is.
    (
        ("In 2023 Harlow Motors sold forty thousand cars.", ""),
        ("Harlow Motors sold 40,000 cars in 2023.", ""),
        ("Harlow Motors' rival Dunmore Cars sold 40,000 cars in 2023.", ""),
        ("names", ("harlow", "motor"), ("dunmore",), 0.5),
    ),
    (
        ("青禾茶饮2023年营收为十二亿元。", ""),
        ("2023年青禾茶饮营收12亿元。", ""),
        ("青禾茶饮旗下的山野茶饮2023年营收12亿元。", ""),
        ("names", ("青禾",), ("山野",), 0.5),
    ),
    # Approved and rejected are opposite acts, as signed and vetoed are.
    (
        ("In June the Brackley Bridge won approval from the Ellsworth council.", ""),
        ("The Ellsworth council approved the Brackley Bridge in June.", ""),
        ("The Ellsworth council rejected the Brackley Bridge in June.", ""),
        ("acts", ("enact",), ("veto",), 0.5),
    ),
    (
        ("桐湾市规划局2023年批准了青石大桥。", ""),
        ("2023年桐湾市规划局批准青石大桥。", ""),
        ("桐湾市规划局2023年驳回了青石大桥。", ""),
        ("acts", ("enact",), ("veto",), 0.5),
    ),
    # Where it happened: a Chinese place after 在 or 于 before an act of the table.
    (
        ("青岚机器人是陈一舟于2016年在苏州创立的。", ""),
        ("陈一舟2016年在苏州创办青岚机器人。", ""),
        ("陈一舟2016年在温州创办青岚机器人。", ""),
        ("places", ("苏州",), ("温州",), 0.5),
    ),
    # A sum of money against the same figure counting things.
    (
        ("2023年青川物流共处理快递九亿六千万件。", ""),
        ("青川物流2023年处理快递9.6亿件。", ""),
        ("青川物流2023年营收为9.6亿元。", ""),
        ("measures", ("件 (counted)",), ("money (counted)", "revenue"), 0.6),
    ),
    # Abroad against at home, each said alone.
    (
        ("2024年桐湾机场新开通了十二条国际航线。", ""),
        ("桐湾机场2024年开通国际航线12条。", ""),
        ("Tongwan Airport opened 12 domestic routes in 2024.", "桐湾机场2024年开通国内航线12条"),
        ("scopes", ("abroad",), ("home",), 0.5),
    ),
    # What is owed is not what is earned; master's degrees are not doctorates.
    (
        ("In 2022 Farrow Paints took in 1.7 billion dollars in sales.", ""),
        ("Farrow Paints' revenue reached US$1.7 billion in 2022.", ""),
        ("Farrow Paints' debt reached US$1.7 billion in 2022.", ""),
        ("measures", ("revenue",), ("debt",), 0.6),
    ),
    (
        ("松陵大学的博士学位授权点共三十个。", ""),
        ("松陵大学有博士点30个。", ""),
        ("松陵大学有硕士点30个。", ""),
        ("measures", ("doctorate",), ("master",), 0.6),
    ),
    # A length against a count of things with the same figure.
    (
        ("桐湾地铁2号线的线路长度为二十六公里。", ""),
        ("桐湾地铁2号线全长26公里。", ""),
        ("桐湾地铁2号线共有26座车站。", ""),
        ("measures", ("dim:length (counted)",), ("座 (counted)", "station"), 0.6),
    ),
    # Shops that started trading were opened, not closed.
    (
        ("Twelve new Marrick Bakeries shops started trading during 2024.", ""),
        ("Marrick Bakeries opened 12 new shops in 2024.", ""),
        ("Marrick Bakeries closed 12 shops in 2024.", ""),
        ("acts", ("open",), ("close",), 0.5),
    ),
    # One Chinese name, two kinds of body: a storage maker and a battery maker.
    (
        ("2023年青禾新能源的营业收入较上年提高了百分之十九。", ""),
        ("青禾新能源2023年营收增长19%。", ""),
        ("青禾储能2023年营收增长19%。", ""),
        ("kinds of name", ("新能",), ("储能",), 0.5),
    ),
]


# The near misses of rounds 5 and 6 are checked alike (the tables say which round each came in).
@pytest.mark.parametrize(("query", "true", "other", "why"), [*ROUND5, *ROUND6])
def test_near_misses_of_rounds_five_and_six(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, _ = _kept_apart(query, true, other, why)
    assert explain(q, t).disagree == ()
    # and the other way round
    o2, _, q2 = _scores(other, true, query)
    assert any(d[0] == why[0] for d in explain(o2, q2).disagree)


def test_an_english_name_that_translates_the_chinese_one_is_tied_by_its_quote() -> None:
    # Mirror Lake is no pinyin of 镜湖, but the English claim's quote names 镜湖科技.
    q, t, _ = _scores(
        ("镜湖科技2023年动力电池出货四十五吉瓦时。", "动力电池出货45GWh"),
        ("Mirror Lake Tech shipped 45 GWh of power batteries in 2023.", "镜湖科技出货量45GWh"),
        ("The plant was built in 1998.", "1998"),
    )
    assert "=named:镜湖" in q
    assert explain(q, t).disagree == ()
    # A quote names no subject: only a Chinese text's opening name is kept as one.
    quoted = claim_terms("Lanfeng shipped 45 GWh.", "镜湖科技出货量")
    assert not [k for k in quoted if k.startswith("=named")]


def test_an_owner_is_read_only_before_a_noun_and_another_name() -> None:
    rival = claim_terms("Pendry Bank's insurance arm Pendry Life raised its profit 15%.", "")
    assert "=of:bank" in rival and "@pendry" in rival and "@life" in rival
    # a place after a preposition is no subject: the share is still Lanyu Dairy's
    share = claim_terms("Lanyu Dairy's market share in Jiangxi is 31 percent.", "")
    assert "@lanyu" in share and not [t for t in share if t.startswith("=of:")]
    # 的 before a thing, not another name of the same kind: 檀谷 is still the subject
    plant = claim_terms("檀谷食品的山东工厂共有三座。", "")
    assert "@檀谷" in plant and "=named:檀谷" in plant
    rival = claim_terms("檀谷食品的对手麦丰食品在山东有3座工厂。", "")
    assert "=of:檀谷" in rival and "=named:麦丰" in rival and "@檀谷" not in rival


def test_bought_and_sold_are_two_subjects() -> None:
    q, t, o = _scores(
        ("Corben Health was purchased by Dallow Care in 2021.", "Dallow's 2021 takeover"),
        ("Dallow Care bought Corben Health in 2021.", "Dallow Care acquired Corben Health"),
        ("Dallow Care sold Corben Health in 2021.", "Dallow Care sold Corben Health"),
    )
    assert {"~buy"} <= set(q) & set(t)
    assert explain(q, t).disagree == ()
    assert explain(q, o).subject < 0.75
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # 收购 and 买下 are buying too
    assert "~buy" in terms("2019年青禾茶饮收购了山野咖啡") and "~buy" in terms("买下了一套房子")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("陈一舟2016年在无锡创办青岚机器人。", ["=place:无锡"]),
        ("青岚机器人成立于常州。", ["=place:常州"]),
        # no place: a time, a pronoun, a concept of the table, a province, no act after it
        ("公司于去年成立。", []),
        ("公司在该市开设了门店。", []),
        ("公司在国内开设了门店。", []),
        ("公司在浙江成立。", []),
        ("他在无锡工作过。", ["=place:无锡"]),
        ("他在无锡的房子", []),
    ],
)
def test_a_chinese_place_is_read_after_zai_or_yu(text: str, places: list[str]) -> None:
    assert [t for t in terms(text) if t.startswith("=place:")] == places


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("营收为9.6亿元", True),
        ("revenue of US$2.3 billion", True),
        ("took in 2.3 billion dollars", True),
        ("三十亿元", True),
        ("50 yuan", True),
        # a currency that no figure is next to is no sum
        ("priced in yuan", False),
        ("九亿六千万件", False),
    ],
)
def test_a_figure_in_a_currency_counts_money(text: str, money: bool) -> None:
    assert ("^money" in terms(text)) is money


def test_a_claim_saying_both_home_and_abroad_opposes_neither() -> None:
    _, a, b = _scores(
        ("x", "x"),
        ("China's airlines opened 12 international routes in 2024.", ""),
        ("2024年国内航空公司新开12条国际航线。", ""),
    )
    assert "scopes" not in [d[0] for d in explain(a, b).disagree]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Brisco Freight's headcount is 850.", "~staff"),
        ("The town set a budget of US$2.3 billion.", "~cost"),
        ("公司去年的研发投入为2.3亿元", "~cost"),
        ("棠浦市居民人均可支配收入增长7.4%", "~income"),
        ("Oxley Chemicals owed $2.3 billion.", "~debt"),
        ("2,100 doctoral students", "~doctorate"),
    ],
)
def test_round_six_measures(text: str, concept: str) -> None:
    assert concept in terms(text)
    # 可支配收入 is read whole, not as revenue
    assert "~revenue" not in terms("居民人均可支配收入")


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("11km", "^dim:length"),
        ("eleven kilometres", "^dim:length"),
        ("全长26公里", "^dim:length"),
        ("1,500 tonnes of milk", "^dim:mass"),
        ("日均收奶一千五百吨", "^dim:mass"),
        ("45 GWh", "^dim:energy"),
        ("四十五吉瓦时", "^dim:energy"),
    ],
)
def test_a_unit_gives_the_kind_of_quantity(text: str, dimension: str) -> None:
    assert dimension in terms(text)


def test_the_kind_after_a_chinese_name_is_two_characters_before_any_stop() -> None:
    assert "=kind:储能" in claim_terms("曜川储能2023年营收增长27%。", "")
    assert "=kind:新能" in claim_terms("2023年曜川新能源的营业收入", "")
    # a place's 市 and a person's third character are no kinds
    assert not [t for t in claim_terms("棠浦市常住人口达到900万。", "") if t[:6] == "=kind:"]
    assert not [t for t in claim_terms("林晚舟2005年毕业于浙江大学。", "") if t[:6] == "=kind:"]


def test_a_pinyin_name_that_opens_the_sentence_still_spells_the_chinese_name() -> None:
    # "Lanxi" opening a sentence is kept as a word, not a name; Vietnam is the one Latin name.
    # It is still 澜汐's pinyin: no "names across scripts" against 澜汐, while another
    # company's name opening the same sentence still disagrees.
    chinese = (
        "澜汐电器是国内首个在越南建厂的小家电企业。",
        "澜汐电器是国内首个在越南建厂的小家电企业",
    )
    lanxi = (
        "Lanxi was the first Chinese small-appliance maker to build a factory in Vietnam.",
        "the first Chinese small-appliance maker to build a factory in Vietnam",
    )
    haiyun = (
        "Haiyun was the first Chinese small-appliance maker to build a factory in Vietnam.",
        "the first Chinese small-appliance maker to build a factory in Vietnam",
    )
    q, t, o = _scores(chinese, lanxi, haiyun)
    assert not [d for d in explain(q, t).disagree if d[0].startswith("names")]
    assert any(d[0] == "names across scripts" for d in explain(q, o).disagree)
    assert similarity(q, t) > similarity(q, o)


@pytest.mark.parametrize(
    "english",
    [
        "Wang Jianlin sold 77 hotels in 2017.",
        "Jianlin Wang sold 77 hotels in 2017.",  # given name first
        # after a year, a short name is no unit (as GWh is after 2)
        "In 2017 Li Qiang sold 77 hotels.",
    ],
)
def test_a_chinese_name_is_tied_to_its_pinyin_in_two_names(english: str) -> None:
    # 王健林 (kept as its first two characters, 王健) and Wang Jianlin: the pinyin is written as
    # a surname and a given name, so the two claims share the name, as with one word (Lanxi).
    zh = "王健林2017年出售了77家酒店。" if "Wang" in english else "李强2017年出售了77家酒店。"
    reasons = reasons_for(zh, english)
    assert "(王健)" in reasons or "(李强)" in reasons, reasons
    # another person's name ties nothing, and still disagrees
    other = english.replace("Jianlin", "Shu").replace("Qiang", "Shu")
    assert "other names (pinyin)" in reasons_for(zh, other)


def test_characters_that_show_nothing_are_read_as_nothing() -> None:
    # pasted from a page: a zero-width space or joiner inside a figure split it in two
    pasted = "Revenue reached $5\u200b.2 billion in 20\u200d23."
    assert claim_terms(pasted, "") == claim_terms("Revenue reached $5.2 billion in 2023.", "")


def test_a_name_after_a_year_reads_only_decimal_digits() -> None:
    from workbench.domain.similarity.naming import latin_names

    # ² is a digit to str.isdigit and no number to int(): read, not raised on
    assert latin_names("In 201² Li Qiang sold") == ["qiang"]
    assert latin_names("In 2017 Li Qiang sold") == ["li", "qiang"]
    assert latin_names("It added 2 GWh in 2023.") == []


def test_two_names_tie_only_as_names() -> None:
    # "he" and "an", lower-case words, are no 何安
    assert "何安" not in reasons_for(
        "何安2017年出售了77家酒店。", "he sold 77 hotels in 2017, an aide said."
    )


def test_a_country_is_no_name_to_spell_across_scripts() -> None:
    # 德国 is read as Germany in either language (a country), not as a Chinese name whose
    # pinyin (deguo) "Germany" fails to write: a new user's restatement lost half its score.
    zh = "德国失业率在2019年降至5.7%。"
    assert "names" not in reasons_for(zh, "Unemployment in Germany fell to 5.7% in 2019.")
    # another country is still another country, once
    other = reasons_for(zh, "Unemployment in France fell to 5.7% in 2019.")
    assert "other countries: germany / france" in other and "names" not in other


@pytest.mark.parametrize(
    ("query", "true", "other"),
    [
        (  # an aim against the figure reached
            ("Corvan Motors handed over 95,000 cars to buyers in 2022.", "95,000 cars delivered"),
            ("In 2022 Corvan Motors delivered ninety-five thousand cars.", "95k deliveries"),
            ("Corvan Motors aimed to deliver 95,000 cars in 2022.", "a target of 95,000 cars"),
        ),
        (  # closures planned against closures made
            ("Hollins Bank shut 38 branches in 2024.", "38 branches shut"),
            ("In 2024 Hollins Bank closed thirty-eight branches.", "38 closures"),
            ("Hollins Bank is set to close 38 branches in 2024.", "38 branches to close"),
        ),
        (  # 目标 against 达到
            ("2022年棠浦市地区生产总值达到四千一百亿元。", "GDP达到4100亿元"),
            ("棠浦市2022年GDP为4100亿元。", "GDP4100亿元"),
            ("棠浦市2022年地区生产总值的目标为4100亿元。", "目标4100亿元"),
        ),
        (  # 计划 against a fact
            ("2023年岚川物流新建仓库十二座。", "新建仓库12座"),
            ("岚川物流2023年建成12座仓库。", "建成12座仓库"),
            ("岚川物流计划2023年新建12座仓库。", "计划新建12座仓库"),
        ),
    ],
)
def test_a_plan_or_target_is_not_the_figure_reached(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> None:
    q, t, o = _scores(query, true, other)
    assert "modality" not in [d[0] for d in explain(q, t).disagree]
    assert "modality" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_plan_said_two_ways_is_no_disagreement() -> None:
    q, t, _ = _scores(
        ("Corvan Motors plans to open 40 showrooms in 2025.", "40 showrooms planned"),
        ("Corvan Motors aims to open forty showrooms in 2025.", "40 new showrooms expected"),
        ("x", "x"),
    )
    assert "modality" not in [d[0] for d in explain(q, t).disagree]
    # words that hold a plan's form are no plan
    for text in ("模拟训练", "a planet", "the willow tree", "将价格提高"):
        assert "~plan" not in terms(text), text


@pytest.mark.parametrize(
    ("query", "true", "other"),
    [
        (  # a sum spelled out in pounds against one in dollars
            ("Halberd Insurance paid 275 million pounds in claims in 2022.", "£275m paid"),
            ("In 2022 claims paid by Halberd Insurance came to £275 million.", "£275 million"),
            ("Halberd Insurance paid US$275 million in claims in 2022.", "US$275m paid"),
        ),
        (  # 元 (yuan) after a Chinese figure against 美元
            ("2022年岚川物流在研发上花了三亿二千万元。", "研发投入3.2亿元"),
            ("岚川物流2022年研发投入为3.2亿元。", "研发费用3.2亿元"),
            ("岚川物流2022年研发投入为3.2亿美元。", "研发投入3.2亿美元"),
        ),
    ],
)
def test_the_same_sum_in_another_currency_is_another_claim(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> None:
    assert "~gbp" in terms("four hundred and ten million pounds")
    assert "~cny" in terms("七亿五千万元")
    q, t, o = _scores(query, true, other)
    assert "currencies" not in [d[0] for d in explain(q, t).disagree]
    assert "currencies" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_sum_given_in_two_currencies_agrees_with_either() -> None:
    q, t, _ = _scores(
        ("Corvan Motors earned 3.4 billion yuan (US$470 million) in 2023.", "3.4bn yuan"),
        ("Corvan Motors' 2023 earnings were 3.4 billion yuan.", "3.4 billion yuan"),
        ("x", "x"),
    )
    assert "currencies" not in [d[0] for d in explain(q, t).disagree]


@pytest.mark.parametrize(
    ("query", "true", "other", "acts"),
    [
        (  # an order placed against one cancelled
            ("In 2021 thirty new ferries were ordered by Pellow Shipping.", "30 ferries ordered"),
            ("Pellow Shipping ordered 30 new ferries in 2021.", "an order for 30 ferries"),
            ("Pellow Shipping cancelled an order for 30 new ferries in 2021.", "30 ferries axed"),
            (("order",), ("cancel", "order")),
        ),
        (  # routes opened against routes suspended
            ("2022年岚雀航空新开通了七条国内航线。", "新开7条航线"),
            ("岚雀航空2022年开通国内航线7条。", "开通7条国内航线"),
            ("岚雀航空2022年停飞国内航线7条。", "停飞7条航线"),
            (("open",), ("cancel",)),
        ),
        (  # services resumed against services suspended
            ("Tolbury Rail resumed 14 night trains in March.", "14 night trains back"),
            ("In March Tolbury Rail restarted fourteen night trains.", "14 trains restarted"),
            ("Tolbury Rail suspended 14 night trains in March.", "14 night trains halted"),
            (("resume",), ("cancel",)),
        ),
        (  # 恢复 against 暂停
            ("2023年6月棠浦港恢复了12条集装箱航线。", "恢复12条航线"),
            ("棠浦港2023年6月恢复集装箱航线12条。", "12条航线恢复"),
            ("棠浦港2023年6月暂停集装箱航线12条。", "暂停12条航线"),
            (("resume",), ("cancel",)),
        ),
    ],
)
def test_a_cancelled_or_suspended_act_is_opposite_to_the_act(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    acts: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    q, t, o = _scores(query, true, other)
    assert "acts" not in [d[0] for d in explain(q, t).disagree]
    assert ("acts", *acts, 0.5) in explain(q, o).disagree
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_in_order_to_is_no_order() -> None:
    assert "~order" not in terms("In order to cut costs it closed 40 stores.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tower 3 at Fenmoor Quay", ["=label:tower:3"]),
        ("the second tower", ["=label:tower:2"]),
        ("Hall 4 of the fairground", ["=label:hall:4"]),
        ("Pier 2", ["=label:pier:2"]),
        ("Plant 2 in Tolbury", ["=label:plant:2"]),
        ("3号航站楼", ["=label:terminal:3"]),
        ("第3条跑道", ["=label:runway:3"]),
        ("5号码头", ["=label:pier:5"]),
        # a count with its classifier is no label: three runways, two terminals
        ("机场有3条跑道", []),
        ("两座航站楼", []),
        ("the 3 towers", []),
    ],
)
def test_a_numbered_thing_is_a_label_and_a_count_is_not(text: str, found: list[str]) -> None:
    assert [t for t in terms(text) if t.startswith("=label:")] == found


def test_another_tower_is_another_claim() -> None:
    q, t, o = _scores(
        ("Tower 2 of Fenmoor Quay has 41 floors.", "Tower 2: 41 floors"),
        ("There are forty-one floors in Tower 2 at Fenmoor Quay.", "41 storeys, Tower 2"),
        ("Tower 4 of Fenmoor Quay has 41 floors.", "Tower 4: 41 floors"),
    )
    assert ("labels", ("tower 2",), ("tower 4",), 0.5) in explain(q, o).disagree
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_chinese_name_after_a_date_from_which_is_still_the_opening_name() -> None:
    # 2023年9月起 (from September 2023) and 2020年以来 (since 2020) are dates, not names
    assert "=named:棠浦" in claim_terms("2024年12月起，棠浦地铁6号线开通运营。", "")
    assert "=named:棠浦" in claim_terms("2020年以来棠浦港吞吐量增长三成。", "")
    # so an English name that is no pinyin of it is another name
    q, t, o = _scores(
        ("2024年12月起，棠浦地铁6号线开通载客。", "6号线开通"),
        ("Tangpu Metro Line 6 opened in December 2024.", "Line 6 opened"),
        ("Dongshan Metro Line 6 opened in December 2024.", "Line 6 opened"),
    )
    assert "names across scripts" not in [d[0] for d in explain(q, t).disagree]
    assert "names across scripts" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_chinese_passive_swaps_the_roles_of_an_active() -> None:
    assert "=agent:岚川" in claim_terms("棠浦银行于2019年被岚川银行收购。", "")
    assert "=actor:棠浦" in claim_terms("棠浦银行2019年收购了岚川银行。", "")
    # 被评为 (was named as) names no agent
    assert not [t for t in claim_terms("棠浦银行被评为全国首家绿色银行。", "") if "agent" in t]
    q, t, o = _scores(
        ("棠浦银行于2019年被岚川银行收购。", "被岚川银行收购"),
        ("岚川银行2019年收购了棠浦银行。", "收购棠浦银行"),
        ("棠浦银行2019年收购了岚川银行。", "收购岚川银行"),
    )
    assert "roles" not in [d[0] for d in explain(q, t).disagree]
    assert "roles" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("45 million litres of cider", "^cider"),
        ("1,500 tonnes of milk", "^milk"),
        ("two thousand barrels of oil a day", "^oil"),
    ],
)
def test_what_a_unit_measures_is_the_noun_after_of(text: str, counted: str) -> None:
    assert counted in terms(text)


def test_another_thing_measured_in_the_same_unit_is_another_claim() -> None:
    q, t, o = _scores(
        ("Forty-five million litres of cider came from Arden Mills in 2022.", "45m litres"),
        ("Arden Mills made 45 million litres of cider in 2022.", "45 million litres of cider"),
        ("Arden Mills made 45 million litres of lager in 2022.", "45 million litres of lager"),
    )
    assert ("measures", ("cider (counted)",), ("lager (counted)",), 0.6) in explain(q, o).disagree
    # (x0.6 alone leaves a near miss that shares every other word at about 0.5: it is lowered,
    # not always below the threshold)
    assert similarity(q, t) >= 0.5 and similarity(q, o) < 0.6 * similarity(q, t)


@pytest.mark.parametrize(
    ("forms", "shared", "absent"),
    [
        # a year written digit by digit in Chinese numerals is the year
        (["一九五二年", "1952年", "in 1952"], {"#1952"}, {"#2", "#1", "~year"}),
        (["二〇二四年", "2024年"], {"#2024"}, {"#4", "~year"}),
        # full-width digits and signs are the same figures (NFKC)
        (["２０１６年", "2016年"], {"#2016"}, set()),
        (["２１％", "21%", "百分之二十一"], {"#21", "~percent"}, set()),
        (["十五亿元", "15亿元", "1.5 billion yuan"], {"#1500000000", "~cny"}, set()),
    ],
)
def test_chinese_and_full_width_figures_are_the_same_numbers(
    forms: list[str], shared: set[str], absent: set[str]
) -> None:
    for form in forms:
        got = set(terms(form))
        assert shared <= got, form
        assert not absent & got, form


def test_runs_of_two_chinese_digits_are_no_year() -> None:
    assert "#23" not in terms("两三家")  # two or three, not 23


@pytest.mark.parametrize(
    "form", ["March 2024", "Mar. 2024", "Mar 2024", "03/2024", "2024年3月", "二〇二四年三月"]
)
def test_a_month_of_a_year_is_a_period_and_a_year_whatever_its_form(form: str) -> None:
    got = set(terms(form))
    assert {"#2024", "=period:m3"} <= got, form
    assert "#3" not in got, form  # the month is no figure


def test_a_month_written_in_chinese_digits_matches_the_arabic_one() -> None:
    q, t, o = _scores(
        ("汀阳东站于二〇二四年三月启用。", "二〇二四年三月启用"),
        ("汀阳东站2024年3月投入运营。", "2024年3月投入运营"),
        ("汀阳东站2024年5月投入运营。", "2024年5月投入运营"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("forms", "shared"),
    [
        (["half of its students", "一半的学生", "50 percent of its students"], {"#50", "~percent"}),
        (["a third of its power", "one in three", "三分之一", "33%"], {"#33", "~percent"}),
        (["two thirds of its power", "三分之二", "67 per cent"], {"#67", "~percent"}),
        (["a quarter of its tea", "one in four", "四分之一", "25%"], {"#25", "~percent"}),
        (["three quarters of", "四分之三", "75%"], {"#75", "~percent"}),
        (["one in eight", "八分之一", "12.5%"], {"#12.5", "~percent"}),
        (["七成的收入", "70%的收入", "seventy per cent of revenue"], {"#70", "~percent"}),
        (["一成", "10%"], {"#10", "~percent"}),
        (
            ["revenue doubled", "营收翻了一番", "营收增长了一倍", "revenue rose 100%"],
            {"#100", "~percent", "~up"},
        ),
        (["十七比一", "17:1", "17∶1", "17比1", "17 students for every teacher"], {"#17:1"}),
        (["rose twofold", "doubled"], {"#100", "~percent", "~up"}),
        (["exports tripled", "exports rose 200%"], {"#200", "~percent", "~up"}),
    ],
)
def test_fractions_shares_and_ratios_are_read_as_percentages(
    forms: list[str], shared: set[str]
) -> None:
    for form in forms:
        assert shared <= set(terms(form)), form


def test_words_that_only_look_like_fractions() -> None:
    assert "#50" not in terms("the first half of 2023")  # a period
    assert "#50" not in terms("上半年")
    assert "#10" not in terms("一成不变")  # an idiom: unchanged
    assert "#30" not in terms("三成立了公司")  # 成立, founded
    assert "#25" not in terms("the first quarter of 2023")
    assert "#9:30" not in terms("2023年比2022年增长9%")  # 比: compared with
    assert "#2023" in terms("opened 3 in 2023")  # a year, not one in 2023


def test_a_share_said_as_a_fraction_matches_its_percentage() -> None:
    q, t, o = _scores(
        ("Wind supplies 33 percent of Penwarden Energy's electricity.", "33 percent"),
        ("Penwarden Energy gets a third of its electricity from wind.", "a third"),
        ("A quarter of Penwarden Energy's electricity comes from wind.", "a quarter"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("hedged", "exact"),
    [
        ("nearly two million passengers", "1.98 million passengers"),
        ("近50亿元", "49.6亿元"),
        ("about 11 million tonnes", "11 million tonnes"),
        ("约1100万标箱", "1100万标箱"),
        ("1100万标箱左右", "1100万标箱"),
        ("常住人口约为520万", "常住人口520万"),
    ],
)
def test_a_hedged_figure_is_approximate_and_meets_the_exact_one_rounded(
    hedged: str, exact: str
) -> None:
    h, e = set(terms(hedged)), set(terms(exact))
    approx = {t for t in h if t.startswith("≈")}
    assert approx and approx <= e, (hedged, exact)
    assert not {t for t in h if t.startswith("#")} & e  # not the exact figure


def test_exact_figures_that_differ_share_no_approximate_term_when_far_apart() -> None:
    assert not {t for t in terms("410万部") if t[0] == "≈"} & set(terms("4100万部"))
    assert not [t for t in terms("founded in 1979") if t[0] == "≈"]  # a year is exact


@pytest.mark.parametrize(
    ("ranged", "about"),
    [
        ("between 10 and 12 million tonnes", "about 11 million tonnes"),
        ("1000万至1200万标箱", "约1100万标箱"),
        ("between 8 and 10 billion yuan", "roughly 9 billion yuan"),
        ("8-10 billion yuan", "some 9 billion yuan"),
    ],
)
def test_a_range_meets_a_figure_near_its_midpoint(ranged: str, about: str) -> None:
    r, a = set(terms(ranged)), set(terms(about))
    assert {t for t in a if t[0] == "#"} <= r, (ranged, about)


def test_a_range_reads_each_end_in_its_scale_and_years_are_no_range() -> None:
    assert {"#10000000", "#12000000"} <= set(terms("between 10 and 12 million"))
    assert not [t for t in terms("2020-2023") if "≈" in t]
    # a range shifted, sharing an end, is another range
    assert "#≈13000000" not in terms("1000万至1200万标箱")


@pytest.mark.parametrize(
    ("query", "true", "other"),
    [
        (
            ("Nearly two million passengers flew with Thornleigh Airways in 2023.", "nearly 2m"),
            ("Thornleigh Airways carried 1.98 million passengers in 2023.", "1.98 million"),
            ("Thornleigh Airways carried more than two million passengers in 2023.", "over 2m"),
        ),
        (
            ("2023年溪沅银行净利润近50亿元。", "净利润近50亿元"),
            ("溪沅银行2023年净利润为49.6亿元。", "净利润为49.6亿元"),
            ("溪沅银行2023年净利润超过50亿元。", "净利润超过50亿元"),
        ),
    ],
)
def test_nearly_a_figure_is_not_more_than_it(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> None:
    q, t, o = _scores(query, true, other)
    assert "bounds" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) > similarity(q, o)


def test_claims_that_share_no_figure_even_rounded_are_two_facts() -> None:
    q, t, o = _scores(
        ("2023年砚溪大学博士研究生招生人数为2000人。", "招生人数为2000人"),
        ("砚溪大学2023年招收博士生两千人。", "招收博士生两千人"),
        ("砚溪大学2023年招收博士生两百人。", "招收博士生两百人"),
    )
    assert "figures" not in [d[0] for d in explain(q, t).disagree]
    assert "figures" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # a hedged figure shares its rounded value with the exact one: no disagreement
    q, t, o = _scores(
        ("Nearly two million passengers flew with Thornleigh Airways.", "nearly 2m"),
        ("Thornleigh Airways carried 1.98 million passengers.", "1.98 million"),
        ("Thornleigh Airways carried 1.2 million passengers.", "1.2 million"),
    )
    assert "figures" not in [d[0] for d in explain(q, t).disagree]
    assert "figures" in [d[0] for d in explain(q, o).disagree]


@pytest.mark.parametrize(
    ("query", "true", "other"),
    [
        (
            ("朔晖光伏海外收入占比为70%。", "海外收入占比为70%"),
            ("朔晖光伏七成的收入来自海外。", "七成的收入来自海外"),
            ("朔晖光伏2023年海外收入增长七成。", "海外收入增长七成"),
        ),
        (
            ("Overseas sales make up 40 percent of Brindle Foods' sales.", "40 percent"),
            ("40% of Brindle Foods' sales are made overseas.", "40% of sales"),
            ("Brindle Foods' overseas sales rose 40 percent.", "rose 40 percent"),
        ),
    ],
)
def test_a_share_is_not_a_change_by_the_same_percentage(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> None:
    q, t, o = _scores(query, true, other)
    assert "share or change" in [d[0] for d in explain(q, o).disagree]
    assert "share or change" not in [d[0] for d in explain(q, t).disagree]
    assert similarity(q, t) > similarity(q, o)


def test_a_title_in_chinese_book_marks_is_a_name() -> None:
    assert "@潮灯" in names("星筏游戏的《潮灯》首年流水达十五亿元。")
    q, t, o = _scores(
        ("星筏游戏的《潮灯》首年流水达十五亿元。", "《潮灯》首年流水达十五亿元"),
        ("星筏游戏的《潮灯》上线首年流水15亿元。", "《潮灯》上线首年流水15亿元"),
        ("星筏游戏的《雾港》上线首年流水15亿元。", "《雾港》上线首年流水15亿元"),
    )
    assert "names" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_total_to_date_is_not_a_years_figure() -> None:
    q, t, o = _scores(
        ("In 2023, 870k people visited Ambleworth Zoo.", "870k people in 2023"),
        ("Ambleworth Zoo had 870,000 visitors in 2023.", "870,000 visitors in 2023"),
        ("Ambleworth Zoo has had 870,000 visitors since it opened.", "since it opened"),
    )
    assert "total or year" in [d[0] for d in explain(q, o).disagree]
    assert "total or year" not in [d[0] for d in explain(q, t).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("text", "denies"),
    [
        ("Harwick Mills did not pay a dividend in 2022.", True),
        ("Harwick Mills paid no dividend in 2022.", True),
        ("Harwick Mills hasn't paid a dividend since 2022.", True),
        ("Harwick Mills never paid a dividend.", True),
        ("Harwick Mills failed to pay its dividend in 2022.", True),
        ("榆川纺织2022年未派发股息。", True),
        ("榆川纺织2022年没有分红。", True),
        ("Harwick Mills paid a dividend in 2022.", False),
        # a bound, "only", "no longer", a superlative said by denial, the future: no denial
        ("Harwick Mills paid no more than 3 pence a share.", False),
        ("Harwick Mills was ranked No. 1 in the county in 2022.", False),
        ("Harwick Mills' loss did not exceed $2 million in 2022.", False),
        ("It is not clear whether Harwick Mills paid a dividend.", False),
        ("榆川纺织2022年未经审计的营收为3亿元。", False),
        ("榆川纺织2022年营收未超过3亿元。", False),
        ("榆川纺织2022年没有变更法定代表人。", True),
        ("Harwick Mills, no 41 in the county", False),
        ("Harwick Mills paid not only a dividend but a bonus.", False),
        ("No mill in the county paid a dividend before Harwick Mills.", False),
        ("No mill in the county is larger than Harwick Mills.", False),
        ("榆川纺织未来三年计划每年分红。", False),
        ("此前没有一家纺织企业在榆川上市。", False),
    ],
)
def test_a_text_that_denies_an_act_is_read_as_negated(text: str, denies: bool) -> None:
    assert (NEGATED in terms(text)) is denies


@pytest.mark.parametrize(
    ("query", "true", "other"),
    [
        (
            ("In 2022 Harwick Mills paid its shareholders nothing.", "no dividend for 2022"),
            ("Harwick Mills did not pay a dividend in 2022.", "Harwick paid no 2022 dividend"),
            ("Harwick Mills paid a dividend in 2022.", "Harwick paid a 2022 dividend"),
        ),
        (
            ("2022年榆川纺织未向股东派发股息。", "2022年度未派发股息"),
            ("榆川纺织2022年没有派发股息。", "2022年没有派发股息"),
            ("榆川纺织2022年向股东派发了股息。", "2022年派发股息"),
        ),
    ],
)
def test_a_claim_that_denies_an_act_is_not_the_claim_that_asserts_it(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> None:
    q, t, o = _scores(query, true, other)
    assert "negation" not in [d[0] for d in explain(q, t).disagree]
    assert "negation" in [d[0] for d in explain(q, o).disagree]
    assert "one claim says it did not happen (x0.50)" in explain(q, o).reasons()
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("query", "true", "other"),
    [
        (
            ("Ivo Brandt stepped down as chairman of Kessel Rail in 2021.", "Brandt stepped down"),
            ("Ivo Brandt resigned as Kessel Rail's chairman in 2021.", "Brandt resigned"),
            ("Ivo Brandt was appointed chairman of Kessel Rail in 2021.", "Brandt appointed"),
        ),
        (
            ("2021年起，钟砚秋不再担任榆川纺织董事长。", "不再担任董事长"),
            ("钟砚秋2021年辞去榆川纺织董事长职务。", "辞去董事长"),
            ("钟砚秋2021年出任榆川纺织董事长。", "出任董事长"),
        ),
    ],
)
def test_taking_a_post_and_leaving_it_are_opposite_acts(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str]
) -> None:
    q, t, o = _scores(query, true, other)
    assert "acts" not in [d[0] for d in explain(q, t).disagree]
    assert ("acts", ("resign",), ("appoint",), 0.5) in explain(q, o).disagree
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_figure_per_person_or_a_day_is_not_the_total() -> None:
    q, t, o = _scores(
        ("榆川2023年人均GDP增长5.8%。", "人均GDP增长5.8%"),
        ("Yuchuan's GDP per person grew 5.8 percent in 2023.", "人均GDP增长5.8%"),
        ("Yuchuan's GDP grew 5.8 percent in 2023.", "GDP增长5.8%"),
    )
    assert "average or total" not in [d[0] for d in explain(q, t).disagree]
    assert "average or total" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # 日均, 平均每天 and "a day" are one thing
    assert "~average" in terms("榆川地铁日均客运量90万人次") and "~average" in terms(
        "Yuchuan's metro carries 900,000 riders a day"
    )


def test_a_rival_named_by_what_it_is_to_the_owner_is_not_the_owner() -> None:
    bag = claim_terms("榆川纺织的竞争对手鹤屿服饰2023年净利润下降12%。", "")
    assert {"=named:鹤屿", "=of:榆川", "@鹤屿"} <= set(bag) and "@榆川" not in bag
    q, t, o = _scores(
        ("与上年相比，榆川纺织2023年净利润减少了百分之十二。", "净利润减少12%"),
        ("榆川纺织2023年净利润同比下降12%。", "净利润同比下降12%"),
        ("榆川纺织的竞争对手鹤屿服饰2023年净利润下降12%。", "鹤屿服饰净利润下降12%"),
    )
    assert "names" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("汀州会展中心建筑面积为8.4万平方米。", "^dim:area"),
        ("The farm covers 300 hectares.", "^dim:area"),
        ("Yuchuan Press published 120 new books in 2023.", "^book"),
        ("Kessel Rail hired 400 additional drivers.", "^driver"),
    ],
)
def test_what_a_figure_counts_after_an_area_unit_or_an_adjective(text: str, counted: str) -> None:
    assert counted in terms(text)


def test_floor_area_is_not_seats() -> None:
    q, t, o = _scores(
        ("汀州会展中心共有八千四百个座位。", "座位八千四百个"),
        ("汀州会展中心可容纳观众8400人。", "可容纳8400名观众"),
        ("汀州会展中心建筑面积为8400平方米。", "建筑面积8400平方米"),
    )
    assert "measures" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Kessel Rail opened the line on 4 September 2025.", "=day:9-4"),
        ("On Sept. 14, 2025, Kessel Rail opened the line.", "=day:9-14"),
        ("the 3rd of May 2024", "=day:5-3"),
        ("2023年12月28日，跑道投入使用。", "=day:12-28"),
        ("十二月二十八日开通", "=day:12-28"),
        ("approved on 2024-05-03", "=day:5-3"),
    ],
)
def test_the_day_of_a_month_is_read_whatever_its_form(text: str, day: str) -> None:
    assert day in terms(text)


def test_a_month_and_year_without_a_day_give_no_day() -> None:
    assert not [t for t in terms("Kessel Rail opened the line in May 2024.") if t[:5] == "=day:"]


def test_another_day_of_the_same_month_is_another_claim() -> None:
    q, t, o = _scores(
        ("On Sept. 14, 2025, Kessel Rail began running trains on its Orwin line.", "Sept. 14"),
        ("Kessel Rail's Orwin line opened on 14 September 2025.", "opened 14 September 2025"),
        ("Kessel Rail's Orwin line opened on 4 September 2025.", "opened 4 September 2025"),
    )
    assert "days" not in [d[0] for d in explain(q, t).disagree]
    assert "days" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("Songlan University, No. 41 in China", 41),
        ("Songlan University was ranked 41st in China.", 41),
        ("Kessel Rail came second in the survey.", 2),
        ("the third-largest bank in the province", 3),
        ("鸣川光伏2023年组件出货量位居全球第三。", 3),
        ("出货量排名全球第2位", 2),
        ("国内第二大乳企", 2),
    ],
)
def test_a_place_in_a_ranking_is_a_label(text: str, rank: int) -> None:
    assert f"=label:rank:{rank}" in terms(text)


def test_the_top_three_is_no_third_place() -> None:
    assert not [t for t in terms("出货量排名前三") if t.startswith("=label:rank:")]


def test_another_place_in_a_ranking_is_another_claim() -> None:
    q, t, o = _scores(
        ("2023年，鸣川光伏的组件出货量排名全球第2位。", "排名全球第2位"),
        ("鸣川光伏2023年组件出货量位居全球第二。", "位居全球第二"),
        ("鸣川光伏2023年组件出货量位居全球第三。", "位居全球第三"),
    )
    assert "labels" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("query", "true", "other", "what"),
    [
        (
            ("2023年共有十二艘油轮由石川造船建成交付。", "2023年交付12艘油轮"),
            ("石川造船2023年交付油轮12艘。", "交付油轮12艘"),
            ("石川造船原定2023年交付的12艘油轮推迟交付。", "12艘油轮推迟交付"),
            "delayed or done",
        ),
        (
            ("Since 2019 Mira Holt has chaired Kessel Rail.", "Holt, chair since 2019"),
            ("Mira Holt has been Kessel Rail's chair since 2019.", "chair since 2019"),
            ("Mira Holt is a former chair of Kessel Rail, from 2019.", "former chair"),
            "former or current",
        ),
    ],
)
def test_put_off_or_held_once_is_not_done_or_held_now(
    query: tuple[str, str], true: tuple[str, str], other: tuple[str, str], what: str
) -> None:
    q, t, o = _scores(query, true, other)
    assert what not in [d[0] for d in explain(q, t).disagree]
    assert what in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


MODALITY_REASON = "a plan or target against a fact (x0.50)"


def test_the_next_few_years_are_a_plan_and_a_plan_is_no_subject() -> None:
    # 未来三年将 and 计划在三年内 both plan; the plan does not make the subjects differ
    q, t, o = _scores(
        ("海川科技未来三年将投资50亿元建设新工厂。", "未来三年将投资50亿元"),
        ("海川科技计划在三年内投资50亿元建设新工厂。", "计划三年内投资50亿元"),
        ("海川科技2023年投资50亿元建设了新工厂。", "2023年投资50亿元"),
    )
    assert explain(q, t).subject == 1.0
    assert MODALITY_REASON not in explain(q, t).reasons()
    assert MODALITY_REASON in explain(q, o).reasons()
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_denied_rise_is_an_unchanged_figure_and_opposite_to_the_rise() -> None:
    q, t, o = _scores(
        ("Orwin Council kept its parking charges unchanged in 2024.", "charges unchanged"),
        ("Orwin Council did not increase its parking charges in 2024.", "no increase"),
        ("Orwin Council increased its parking charges in 2024.", "charges increased"),
    )
    assert explain(q, t).disagree == ()
    assert ("acts", ("flat",), ("up",), 0.5) in explain(q, o).disagree
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_currency_code_glued_to_its_figure_is_read_as_both() -> None:
    assert {"~cny", "#3400000000"} <= set(terms("Net profit came to RMB3.4bn in 2023."))
    assert "~cny" in terms("3.4 billion renminbi")


@pytest.mark.parametrize(
    ("text", "denies"),
    [("鸣川影业否认该片票房达到12亿元。", True), ("Kessel Rail denied that fares rose.", True)],
)
def test_a_denial_is_a_negation(text: str, denies: bool) -> None:
    assert (NEGATED in terms(text)) is denies


def test_job_losses_are_layoffs_not_a_loss_of_money() -> None:
    found = terms("1,200 job losses at Kessel Rail")
    assert "~layoff" in found and "~loss" not in found


def test_the_reasons_leave_out_chinese_pairs_that_hold_a_function_character() -> None:
    a = weigh(claim_terms("2023年榆川纺织向股东派发了股息。", ""), {})
    b = weigh(claim_terms("榆川纺织2023年派发了股息。", ""), {})
    shown = explain(a, b).shared
    assert not [t for t in shown if "了" in t or "向" in t]
    assert "股息" in shown or "榆川" in shown
    assert explain(a, b).score == similarity(a, b)  # the score still counts every pair


# ---- round 12 (session 22) ----------------------------------------------------------------


def test_a_pinyin_name_meets_the_translated_name_whose_chinese_quote_it_spells() -> None:
    # "Heron Dairy" translates 苍鹭 where the later claim spells it: one company, not two names.
    q, t, o = _scores(
        ("Canglu Dairy's milk powder sales came to 2.6 billion yuan in 2024.", "Canglu's powder"),
        ("Heron Dairy's milk powder sales were 2.6 billion yuan in 2024.", "苍鹭乳业2024年奶粉"),
        ("Kestrel Dairy's milk powder sales were 2.6 billion yuan in 2024.", "红隼乳业奶粉"),
    )
    assert "names" not in [d[0] for d in explain(q, t).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("chinese", "english", "ties"),
    [
        ("鸣沙", "singing sand solar", True),
        ("岫云", "cloud crag tea", True),  # in either order
        ("白鹭", "egret dairy", True),  # a word of the table
        ("星筏", "star games", False),  # one character translated is not the name
        ("澜汐", "lanxi appliances", False),  # pinyin is `romanise`'s, not a translation
    ],
)
def test_a_chinese_name_is_tied_to_the_english_words_that_translate_it(
    chinese: str, english: str, ties: bool
) -> None:
    words = {stem(w) for w in english.split()}
    assert glossed(chinese, words, stem) is ties


def test_a_translated_name_ties_an_english_claim_to_the_chinese_one() -> None:
    q, t, o = _scores(
        ("鸣沙光伏2024年组件出货量为十八吉瓦。", "鸣沙光伏组件出货18GW"),
        ("Singing Sand Solar shipped 18 GW of modules in 2024.", "2024年组件出货18GW"),
        ("Eastbrook Solar shipped 18 GW of modules in 2024.", "2024年组件出货18GW"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_body_under_its_owners_own_name_is_not_the_owner() -> None:
    bag = claim_terms("岑川汽车旗下岑川重卡2024年销量为9.1万辆。", "")
    assert {"=named:岑川", "=sub:重卡"} <= set(bag)
    q, t, o = _scores(
        ("2024年，岑川汽车一共卖出九万一千辆车。", "岑川汽车售出9.1万辆"),
        ("岑川汽车2024年汽车销量为9.1万辆。", "岑川汽车2024年销量9.1万辆"),
        ("岑川汽车旗下岑川重卡2024年销量为9.1万辆。", "岑川重卡销量9.1万辆"),
    )
    reasons = explain(q, o).reasons()
    assert any("under its owner's name" in r for r in reasons), reasons
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    # a claim that names the body itself is no claim about the owner
    body = claim_terms("2024年岑川重卡销量达到九万一千辆。", "")
    assert "=sub:重卡" not in body


@pytest.mark.parametrize(
    ("text", "deal"),
    [
        (
            "Pellow Foods sold its bakery arm to Ashgrove Mills.",
            {"=buys:ashgrove", "=sells:pellow"},
        ),
        ("Tamsin Brewing was sold to Coldharbour Drinks.", {"=buys:coldharbour"}),
        ("Coldharbour Drinks bought Tamsin Brewing.", {"=buys:coldharbour"}),
        ("Tamsin Brewing was acquired by Coldharbour Drinks.", {"=buys:coldharbour"}),
        ("蔚港物流将冷链业务以8亿元出售给岭北集团。", {"=buys:岭北", "=sells:蔚港"}),
        ("蔚港物流以8亿元向岭北集团出售了冷链业务。", {"=buys:岭北", "=sells:蔚港"}),
        ("岭北集团以8亿元从蔚港物流购入冷链业务。", {"=buys:岭北", "=sells:蔚港"}),
        ("冷链业务被岭北集团收购。", {"=buys:岭北"}),
        ("蔚港物流2024年营收为8亿元。", set()),
    ],
)
def test_who_buys_and_who_sells_is_read_whatever_the_verb(text: str, deal: set[str]) -> None:
    assert {t for t in claim_terms(text, "") if t.startswith(("=buys:", "=sells:"))} == deal


def test_the_same_deal_with_the_verb_swapped_matches_and_the_reverse_deal_does_not() -> None:
    q, t, o = _scores(
        ("岭北集团以八亿元从蔚港物流买下了冷链业务。", "岭北集团买下冷链业务"),
        ("蔚港物流将冷链业务以8亿元出售给岭北集团。", "冷链业务出售给岭北集团"),
        ("蔚港物流以8亿元收购了岭北集团的冷链业务。", "蔚港物流收购冷链业务"),
    )
    assert "roles" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    q, t, o = _scores(
        ("Coldharbour Drinks bought Tamsin Brewing for £40 million.", "Coldharbour paid £40m"),
        ("Tamsin Brewing was sold to Coldharbour Drinks for £40 million.", "sold for £40m"),
        ("Tamsin Brewing bought Coldharbour Drinks for £40 million.", "a £40m deal"),
    )
    assert "measure on one side" not in [d[0] for d in explain(q, t).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_registered_and_resident_population_are_two_measures() -> None:
    q, t, o = _scores(
        ("到2024年末，岑州常住人口达到六百一十万。", "常住人口610万"),
        ("岑州2024年末常住人口为610万人。", "岑州常住人口610万人"),
        ("岑州2024年末户籍人口为610万人。", "岑州户籍人口610万人"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_jobs_created_are_the_opposite_of_jobs_to_go() -> None:
    q, t, o = _scores(
        ("Nine hundred jobs are to go at Brisco Steel by 2026.", "900 jobs will go"),
        ("Brisco Steel will cut 900 jobs by 2026.", "Brisco to cut 900 jobs"),
        ("Brisco Steel will create 900 jobs by 2026.", "Brisco to create 900 jobs"),
    )
    assert "acts" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("between january and june 2024", "=period:h1"),
        ("from july to december", "=period:h2"),
        ("january to march", "=period:q1"),
        ("2024年1至6月", "=period:h1"),
        ("七至九月", "=period:q3"),
        # the end of a half or a quarter is the end of its last month
        ("截至上半年末", "=period:e6"),
        ("三季度末", "=period:e9"),
        ("at the end of the first half of 2024", "=period:e6"),
    ],
)
def test_a_span_of_months_is_its_quarter_or_half(text: str, period: str) -> None:
    assert labels(text) == [period]


def test_a_span_of_months_that_is_no_quarter_or_half_is_left_as_its_months() -> None:
    assert labels("1至9月") == ["=period:m9"]
    assert labels("january to april") == ["=period:m1", "=period:m4"]


def test_a_percentage_is_not_a_count_of_the_same_figure() -> None:
    q, t, o = _scores(
        ("Between January and June 2024, 91 per cent of Pellam Buses ran on time.", "91%"),
        ("Pellam Buses ran 91 percent of its services on time in the first half of 2024.", "91%"),
        ("Pellam Buses cancelled 91 services in the first half of 2024.", "91 cancelled"),
    )
    assert "percentage or count" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_planning_permission_granted_is_an_approval_not_a_plan() -> None:
    bag = claim_terms("Planning permission for 600 homes was granted by Tolworth Council.", "")
    assert "~enact" in bag and "~plan" not in bag and "~permit" in bag
    q, t, o = _scores(
        ("Planning permission for 600 homes was granted by Tolworth Council in 2024.", "600"),
        ("Tolworth Council approved 600 new homes in 2024.", "approved 600 homes"),
        ("Tolworth Council rejected 600 new homes in 2024.", "rejected 600 homes"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_the_day_of_a_date_is_no_figure() -> None:
    assert "#3" not in terms("The mayor signed the order on June 3.")
    assert "=day:6-3" in terms("The mayor signed the order on June 3.")
    assert "#18" not in terms("2024年6月18日获批上市")


def test_a_sum_in_another_currency_is_another_sum() -> None:
    assert {"~thb", "^money"} <= set(terms("投资额为六十亿泰铢"))
    assert "~jpy" not in terms("售价¥299")  # ¥ is used for yuan as well
    q, t, o = _scores(
        ("岑川汽车泰国工厂投资额为四十亿泰铢。", "投资四十亿泰铢"),
        ("Cenchuan Motors' plant in Thailand will cost 4 billion baht.", "泰国工厂投资40亿泰铢"),
        ("Cenchuan Motors' plant in Thailand will cost 4 billion yuan.", "泰国工厂投资40亿元"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


# ---- round 13 (session 22), and the review of round 12 -------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("27 million m³ of water", "27 billion litres of water"),
        ("600 hectares", "six square kilometres"),
        ("2.6万吨", "26,000 tonnes"),
        ("一千万千瓦", "10 GW"),
        ("86GWh", "86 gigawatt-hours"),
        ("9000亩", "6 square kilometres"),
    ],
)
def test_a_quantity_in_another_unit_is_the_same_quantity(one: str, other: str) -> None:
    measured = {t for t in terms(one) if t.startswith("≈") and ":" in t}
    assert measured and measured <= set(terms(other))


def test_a_thousand_that_begins_a_unit_is_the_units() -> None:
    # ten million kilowatts, not 10,001,000 (exact in watts, its kind's unit: round 21)
    assert "#power:10000000000" in terms("一千万千瓦")
    assert "#10000000" in terms("一千万")


def test_a_currency_code_before_its_figure_is_money() -> None:
    assert "^money" in terms("Caldmere took GBP 3,400 million in sales")
    assert "~hkd" in terms("27.3 billion Hong Kong dollars")


def test_two_products_of_one_maker_are_two_claims_and_one_product_named_once_is_not() -> None:
    q, t, o = _scores(
        ("2024年岑川电器共有一百五十万台空调出口海外。", "出口空调150万台"),
        ("岑川电器2024年出口空调150万台。", "岑川电器出口空调150万台"),
        ("岑川电器2024年出口冰箱150万台。", "岑川电器出口冰箱150万台"),
    )
    assert "products" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)
    q, t, _ = _scores(
        ("岑州2024年末人口为610万人。", "人口610万"),
        ("岑州2024年末常住人口为610万人。", "常住人口610万人"),
        ("岑州2024年末户籍人口为610万人。", "户籍人口610万人"),
    )
    assert "products" not in [d[0] for d in explain(q, t).disagree]


def test_work_started_is_not_an_opening() -> None:
    q, t, o = _scores(
        ("二〇二四年九月十二日，岑州地铁七号线正式开通。", "七号线开通"),
        ("岑州地铁7号线于2024年9月12日开通运营。", "7号线开通运营"),
        ("岑州地铁7号线于2024年9月12日开工建设。", "7号线开工"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_proposal_is_no_decision() -> None:
    assert "~plan" in terms("检察机关建议判处有期徒刑十二年")
    assert "~plan" in terms("The council proposes a 5% rise in fees")


@pytest.mark.parametrize(
    ("text", "denies"),
    [
        ("公司2025年不裁员。", True),
        ("公司2025年不会裁员", True),
        ("不良贷款率为1.2%", False),
        ("增幅不会超过三成", False),
    ],
)
def test_chinese_will_not_and_not_before_an_act_deny_it(text: str, denies: bool) -> None:
    assert (NEGATED in terms(text)) is denies


def test_a_body_under_its_owners_name_is_not_read_as_the_owners_rival() -> None:
    bag = claim_terms("杉澜医院旗下的杉澜儿童医院2023年门诊量为312万人次。", "")
    assert {"=named:杉澜", "=sub:儿童"} <= set(bag) and "=named:儿童" not in bag


def test_refused_planning_permission_is_no_approval() -> None:
    assert "~plan" not in terms("Planning permission for 600 homes was granted")
    q, t, o = _scores(
        ("Tolworth Council refused planning permission for 600 homes in 2024.", "refused"),
        ("Tolworth Council rejected 600 new homes in 2024.", "rejected 600 homes"),
        ("Tolworth Council approved 600 new homes in 2024.", "approved 600 homes"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_created_alone_is_no_hiring_and_jobs_created_are() -> None:
    assert "~hire" not in terms("The company was created in 1998.")
    assert "~hire" not in terms("岑川集团2024年营收创造历史新高")
    assert "~hire" in terms("Fernaby Energy will create 1,200 jobs")
    assert "~layoff" in terms("Brisco Steel will cut 900 jobs")


def test_according_to_names_no_buyer_and_a_sale_beside_a_takeover_keeps_its_sales() -> None:
    bag = claim_terms("Pellow sold 3 million loaves in 2023, according to Kantar Worldpanel.", "")
    assert not any(t.startswith("=buys:") for t in bag) and "~sale" in bag
    bag = claim_terms("岭北集团2023年销量为9万辆，2024年被蔚港物流收购。", "")
    assert "~sale" in bag and "=buys:蔚港" in bag
    assert "=buys:diageo" in claim_terms("Tamsin Brewing was sold to Diageo.", "")
    assert "=buys:smith" in claim_terms("Pellow Foods sold its bakery to Mr Smith.", "")
    assert "=buys:岭北" in claim_terms("蔚港物流将冷链业务出售给了岭北集团。", "")
    assert not any(t.startswith("=buys:中国") for t in claim_terms("出售给中国岭北集团", ""))
    for noun in ("岑州2024年土地出让收入为300亿元。", "岑州居民购买力上升", "粮食收购价上调"):
        assert not any(t.startswith(("=buys:", "=sells:")) for t in claim_terms(noun, ""))


def test_a_month_before_a_figure_is_no_day() -> None:
    assert "#3000000" in terms("In June 3 million passengers used the line")
    assert "#12" in terms("In May 12 people died")
    assert "=day:6-3" in terms("The line opened on June 3.")


def test_two_months_are_a_span_only_when_said_as_one() -> None:
    assert labels("inflation was 4% in january and june 2024") == ["=period:m1", "=period:m6"]
    assert labels("january–june 2024") == ["=period:h1"]
    assert "=period:e6" not in labels("arsenal led 2-0 at the end of the first half")


def test_a_percentage_beside_another_figure_is_no_count_of_it() -> None:
    q, t, _ = _scores(
        ("Revenue at Pellow Foods rose 12% to £900 million in 2024.", "up 12% to £900m"),
        ("Pellow Foods' revenue reached £900 million in 2024.", "£900m revenue"),
        ("Pellow Foods' profit reached £900 million in 2024.", "£900m profit"),
    )
    assert "percentage or count" not in [d[0] for d in explain(q, t).disagree]


def test_new_year_and_elements_are_no_currency() -> None:
    assert "~jpy" not in terms("1月1日元旦") and "~cny" not in terms("1月1日元旦")
    assert "~sgd" not in terms("新元素") and "~cny" not in terms("新元素")
    assert "~jpy" in terms("500亿日元")


def test_one_english_word_does_not_translate_a_two_character_name() -> None:
    assert not glossed("平安", {"peace", "insur"}, stem)
    assert not glossed("中华", {"china"}, stem)


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("2024赛季中甲联赛，赤枫队获得亚军。", "=label:rank:2"),
        ("赤枫在2024赛季排名倒数第二", "=label:rank:last-2"),
        ("Dunmere Town won the league in 2023", "=label:rank:1"),
        ("Dunmere Town finished second from bottom", "=label:rank:last-2"),
    ],
)
def test_a_place_named_or_counted_from_the_bottom_is_a_rank(text: str, rank: str) -> None:
    assert rank in terms(text)


def test_a_stay_made_longer_is_a_rise_and_raised_fares_are_no_funding() -> None:
    assert "~up" in terms("平均住院日延长至6.8天") and "~down" in terms("平均住院时间缩短为6.8天")
    bag = terms("Lindgarth Buses raised its fares by one fifth")
    assert "~up" in bag and "~fund" not in bag
    assert "~fund" in terms("Helix raised US$15 million")


# ---- round 14 (session 22) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pinyin", "english", "words"),
    [
        ("yuanj", "far whale shipping", {"far", "whale"}),  # Yuanjing, stemmed
        ("tanyuan", "sandalwood garden property", {"sandalwood", "garden"}),
        ("xinggang", "star harbour", {"star", "harbour"}),
        ("lanxi", "xinggang appliances", set()),
        ("yuan", "far", set()),  # one syllable is too often a chance
    ],
)
def test_a_pinyin_name_is_tied_to_a_name_that_translates_it_syllable_by_syllable(
    pinyin: str, english: str, words: set[str]
) -> None:
    assert pinyin_translated(pinyin, {stem(w) for w in english.split()}, stem) == words


def test_a_translated_name_and_a_pinyin_name_are_one_company_without_the_chinese() -> None:
    q, t, o = _scores(
        ("Far Whale Shipping took in RMB21.4bn in revenue in 2025.", "revenue of RMB21.4bn"),
        ("Yuanjing Shipping's revenue reached 21.4 billion yuan in 2025.", "营业收入214亿元"),
        ("Tongya Shipping's revenue reached 21.4 billion yuan in 2025.", "营业收入214亿元"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_country_and_its_people_and_a_short_form_are_one_name() -> None:
    q, t, o = _scores(
        ("The Estravian Assembly passed the bill by 61 votes to 88.", "61 to 88"),
        ("Estravia's Assembly passed the bill by 61 votes to 88.", "61 votes to 88"),
        ("Corland's Assembly passed the bill by 61 votes to 88.", "61 votes to 88"),
    )
    assert "names" not in [d[0] for d in explain(q, t).disagree]
    assert similarity(q, t) >= 0.5 > similarity(q, o)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Judge Querrell acquitted Piers Caverly of fraud.", "Piers Caverly was jailed for fraud."),
        ("Oswin Harkell was elected Speaker.", "Oswin Harkell was defeated in the vote."),
        ("Knife crime is at its highest level in a decade.", "Knife crime is at its lowest level."),
    ],
)
def test_opposite_verdicts_votes_and_records(one: str, other: str) -> None:
    acts = [{t for t in claim_terms(x, "") if t[0] == "~"} for x in (one, other)]
    assert acts[0] and acts[1] and acts[0] != acts[1]
    q, _, o = _scores((one, ""), (one, ""), (other, ""))
    assert "acts" in [d[0] for d in explain(q, o).disagree]


def test_not_this_low_is_a_record_low_not_a_denial() -> None:
    bag = terms("Knife crime has not been this low for ten years")
    assert NEGATED not in bag and "~record_low" in bag


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("赭岭矿业2025年锌产量为28.5万吨。", "2025年，赭岭矿业共生产铜二十八万五千吨。"),
        ("65岁以上老人肺炎疫苗接种率为62%", "65岁以上老人流感疫苗接种率为62%"),
        ("岚渡大学2025年招收本科生9500名", "Landu University enrolled 9,500 postgraduates"),
        ("瑶汀市公安局2025年受理刑事案件1.2万起", "瑶汀警方2025年侦破刑事案件1.2万起"),
        ("Shao Wenzhou was chosen as mayor", "Shao Wenzhou was elected chairman"),
    ],
)
def test_other_products_measures_and_posts_of_one_subject(one: str, other: str) -> None:
    q, _, o = _scores((one, ""), (one, ""), (other, ""))
    kinds = [d[0] for d in explain(q, o).disagree]
    assert "products" in kinds or "measures" in kinds, kinds


def test_more_or_less_than_the_normal_year() -> None:
    assert {"~up", "~average"} <= set(terms("降水量比常年多了百分之三十"))
    assert {"~down", "~average"} <= set(terms("降水量比常年少了百分之三十"))
    assert "=label:rank:1" in terms("Ellingford topped the 2026 ranking")
    assert "=label:rank:last-1" in terms("Ellingford was ranked last in 2026")


# ---- the new-user trial of session 22 ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("营收八十六点四亿元", "#8640000000"),
        ("百分之七点五", "#7.5"),
        ("增长百分之十二点五", "#12.5"),
        ("零点五", "#0.5"),
    ],
)
def test_a_chinese_decimal_is_one_figure(text: str, figure: str) -> None:
    assert figure in terms(text)
    assert "点" not in terms(text)


def test_a_chinese_decimal_meets_the_same_figure_in_digits() -> None:
    q, t, o = _scores(
        ("甲公司营收八十六点四亿元。", "营收八十六点四亿元"),
        ("甲公司营收86.4亿元。", "营收86.4亿元"),
        ("甲公司营收84.6亿元。", "营收84.6亿元"),
    )
    assert similarity(q, t) >= 0.5 > similarity(q, o)


def test_a_report_a_claim_opens_with_is_no_name() -> None:
    bag = claim_terms("年报显示,公司全年实现营业收入86.4亿元,同比增长42%;", "")
    assert "@年报" not in bag and not any(t.startswith("=named:") for t in bag)


def test_the_reasons_show_a_figure_once_and_no_lone_chinese_character() -> None:
    q, t, _ = _scores(
        ("公司员工人数为8300人。", "员工8300人"),
        ("该公司有员工8300人。", "员工8300人"),
        ("公司2023年营收为8300万元。", "营收8300万元"),
    )
    shared = explain(q, t).shared
    assert "8300" in shared and "≈8300" not in shared and "人" not in shared


def test_a_numbered_term_of_a_body_is_a_label() -> None:
    assert labels("第九届人大代表选举") == ["=label:term:9"]


# ---- the review of rounds 13 and 14 ---------------------------------------------------------


def test_the_search_for_a_translated_pinyin_name_is_bounded() -> None:
    # yu is the reading of many characters of the glosses table: "yuyuyu..." against as many of
    # their senses took 30 s at nine syllables before the search had a budget.
    words = {"feather", "fish", "garden", "jade", "rain", "univers", "jasper", "residu", "yu"}
    pinyin_translated("ab", words, stem)  # (the table's readings, loaded once)
    start = time.perf_counter()
    assert pinyin_translated("yu" * 12, words, stem) == frozenset()
    assert time.perf_counter() - start < 0.5


def test_two_claims_with_thousands_of_names_are_compared_in_time() -> None:
    one = " ".join(f"Qa{i:05d}" for i in range(3000)) + " sold 12 ships."
    other = " ".join(f"Qb{i:05d}" for i in range(3000)) + " sold 12 ships."
    a, b = (weigh(claim_terms(x, ""), {}) for x in (one, other))
    start = time.perf_counter()
    similarity(a, b)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("one", "other", "akin"),
    [
        ("Estravia's Assembly", "the Estravian Assembly", True),
        ("Hongjing Pharma's revenue", "Hongjing Pharmaceutical's revenue", True),
        ("Niger's exports", "Nigeria's exports", False),
        ("India's output", "Indiana's output", False),
        ("Intel's revenue", "Intelsat's revenue", False),
    ],
)
def test_a_name_and_its_people_or_short_form_are_one_name_and_a_longer_name_is_not(
    one: str, other: str, akin: bool
) -> None:
    q, t, _ = _scores(
        (f"{one} rose 12% in 2024.", ""), (f"{other} rose 12% in 2024.", ""), ("Filler.", "")
    )
    assert ("names" not in [d[0] for d in explain(q, t).disagree]) is akin


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("不得不关闭三家工厂", "~close", NEGATED),
        ("被判无罪", "~acquit", "~convict"),
        ("Trump defeated Harris to become president", "defeat", "~defeated"),
        ("Harris was defeated in the vote", "~defeated", "~elected"),
        ("最低工资上涨5%", "~up", "~record_low"),
        ("开工率上升至80%", "~up", "~groundbreaking"),
        ("公司采纳了顾问的建议", "建议", "~plan"),
        ("The board approved the proposed takeover", "~enact", "~plan"),
        ("警方立案调查", "立案", "~case_recorded"),
        ("The bridge's construction cost £40m", "~cost", "~groundbreaking"),
        ("创造了2万个就业岗位", "~hire", "~layoff"),
        ("Brisco will slash more than 500 jobs", "~layoff", "~hire"),
        ("On May 12 Lorimer cut prices", "=day:5-12", "#12"),
        ("营收由820万升至900万", "#8200000", "≈vol:8200000"),
        ("一颗52克拉的钻石", "#52", "≈mass:0.052"),
        ("时速120 km/h", "#speed:120", "≈length:120000"),
        ("中国队获得3枚铜牌", "铜牌", "=product:copper"),
        ("infant milk formula sales", "=product:milkpowder", "=product:milk"),
        ("battery cells", "~battery", "=product:pvcell"),
        ("the club's coaches", "coach", "=product:bus"),
    ],
)
def test_ordinary_words_that_hold_a_form_are_read_as_what_they_say(
    text: str, present: str, absent: str
) -> None:
    bag = claim_terms(text, "")
    assert present in bag and absent not in bag, sorted(bag)


def test_thousands_of_a_unit_are_the_units() -> None:
    # (a figure in a unit is exact in its kind's unit, metres: round 21)
    assert {"≈length:3000", "#length:3000"} <= set(terms("跑道长三千米"))
    assert {"≈length:29000", "#length:28600"} <= set(terms("全长28.6千米"))
    assert "#1000" not in terms("装机容量150万千瓦") and "#1000" not in terms("每千克3.2元")


# Round 15 (session 23): a match's result told from either side, a player signed from a club,
# money said the spoken way (三块二, 85p), what a price is per, a post held (担任), a title won,
# a price cut (下调), kinds of discharge, exam, particulate, user count, fruit and oil, a rival
# or subsidiary named after its owner, a museum closed or reopened. Each with a true match that
# must not lose to it. (Sentences of this file's own; the dev splits hold the cases that led to
# each rule.)
ROUND15 = [
    (
        ("2025年省联赛决赛，青岚队以0比2负于白鹭队。", ""),
        ("白鹭队在2025年省联赛决赛中2:0战胜青岚队。", ""),
        ("2025年省联赛决赛，青岚队以2比0战胜白鹭队。", ""),
        ("roles", ("白鹭 won",), ("白鹭 lost",), 0.4),
    ),
    (
        ("Harwick Town lost to Selby Rovers in the 2024 county cup final.", ""),
        ("Selby Rovers beat Harwick Town in the 2024 county cup final.", ""),
        ("Harwick Town beat Selby Rovers in the 2024 county cup final.", ""),
        ("roles", ("selby won",), ("selby lost",), 0.4),
    ),
    (
        ("Corbin Vale sold midfielder Ansel Roe to Pitmore City for £8 million.", ""),
        ("Pitmore City signed Ansel Roe from Corbin Vale for £8m.", ""),
        ("Corbin Vale signed Ansel Roe from Pitmore City for £8 million.", ""),
        ("roles", ("pitmore buys", "corbin sells"), ("corbin buys", "pitmore sells"), 0.5),
    ),
    (
        ("岩州队以1200万元将前锋林拓出售给海汐队。", ""),
        ("海汐队以1200万元从岩州队引进前锋林拓。", ""),
        ("岩州队以1200万元从海汐队引进前锋林拓。", ""),
        ("roles", ("海汐 buys", "岩州 sells"), ("岩州 buys", "海汐 sells"), 0.5),
    ),
    (
        ("2024年雾岭茶场收购鲜叶的价格下调到了每斤十二块五。", ""),
        ("雾岭茶场2024年鲜叶收购价降至每斤12.5元。", ""),
        ("雾岭茶场2024年鲜叶收购价升至每斤12.5元。", ""),
        ("acts", ("down",), ("up",), 0.5),
    ),
    (
        ("2024年雾岭茶场收购鲜叶的价格下调到了每斤十二块五。", ""),
        ("雾岭茶场2024年鲜叶收购价降至每斤12.5元。", ""),
        ("雾岭茶场2024年鲜叶收购价降至每公斤12.5元。", ""),
        ("labels", ("per jin",), ("per kg",), 0.5),
    ),
    (
        ("白川银行行长一职自2023年起由郑若岚担任。", ""),
        ("郑若岚2023年出任白川银行行长。", ""),
        ("郑若岚于2023年辞去白川银行行长职务。", ""),
        ("acts", ("appoint",), ("resign",), 0.5),
    ),
    (
        ("Ines Marlow took the 2024 Calder Marathon women's title in 2:24:10.", ""),
        ("Ines Marlow won the women's race at the 2024 Calder Marathon in 2:24:10.", ""),
        ("Ines Marlow came second in the women's race at the 2024 Calder Marathon in 2:24:10.", ""),
        ("labels", ("rank 1",), ("rank 2",), 0.5),
    ),
    (
        ("环保部门对澄江化工违法排放废水处以180万元罚款。", ""),
        ("澄江化工因违法排放废水被罚款180万元。", ""),
        ("澄江化工因违法排放废气被罚款180万元。", ""),
        ("products", ("wastewater",), ("exhaust",), 0.5),
    ),
    (
        ("By the end of 2024 thirty million people used Tillbrook each month.", ""),
        ("Tillbrook had 30 million monthly active users at the end of 2024.", ""),
        ("Tillbrook's rival Quenmail had 30 million monthly active users at the end of 2024.", ""),
        ("names", ("tillbrook",), ("quenmail",), 0.5),
    ),
    (
        ("汀州航空2024年运送旅客一千八百万人次。", ""),
        ("汀州航空2024年旅客运输量为1800万人次。", ""),
        ("汀州航空子公司鹭飞航空2024年旅客运输量为1800万人次。", ""),
        ("names", ("汀州",), ("鹭飞",), 0.5),
    ),
    (
        ("青屿美术馆改造完成，于2025年6月1日恢复开放。", ""),
        ("青屿美术馆在改造后于2025年6月1日重新开放。", ""),
        ("青屿美术馆于2025年6月1日闭馆改造。", ""),
        ("acts", ("resume",), ("close",), 0.5),
    ),
    (
        ("2025年高考，柳湾中学有七成考生上了本科线。", ""),
        ("柳湾中学2025年高考本科上线率为70%。", ""),
        ("柳湾中学2025年中考普高录取率为70%。", ""),
        ("products", ("gaokao",), ("zhongkao",), 0.5),
    ),
    (
        ("In 2024 Ravensby's air held 31 micrograms of PM2.5 per cubic metre on average.", ""),
        ("Ravensby's average PM2.5 level was 31 micrograms per cubic metre in 2024.", ""),
        ("Ravensby's average PM10 level was 31 micrograms per cubic metre in 2024.", ""),
        ("products", ("pm25",), ("pm10",), 0.5),
    ),
    (
        ("Marlow Growers paid farmers 60p per kilo for pears in 2024.", ""),
        ("The farm-gate price Marlow Growers paid for pears was 60 pence a kilogram in 2024.", ""),
        ("The farm-gate price Marlow Growers paid for apples was 60 pence a kilogram in 2024.", ""),
        ("products", ("pear",), ("apple",), 0.5),
    ),
]


@pytest.mark.parametrize(("query", "true", "other", "why"), ROUND15)
def test_near_misses_of_round_fifteen(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, o = _kept_apart(query, true, other, why)
    assert similarity(q, t) > similarity(q, o) + 0.2


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # money said the spoken way, and pence
        ("每千克三块二", "#3.2", "#2"),
        ("3块2一斤", "#3.2", "#3"),
        ("五块钱", "~cny", "#0.5"),
        ("三块地", "#3", "~cny"),
        ("85p/kg", "#0.85", "#85"),
        ("85 pence a kilogram", "~gbp", "^pence"),
        # what a price is per (not per carat)
        ("3.2元/斤", "=label:per:jin", "=label:per:kg"),
        ("$3 per kg", "=label:per:kg", "=label:per:jin"),
        ("每克拉3000元", "#3000", "=label:per:g"),
        # a score written winner first, whichever side tells it
        ("青岚队以1比3负于白鹭队", "#3:1", "#1:3"),
        ("青岚队以3比1战胜白鹭队", "#3:1", "#1:3"),
        ("白鹭队以三比一战胜青岚队", "#3:1", "#1:3"),
        ("男女比例为1比3", "#1:3", "#3:1"),
        # a price raised is a rise; money raised is funding
        ("Pellow Water raised household bills 8% in April", "~up", "~fund"),
        ("Tillbrook raised $40 million in 2024", "~fund", "~up"),
        # a title taken is first place
        ("Ines Marlow took the 2024 Calder Marathon women's title", "=label:rank:1", "~fund"),
        ("曲溪队夺冠", "=label:rank:1", "=label:rank:2"),
    ],
)
def test_round_fifteen_reads(text: str, present: str, absent: str) -> None:
    bag = claim_terms(text, "")
    assert present in bag and absent not in bag, sorted(bag)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("青岚队以0比2负于白鹭队。", {"=wins:白鹭"}),
        ("白鹭队2:0战胜青岚队。", {"=loses:青岚"}),
        ("青岚队被白鹭队击败。", {"=wins:白鹭"}),
        ("Harwick Town lost 0-2 to Selby Rovers.", {"=wins:selby"}),
        ("Selby Rovers beat Harwick Town.", {"=loses:harwick"}),
        ("Harwick Town were beaten by Selby Rovers.", {"=wins:selby"}),
        ("Selby Rovers beat expectations in 2024.", set()),
    ],
)
def test_who_won_a_match_is_read_whatever_the_verb(text: str, roles: set[str]) -> None:
    assert {t for t in claim_terms(text, "") if t.startswith(("=wins:", "=loses:"))} == roles


# Round 16 (session 23): a court order to pay read with its parties' roles, what a thing costs
# as its price, "the planned road" as no plan, money raised for a charity (筹得捐款, 募集善款),
# 苍鹭 as the grey heron, and words of time or deed (年末, 至今, 援建) that open a Chinese claim as
# no name.
ROUND16 = [
    (
        ("Marsh Freight must pay Tolvey Foods RMB3.2m in damages, a court has ruled.", ""),
        ("A court ordered Marsh Freight to pay 3.2 million yuan in damages to Tolvey Foods.", ""),
        ("A court ordered Tolvey Foods to pay 3.2 million yuan in damages to Marsh Freight.", ""),
        ("roles", ("tolvey is paid", "marsh pays"), ("marsh is paid", "tolvey pays"), 0.5),
    ),
    (
        ("法院判令岚舟物流向青禾食品赔偿320万元。", ""),
        ("岚舟物流被判向青禾食品支付赔偿金320万元。", ""),
        ("法院判令青禾食品向岚舟物流赔偿320万元。", ""),
        ("roles", ("青禾 is paid", "岚舟 pays"), ("岚舟 is paid", "青禾 pays"), 0.5),
    ),
]


@pytest.mark.parametrize(("query", "true", "other", "why"), ROUND16)
def test_near_misses_of_round_sixteen(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, _ = _kept_apart(query, true, other, why)
    assert explain(q, t).disagree == ()


@pytest.mark.parametrize(
    ("one", "other", "gone"),
    [
        # what a ticket costs is its price
        (
            ("雾峰景区的成人票价为八十块。", ""),
            ("An adult ticket to Wufeng Peak costs 80 yuan.", ""),
            "measures",
        ),
        # residents who back a planned road state a fact, not a plan
        (
            ("Two in five Ashby residents (41%) back the proposed bypass, a survey found.", ""),
            ("A poll found 41 percent of Ashby residents support the planned bypass.", ""),
            "modality",
        ),
        # money raised for a charity, said two ways
        (
            ("2024年岚心慈善基金会共筹得捐款1.6亿元。", ""),
            ("岚心慈善基金会2024年募集善款1.6亿元。", ""),
            "measures",
        ),
        # 年末 opens the sentence: no name to set against the English one
        (
            ("年末，翠屿移动的5G基站达到十五万个。", ""),
            ("Cuiyu Mobile had 150,000 5G base stations at year-end.", ""),
            "names across scripts",
        ),
    ],
)
def test_round_sixteen_rewordings_keep_their_match(
    one: tuple[str, str], other: tuple[str, str], gone: str
) -> None:
    q, t, _ = _scores(one, other, ("Filler claim about nothing.", ""))
    assert gone not in [d[0] for d in explain(q, t).disagree], explain(q, t).disagree


def test_the_grey_heron_is_canglu() -> None:
    q, t, _ = _scores(
        ("Canglu Shipping carried 2.1 million containers in 2024.", "苍鹭航运2024年运量210万箱"),
        ("Grey Heron Shipping carried 2.1 million containers in 2024.", "苍鹭航运运量210万箱"),
        ("Filler claim about nothing.", ""),
    )
    assert "names" not in [d[0] for d in explain(q, t).disagree]


# ---- the review of rounds 15 and 16 ---------------------------------------------------------


def test_round_16_patterns_read_long_runs_in_linear_time() -> None:
    # Each took from 20 s to minutes at 50,000 characters (seconds at 20,000): the payer's name
    # was read from every position of a run of capitalised words (or of one long word), a
    # spoken price's and a score's numbers from every position of a run of digits or numerals.
    assert _linear(lambda n: "A " * n)
    assert _linear(lambda n: "The " * n)
    assert _linear(lambda n: "A" * n + "'s rival ")
    assert _linear(lambda n: "三" * n + "块")
    assert _linear(lambda n: "3" * n + "块")
    assert _linear(lambda n: "3" * n + ":")
    # and payers, prices and scores are read as before
    assert "=pays:yunlu" in claim_terms("Yunlu Technology must pay Borel 5 million.", "")
    assert "=pays:acme" in claim_terms("A court ordered Acme to pay Borel 2 million.", "")
    assert "#3.2" in terms("苹果三块二一斤") and "#32" in terms("苹果32块钱")
    assert winner_first("赤隼以1比3负于庐屿") == "赤隼以3比1负于庐屿"
    assert winner_first("赤隼以十二比十三负于庐屿") == "赤隼以十三比十二负于庐屿"


def test_raised_is_a_rise_only_of_the_price_it_qualifies() -> None:
    # "raised money to pay the bills" read as a rise: the two words allowed between "raised"
    # and the price were "money to"; so were "concerns about" before "rates".
    assert "~up" not in terms("The charity raised money to pay the bills.")
    assert "~up" not in terms("Residents raised concerns about rates.")
    assert "~up" not in terms("The firm raised questions over fees.")
    # and a price raised is a rise, as before
    assert "~up" in terms("The bank raised its rates.")
    assert "~up" in terms("The council raised its parking charges.")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the review of rounds 15 and 16: forms that misread ordinary text
        ("The Acme Group must pay Tolvey Foods £3m", "=pays:the"),
        ("a 720p video of the match", "~gbp"),
        ("the meeting starts at 5 p.m. today", "~gbp"),
        ("operating costs 12% lower than last year", "~price"),
        ("the proposed tax rise was dropped", "=label:rank:1"),
        ("每克服一个困难都不容易", "=label:per:g"),
        ("a ton of users joined", "=label:per:tonne"),
        ("a champion of free trade", "=label:rank:1"),
        ("she took the title of chief executive", "=label:rank:1"),
    ],
)
def test_round_sixteen_forms_leave_ordinary_words_alone(text: str, absent: str) -> None:
    assert absent not in claim_terms(text, ""), sorted(claim_terms(text, ""))


def test_a_planned_thing_is_no_plan_but_a_planned_cut_is() -> None:
    assert "~plan" not in claim_terms("Residents back the planned ring road", "")
    assert "~plan" in claim_terms("Brisco planned cuts of 500 jobs", "")


# ---- round 17 (session 24) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # the future against a plan is one claim: "will invest" and "plans to spend"
        (
            ("Harlow Grid will invest £600 million in new substations by 2029.", ""),
            ("By 2029 Harlow Grid plans to spend £0.6bn on new substations.", ""),
        ),
        (
            ("The new Tamsin Hospital wing is due to open in October 2027.", ""),
            ("Tamsin Hospital's new wing is expected to open in October 2027.", ""),
        ),
        # 将 and 要 against 预计 and 将于
        (
            ("2027年，岚溪电池在波兰的工厂将正式投入使用。", ""),
            ("岚溪电池波兰工厂预计2027年投入使用。", ""),
        ),
        (
            ("聂远表示，汀州市2026年要新建小学二十所。", ""),
            ("汀州市市长聂远表示，汀州将在2026年新建20所小学。", ""),
        ),
    ],
)
def test_the_future_and_a_plan_are_one_claim(one: tuple[str, str], other: tuple[str, str]) -> None:
    q, t, _ = _scores(one, other, ("Filler claim about nothing.", ""))
    assert "modality" not in [d[0] for d in explain(q, t).disagree], explain(q, t).disagree
    assert similarity(q, t) >= 0.5


def test_a_plan_against_a_fact_still_costs_when_neither_speaks_of_the_future() -> None:
    q, _, o = _scores(
        ("Harlow Grid plans to spend £600 million on new substations in 2029.", ""),
        ("Harlow Grid will invest £600 million in new substations in 2029.", ""),
        ("Harlow Grid spent £600 million on new substations in 2029.", ""),
    )
    assert ("modality", ("plan",), (), 0.5) in explain(q, o).disagree
    assert "a plan or target against a fact (x0.50)" in explain(q, o).reasons()


@pytest.mark.parametrize(
    "text",
    [
        "The delay was due to the rain.",
        "The plant is to the north of the city.",
        "Turnout was close to 60 percent.",
        "将近一半的居民支持该计划",
        "主要原因是需求下降",
        "这是一个重要的项目",
        "公司需要更多资金",
        "监管部门要求公司整改",
        # 将 marking an object in a deed done (after 已, 已经, 曾)
        "岚溪电池已将其码头业务出售给赤隼集团",
        "公司已经将旗下奶粉业务出售",
        "该行曾将一年期存款利率下调至1.5%",
    ],
)
def test_words_that_look_like_the_future_are_not(text: str) -> None:
    assert FUTURE not in claim_terms(text, ""), text


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Grid will open the line in 2027.",
        "The mayor said the line would open by 2028.",
        "Nine hundred posts are to go at Tansley by 2026.",
        "The campus is due to come into use in 2026.",
        "The firm is going to close 30 stores.",
        "岚溪电池工厂将正式投产",
        "汀州市要新建小学二十所",
        "新线即将开通",
    ],
)
def test_the_future_is_read(text: str) -> None:
    assert FUTURE in claim_terms(text, ""), text


# Round 17 near misses: (query, its true match, a near miss, what the two disagree on)
ROUND17 = [
    # a neighbouring place, named by the place it borders (which the query is about)
    (
        (
            "Council tax bills in Marlow went up by 4.9% for 2025-26.",
            "Marlow households face a 4.9 per cent council tax rise",
        ),
        (
            "Marlow raised council tax by 4.9 percent for 2025-26.",
            "Marlow put council tax up 4.9% for 2025-26",
        ),
        (
            "Neighbouring Thornby raised council tax by 4.9 percent for 2025-26.",
            "Thornby, next door to Marlow, put council tax up 4.9% for 2025-26",
        ),
        ("names", ("marlow",), ("neighbour", "thornby"), 0.5),
    ),
    (
        ("2025年8月9日，岚溪县发生里氏五点二级地震。", "岚溪县5.2级地震"),
        ("2025年8月9日，岚溪县发生5.2级地震。", "岚溪县发生5.2级地震"),
        ("2025年8月9日，与岚溪县相邻的汀石县发生5.2级地震。", "与岚溪县相邻的汀石县发生5.2级地震"),
        ("names", ("岚溪",), ("汀石",), 0.5),
    ),
    (
        ("二〇二五年八月九日，岚溪县发生里氏五点二级地震。", "岚溪县5.2级地震"),
        (
            "A magnitude 5.2 earthquake struck Lanxi County on 9 August 2025.",
            "2025年8月9日，岚溪县发生5.2级地震",
        ),
        (
            "A magnitude 5.2 earthquake struck Tingshi County, next to Lanxi, on 9 August 2025.",
            "2025年8月9日，与岚溪县相邻的汀石县发生5.2级地震",
        ),
        ("names", ("岚溪",), ("汀石",), 0.5),
    ),
    # a post left (resigned, lost the vote) against the post held
    (
        (
            "The Harwick Water Board had never had a female chair before Edna Pryce.",
            "Pryce, the board's first woman chair",
        ),
        (
            "Edna Pryce became the first woman to chair the Harwick Water Board.",
            "Edna Pryce became the first woman to chair the Harwick Water Board",
        ),
        (
            "Edna Pryce resigned as chair of the Harwick Water Board.",
            "Edna Pryce has resigned as chair of the Harwick Water Board",
        ),
        ("post left or held", ("chairman",), ("resign",), 0.5),
    ),
    (
        ("澜州大学迎来建校以来第一位女性校长柯映雪。", "柯映雪成为澜州大学历史上第一位女校长"),
        ("柯映雪出任澜州大学校长，成为该校首位女校长。", "柯映雪出任澜州大学校长"),
        ("柯映雪卸任澜州大学校长。", "柯映雪不再担任澜州大学校长"),
        ("post left or held", ("principal",), ("resign",), 0.5),
    ),
    (
        (
            "Tolbury Bank has been led by chief executive Ines Varga since March 2025.",
            "Varga, Tolbury's boss since March 2025",
        ),
        (
            "Ines Varga became chief executive of Tolbury Bank in March 2025.",
            "Varga took over as Tolbury Bank CEO in March 2025",
        ),
        (
            "Ines Varga stepped down as chief executive of Tolbury Bank in March 2025.",
            "Varga quit as Tolbury Bank CEO in March 2025",
        ),
        ("post left or held", ("chiefexec",), ("resign",), 0.5),
    ),
    # a poll's share for and against
    (
        (
            "Two in five Ashby residents (41%) back the proposed bypass, according to a survey.",
            "41 per cent of Ashby residents in favour of the bypass",
        ),
        (
            "A poll found 41 percent of Ashby residents support the planned bypass.",
            "民调显示，41%的阿什比居民支持修建绕城公路",
        ),
        (
            "A poll found 41 percent of Ashby residents oppose the planned bypass.",
            "民调显示，41%的阿什比居民反对修建绕城公路",
        ),
        ("stances", ("for",), ("against",), 0.5),
    ),
]


@pytest.mark.parametrize(("query", "true", "other", "why"), ROUND17)
def test_near_misses_of_round_seventeen(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, _ = _kept_apart(query, true, other, why)
    assert explain(q, t).disagree == ()


@pytest.mark.parametrize(
    ("text", "bordered", "subject"),
    [
        ("Tingshi County, next to Lanxi, had an earthquake.", "=of:lanxi", "@tingshi"),
        ("Thornby, next door to Marlow, raised council tax.", "=of:marlow", "@thornby"),
        ("Thornby, which borders Marlow, raised council tax.", "=of:marlow", "@thornby"),
        ("与岚溪县相邻的汀石县发生地震", "=of:岚溪", "@汀石"),
        ("毗邻岚溪的汀石县发生地震", "=of:岚溪", "@汀石"),
    ],
)
def test_a_place_named_by_the_place_it_borders_is_about_the_neighbour(
    text: str, bordered: str, subject: str
) -> None:
    bag = claim_terms(text, "")
    assert bordered in bag and subject in bag, sorted(bag)
    assert "@" + bordered.removeprefix("=of:") not in bag


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # no name before the comma, or none after the relation: nothing is read
        ("Sales came to next to nothing, Acme said.", "=of:nothing"),
        ("The depot, next to the river, burned down.", "=of:river"),
        ("The plant, next to Harbour Road, closed.", "=of:harbour"),
        ("与上年相比增长12%", "=of:上年"),
    ],
)
def test_words_of_nearness_without_two_places_read_no_neighbour(text: str, absent: str) -> None:
    assert absent not in claim_terms(text, ""), sorted(claim_terms(text, ""))


def test_a_post_left_is_said_in_plain_words() -> None:
    q, _, o = _scores(
        ("Tolbury Bank has been led by chief executive Ines Varga since 2025.", ""),
        ("Filler claim about nothing.", ""),
        ("Ines Varga stepped down as chief executive of Tolbury Bank in 2025.", ""),
    )
    assert (
        "one claim says the post (chief executive) was left (resigned), the other that it is "
        "held (x0.50)"
    ) in explain(q, o).reasons()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # both leave the post, in other words
        (
            ("Ines Varga stepped down as chief executive of Tolbury Bank in 2025.", ""),
            ("Varga quit as Tolbury Bank's CEO in 2025.", ""),
        ),
        (
            ("Ines Varga lost the vote for mayor of Tolbury in 2025.", ""),
            ("Varga was defeated in Tolbury's 2025 mayoral election.", ""),
        ),
        # a resignation with no post named on the other side: nothing to hold
        (
            ("Ines Varga resigned from Tolbury Bank in 2025.", ""),
            ("Ines Varga, 58, worked at Tolbury Bank until 2025.", ""),
        ),
    ],
)
def test_a_post_left_in_both_claims_or_no_post_is_no_disagreement(
    one: tuple[str, str], other: tuple[str, str]
) -> None:
    q, t, _ = _scores(one, other, ("Filler claim about nothing.", ""))
    assert "post left or held" not in [d[0] for d in explain(q, t).disagree]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Councillors backed the new pool in March.", "=stance:for"),
        ("Most members support a four-day week.", "=stance:for"),
        ("41% are in favour of the bypass", "=stance:for"),
        ("居民支持修建绕城公路", "=stance:for"),
        ("Residents oppose the planned bypass.", "=stance:against"),
        ("41%的居民反对修建绕城公路", "=stance:against"),
    ],
)
def test_a_stance_is_read(text: str, stance: str) -> None:
    assert stance in claim_terms(text, ""), sorted(claim_terms(text, ""))


@pytest.mark.parametrize(
    "text",
    [
        "Kilbarrow Rail pushed back the opening of its line.",
        "The firm cut back the service in May.",
        "She came back the next day.",
        "The project was supported by a government grant.",
        "Government support for farmers rose 5%.",
        "a state-backed bank",
        "在政府的支持下，项目顺利完工",
        # a particle after a verb, a comparison, support as a noun, a party's name
        "Tanwick Bank bought back its shares in May.",
        "The council moved back the opening to June.",
        "Revenue rose 5%, as opposed to 3% a year earlier.",
        "华能公司为项目提供技术支持",
        "项目获得资金支持3亿元",
        "反对派议员人数增至41人",
    ],
)
def test_words_of_support_that_report_no_stance_are_not_read(text: str) -> None:
    assert not [t for t in claim_terms(text, "") if t.startswith("=stance:")], text


# ---- after round 17: a new-user trial's pair ----------------------------------------------------


def test_put_into_operation_is_opened_not_money_put_in() -> None:
    # 投入 was read as money put in (a measure one claim gives only) and 全国 not as China: the
    # same first scored 0.468, under the threshold, and "checked before?" stayed silent
    first = "国内首个将钠离子储能电站投入商业运营的企业"
    same = "全国第一家实现钠离子储能电站商业化运营的企业"
    q, t, o = _scores(
        (first, first),
        (same, same),
        ("国内首个钠离子储能电站于2026年停产", "国内首个钠离子储能电站于2026年停产"),
    )
    assert explain(q, t).disagree == () and explain(q, t).subject == 1.0
    assert similarity(q, t) >= 0.5
    # put into production against stopped: opposite acts, not a cost on one side
    q, t, o = _scores(
        ("2026年，云杉电池在匈牙利的工厂将正式投入生产。", "工厂将正式投入生产"),
        ("云杉电池匈牙利工厂2026年投产", "匈牙利工厂2026年投产"),
        ("云杉电池匈牙利工厂将于2026年停产。", "匈牙利工厂将于2026年停产"),
    )
    assert "acts" in [d[0] for d in explain(q, o).disagree]
    assert similarity(q, t) > similarity(q, o)


# ---- round 18 ------------------------------------------------------------------------------------

# (query, its true match, a near miss that shares most terms, what the two disagree on)
ROUND18 = [
    # a part or a relative of what the other claim names: its library, her mother, 医学院
    (
        ("Castlebrook University was founded in 1879.", "Castlebrook University, founded 1879"),
        (
            "Castlebrook University was established in 1879.",
            "Castlebrook, established in 1879",
        ),
        (
            "Castlebrook University's library was founded in 1879.",
            "the Castlebrook University library, founded in 1879",
        ),
        ("part or whole", (), ("library",), 0.5),
    ),
    (
        ("宋清禾1972年出生于澜江市。", "宋清禾，1972年生于澜江"),
        ("宋清禾生于一九七二年，出生地为澜江市。", "1972年出生于澜江"),
        ("宋清禾的母亲1972年出生于澜江市。", "宋清禾的母亲生于澜江"),
        ("part or whole", (), ("mother",), 0.5),
    ),
    (  # the part in the query, said in the other language by the true match
        (
            "Qiaoshan University's medical school was set up in 1958.",
            "桥山大学医学院成立于1958年",
        ),
        ("桥山大学医学院成立于一九五八年。", "医学院成立于1958年"),
        ("桥山大学成立于一九五八年。", "桥山大学成立于1958年"),
        ("part or whole", ("medschool",), (), 0.5),
    ),
    # kinds of one measure the product table lacked: 5G and broadband users, an expressway and a
    # high-speed railway, a kidney and a liver transplant, clinics and schools, a deputy mayor
    (
        ("2025年底，澄湾电信的5G用户达到2600万户。", "5G用户达2600万户"),
        ("Chengwan Telecom had 26 million 5G subscribers at the end of 2025.", "5G用户2600万"),
        ("截至2025年末，澄湾电信宽带用户数为2600万户。", "宽带用户2600万户"),
        ("products", ("fiveg",), ("broadband",), 0.5),
    ),
    (
        ("青屿至桐岭高铁全长312公里。", "青屿—桐岭高铁线路长312千米"),
        ("The Qingyu-Tongling high-speed railway is 312 km long.", "青屿至桐岭高速铁路长312公里"),
        ("青屿至桐岭高速公路全长312公里。", "青屿—桐岭高速公路长312千米"),
        ("products", ("highspeedrail",), ("expressway",), 0.5),
    ),
    (
        ("2024年，溪岸医院共完成肝移植手术88例。", "溪岸医院完成肝移植88例"),
        ("Xi'an Hospital carried out 88 liver transplants in 2024.", "溪岸医院肝脏移植88例"),
        ("2024年，溪岸医院完成肾移植手术88例。", "溪岸医院完成肾脏移植88例"),
        ("products", ("liver",), ("kidney",), 0.5),
    ),
    (
        (
            "The Lanfeng Foundation has built 52 village schools since 2012.",
            "52 schools built since 2012",
        ),
        ("2012年至今，岚枫基金会已援建五十二所乡村学校。", "援建52所学校"),
        (
            "The Lanfeng Foundation has built 52 village clinics since 2012.",
            "52 clinics built since 2012",
        ),
        ("products", ("school",), ("clinic",), 0.5),
    ),
    (
        (
            "Ottilie Brand was elected mayor of Fennick in June 2024.",
            "Brand became Fennick's mayor in June 2024",
        ),
        ("Fennick voters made Ottilie Brand their mayor in June 2024.", "mayor since June 2024"),
        (
            "Ottilie Brand was elected deputy mayor of Fennick in June 2024.",
            "Brand became Fennick's deputy mayor in June 2024",
        ),
        ("products", ("mayor",), ("deputymayor",), 0.5),
    ),
    # a figure on the wrong side of a bound the other claim gives, and a bound denied (未达到,
    # "no more than") read as the other bound
    (
        (
            "Tern Valley Water supplied 147 million litres a day in 2025.",
            "147m litres a day in 2025",
        ),
        (
            "In 2025 Tern Valley Water put out some 147 million litres of water daily.",
            "147 million litres daily",
        ),
        (
            "Tern Valley Water supplied more than 150 million litres a day in 2025.",
            "over 150m litres a day in 2025",
        ),
        # (a figure in a unit is shown in its kind's unit since round 21)
        ("bounds", ("147000000 litres",), ("above 150000000",), 0.5),
    ),
    (
        ("桐岭机场2025年旅客吞吐量首次超过800万人次。", "旅客吞吐量超过800万人次"),
        ("2025年桐岭机场旅客吞吐量第一次突破八百万人次。", "旅客吞吐量突破800万"),
        ("桐岭机场2025年旅客吞吐量未达到800万人次。", "旅客吞吐量未达到800万人次"),
        ("bounds", ("above 8000000",), ("below 8000000",), 0.5),
    ),
    # measures of everyday beats the table lacked: rents and prices, deposits and assets,
    # compensation and fines, turnout and a share of the vote
    (
        ("Average rents in Corliss rose 6 percent in 2025.", "Corliss rents up 6% in 2025"),
        ("In 2025 the average rent in Corliss went up by six per cent.", "rents rose 6%"),
        (
            "Average house prices in Corliss rose 6 percent in 2025.",
            "Corliss prices up 6% in 2025",
        ),
        ("measures", ("rent",), ("price",), 0.6),
    ),
    (
        ("2025年末，泓桥银行存款余额超过2万亿元。", "存款余额超过2万亿元"),
        (
            "Hongqiao Bank's deposits topped 2 trillion yuan at the end of 2025.",
            "泓桥银行存款超过2万亿元",
        ),
        ("2025年末，泓桥银行总资产超过2万亿元。", "总资产超过2万亿元"),
        ("measures", ("deposit",), ("asset",), 0.6),
    ),
    (
        (
            "A court ordered Brisbay Foods to pay £3.2 million in compensation to customers.",
            "£3.2m compensation for Brisbay Foods customers",
        ),
        (
            "Brisbay Foods must pay its customers £3.2m in compensation, a court ruled.",
            "£3.2 million compensation",
        ),
        (
            "A court fined Brisbay Foods £3.2 million over mislabelled products.",
            "a £3.2m fine for Brisbay Foods",
        ),
        ("measures", ("compensation", "customer"), ("fine",), 0.6),
    ),
    (
        ("瑶川市长选举投票率为67.2%。", "投票率67.2%"),
        ("Turnout in the Yaochuan mayoral election was 67.2 percent.", "投票率为67.2%"),
        ("瑶川市长选举中，林澈以67.2%的得票率当选。", "得票率67.2%"),
        ("measures", ("turnout",), ("voteshare",), 0.6),
    ),
    # the end of a year is the end of December, not of June
    (
        ("截至2025年底，澄川银行不良贷款率为1.42%。", "年末不良率1.42%"),
        (
            "Chengchuan Bank's non-performing loan ratio was 1.42% at the end of 2025.",
            "2025年末不良贷款率1.42%",
        ),
        ("澄川银行2025年6月末不良贷款率为1.42%。", "6月末不良率1.42%"),
        ("periods", ("end of m12",), ("end of m6",), 0.5),
    ),
    # two titles that open alike: two books
    (
        ("青禾书局出版的长篇小说《河谷以东》销量突破60万册。", "《河谷以东》销量超60万册"),
        ("《河谷以东》(青禾书局出版)累计售出逾六十万册。", "河谷以东销量超过60万册"),
        ("青禾书局出版的长篇小说《河谷以西》销量突破60万册。", "《河谷以西》销量超60万册"),
        ("names", ("河谷以东",), ("河谷以西",), 0.5),
    ),
    # a player who joins a club for a fee is bought by it; a club that sold him sells
    (
        (
            "Midfielder Ross Fenn joined Corbett City for £6 million, a club record.",
            "Fenn joined Corbett City for a record £6m",
        ),
        (
            "Corbett City paid a club-record £6m fee to sign midfielder Ross Fenn.",
            "Corbett City's record £6 million signing of Fenn",
        ),
        (
            "Corbett City sold midfielder Ross Fenn for £6 million, a club record.",
            "Corbett City sold Fenn for a record £6m",
        ),
        ("roles", ("corbett buys",), ("corbett sells",), 0.5),
    ),
    (
        ("中场贺临风加盟岚州飞鹰，转会费三千万元。", "贺临风加盟岚州飞鹰，转会费3000万元"),
        ("岚州飞鹰以3000万元转会费签下中场贺临风。", "签下贺临风，转会费3000万元"),
        ("岚州飞鹰以3000万元的转会费出售中场贺临风。", "出售贺临风，转会费3000万元"),
        ("roles", ("岚州 buys",), ("岚州 sells",), 0.5),
    ),
    # a bid refused against the deal done
    (
        (
            "Pemberton Foods rejected a £75 million bid from Ashgrove Capital.",
            "Pemberton's board turned down Ashgrove's £75m offer",
        ),
        (
            "Ashgrove Capital's £75m offer for Pemberton Foods was turned down.",
            "Ashgrove's £75 million bid rejected",
        ),
        (
            "Pemberton Foods was sold to Ashgrove Capital for £75 million.",
            "Pemberton Foods sold to Ashgrove for £75m",
        ),
        ("acts", ("veto",), ("ashgrove buys",), 0.5),
    ),
    # the age that says who is counted, and the span after a launch a figure is for
    (
        ("2024年，岚江市65岁及以上人口占总人口的19%。", "65岁及以上人口占比19%"),
        ("In 2024, 19 percent of Lanjiang's people were aged 65 and over.", "65岁以上占19%"),
        ("2024年岚江市60岁以上人口占比19%。", "60岁以上人口占比19%"),
        ("labels", ("age 65",), ("age 60",), 0.5),
    ),
    (
        ("电影《雾港来信》上映首周票房达3.1亿元。", "《雾港来信》首周票房3.1亿元"),
        ("《雾港来信》首周收获票房三亿一千万元。", "首周票房3.1亿"),
        ("电影《雾港来信》上映当天票房为3.1亿元。", "《雾港来信》上映当天票房3.1亿元"),
        ("labels", ("opening week",), ("opening day",), 0.5),
    ),
    # a player's goals and appearances
    (
        (
            "Tomas Vell scored 19 league goals for Harrowby Town in the 2025-26 season.",
            "Vell's 19 league goals in 2025-26",
        ),
        (
            "Harrowby forward Tomas Vell found the net nineteen times in the league in 2025/26.",
            "19 league goals for Vell in 2025-26",
        ),
        (
            "Tomas Vell made 19 league appearances for Harrowby Town in the 2025-26 season.",
            "Vell's 19 league appearances in 2025-26",
        ),
        ("measures", ("goals",), ("appearance",), 0.6),
    ),
]


@pytest.mark.parametrize(("query", "true", "other", "why"), ROUND18)
def test_near_misses_of_round_eighteen(
    query: tuple[str, str],
    true: tuple[str, str],
    other: tuple[str, str],
    why: tuple[str, tuple[str, ...], tuple[str, ...], float],
) -> None:
    q, t, _ = _kept_apart(query, true, other, why)
    assert explain(q, t).disagree == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Harwick Council's library lent 90,000 books.", "=part:library"),
        ("The father of Lin Wanjun was born in 1951.", "=part:father"),
        ("the museum at Tolbury Castle drew 80,000 visitors", "=part:museum"),
        ("Kestwick's oldest museum opened in 1902.", "=part:museum"),
        ("林婉君的父亲1951年生于桥山", "=part:father"),
        ("漱岭大学图书馆藏书200万册", "=part:library"),
        ("桥山大学附属医院床位1200张", "=part:hospital"),
    ],
)
def test_a_part_or_relative_of_what_a_claim_names_is_read(text: str, part: str) -> None:
    assert part in claim_terms(text, ""), sorted(claim_terms(text, ""))


@pytest.mark.parametrize(
    "text",
    [
        # the part named as itself, not as a part of another; words that hold a part's letters
        "The Tolbury Museum drew 80,000 visitors.",
        "Jackson's season ended in May.",
        "Ashby Foods' labour costs rose 5%.",
        "图书馆藏书200万册",
        # a plant, a mine or an arm is no part read (a rewording names them in other words)
        "Yaosen Solar's factory in Egypt cost $500 million.",
        "Hollowmere Foods sold its frozen-food arm.",
        "曜森光伏的工厂投资5亿美元",
    ],
)
def test_words_that_name_no_part_of_another_are_not_read(text: str) -> None:
    assert not [t for t in claim_terms(text, "") if t.startswith("=part:")], text


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("no more than 200 million", "below"),
        ("fewer than 200 users", "below"),
        ("under 300 jobs", "below"),
        ("不超过300万", "below"),
        ("未达到300万", "below"),
        ("少于300万", "below"),
        ("more than 200 million", "above"),
        ("no fewer than 200 users", "above"),
        ("at least 300 jobs", "above"),
        ("超过300万", "above"),
        ("不少于300万", "above"),
    ],
)
def test_a_bound_denied_is_the_other_bound(text: str, side: str) -> None:
    assert [t.split(":")[1] for t in claim_terms(text, "") if t.startswith("=bound:")] == [side]


def test_a_figure_inside_the_bound_agrees_with_it() -> None:
    q, t, _ = _scores(
        ("Tern Valley Water supplied more than 150 million litres a day in 2025.", ""),
        ("Tern Valley Water put out some 153 million litres of water daily in 2025.", ""),
        ("Tern Valley Water supplied 147 million litres a day in 2025.", ""),
    )
    assert explain(q, t).disagree == ()


def _bounds(one: str, other: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    a, b = (weigh(claim_terms(text, ""), {}) for text in (one, other))
    return [(ours, theirs) for what, ours, theirs, _ in explain(a, b).disagree if what == "bounds"]


def test_a_bound_is_checked_against_the_figure_stated_not_its_rounded_value() -> None:
    # "more than 287,000" was kept as a bound on 290,000, the figure rounded, so 287,400 (which
    # keeps the bound) broke it
    said = "More than 287,000 people in Thornlea are waiting for planned treatment."
    assert _bounds(said, "Thornlea's waiting list for planned treatment reached 287,400.") == []
    assert _bounds(said, "Thornlea's waiting list for planned treatment reached 287,000.") == []
    # near misses: a figure below the bound stated, though it rounds to the same 290,000
    assert _bounds(said, "Thornlea's waiting list for planned treatment reached 286,500.") == [
        (("above 287000",), ("286500",))
    ]
    assert _bounds("近300万人次", "达到301万人次") == [(("below 3000000",), ("3010000",))]


def test_two_bounds_disagree_only_when_no_figure_keeps_both() -> None:
    two = "Thornleigh Airways carried more than two million passengers."
    assert _bounds(two, "Nearly two million passengers flew with Thornleigh Airways.")
    # nearly 1.98 million is below two million too; more than 1.98 million and nearly two
    # million leave 1.99 million to both
    assert _bounds(two, "Nearly 1.98 million passengers flew with Thornleigh Airways.")
    assert not _bounds(
        "Thornleigh Airways carried more than 1.98 million passengers.",
        "Nearly two million passengers flew with Thornleigh Airways.",
    )
    assert not _bounds(two, "Over two million passengers flew with Thornleigh Airways.")


_PERIODS = ("periods", "period on one side", "years")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # the end of a year, a half, a quarter or a month agrees with every period that ends then
        (
            "Brennland's unemployment rate fell to 4.1% by the end of 2025.",
            "Brennland's unemployment rate fell to 4.1% in the fourth quarter of 2025.",
        ),
        ("Brennland's jobless rate was 4.1% at the end of 2025.", "Q4 2025: jobless rate 4.1%"),
        ("Brennland's jobless rate was 4.1% at the end of 2025.", "December 2025: 4.1%"),
        ("澄川银行2025年末不良贷款率为1.42%。", "澄川银行2025年四季度不良贷款率为1.42%。"),
        ("澄川银行2025年6月末不良贷款率为1.42%。", "澄川银行2025年上半年末不良贷款率为1.42%。"),
        # before a month is by the end of the one before
        (
            "Hollybank will close 38 of its 210 branches by the end of June.",
            "Thirty-eight Hollybank stores will close before July.",
        ),
        ("鹤湾百货7月前关闭38家门店。", "鹤湾百货6月底前关闭38家门店。"),
        ("Hollybank will close 38 branches before July.", "Hollybank will close 38 in June."),
    ],
)
def test_an_end_agrees_with_the_periods_that_end_then(one: str, other: str) -> None:
    assert not set(disagreeing(one, other)) & set(_PERIODS), (one, other)


@pytest.mark.parametrize(
    ("one", "other", "what"),
    [
        # near misses: periods that end elsewhere, two spans, another year, the year itself
        (
            "Brennland's jobless rate was 4.1% at the end of 2025.",
            "Brennland's jobless rate was 4.1% in the third quarter of 2025.",
            "periods",
        ),
        ("Brennland's jobless rate was 4.1% in Q3 2025.", "Q4 2025: jobless rate 4.1%", "periods"),
        ("Brennland's retail sales rose 4.1% in December 2025.", "Q4 2025: up 4.1%", "periods"),
        (
            "Jobless rate 4.1% at the end of 2025.",
            "Jobless rate 4.1% at end of June 2025.",
            "periods",
        ),
        ("Jobless rate 4.1% at the end of 2025.", "Jobless rate 4.1% in H1 2025.", "periods"),
        (
            "Hollybank will close 38 branches before July.",
            "Hollybank closes 38 by end of May.",
            "periods",
        ),
        ("Jobless rate 4.1% at the end of 2024.", "Jobless rate 4.1% in Q4 2025.", "years"),
        (
            "Revenue rose 4.1% in the first half of 2025.",
            "Revenue rose 4.1% in 2025.",
            "period on one side",
        ),
    ],
)
def test_periods_that_end_apart_still_disagree(one: str, other: str, what: str) -> None:
    assert what in disagreeing(one, other), (one, other)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("by the end of june", ["=period:e6"]),
        ("end-june", ["=period:e6"]),
        ("六月底", ["=period:e6"]),
        ("before july 2025", ["=period:e6"]),
        ("7月之前", ["=period:e6"]),
        # not a month: "before may be", nor January's eve (another year), nor 7月前两周 (the first
        # two weeks of July)
        ("before may be", []),
        ("1月前", ["=period:m1"]),
        ("7月前两周", ["=period:m7"]),
    ],
)
def test_the_end_of_a_month_and_before_a_month(text: str, found: list[str]) -> None:
    assert labels(text) == found


@pytest.mark.parametrize(
    ("one", "other", "disagree"),
    [
        # an average said of a figure the other claim lacks, beside one both give: a fact added
        (
            "鹭屿市2025年地区生产总值达到1.52万亿元，同比增长5.8%。",
            "2025年鹭屿全市GDP达15200亿元，人均超过16万元。",
            False,
        ),
        (
            "Lanwick's economy grew to 88 billion pounds in 2025.",
            "Lanwick's economy reached 88 billion pounds in 2025, or 31,000 pounds per head.",
            False,
        ),
        # an average said of no figure
        (
            "Hollinsgrave Infirmary carried out 1,126 hip replacements in 2025.",
            "Surgeons at Hollinsgrave completed 1126 hip replacements in 2025, well ahead of the "
            "regional average.",
            False,
        ),
        # near misses: the figure both give said per head or per day by one, and an average of a
        # figure the other gives in no form, with no figure shared
        ("鹭屿市2025年人均地区生产总值为16万元。", "鹭屿市2025年地区生产总值为16万元。", True),
        (
            "In 2024 the average wait for hip surgery at Quillmoor General was nearly six weeks.",
            "The median wait for a hip operation at Quillmoor General in 2024 was 41 days.",
            True,
        ),
        (
            "Quillmoor's trains carried 41,000 passengers a day.",
            "Quillmoor's trains carried 41,000.",
            True,
        ),
    ],
)
def test_an_average_disagrees_only_when_said_of_the_figure(
    one: str, other: str, disagree: bool
) -> None:
    assert ("average or total" in disagreeing(one, other)) is disagree, (one, other)


@pytest.mark.parametrize(
    ("one", "other", "disagree"),
    [
        # the kind of area a place is is no name: "Province" was a name the governor's claim
        # lacked, and so disagreed with the governor's name
        (
            "The rural poverty rate in Qiaonan Province fell to 1.9% in 2025.",
            "Governor Shen Yaoting said he had brought Qiaonan's rural poverty rate down to 1.9% "
            "in 2025.",
            [],
        ),
        (
            "Yanbo County built 52 schools in 2025.",
            "Mayor Ada Lin said Yanbo built 52 schools.",
            [],
        ),
        # near misses: another place of the same kind, another kind of council
        (
            "The rural poverty rate in Qiaonan Province fell to 1.9% in 2025.",
            "The rural poverty rate in Lanxi Province fell to 1.9% in 2025.",
            ["names"],
        ),
        (
            "Sandmere District Council planted 52,000 trees in 2025.",
            "Sandmere Borough Council planted 52,000 trees in 2025.",
            ["bodies"],
        ),
    ],
)
def test_the_kind_of_an_area_is_no_name(one: str, other: str, disagree: list[str]) -> None:
    assert [w for w in disagreeing(one, other) if w in ("names", "bodies")] == disagree
    assert "@province" not in names("峤南 Qiaonan Province")


@pytest.mark.parametrize(
    ("one", "other", "disagree"),
    [
        # the kind of body after a name is no name: an abbreviation of it, or a claim that
        # names someone else instead, disagreed as other names
        (
            "Henggao University admitted 7,420 undergraduates in 2025.",
            "Henggao Univ. took in 7,420 new undergraduates in 2025.",
            [],
        ),
        (
            "Garrowby Farm Cooperative's members harvested 18,500 tonnes of barley in 2025.",
            "The 2025 barley harvest of the Garrowby Farm Co-op came to 18,500 tonnes.",
            [],
        ),
        (
            "The Thornlea Health Board's waiting list reached 287,400 in March.",
            "Health spokesperson Orla Pennifold said 287,400 people in Thornlea are waiting.",
            [],
        ),
        # near misses: two bodies of one name, two of one kind, a company's Co
        (
            "Kelsingham University admitted 7,420 undergraduates in 2025.",
            "Kelsingham College admitted 7,420 undergraduates in 2025.",
            ["bodies"],
        ),
        (
            "Kelsingham University admitted 7,420 undergraduates in 2025.",
            "Gorsedene University admitted 7,420 undergraduates in 2025.",
            ["names"],
        ),
        (
            "Sandmere District Council planted 52,000 trees in 2025.",
            "The Sandmere Health Board planted 52,000 trees in 2025.",
            ["bodies"],
        ),
        (
            "Vantor Co sold 62,000 cars in April.",
            "Vantor Motors sold 62,000 cars in April.",
            ["names"],
        ),
    ],
)
def test_the_kind_of_a_body_after_its_name_is_no_name(
    one: str, other: str, disagree: list[str]
) -> None:
    assert [w for w in disagreeing(one, other) if w in ("names", "bodies")] == disagree


@pytest.mark.parametrize(
    ("one", "other", "disagree"),
    [
        # a figure said roughly or by a bound, and an exact one near it on the bound's side
        ("韦知遥持有澜桥汽车约三成股份。", "Wei Zhiyao holds 31 percent of Lanqiao Motors.", False),
        (
            "Nearly a quarter of Thrushcombe Water's treated water leaked in 2025.",
            "Thrushcombe Water lost 23 percent of its treated water to leaks in 2025.",
            False,
        ),
        (
            "In 2024 more than nine in ten Harrowdene Academy pupils passed their exams.",
            "92 percent of Harrowdene Academy pupils passed their exams in 2024.",
            False,
        ),
        # near misses: too far, on the wrong side, or neither said roughly
        (
            "Nearly a quarter of Thrushcombe Water's treated water leaked in 2025.",
            "Thrushcombe Water lost 21 percent of its treated water to leaks in 2025.",
            True,
        ),
        (
            "In 2024 more than nine in ten Harrowdene Academy pupils passed their exams.",
            "89 percent of Harrowdene Academy pupils passed their exams in 2024.",
            True,
        ),
        ("韦知遥持有澜桥汽车约三成股份。", "Wei Zhiyao holds 35 percent of Lanqiao Motors.", True),
        ("韦知遥持有澜桥汽车30%股份。", "Wei Zhiyao holds 31 percent of Lanqiao Motors.", True),
    ],
)
def test_a_figure_said_roughly_meets_an_exact_one_near_it(
    one: str, other: str, disagree: bool
) -> None:
    assert ("figures" in disagreeing(one, other)) is disagree, (one, other)


def test_a_share_of_any_few_is_a_percentage() -> None:
    assert {"#90", "=bound:above:90"} <= set(terms("more than nine in ten pupils passed"))
    assert "#75" in terms("three out of four voters")
    assert "#75" not in terms("two in 2023")


def test_centimetres_and_millimetres_are_lengths() -> None:
    assert "≈length:0.21" in terms("212mm of rain") and "≈length:0.21" in terms("21.2 cm of rain")
    assert "≈length:2.3" in terms("a 230 centimetre drop") and "≈length:2.3" in terms("2.3 metres")
    assert "^centimetr" not in terms("21.2 centimetres of rainfall")  # a unit, not what it counts


def test_a_name_before_a_month_is_no_owner() -> None:
    # "Rookhaven's wettest October": October is no name, so Rookhaven owns no subject of its own:
    # it is the claim's name, and keeps apart a claim about Harrowmere with the same rain
    got = claim_terms("Rookhaven had 212 mm of rain.", "Rookhaven's wettest October on record")
    assert "@rookhaven" in got and "=of:rookhaven" not in got
    assert "names" in disagreeing(
        "Rookhaven's wettest October on record brought 212 mm of rain in 2025.",
        "In October 2025 Harrowmere had 21.2 centimetres of rain, its wettest on record.",
    )
    # (a rival named after the owner is still the subject: Pendry Bank's rival Corrie Bank)
    assert "=of:pendry" in claim_terms("Pendry Bank's rival Corrie Bank raised its profit.", "")


@pytest.mark.parametrize(
    ("one", "other", "disagree"),
    [
        # a year written 2023-24 is both years; before a year is by the end of the one before
        (
            "Kilbarrow Rail carried 62 million passengers in the year to March 2024.",
            "In 2023-24 Kilbarrow Rail's trains carried 62m passengers.",
            [],
        ),
        (
            "Wyncaster approved a budget of £1.9 billion for 2025-26.",
            "Wyncaster's £1.9bn budget for 2025/26 was passed.",
            [],
        ),
        (
            "Pennyroyal Stores will close 45 of its branches by the end of 2026.",
            "Forty-five Pennyroyal shops are to shut before 2027.",
            [],
        ),
        # near misses: another financial year, another year's end
        (
            "Wyncaster approved a budget of £1.9 billion for 2025-26.",
            "Wyncaster's £1.9bn budget for 2024/25 was passed.",
            ["years"],
        ),
        (
            "Pennyroyal Stores will close 45 of its branches by the end of 2026.",
            "Forty-five Pennyroyal shops are to shut before 2026.",
            ["years"],
        ),
    ],
)
def test_a_year_written_short_and_before_a_year(one: str, other: str, disagree: list[str]) -> None:
    assert [w for w in disagreeing(one, other) if w in _PERIODS or w == "figures"] == disagree


def test_a_range_of_years_and_figures_is_no_year_written_short() -> None:
    assert {"#2023", "#2024"} <= set(terms("in 2023/24"))
    assert "#25" in terms("rose from 2023-25")  # (not the year after 2023)
    assert "#2026" not in terms("before 2027.5 m")  # (a figure, no year)


@pytest.mark.parametrize(
    ("one", "other", "disagree"),
    [
        # "used to chair" and 原市长, 前董事长 say former, as "former" does
        (
            "Former Tanyuan Property chairman Luo Chengzhou was jailed for 11 years for bribery.",
            "Luo Chengzhou, who used to chair Tanyuan Property, was jailed for eleven years.",
            False,
        ),
        (
            "Fang Jingchuan, the former mayor of Yuanxu, was jailed for 15 years for bribery.",
            "沅墟原市长方镜川受贿一案宣判，被判十五年有期徒刑。",
            False,
        ),
        ("岚曲酒业原董事长祁望川被判处有期徒刑12年。", "岚曲酒业前董事长祁望川获刑十二年。", False),
        # near misses: the post held now, and "used to" of a thing put to use
        ("岚曲酒业原董事长祁望川被判处有期徒刑12年。", "岚曲酒业董事长祁望川获刑十二年。", True),
        (
            "Luo Chengzhou, who used to chair Tanyuan Property, was jailed for eleven years.",
            "Tanyuan Property chairman Luo Chengzhou was jailed for eleven years.",
            True,
        ),
    ],
)
def test_a_post_held_once_in_other_words(one: str, other: str, disagree: bool) -> None:
    assert ("former or current" in disagreeing(one, other)) is disagree, (one, other)
    assert "~former" not in terms("the money is used to build roads; 原因是原油价格")


def test_will_close_is_closing_and_to_open_opening() -> None:
    assert "~close" in terms("Hollybank will close 38 of its 210 branches")
    assert "~close" in terms("Pennyroyal plans to close 45 stores")
    assert "~open" in terms("Pennyroyal plans to open 45 stores")
    assert "~open" not in terms("the park will open up to walkers")
    # not near, nor a gap made smaller
    assert "~close" not in terms("its share is close to 40%; it hopes to close the gap")
    assert "act on one side" not in disagreeing(
        "Hollybank will close 38 of its branches by the end of June.",
        "Thirty-eight Hollybank shops will shut before July.",
    )
    # a near miss: opened against closed
    assert "acts" in disagreeing(
        "Hollybank will close 38 branches in 2026.", "Hollybank will open 38 branches in 2026."
    )


def test_a_grower_that_turned_out_tea_reports_no_turnout() -> None:
    assert "~turnout" not in claim_terms("Xiuyun Tea turned out 4,800 tonnes of tea.", "")
    assert "~turnout" in claim_terms("Just 58% of voters cast a ballot.", "")


@pytest.mark.parametrize(
    "text", ["截至2024年底", "2024年末", "at the end of 2024", "at end-2024", "at year-end"]
)
def test_the_end_of_a_year_is_december(text: str) -> None:
    assert labels(text) == ["=period:e12"]
    assert labels("上半年末") == ["=period:e6"] and labels("weekend sales") == []


@pytest.mark.parametrize(
    ("one", "same", "other"),
    [
        (
            "Corrander Shipping took delivery of 14 new vessels in 2025.",
            "In 2025 Corrander Shipping received 14 new ships.",
            "In 2025 Corrander Shipping received 14 new cranes.",
        ),
        (
            "Tansley Engineering will cut 400 posts in 2026.",
            "Tansley Engineering is to shed 400 jobs in 2026.",
            "Tansley Engineering will shut 400 branches in 2026.",
        ),
        (
            "Fallowmere rejected a £90 million offer for the Press.",
            "Fallowmere turned down a £90m bid for the Press.",
            "Fallowmere turned down a £90m loan for the Press.",
        ),
    ],
)
def test_words_a_figure_counts_that_name_one_thing_agree(one: str, same: str, other: str) -> None:
    q, t, o = _scores((one, ""), (same, ""), (other, ""))
    assert "measures" not in [d[0] for d in explain(q, t).disagree], explain(q, t).reasons()
    assert "measures" in [d[0] for d in explain(q, o).disagree], explain(q, o).reasons()


def test_someone_who_joins_a_firm_buys_nothing() -> None:
    assert not [t for t in claim_terms("Ann Lee joined Kestrel Bank in 2019.", "") if "buys" in t]
    assert not [t for t in claim_terms("林澈2019年加盟岚州银行", "") if "buys" in t]


def test_round_eighteen_readers_run_in_linear_time() -> None:
    assert _linear(lambda n: "Kell's " * n + "library")
    assert _linear(lambda n: "the " * n + "father of Lin Wanjun")
    assert _linear(lambda n: "joined " * n + "Corbett for a fee")
    assert _linear(lambda n: "的大学" * n + "图书馆")
    assert _linear(lambda n: "no more than " * n + "5 million")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("60岁以上人口占比21%", "=label:age:60"),
        ("二十九岁时创办公司", "=label:age:29"),
        ("the share of people aged 65 and over", "=label:age:65"),
        ("over-65s make up a fifth", "=label:age:65"),
        ("首日票房1.2亿元", "=label:opening:day"),
        ("首周末票房1.2亿元", "=label:opening:weekend"),
        ("took $40m on its opening weekend", "=label:opening:weekend"),
    ],
)
def test_an_age_and_a_span_after_a_launch_are_labels(text: str, label: str) -> None:
    assert label in labels(text), labels(text)
    assert "@岁以" not in claim_terms(text, "")


def test_a_university_s_head_is_no_school() -> None:
    # 学校 straddles 大学 and 校长 there
    assert "=product:school" not in claim_terms("季岚自2016年起担任澜渡大学校长。", "")
    assert "=product:school" in claim_terms("岚枫基金会援建五十二所乡村学校", "")


def test_a_part_said_by_both_claims_is_no_disagreement() -> None:
    q, t, _ = _scores(
        ("The library of Castlebrook University opened in 1902.", ""),
        ("Castlebrook University's library, opened in 1902", ""),
        ("Castlebrook University opened in 1902.", ""),
    )
    assert explain(q, t).disagree == ()


def test_an_office_is_no_name() -> None:
    # The English debate trial: "as Finance Minister" read as two names, so the claim and the
    # report it restated each named what the other did not (x0.5).
    assert names("Under my leadership as Finance Minister, unemployment fell to 4.1%.") == []
    assert names("Prime Minister Ada Morrow opened the bridge in 2019.") == ["@ada", "@morrow"]
    assert names("The Health Secretary said 412,000 people were waiting.") == []
    assert names("Mayor Tom Hale and Governor Rita Vance met in Dunmore.") == [
        "@tom",
        "@hale",
        "@rita",
        "@vance",
        "@dunmore",
    ]
    # A portfolio word names a body when no office follows it (the Finance Ministry of Kellan).
    assert "@kellan" in names("The Finance Ministry of Kellan raised taxes.")
    q, t, _ = _scores(
        (
            "As finance minister I cut unemployment from 7.2% to 4.1%, the lowest since 1971.",
            "Under my leadership as Finance Minister, unemployment fell from 7.2% to 4.1%",
        ),
        (
            "Westmarch unemployment fell to 4.1%, the lowest since records began in 1971.",
            "Unemployment in Westmarch fell to 4.1 percent",
        ),
        ("The plant was built in 1998.", "1998"),
    )
    assert not any(what == "names" for what, *_ in explain(q, t).disagree)
