"""What a hostile reading of claim discovery found (session 36), held to its fix."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.checkworthy import find_candidates, score_text
from workbench.domain.checkworthy.widths import as_read
from workbench.domain.graphemes import at_grapheme_boundary
from workbench.domain.transcript import read_transcript


@pytest.mark.parametrize(
    ("wide", "narrow"),
    [
        # 0.39 against 0.96
        ("该市去年新增就业岗位１２０００个。", "该市去年新增就业岗位12000个。"),
        ("他们在２０２３年３月成立。", "他们在2023年3月成立。"),
        ("该厂有工人２０００名。", "该厂有工人2000名。"),  # 0.05 against 0.63
        ("ＧＤＰ增长了５％。", "GDP增长了5%。"),
        ("公司成立于二〇二一年。", "公司成立于二零二一年。"),  # 〇 was no CJK character
        ("融资１．５亿元，员工１２，０００人。", "融资1.5亿元，员工12,000人。"),
    ],
)
def test_full_width_digits_and_ling_read_as_their_ascii_and_ling(wide: str, narrow: str) -> None:
    assert score_text(wide) == score_text(narrow)
    found, expected = find_candidates(wide, 0.0), find_candidates(narrow, 0.0)
    assert [(c.start, c.end, c.score, c.reasons) for c in found] == [
        (c.start, c.end, c.score, c.reasons) for c in expected
    ]
    # a candidate's text is the stored text's, not what was read
    assert all(c.text == wide[c.start : c.end] for c in found) and found


def test_as_read_keeps_every_offset() -> None:
    text = "ＡＢＣ公司２０２４年营收增长５０％，员工１２３人。二〇二一年。"
    read = as_read(text)
    assert len(read) == len(text) and read == "ABC公司2024年营收增长50%，员工123人。二零二一年。"
    # a full-width comma between words stays one: it ends a clause
    assert as_read("１２，ＡＢ，３") == "12，AB，3" and as_read("１，２") == "1,2"
    plain = "公司2024年营收增长50%。"
    assert as_read(plain) is plain  # nothing to fold: the same string, no copy


def test_a_count_with_a_thousands_comma_is_no_year() -> None:
    _, reasons, kind = score_text("About 2,000 protesters attended.")
    assert "year" not in reasons and "number" in reasons and kind == "quantity"
    assert score_text("About 2,000 protesters attended.")[0] == pytest.approx(
        score_text("About 4,000 protesters attended.")[0]
    )
    assert "year" in score_text("The plant opened in 2000.")[1]


@pytest.mark.parametrize(
    ("digits", "spelt"),
    [
        ("2021年，该市人口达到1200万。", "二〇二一年，该市人口达到一千二百万。"),
        ("1998年公司成立。", "一九九八年公司成立。"),
    ],
)
def test_a_year_spelt_digit_by_digit_is_a_year(digits: str, spelt: str) -> None:
    # 二〇二一年 fired no `year` (0.45, under the threshold, against 0.85 in digits).
    assert "year" in score_text(digits)[1] and "year" in score_text(spelt)[1]
    assert "year" not in score_text("一千二百年前，这里是一座城。")[1]  # 千: a span, no year
    assert "year" not in score_text("公司成立了二十年。")[1]


@pytest.mark.parametrize("fragment", ["12%.", "(00:12)", "No. 1.", "1500万。", "3.9亿元。"])
def test_a_span_too_short_to_hold_a_claim_is_not_offered(fragment: str) -> None:
    text = f"Revenue rose 12 percent in 2023 to 4.5 billion dollars.\n\n{fragment}\n"
    found = find_candidates(text)
    assert [c.text for c in found] == ["Revenue rose 12 percent in 2023 to 4.5 billion dollars."]
    # every span is listed when every span is asked for, with the reason
    every = find_candidates(text, 0.0)
    assert next(c.reasons for c in every if c.text == fragment).count("too_short") == 1


def test_a_span_without_a_body_is_too_short_to_offer_as_well() -> None:
    # （一） is a list marker and nothing else: scored as too short (0.148) without its
    # features, it was offered at any threshold under that.
    text = "收入增长12%。\n\n（一）\n"
    assert [c.text for c in find_candidates(text, 0.1)] == ["收入增长12%。"]
    assert "（一）" in [c.text for c in find_candidates(text, 0.0)]


@pytest.mark.parametrize("mark", ["“", "...", "👍", "。", "\u200b", "\u2060", "——"])
def test_a_span_with_no_letter_digit_or_character_is_never_offered(mark: str) -> None:
    text = f"公司2023年营收增长了12%。\n\n{mark}\n"
    assert [c.text for c in find_candidates(text, 0.0)] == ["公司2023年营收增长了12%。"]


def test_a_note_line_never_joins_the_speakers_line_before_it() -> None:
    text = (
        "TRUMP: We created 7 million jobs in 2019,\n"
        "Note: the labour department counted 2 million new jobs in 2019.\n"
        "BIDEN: That is false.\n"
        "TRUMP: Unemployment fell 3 percent.\n"
        "主持人：公司2023年营收增长了12%，\n"
        "注：据年报，公司员工为320人，营收下降3%。\n"
        "闫俊杰：不对。\n"
    )
    t = read_transcript(text)
    assert t is not None
    found = {c.text: c.speaker for c in find_candidates(text, transcript=t)}
    assert found["We created 7 million jobs in 2019,"] == "TRUMP"
    assert found["Note: the labour department counted 2 million new jobs in 2019."] is None
    assert found["注：据年报，公司员工为320人，营收下降3%。"] is None
    assert not [s for s in found if "Note" in s and "jobs in 2019," in s]


_PIECES = [
    *"。!?.;,: \n",
    "Revenue rose 12% in 2023",
    "营收增长12%",
    "The plant cost $40 million",
    *["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200e", "\u00ad"],
    *["😀", "👨\u200d👩", "e\u0301", "🇨🇳"],
]


@settings(max_examples=500)  # (about one text in a hundred found it)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25).map("".join))
def test_every_span_offered_can_be_pinned(text: str) -> None:
    # Invisible characters, joiners and emoji sequences around stops and clause marks: a span
    # that cut a cluster was refused by `extract --accept` (37 of 3,000 such texts before).
    for c in find_candidates(text, 0.0):
        assert at_grapheme_boundary(text, c.start) and at_grapheme_boundary(text, c.end)


@pytest.mark.parametrize(
    ("few", "only"),
    [
        ("The company has only 300 employees.", "It is the only company to do this."),
        ("Only 3% of voters agreed.", "She was the only candidate to win twice."),
    ],
)
def test_only_before_a_figure_says_how_few_not_the_only_one(few: str, only: str) -> None:
    # "only 300 employees" fired first_or_only and suggested the type priority. (The same
    # reading of 只有 and 仅有 before a figure was tried and reverted: the seed article, held
    # out, lost a check-worthy sentence, 真正能坐在大模型牌桌上的其实只有四家公司.)
    _, reasons, kind = score_text(few)
    assert "first_or_only" not in reasons and "number" in reasons and kind == "quantity"
    assert "first_or_only" in score_text(only)[1]
