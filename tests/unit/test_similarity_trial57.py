"""Trial 57: two claims about different companies named in Latin letters (OpenAI's valuation
against Tencent's, MiniMax's against 智谱's) scored 0.88 and 0.977 as "checked before?", where
the same pair named in Chinese (智谱, 字节跳动) was kept apart as other names. A name a sentence
opens with was taken only when it was plainly one (followed by a capital, 's or Chinese), so
"OpenAI was valued..." named nothing. Invented sentences."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing, explained, reasons_for

from workbench.domain.similarity import claim_terms, names


def test_a_name_with_capitals_inside_is_a_name_at_the_start_of_a_sentence() -> None:
    """OpenAI, MiniMax, ByteDance and an acronym in capitals open a sentence as names: no
    ordinary word is written so. (They were left out, as "Investors" is.)"""
    assert names("OpenAI was valued at 156 billion USD in 2025.") == ["@openai"]
    assert names("MiniMax was valued at 207 billion USD in 2021.") == ["@minimax"]
    assert names("ByteDance is valued at $300bn.") == ["@bytedance"]
    assert names("OPENAI is valued at $300bn.") == ["@openai"]
    assert names("Investors valued the company at $300bn.") == []


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Tencent was valued at 156 billion USD in 2025.", ["=lead:tencent"]),
        # a common noun's ending: no lead (a plural, a participle, an adverb, an abstract noun)
        ("Investors valued the company at $300bn.", []),
        ("According to Reuters, the company was valued at $300bn.", []),
        ("Nearly 300 firms closed.", []),
        # a prefix (fresh25's "Ex-councillor Fitch" against "Denholm Fitch": no other name)
        ("Ex-councillor Fitch was jailed.", []),
        # a label is no lead (Category 2), nor a listing's abbreviation after a colon or a
        # bracket (fresh39-47: "Cat 2", "(Grn)" against a name of the other claim)
        ("Category 2 patients in Lanthorne waited 41 minutes.", []),
        ("Lanthorne AS, Jan-26: Cat 2 mean 0:41:12.", ["=lead:lanthorne"]),
        ("By-election: H. Gorrie (Grn) 1,847.", ["=lead:gorrie"]),
        # a plain name is no lead (it is a name), nor a word of the table (revenue)
        ("Revenue at Tencent rose 9% in 2025.", []),
        ("OpenAI was valued at $300bn.", []),
    ],
)
def test_a_word_a_sentence_opens_with_is_kept_as_a_lead(text: str, lead: list[str]) -> None:
    assert [t for t in claim_terms(text, "") if t.startswith("=lead:")] == lead


def test_a_quote_gives_no_lead() -> None:
    """A quote is cut from anywhere, often from a table: what it opens with is no lead."""
    terms = claim_terms("Tencent was valued at $156bn.", "Visitor numbers rose.")
    assert [t for t in terms if t.startswith("=lead:")] == ["=lead:tencent"]


def test_another_latin_named_company_with_the_same_figure_is_another_claim() -> None:
    """OpenAI's valuation against Tencent's scored 0.94 here (0.88 on the trial's desk),
    "other names" not said."""
    one = "OpenAI was valued at 156 billion USD in 2025."
    other = "Tencent was valued at 156 billion USD in 2025."
    assert "names" in disagreeing(one, other)
    assert explained(one, other).score < 0.5
    assert "other names: openai / tencent" in reasons_for(one, other)


def test_two_camel_case_brands_disagree() -> None:
    assert "names" in disagreeing(
        "MiniMax was valued at 207 billion USD in 2021.",
        "ByteDance was valued at 207 billion USD in 2021.",
    )


def test_a_latin_name_against_a_chinese_one_it_does_not_spell_is_another_name() -> None:
    """MiniMax against 智谱 (the year desk's 0.977): MiniMax is no pinyin of 智谱 (zhipu), so the
    two are told apart as names across scripts are; Zhipu spells it, and is one name."""
    desk = "MiniMax was valued at 207 billion USD in 2021."
    chinese = "智谱 was valued at 207 billion USD in 2021."
    assert explained(desk, chinese).score < 0.5
    assert "other names (pinyin): minimax / 智谱" in reasons_for(desk, chinese)
    zh = "智谱的估值在2021年达到2070亿美元。"
    assert explained("MiniMax was valued at 207 billion USD in 2021.", zh).score < 0.5
    spelled = explained("Zhipu was valued at 207 billion USD in 2021.", zh)
    assert spelled.score >= 0.5
    assert not spelled.disagree


def test_the_chinese_pair_still_disagrees() -> None:
    one, other = "智谱的估值在2020年达到2770亿美元。", "字节跳动的估值在2020年达到2770亿美元。"
    assert "names" in disagreeing(one, other)
    assert explained(one, other).score < 0.5


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("OpenAI is valued at $300bn", "OpenAI's valuation reached US$300 billion"),
        # one name written in one word and in two, and in capitals
        ("Open AI is valued at $300bn", "OPENAI's valuation reached US$300 billion"),
        ("Open AI is valued at $300bn", "OpenAI is valued at US$300 billion"),
        ("Byte Dance was valued at $300bn", "ByteDance's valuation reached US$300 billion"),
        # a rewording that opens with a common word names no other company
        ("OpenAI is valued at $300bn", "Investors value OpenAI at US$300 billion"),
        ("OpenAI is valued at $300bn", "Investors valued the company at US$300 billion"),
        # the lead is found in the other claim as a word
        ("Tencent was valued at $156bn", "A $156bn valuation for Tencent"),
    ],
)
def test_the_same_company_reworded_still_matches(one: str, other: str) -> None:
    assert "names" not in disagreeing(one, other), reasons_for(one, other)
    assert explained(one, other).score >= 0.5, reasons_for(one, other)


def test_two_leads_alone_do_not_disagree() -> None:
    """Two words a sentence opens with, neither plainly a name (Officials, Authorities; Police,
    Firefighters), may be common nouns: they say nothing of a name by themselves."""
    assert "names" not in disagreeing(
        "Police said 5 people died in the fire in 2024.",
        "Firefighters said five people died in the fire in 2024.",
    )
