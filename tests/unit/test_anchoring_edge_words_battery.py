"""rH: the combined rule for words a revision runs onto a quote's edge (479c389f, c4c5575d,
2b96b61f: `anchoring._glued`), read as one rule against newsroom revisions. Each case states
what the claim's span MUST be after the revision:

(1) words added at the edge that change the claim (之一, 以上, 左右, 不) are taken in;
(2) no word of another sentence or paragraph is taken in (a headline merged into the lead, a
    sentence run onto a stop, an attribution run onto a quotation mark), edited or not;
(3) a quote whose words are unchanged stays exact (or moved), its span its old words.
"""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import Matcher, Selector
from workbench.domain.spans import span_at


def _found(old: str, new: str, quote: str) -> tuple[str, str | None]:
    start = old.index(quote)
    sp = span_at(old, start, start + len(quote))
    found = Matcher(new).reanchor(Selector(sp.start, sp.end, sp.quote, sp.prefix, sp.suffix))
    return found.state.value, None if found.span is None else found.span.quote


ZH = (
    "本市经济去年稳步增长\n"
    "市统计局3月1日发布的数据显示，2025年本市地区生产总值达到2.8万亿元，同比增长5.2%。\n"
    "市长王芳在新闻发布会上表示：“我们是全国第一个实现全域5G覆盖的城市。”"
    "她还说，明年本市将投资500亿元建设新的地铁线路。\n"
)
HEADLINE = "本市经济去年稳步增长"
LEAD = "市统计局3月1日发布的数据显示"
CITY = "我们是全国第一个实现全域5G覆盖的城市"
GDP = "本市GDP增长5%\n据统计局数据显示，全年如此。\n"
EN = (
    "Jobs report\n"
    "The mayor said: We are the first city to reach full 5G coverage. Next year, a metro.\n"
    "Unemployment fell to 4.1 per cent in March, the lowest since 2008.\n"
)
SHOUT = "市长说：我们做到了！\n明年还要更好。\n"
ASK = "记者问：这是全国第一吗？\n市长没有回答。\n"
TRAIL = "她说：我们还会继续努力……\n明年再议。\n"
CORNER = "他写道：「本市是全国第一。」\n编者按：数据待核。\n"

CASES = [
    # (3) nothing or only the page around the quote changed
    ("unchanged", ZH, ZH, CITY, "exact", CITY),
    (
        "paragraph split before",
        ZH,
        ZH.replace("亿元，同比", "亿元，\n同比"),
        "同比增长5.2%",
        "moved",
        "同比增长5.2%",
    ),
    (
        "sentence appended after",
        ZH,
        ZH.replace("城市。”她", "城市。”这是全市的骄傲。她"),
        CITY + "。",
        "exact",
        CITY + "。",
    ),
    (
        "correction inserted after",
        ZH,
        ZH.replace("5.2%。\n", "5.2%（此前报道为5.1%，已更正）。\n"),
        "同比增长5.2%",
        "exact",
        "同比增长5.2%",
    ),
    (
        "full-width stops made ASCII",
        ZH,
        ZH.replace("：“我们", ':"我们').replace("城市。”", '城市."'),
        CITY + "。",
        "exact",
        CITY + ".",
    ),
    (
        "full-width comma made ASCII",
        ZH,
        ZH.replace("，同比", ",同比"),
        "同比增长5.2%",
        "exact",
        "同比增长5.2%",
    ),
    (
        "clause joined, comma taken out",
        ZH,
        ZH.replace("万亿元，同比", "万亿元同比"),
        "达到2.8万亿元",
        "exact",
        "达到2.8万亿元",
    ),
    # (2) paragraphs merged: the headline, which ends in no stop, run into the lead
    (
        "headline merged: headline's quote",
        ZH,
        ZH.replace("增长\n市", "增长市"),
        HEADLINE,
        "exact",
        HEADLINE,
    ),
    ("headline merged: lead's quote", ZH, ZH.replace("增长\n市", "增长市"), LEAD, "moved", LEAD),
    (
        "headline edited and merged: lead's quote",
        ZH,
        ZH.replace("稳步增长\n", "快速增长"),
        LEAD,
        "moved",
        LEAD,
    ),
    (
        "lead edited and merged: headline's quote",
        ZH,
        ZH.replace("增长\n市统计局3月1日", "增长国家统计局3月2日"),
        HEADLINE,
        "exact",
        HEADLINE,
    ),
    (
        "GDP headline edited and merged",
        GDP,
        GDP.replace("5%\n据", "6%据"),
        "本市GDP增长5%",
        "fuzzy",
        "本市GDP增长6%",
    ),
    (
        "GDP lead edited and merged",
        GDP,
        GDP.replace("5%\n据统计局", "5%据国家统计局"),
        "本市GDP增长5%",
        "exact",
        "本市GDP增长5%",
    ),
    (
        "GDP both edited and merged",
        GDP,
        GDP.replace("5%\n据统计局", "6%据国家统计局"),
        "本市GDP增长5%",
        "fuzzy",
        "本市GDP增长6%",
    ),
    (
        "GDP headline edited and merged onto the lead's quote",
        GDP,
        GDP.replace("本市GDP增长5%\n", "全市GDP增长5%"),
        "据统计局数据显示",
        "moved",
        "据统计局数据显示",
    ),
    (
        "short headline edited and merged",
        "全市经济稳步增长\n统计局称今年增长5%，明年如此。\n",
        "全市经济快速增长统计局称今年增长5%，明年如此。\n",
        "统计局称今年增长5%",
        "moved",
        "统计局称今年增长5%",
    ),
    (
        "English headline merged",
        EN,
        EN.replace("report\nThe", "report The"),
        "The mayor said",
        "exact",
        "The mayor said",
    ),
    # (2) a sentence run onto a quote's stop, an attribution onto its opening mark
    (
        "next sentence run onto 。",
        ZH,
        ZH.replace("城市。”她", "城市。她").replace("第一个", "率先"),
        CITY + "。",
        "fuzzy",
        "我们是全国率先实现全域5G覆盖的城市。",
    ),
    (
        "next line run onto ！",
        SHOUT,
        SHOUT.replace("！\n", "！"),
        "我们做到了！",
        "exact",
        "我们做到了！",
    ),
    (
        "next line run onto ！, edited",
        SHOUT,
        SHOUT.replace("到了！\n", "成了！"),
        "我们做到了！",
        "fuzzy",
        "我们做成了！",
    ),
    (
        "next line run onto ？",
        ASK,
        ASK.replace("？\n", "？"),
        "这是全国第一吗？",
        "exact",
        "这是全国第一吗？",
    ),
    (
        "next line run onto ……",
        TRAIL,
        TRAIL.replace("……\n", "……"),
        "我们还会继续努力……",
        "exact",
        "我们还会继续努力……",
    ),
    (
        "next line run onto 」",
        CORNER,
        CORNER.replace("」\n", "」"),
        "「本市是全国第一。」",
        "exact",
        "「本市是全国第一。」",
    ),
    (
        "attribution run onto “",
        ZH,
        ZH.replace("表示：“", "表示“").replace("第一个", "率先"),
        "“" + CITY + "。”",
        "fuzzy",
        "“我们是全国率先实现全域5G覆盖的城市。”",
    ),
    # (1) words added at the edge that change the claim
    ("之一 before 。", ZH, ZH.replace("城市。”", "城市之一。”"), CITY, "fuzzy", CITY + "之一"),
    (
        "之一 before 。, quote with its stop",
        ZH,
        ZH.replace("城市。”", "城市之一。”"),
        CITY + "。",
        "fuzzy",
        CITY + "之一。",
    ),
    (
        "之一, stop made a comma",
        ZH,
        ZH.replace("城市。”她还说，", "城市之一，”她还说，"),
        CITY,
        "fuzzy",
        CITY + "之一",
    ),
    (
        "之一 and paragraphs merged",
        ZH.replace("”她", "”\n她"),
        ZH.replace("城市。”", "城市之一。”"),
        CITY,
        "fuzzy",
        CITY + "之一",
    ),
    (
        "之一 and the next sentence edited",
        ZH,
        ZH.replace("城市。”她还说", "城市之一。”她还表示"),
        CITY,
        "fuzzy",
        CITY + "之一",
    ),
    (
        "以上 at a line's end",
        ZH,
        ZH.replace("5.2%。\n", "5.2%以上\n"),
        "同比增长5.2%",
        "fuzzy",
        "同比增长5.2%以上",
    ),
    (
        "以上 with the figure edited",
        ZH,
        ZH.replace("5.2%。", "5.3%以上。"),
        "同比增长5.2%",
        "fuzzy",
        "同比增长5.3%以上",
    ),
    (
        "左右 after a clause",
        ZH,
        ZH.replace("万亿元，", "万亿元左右，"),
        "达到2.8万亿元",
        "fuzzy",
        "达到2.8万亿元左右",
    ),
    (
        "不 after a comma",
        "市长表示，是全国第一个实现5G覆盖的城市。\n",
        "市长表示，不是全国第一个实现5G覆盖的城市。\n",
        "是全国第一个实现5G覆盖的城市",
        "fuzzy",
        "不是全国第一个实现5G覆盖的城市",
    ),
    (
        "未 after a colon",
        "通报称：完成全年目标。\n",
        "通报称：未完成全年目标。\n",
        "完成全年目标",
        "fuzzy",
        "未完成全年目标",
    ),
    (
        "约 and 左右 on a headline",
        GDP,
        GDP.replace("增长5%\n", "增长约5%左右\n"),
        "本市GDP增长5%",
        "fuzzy",
        "本市GDP增长约5%左右",
    ),
    (
        "以上 at the text's end, its line break gone",
        "本市GDP增长5%\n",
        "本市GDP增长5%以上",
        "本市GDP增长5%",
        "fuzzy",
        "本市GDP增长5%以上",
    ),
    (
        "a digit added to the figure",
        ZH,
        ZH.replace("5.2%", "5.25%"),
        "同比增长5.2",
        "fuzzy",
        "同比增长5.25",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "quote", "state", "span"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_the_span_a_revision_leaves(old: str, new: str, quote: str, state: str, span: str) -> None:
    assert _found(old, new, quote) == (state, span)


# What the rule does not reach (requirement 1), left to the lead: `_glued` widens only over
# characters run onto the edge where a mark was. A word added with a space between (every
# edge word of English), or where the quote was cut inside its sentence with no mark at the
# edge, leaves the quote found verbatim, "moved", its verdict standing; and a stop made a
# comma with the next words also edited looks like a merge (`_added`).
MISSED = [
    (
        "not before an English quote",
        EN,
        EN.replace("are the first", "are not the first"),
        "the first city to reach full 5G coverage",
        "fuzzy",
        "not the first city to reach full 5G coverage",
    ),
    (
        "about before an English figure",
        EN,
        EN.replace("to 4.1", "to about 4.1"),
        "4.1 per cent in March",
        "fuzzy",
        "about 4.1 per cent in March",
    ),
    (
        "nearly after an English quote's edge",
        "Sales rose 40 per cent this year.\n",
        "Sales rose 40 per cent this year, nearly.\n",
        "rose 40 per cent this year",
        "fuzzy",
        "rose 40 per cent this year, nearly",
    ),
    (
        "不 where no mark was at the edge",
        ZH,
        ZH.replace("我们是全国", "我们不是全国"),
        "是全国第一个实现全域5G覆盖的城市",
        "fuzzy",
        "不是全国第一个实现全域5G覆盖的城市",
    ),
    (
        "之一, stop made a comma, the next words edited",
        ZH,
        ZH.replace("城市。”她还说，", "城市之一，”她又说，"),
        CITY,
        "fuzzy",
        CITY + "之一",
    ),
]


@pytest.mark.xfail(
    strict=True,
    reason="rH: an edge word added with a space, where no mark was, or before a stop made a "
    "comma with the next words edited, is not taken in (FINDINGS.md: left to the lead)",
)
@pytest.mark.parametrize(
    ("old", "new", "quote", "state", "span"),
    [pytest.param(*case[1:], id=case[0]) for case in MISSED],
)
def test_edge_words_the_rule_does_not_reach(
    old: str, new: str, quote: str, state: str, span: str
) -> None:
    assert _found(old, new, quote) == (state, span)
