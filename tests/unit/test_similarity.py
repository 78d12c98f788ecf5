"""Meaning-bearing terms: the same figure, name or key word however it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.similarity import (
    MAX_TERM,
    claim_terms,
    cosine,
    document_frequencies,
    idf,
    similarity,
    subject,
    terms,
    weigh,
)

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
    ],
)
def test_one_fact_written_many_ways_gives_the_same_terms(
    forms: list[str], shared: set[str]
) -> None:
    for form in forms:
        assert shared <= set(terms(form)), form


def test_words_that_only_look_like_numbers_or_years() -> None:
    assert "~year" not in terms("年产能20吉瓦时")  # annual capacity, not a span of years
    assert terms("2015年") == ["#2015"]
    assert "#10000" not in terms("万物")  # a lone 万 is a word, not a number
    assert "#1" not in terms("签下了一份协议")  # 一份: an article
    assert terms("早一年")[:2] == ["#1", "~year"]


def test_chinese_is_read_as_character_pairs_and_english_as_stemmed_words() -> None:
    assert {"商汤", "汤科", "科技"} <= set(terms("商汤科技"))
    assert {"export", "canada"} <= set(terms("the exports to Canada"))
    assert "the" not in terms("the exports to Canada")


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
    steel = claim_terms("The new tariff raises duties on steel to 25 percent.", "to 25 percent")
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


@pytest.mark.parametrize("name", ["pairs.yaml", "fresh.yaml", "fresh2.yaml", "fresh3.yaml"])
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
