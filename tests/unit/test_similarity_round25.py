"""Round 25 of "checked before?": what a Chinese figure counts, by its noun (the object slot:
6座工厂, 牧场有六座, 孤寡老人5200名), compared across two claims that share the figure, each with
its reason in `explain`. Invented sentences."""

from __future__ import annotations

from claim_pairs import disagreeing

from workbench.domain.similarity.measures import zh_objects


def test_the_noun_after_a_classifier_or_before_the_figure() -> None:
    assert list(zh_objects("岚峰乳业在甘肃建有9座工厂。")) == ["=obj:工厂"]
    assert list(zh_objects("岚峰乳业自建的牧场有九座。")) == ["=obj:牧场"]
    assert list(zh_objects("岚峰汽车召回4.2万辆柴油车。")) == ["=obj:柴油车"]
    assert list(zh_objects("岚峰基金会共资助孤寡老人3100名。")) == ["=obj:老人"]
    # being, having and a word for a number of something stand between a noun and its figure
    assert list(zh_objects("岚峰航空机队规模达96架。")) == ["=obj:机队"]
    # a year ends what comes before a noun; a figure with no counter counts no noun
    assert list(zh_objects("2024年有3家门店。")) == ["=obj:门店"]
    assert list(zh_objects("岚峰乳业营收增长12%。")) == []


def test_another_thing_counted_with_the_same_figure() -> None:
    assert "things counted" in disagreeing(
        "岚峰乳业在甘肃建有9座工厂。", "岚峰乳业自建的牧场有九座,都在甘肃。"
    )
    assert "things counted" in disagreeing(
        "岚峰基金会2024年共资助孤寡老人3100名。",
        "2024年共有三千一百名贫困学生获得岚峰基金会资助。",
    )


def test_the_same_thing_counted_in_other_words() -> None:
    # the same noun, a character pair of it, or one character shared (手术间, 手术室)
    assert "things counted" not in disagreeing(
        "岚峰乳业在甘肃建有9座工厂。", "岚峰乳业在甘肃的工厂共有九座。"
    )
    assert "things counted" not in disagreeing(
        "岚峰医院共有手术间24间。", "岚峰医院建有24个手术室。"
    )
    # milk taken in (收奶, 生鲜乳) is one thing
    assert "things counted" not in disagreeing(
        "岚峰乳业每天收奶1500吨。", "岚峰乳业每天收购生鲜乳1500吨。"
    )
    # another figure: nothing compared
    assert "things counted" not in disagreeing("岚峰乳业建有9座工厂。", "岚峰乳业有12座牧场。")
