"""Adverts, bylines, boilerplate, section headings and opinions in one's own voice are no
claim, whatever figures they hold (see `checkworthy.nonclaims` and `features.own_opinion`);
sentences that only mention advertising, a reporter or a copyright stay candidates."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from linear_time import linear

from workbench.domain.checkworthy import find_candidates, score_text
from workbench.domain.checkworthy.nonclaims import NONE, NOT_A_CLAIM, not_claims
from workbench.domain.segment import split_sentences


def reason_of(text: str, sentence: str) -> str | None:
    """The not-a-claim reason `find_candidates` gives `sentence` inside `text` (None if it gives
    none), checking that it is then scored 0 and is no candidate at the default threshold."""
    start = text.index(sentence)
    end = start + len(sentence)
    found = [c for c in find_candidates(text, min_score=0.0) if start <= c.start < end]
    assert found, sentence
    why = [c.reasons[0] for c in found if c.reasons and c.reasons[0].startswith(NOT_A_CLAIM)]
    if not why:
        return None
    assert all(c.score == 0.0 for c in found)
    assert not any(start <= c.start < end for c in find_candidates(text))
    return why[0]


FACT_ZH = "星河电池2023年出货量达到12GWh，同比增长60%。"
FACT_EN = "Xinghe shipped 12 GWh of storage in 2023, up 60% from a year earlier."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # adverts: a reader asked to act
        ("扫码添加小助手微信，进入行业交流群，前100名送价值500元的资料包。", "advert"),
        ("长按识别二维码，了解更多详情。", "advert"),
        ("点击阅读原文，立即预约试驾，首批用户免费领取价值2999元的大礼包。", "advert"),
        ("即日起购买星河储能产品立享8折优惠，名额有限，先到先得。", "advert"),
        ("欢迎关注星河财经，每天为你解读2000家上市公司。", "advert"),
        ("Scan the QR code to download the app and claim your $50 welcome bonus.", "advert"),
        ("Get 20% off your first order - click here to subscribe today!", "advert"),
        ("Use code SAVE20 for 20% off all orders over $100.", "advert"),
        # bylines, credits, captions
        ("记者 张三 报道", "byline"),
        ("文/李四 编辑/王五 2024-10-28 10:30 阅读量 3.2万", "byline"),
        ("星河日报记者 张三 报道 2024年10月28日 08:30 来源：星河日报", "byline"),
        ("责任编辑：陈六 审核：赵七 校对：孙八", "byline"),
        ("（编辑 张三）", "byline"),
        ("图片来源：星河电池2024年年报", "byline"),
        ("（新华社记者 张三 摄）", "byline"),
        ("图：新华社记者 张三", "byline"),
        ("By Jane Doe | Oct 28, 2024 | 5 min read", "byline"),
        ("By Jane Doe and John Smith, Reuters", "byline"),
        ("Reporting by Jane Doe in Shanghai; Editing by Tom Brown", "byline"),
        ("(Additional reporting by Ann Cho in Seoul in 2024)", "byline"),
        ("Photo credit: Jane Doe/Reuters", "byline"),
        ("Source: Xinghe Battery annual report 2024", "byline"),
        ("Source: the IMF", "byline"),
        ("Credit: AFP via Getty Images", "byline"),
        ("Research by Ann Cho and Tom Brown for Reuters, March 3, 2024", "byline"),
        ("By Jane Doe — Reuters — Updated 10:30 a.m. GMT", "byline"),
        ("Visit our website for the full report.", "advert"),
        # boilerplate
        ("本文首发于星河财经，转载请注明出处。", "boilerplate"),
        ("版权所有 © 2024 星河传媒集团，未经授权不得转载。", "boilerplate"),
        ("本文仅代表作者观点，不构成投资建议。", "boilerplate"),
        ("本文为星河财经原创，转发请联系授权。", "boilerplate"),
        ("本文系作者投稿，经授权发布。", "boilerplate"),
        ("投资有风险，入市需谨慎。", "boilerplate"),
        ("市场数据仅供参考，投资有风险。", "boilerplate"),
        ("（完）", "boilerplate"),
        ("-END-", "boilerplate"),
        ("Copyright 2024 Xinghe Media Group.", "boilerplate"),
        ("All rights reserved.", "boilerplate"),
        ("A version of this article first appeared in 2023 on The Conversation.", "boilerplate"),
        # section headings: a number and a title without a figure, a line of their own
        ("一、从零开始的工厂", "heading"),
        ("（二）对手", "heading"),
        ("第三章 回到家乡", "heading"),
        ("03 一个慢的人", "heading"),
        ("1. 起步", "heading"),
        ("五、R2的失败与R3的翻身", "heading"),  # a name's digits are no figure
        ("六、换电是解药吗？", "heading"),
        ("三、一线城市的房价", "heading"),  # one ordinal, then a title that opens on one
        # opinions in the writer's own voice, with nothing to check
        ("我们认为，星河电池是中国最具创新力的电池企业。", "opinion"),
        ("笔者认为，这是行业最激动人心的时刻。", "opinion"),
        ("在我看来，这是近年来最重要的一次行业变革。", "opinion"),
        ("我们坚信，星河电池是全球最伟大的公司。", "opinion"),
    ],
)
def test_each_shape_is_no_claim(line: str, kind: str) -> None:
    texts = [f"{FACT_ZH}\n\n{line}\n\n{FACT_EN}\n"]  # a paragraph of its own
    lines = f"{FACT_ZH}\n{line}\n{FACT_EN}\n"  # a line of a paragraph, where it is a sentence
    if line in [lines[s.start : s.end] for s in split_sentences(lines)]:
        texts.append(lines)
    for text in texts:
        why = reason_of(text, line)
        assert why is not None and why.startswith(f"{NOT_A_CLAIM}{kind} "), (text, why)
        assert [c.text for c in find_candidates(text)] == [FACT_ZH, FACT_EN]
    # alone, the sentence says the same
    score, reasons, _ = score_text(line)
    assert score == 0.0 and reasons[0].startswith(f"{NOT_A_CLAIM}{kind} ")


@pytest.mark.parametrize(
    "sentence",
    [
        # advertising, sponsors and QR codes as the subject of a report
        "公司去年的广告收入为3.2亿元，占总营收的8%。",
        "腾讯广告业务收入同比增长20%至350亿元。",
        "公司赞助了2022年北京冬奥会。",
        "推广期间，公司向农户发放了3万份宣传册。",
        "消费者扫码支付的比例在2023年达到86%。",
        "警方提醒，去年有3000多名市民因扫描陌生二维码被骗。",
        "已有200万用户领取优惠券，核销率为35%。",
        "该视频的点击量超过1亿次。",
        "该文章在24小时内被转发到朋友圈超过10万次。",
        "Advertising revenue rose to $320 million last year, about 8% of sales.",
        "Sponsorship revenue rose 15% to $300 million in 2023.",
        "Customers scan the QR code at the till, and 80% of payments in 2023 were made that way.",
        # reporters, editors and copyright as the subject of a report
        "从事财经报道二十年的记者王强曾于2019年获得中国新闻奖。",
        "他曾任《星河日报》记者、编辑，2015年创办了星河财经。",
        "记者从市统计局获悉，2025年全市GDP增长5.8%。",
        "本报讯（记者 方晓岚 通讯员 齐明远）1月22日，市统计局发布2025年全市经济运行情况。",
        "新华社北京10月28日电（记者 张三）国家统计局28日发布数据显示，前三季度GDP同比增长5.2%。",
        "法院判决该作品版权归原告所有，被告赔偿30万元。",
        "来源于美国的投资占比达到30%。",
        "The reporter who broke the story won a Pulitzer Prize in 2019.",
        "The newspaper's editor, John Smith, resigned in 2021.",
        "Copyright lawsuits against OpenAI rose to 12 in 2023.",
        "Reporting by the New York Times in 2019 found that 40% of the funds were missing.",
        "By 2030, China will have 100 million electric vehicles on its roads, up from 20 million.",
        "By March, the company had sold 5 million units.",
        "Photo sharing app Instagram reached 2 billion users in 2022.",
        # a credit word opens a sentence that holds more than credit fields (a verb clause, a
        # figure): the sentence is a report
        "Research by Harvard economists found that the minimum wage cut jobs by 5% in 2019.",
        "Reporting by Reuters found that 40% of the funds were missing in 2019.",
        "Research by Harvard economists found that the minimum wage cut jobs in 2019.",
        "Source: the IMF says China grew 5.2% in 2023.",
        "By Christmas Eve — a week late — Apple had shipped 5 million phones.",
        "By Jane Doe's count — 40% of the funds — the audit of 2019 was wrong.",
        # a politician addressing the audience is no advert
        "Visit our hospitals and you will see 40% fewer nurses than in 2010.",
        "Join us at the rally: we created 3 million jobs in 2023.",
        # boilerplate words in a report
        "本文为您梳理：2023年全国GDP增长5.2%，居民人均可支配收入增长6.3%。",
        "本文系统梳理了2023年的数据：全国GDP增长5.2%。",
        "专家提醒，投资有风险，去年有3万名投资者亏损超过50%。",
        # a caption that describes its picture: a misdated photo is a classic fact-check
        "图为2023年10月，工人在星河电池宁德工厂的生产线上作业。",
        "图为2023年10月星河电池宁德工厂投产仪式现场（新华社记者 张三 摄）。",
        "Photo: Xinghe's plant in Ningde on March 3, 2024.",
        "图片：2023年10月，工人在星河电池宁德工厂的生产线上作业。",
        # a view in one's own voice with something checkable, or someone else's view
        "我认为，公司2023年的营收增长了42%。",
        "在我看来，腾讯在2020年收购了这家公司。",
        '他说："我们认为这是最好的产品，去年卖了100万台。"',
    ],
)
def test_a_report_that_mentions_them_stays_a_claim(sentence: str) -> None:
    text = f"{FACT_ZH}\n\n{sentence}\n"
    assert reason_of(text, sentence) is None
    assert any(sentence.startswith(c.text) or c.text in sentence for c in find_candidates(text))
    assert not score_text(sentence)[1][0].startswith(NOT_A_CLAIM)


@pytest.mark.parametrize(
    "line",
    [
        "三、从300万到16亿",  # a heading that states a figure
        "四、停产的38天",
        "2. 公司成立于2015年，总部在杭州。",  # a list item that is a sentence
        "10 亿元的订单来自海外客户",  # a figure, not a section number
        "一、二线城市的门店普遍亏损",  # first- and second-tier cities
        # two ordinals in a row, not a section number: Q1 and Q2, phases one and two
        "一、二季度公司营收同比下降",
        "三、四月份销量明显回落",
        "一、二期工程已全部完工",
        # a figure in Chinese numerals is a figure too
        "四、停产的三十八天",
        "（一）公司去年亏损三亿元",
        "（二）营收下降两成",
        "二、全市GDP增长百分之五",
        # a count with a space before its measure word, not a section number
        "12 家工厂去年停产",
        "30 名员工被裁",
    ],
)
def test_a_line_that_only_looks_like_a_heading_stays_a_claim(line: str) -> None:
    text = f"{FACT_ZH}\n\n{line}\n"
    assert reason_of(text, line) is None
    assert not score_text(line)[1][0].startswith(NOT_A_CLAIM)


def test_the_items_of_a_list_a_colon_opens_are_no_headings() -> None:
    # a numbered list under a line that ends with a colon or 如下 states what it lists
    for opener in ("华岭公司去年的表现如下", "华岭公司去年的表现：", "The year in brief:"):
        text = f"{opener}\n1. 海外营收增长\n2. 国内门店关闭\n\n3. 员工人数减少\n"
        for item in ("1. 海外营收增长", "2. 国内门店关闭", "3. 员工人数减少"):
            assert reason_of(text, item) is None, (opener, item)
    # headings after prose are still headings
    text = f"{FACT_ZH}\n\n一、从零开始的工厂\n{FACT_ZH}\n\n二、对手\n{FACT_ZH}\n"
    assert reason_of(text, "二、对手") == 'not a claim: heading "二、对手"'


def test_a_section_number_that_opens_prose_is_no_heading() -> None:
    # more follows on its line: the number and title open a paragraph of prose
    line = "一、从零开始？公司2023年的营收达到120亿元。"
    text = f"{FACT_ZH}\n\n{line}\n"
    assert reason_of(text, "一、从零开始？") is None


def test_a_credit_that_runs_into_prose_is_not_ruled_out() -> None:
    # hard-wrapped English: the next line continues the sentence, which holds more than a credit
    text = (
        "Photo: the plant opened in 2021 and employs\nmore than 3,000 people, the company said.\n"
    )
    assert len(split_sentences(text)) == 1
    assert [c.text for c in find_candidates(text)] == [text.strip()]


def test_an_advert_block_is_no_claim_from_its_marker_to_its_end() -> None:
    ad = "【推广】星河储能双十一大促。\n即日起购买储能柜，前500名下单再送价值399元的配件。"
    text = f"{FACT_ZH}\n\n{ad}\n\n{FACT_EN}\n"
    assert [c.text for c in find_candidates(text)] == [FACT_ZH, FACT_EN]
    for sentence in ad.splitlines():
        assert reason_of(text, sentence) == f'{NOT_A_CLAIM}advert "【推广】"'
    # a marker alone on its line marks the block after it; the block after that is the article's
    for marker in ("广告", "— 推广 —", "Advertisement"):
        text = f"{FACT_ZH}\n\n{marker}\n\n前500名下单再送价值399元的配件。\n\n{FACT_EN}\n"
        assert [c.text for c in find_candidates(text)] == [FACT_ZH, FACT_EN], marker
    # a line that only starts with the word is no marker
    text = "广告主在2023年的投放总额超过5000亿元。\n"
    assert [c.text for c in find_candidates(text)] == [text.strip()]


def test_in_a_text_without_blank_lines_an_advert_is_its_line() -> None:
    # A paragraph a line (news pasted from a page or a chat): the advert's block is its line,
    # not every line after it (a new user's text lost all its claims after line 2).
    ad = "【推广】扫码关注公众号，领取新年红包！"
    text = f"{FACT_ZH}\n{ad}\n{FACT_EN}\n如今，这家公司已有员工1200人。\n"
    assert [c.text for c in find_candidates(text)] == [
        FACT_ZH,
        FACT_EN,
        "如今，这家公司已有员工1200人。",
    ]
    assert reason_of(text, ad) == f'{NOT_A_CLAIM}advert "【推广】"'
    # a marker alone on its line marks the line after it
    for marker in ("广告", "— 推广 —", "Advertisement"):
        text = f"{FACT_ZH}\n{marker}\n前500名下单再送价值399元的配件。\n{FACT_EN}\n"
        assert [c.text for c in find_candidates(text)] == [FACT_ZH, FACT_EN], marker
    # with a blank line anywhere, paragraphs are blocks: a two-line advert stays one
    ad = "【推广】星河储能双十一大促。\n前500名下单再送价值399元的配件。"
    text = f"{FACT_ZH}\n\n{ad}\n\n{FACT_EN}\n"
    assert [c.text for c in find_candidates(text)] == [FACT_ZH, FACT_EN]


def test_an_opinion_is_no_claim_only_with_nothing_to_check() -> None:
    # a superlative of worth is a verdict; one of something measured can be checked
    assert score_text("我们认为，公司的研发团队是业内最具创新力的。")[0] == 0.0
    assert score_text("我们认为，公司的研发团队是业内最大的。")[0] > 0.0
    # the opinion's reasons show what was read: nothing checkable
    _, reasons, kind = score_text("我们认为，星河电池是中国最具创新力的电池企业。")
    assert reasons[0] == f'{NOT_A_CLAIM}opinion "我们认为"'
    assert "superlative" in reasons and "opinion_cue" in reasons and kind == "opinion"
    # inside quotation marks the view is the speaker's: weighed, not ruled out
    assert not score_text('他说："我们认为这是中国最好的产品。"')[1][0].startswith(NOT_A_CLAIM)
    # English is left to the English model, which learnt what "I think" is worth in debates
    score, reasons, _ = score_text("In my view, Xinghe is the most innovative company in China.")
    assert 0.0 < score < 0.5 and "opinion_cue" in reasons


def test_no_trigger_no_stretches() -> None:
    text = f"{FACT_ZH}\n{FACT_EN}\n" * 50
    assert not_claims(text, split_sentences(text)) is NONE


texts = st.lists(
    st.sampled_from(
        [
            *"。\n ，",
            *(
                "【推广】",
                "广告",
                "记者 张三",
                "编辑：",
                "©",
                "By Jane Doe",
                "版权所有",
                "扫码关注",
            ),
            *("我们认为", "最好", "2024年", "12%", FACT_ZH, FACT_EN, "(完)"),
        ]
    ),
    max_size=20,
).map("".join)


def _linear(make: Callable[[int], str]) -> bool:
    """Whether finding the non-claims of `make(n)` costs time linear in n (see
    `linear_time.linear`)."""
    return linear(lambda text: not_claims(text, split_sentences(text)), make)


@pytest.mark.parametrize(
    "make",
    [
        # a run of spaces before a word that is no marker, on a line with an advert trigger
        # (12,000 spaces then "x Ad revenue rose..." took `extract` 110 s)
        lambda n: FACT_EN + "\n" + " " * n + "x Ad revenue rose 5%.",
        # ... or after a marker word, before more text
        lambda n: FACT_EN + "\n推广" + " " * n + "x 500万元。",
        # a dash and a run of spaces before what is no end mark, in a sentence with "End"
        lambda n: FACT_EN + " -" + " " * n + "x End of story.",
        # one long line with an advert trigger in every sentence: each looked back to the start
        lambda n: "市场部门表示，广告收入增长了百分之五。" * (8 * n),
        # many adverts: each one's end was found on a copy of all the text before it
        lambda n: "\n\n".join("广告：今年销量增长了百分之五。" for _ in range(8 * n)),
        # a disclaimer word, then a run of spaces before what is no end nor caution
        lambda n: "投资有风险" + " " * n + "x，去年亏损50%。",
        # many section headings, and a run of spaces before a section number that opens prose
        lambda n: "\n".join("一、起步" for _ in range(8 * n)),
        lambda n: FACT_ZH + "\n" + " " * n + "1. 公司成立于2015年，总部在杭州。",
    ],
)
def test_hostile_shapes_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert _linear(make)


def test_a_marker_with_spaces_around_it_is_still_one() -> None:
    # the possessive runs of `_AD_MARKER` and `_END_MARK` match what the runs matched before
    for marker in ("  广告  ", "【 推广 】 今年", "—  推广  —", "广告 ： 今年"):
        text = f"{FACT_ZH}\n\n{marker}\n前500名下单再送价值399元的配件。\n\n{FACT_EN}\n"
        assert [c.text for c in find_candidates(text)] == [FACT_ZH, FACT_EN], marker
    for end in ("- - (完) - -", "—— 完 ——", "-END-", "  【 END 】  "):
        assert score_text(end)[1][0].startswith(f"{NOT_A_CLAIM}boilerplate "), end


@given(texts)
def test_stretches_are_whole_sentences_sorted_and_disjoint(text: str) -> None:
    sentences = split_sentences(text)
    found = not_claims(text, sentences)
    starts = {s.start for s in sentences}
    ends = {s.end for s in sentences}
    at = -1
    for start, end, why in found.stretches:
        assert at <= start < end and why.startswith(NOT_A_CLAIM)
        line_start = text[:start].rstrip(" \t").endswith("\n") or not text[:start].strip()
        # An advert marked at a line's start runs to the end of a block (hypothesis found
        # '，\n【推广】': the marker's line starts inside a sentence); the rest are sentences.
        if not (why.startswith(f"{NOT_A_CLAIM}advert ") and line_start):
            assert start in starts and end in ends
        at = end
    for c in find_candidates(text, min_score=0.0):
        if found.reason(c.start, c.end) is not None:
            assert c.score == 0.0 and c.reasons[0].startswith(NOT_A_CLAIM)
