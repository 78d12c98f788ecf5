"""Who a sentence of prose quotes by name: the speaker `extract --accept` gives its claim
(trial48: a quote the article gives to an official was published as the reporter's)."""

from __future__ import annotations

import pytest

from workbench.domain.attribution import quoted_speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("比亚迪董事长王传福表示：“我们今年的海外销量将首次突破100万辆。”", "王传福"),
        ("“亚运场馆的赛后利用是全国最好的，”杭州市体育局局长陈刚说，“每年节省约2亿元。”", "陈刚"),
        ("“我们将增长30%，”闫俊杰表示。", "闫俊杰"),
        ("“全市人口达到1100万，”局长孙明说。", "孙明"),  # 局长 + 孙明, not a compound 长孙
        # trial53: 据……介绍 names the person as 表示 does
        ("据公司CEO张鹏介绍，“我们是国内第一个推出该产品的公司。”", "张鹏"),
        ("据介绍，“该产品已卖出100万台。”", None),
        # an adverb and a time between the name and the verb (trial53: 杨植麟曾在2023年表示)
        ("杨植麟曾在2023年表示，“我们会做出最好的模型。”", "杨植麟"),
        ("王明还表示：“今年我们的销量增长了30%。”", "王明"),
        ("李华去年底指出：“增长30%。”", "李华"),
        ("张伟2024年3月5日说：“我们第一。”", "张伟"),
        ("马光明今年还表示：“销量增长了30%。”", "马光明"),
        ("曾在2023年表示：“我们第一。”", None),  # 曾 is a surname, 曾在 no name
        ("他曾在2023年表示：“我们第一。”", None),
        ("李明在会上表示：“增长30%。”", "李明"),  # where it was said (trial54)
        ("局长王建华在新闻发布会上表示：“截至目前，全市转移群众3.2万人。”", "王建华"),
        ("李明在北京表示：“增长30%。”", None),  # a place with no 上/中/时: not read
        # no one named: a pronoun, a word starting like a surname, a compound surname's part,
        # no quotation at all; English prose is not read (trial50: titles, days, firms)
        ("“全市人口达到1100万，”局长司马光明说。", None),
        ('"We cut taxes by 20%," said Mayor Smith.', None),
        ('"Crime is down," said Apple CEO Tim Cook.', None),
        ("他说：“我们增长了30%。”", None),
        ("公司高管称，“今年营收增长30%。”", None),
        ("方面表示：“暂无消息。”", None),
        ("王芳称赞这个项目。", None),
        ("The Mayor said taxes fell.", None),
    ],
)
def test_the_person_quoted_by_name(sentence: str, speaker: str | None) -> None:
    assert quoted_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("before", "sentence", "speaker"),
    [
        # trial54: a web page sets the quotation on the line after the clause that introduces it
        (
            "台风过境。\n宁德市应急管理局局长王建华在新闻发布会上表示：\n",
            "“截至目前，全市已转移群众3.2万人。”",
            "王建华",
        ),
        ("王明表示：", "“我们增长了30%。”", "王明"),
        # no colon before it, or a sentence between: the lead names no one here
        ("王明表示。\n", "“我们增长了30%。”", None),
        ("王明表示：\n“第一句。”\n另一段。\n", "“第二句。”", None),
        # a quotation that names its own speaker keeps him
        ("王明表示：\n", "“增长30%，”李强说。", "李强"),
        # a sentence that does not open with the quotation is read alone
        ("王明表示：\n", "据悉，“增长30%。”", None),
    ],
)
def test_a_quotation_on_the_line_after_its_speaker(
    before: str, sentence: str, speaker: str | None
) -> None:
    assert quoted_speaker(sentence, before) == speaker
