"""review51: sentences in which `quoted_speaker` named someone wrong (each failed before its
fix). None is right for each: no speaker is better than a wrong one (the module's own rule)."""

from __future__ import annotations

import pytest

from workbench.domain.attribution import quoted_speaker


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # weekdays: the trial50 bug of English prose, in Chinese
        ("美联储周三表示：“将维持利率不变。”", "周三"),
        ("该公司周一表示：“第三季度营收增长12%。”", "周一"),
        ("周五他说：“我们已经完成了80%的工程。”", "周五他"),
        # an adverb taken into a two-character name
        ("王明还表示：“今年我们的销量增长了30%。”", "王明还"),
        ("李强也表示：“经济回升向好。”", "李强也"),
        ("张伟则表示：“这一数据并不准确。”", "张伟则"),
        ("王明曾说：“我们是第一。”", "王明曾"),
        ("王明声称：“我们是第一。”", "王明声"),
        # a title's last character taken for a surname
        ("市政府办公室主任王明说：“今年全市GDP增长5.2%。”", "任王明"),
        # foreign names cut: 布林肯 is not 林肯, 古特雷斯 not 雷斯
        ("布林肯说：“美国将提供10亿美元援助。”", "林肯"),
        ("联合国秘书长古特雷斯说：“世界需要和平。”", "雷斯"),
        # no person: countries, sides, forces, firms, media, crowds, words
        ("韩方表示：“将继续推进对话。”", "韩方"),
        ("韩国表示：“将提供1亿美元援助。”", "韩国"),
        ("陆军表示：“演习将持续3天。”", "陆军"),
        ("武警表示：“已疏散群众300人。”", "武警"),
        ("苏宁称：“门店数量减少到1000家。”", "苏宁"),
        ("彭博社指出：“该公司估值达到100亿美元。”", "彭博社"),
        ("时代周刊称：“他是年度人物。”", "周刊"),
        ("余额宝称：“规模突破1万亿元。”", "余额宝"),
        ("许多人表示：“房价太高了。”", "许多人"),
        ("一位顾客说：“价格涨了一倍。”", "顾客"),
        ("公司法律顾问表示：“合同有效。”", "顾问"),
        ("一名程序员说：“每天工作12小时。”", "程序员"),
        ("外交部郑重表示：“台湾是中国领土不可分割的一部分。”", "郑重"),
        # the person spoken to, not the speaker
        ("“这是第一次，”他对王明说。", "王明"),
        ("王明向李强说：“增长了30%。”", "李强"),
        ("记者问王明说：“你们增长了多少？”", "王明"),
    ],
)
def test_no_wrong_speaker(sentence: str, wrong: str) -> None:
    assert quoted_speaker(sentence) != wrong


def test_extract_accept_stores_a_weekday_as_the_speaker(wb) -> None:  # type: ignore[no-untyped-def]
    from workbench.services.documents import DocumentMeta, add_document
    from workbench.services.extract import accept_candidates
    from workbench.services.queries import ClaimFilter, list_claims

    text = "美联储周三表示：“将维持利率不变，今年通胀率预计为2.5%。”\n".encode()
    doc = add_document(wb, text, meta=DocumentMeta(title="t")).document.id
    accept_candidates(wb, doc)
    speakers = [c.speaker for c in list_claims(wb, ClaimFilter(document_id=doc))]
    assert speakers and "周三" not in speakers, speakers
