"""Precision rules of Chinese check-worthiness, on sentences invented for these tests (no seed,
no labelled article is read here; see `checkworthy.candidates.framed` and the features
`dated_plan`, `family_age` and `hearsay` of `checkworthy.features`; and that the Chinese
model's reasons and sums read off a text's characters equal those of its grams)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy import find_candidates, named_features, score_text
from workbench.domain.checkworthy.candidates import document_scorer, framed


def offered(text: str) -> list[str]:
    return [c.text for c in find_candidates(text)]


# A run of clauses is not offered alone when the clauses before it, in its sentence, frame it as
# a forecast, a what-if or a wish: alone it reads as a fact that the sentence only foresees.
@pytest.mark.parametrize(
    "sentence",
    [
        "有行业机构预测，到2029年，国内陪护机器人的市场规模将超过300亿元。",
    ],
)
def test_a_run_framed_by_a_forecast_is_not_offered_alone(sentence: str) -> None:
    assert not any(len(c) < len(sentence) for c in offered(sentence))


def test_only_the_first_run_is_held_to_the_sentences_opening() -> None:
    # An aside between two runs (可能 in 老实说我觉得它可能会更好) is no frame of the run after it,
    # and a run's frame does not carry on to the runs after it.
    sentence = (
        "我真的很激动，说实话，公司2023年营收达到120亿元，同比增长35%，老实说我觉得它可能会更好，"
        "我太佩服了，2022年净利润为3亿元，同比增长20%，真是太棒了。"
    )
    found = offered(sentence)
    assert "公司2023年营收达到120亿元，同比增长35%，" in found
    assert "2022年净利润为3亿元，同比增长20%，" in found


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "我觉得很感人，展望未来，我太激动了，公司2023年营收达到120亿元，同比增长35%，我太佩服了。",
            "公司2023年营收达到120亿元，同比增长35%，",
        ),
        (
            "在我看来，计划生育是一段复杂的历史，全国出生人口从2016年的1786万下降到2023年的902万，"
            "我很难过。",
            "全国出生人口从2016年的1786万下降到2023年的902万，",
        ),
    ],
)
def test_a_set_phrase_or_a_noun_frames_no_run(sentence: str, fact: str) -> None:
    # Offered alone or in its whole sentence.
    assert any(fact in found for found in offered(sentence))


def test_a_fact_set_against_another_is_still_offered() -> None:
    # 如果说……，那么…… supposes nothing: what follows it is asserted.
    sentence = "如果说两年前还有人怀疑，那么现在这家公司已经拥有超过200名工程师。"
    assert "那么现在这家公司已经拥有超过200名工程师。" in offered(sentence)


@pytest.mark.parametrize(
    ("opening", "rest", "frames"),
    [
        ("这份报告如果可信，", "意味着一块电池可以循环充放电超过8000次。", True),
        ("她希望在两年内，", "让公司的芯片支持4K电影的实时渲染。", True),
        ("展望未来，", "周衡的雄心远不止20座充电站。", False),  # a set phrase
        ("关于未来，", "周衡的雄心远不止20座充电站。", True),
        ("在我看来，计划生育是一段复杂的历史，", "全国出生人口下降到902万。", False),
        ("在他看来，", "行业最后能活下来的公司不会超过5家。", True),  # a view, alone
        ("但在笔者看来，", "哪怕只有10%的用户付费，市场也有200亿元。", True),
        ("他说：“在我看来，", "公司2023年营收达到120亿元。”", False),  # a view quoted
        ("公司的目标客户是年轻人，", "2023年营收达到120亿元。", False),
        ("这可能令人意外，", "公司2023年营收达到120亿元。", False),
        ("我们看到了希望，", "公司2023年营收达到120亿元。", False),
        ("希望工程启动后，", "全国共建成希望小学2万所。", False),
        ("他说：“我希望，", "公司2023年营收达到120亿元。”", False),  # a wish quoted
        ("但愿明年，", "公司的营收能达到120亿元。", True),
        ("公司计划明年，", "把门店开到500家。", True),
        ("如果说两年前还有人怀疑，", "那么现在公司已经拥有超过200名工程师。", False),
        ("如果说明书上的数据属实，", "这块电池可以循环充放电超过8000次。", True),  # 如果 说明书
        ("值得注意的是，", "公司2023年的研发投入达到4.2亿元。", False),
        ("据招股书披露，", "公司2023年的营收为18.6亿元。", False),
        ("If the plan works, ", "the company will sell 4.2 million cars.", False),
    ],
)
def test_what_frames_the_clauses_after_it(opening: str, rest: str, frames: bool) -> None:
    text = opening + rest
    assert framed(document_scorer(text), 0, len(opening)) is frames
    assert not framed(document_scorer(text), 0, 0)


def fires(feature: str, sentence: str) -> bool:
    return feature in named_features(sentence)


# dated_plan: a plan or forecast in the author's voice, set for a time to come.
@pytest.mark.parametrize(
    "sentence",
    [
        "公司计划在2027年把海外收入的占比提高到40%。",
        "公司预计明年底投产第二座工厂，年产能20万台。",
        "按照规划，这座仓库将在今年下半年启用。",
        "集团力争在未来五年内把门店开到800家。",
        "有机构预测，到2030年，全球储能市场的规模将超过5000亿元。",
        # 本 and 定 end these words, not 原本 or 原定: the plans are still to come.
        "日本计划在2026年重启两座核电站。",
        "公司预计，电池的成本将在2025年下降到每千瓦时80美元。",
        "董事会的决定将在2026年生效。",
        "她还预计，到2030年，国内的销量会超过500万台。",
        "可以预见，到2030年，公司要完成的订单可能超过1000份。",
    ],
)
def test_a_dated_plan_fires(sentence: str) -> None:
    assert fires("dated_plan", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "公司原本计划在那一年完成上市，后来推迟了。",  # a plan that fell through: a record
        "公司原定计划在2020年完成上市，后来推迟了。",
        "公司曾计划在2020年完成上市。",
        "公司2023年推出了员工持股计划，覆盖1200名员工。",  # a plan, the noun
        "招股书显示，公司计划募集资金20亿元。",  # a plan with no date
        "“我们计划在2027年上市，”他说。",  # someone's plan, quoted: what was said is checked
        "公司2023年的营收达到18亿元。",
        # A past year-end's record: 会 and 要 in 协会, 会员, 主要 are no verb.
        "到2023年底，该协会共有会员3000人，可能是全国最大的行业协会。",
        "到2022年底，公司主要产品的市占率可能已超过40%。",
    ],
)
def test_other_plans_and_facts_are_no_dated_plan(sentence: str) -> None:
    assert not fires("dated_plan", sentence)


def test_a_dated_plan_is_not_offered_where_its_record_would_be() -> None:
    plan = "公司计划在2027年把海外收入的占比提高到40%。"
    done = "公司在2023年把海外收入的占比提高到了40%。"
    assert offered(plan) == []
    assert offered(done) == [done]
    score, reasons, kind = score_text(plan)
    assert "dated_plan" in reasons and kind == "prediction" and score < 0.5


# family_age: a relative's age.
@pytest.mark.parametrize(
    "sentence",
    ["他的女儿今年七岁，最喜欢画画。", "她的外婆今年已经九十二岁了。", "父亲去世那年只有56岁。"],
)
def test_a_relatives_age_fires(sentence: str) -> None:
    assert fires("family_age", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "公司员工的平均年龄为31岁。",
        "他的父亲是一名中学教师。",
        "她26岁时创办了这家公司。",
        # An age and a relative (or 老家) in one unit, the age someone else's.
        "他在17岁那年离开老家，去深圳打工。",
        "创始人李明今年45岁，老家在湖南。",
        "父亲去世后，他在23岁那年接手了工厂。",
    ],
)
def test_other_ages_and_relatives_are_no_family_age(sentence: str) -> None:
    assert not fires("family_age", sentence)


# hearsay: an unnamed someone says it, or word has it.
@pytest.mark.parametrize(
    "sentence",
    [
        "有人说，这家公司的估值被高估了。",
        "有人甚至当面告诉他，这个方向走不通。",
        "有消息称，公司正在洽谈新一轮融资，估值可能超过50亿元。",
        "坊间传闻他将离职。",
        "据传这家工厂已经停产。",
    ],
)
def test_hearsay_fires(sentence: str) -> None:
    assert fires("hearsay", sentence)
    assert offered(sentence) == []
    assert "hearsay" in score_text(sentence)[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "没有人说得清楚这件事。",
        "所有人都认为他会成功。",
        "据知情人士透露，公司去年亏损3亿元。",  # a source that knows, with a figure
        "公司有人员变动的消息称不上意外。",
        "债券持有人表示将起诉发行方。",  # a holder: named by what is held
        "该商标的拥有人表示不会转让。",
    ],
)
def test_named_sources_and_nobody_are_no_hearsay(sentence: str) -> None:
    assert not fires("hearsay", sentence)


def test_a_holders_word_is_still_offered() -> None:
    sentence = "债券持有人表示将起诉发行方。"
    assert offered(sentence) == [sentence]


def test_a_source_that_knows_a_figure_is_still_offered() -> None:
    sentence = "据知情人士透露，公司去年亏损3亿元。"
    assert offered(sentence) == [sentence]


# habitual: what someone always does, or a rule ("every ... always", "any ... must").
@pytest.mark.parametrize(
    "sentence",
    [
        "每逢新品发布，他都会穿同一件灰色的毛衣。",
        "每一个新模型上线之前，他都要亲自试用至少50次。",
        "他规定公司的任何会议都不能超过30分钟。",
    ],
)
def test_a_habit_fires(sentence: str) -> None:
    assert fires("habitual", sentence)
    assert "habitual" in score_text(sentence)[1]


def test_a_rule_of_the_house_is_not_offered() -> None:
    assert offered("他规定公司的任何会议都不能超过30分钟。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "公司营收每年都保持30%以上的增长。",
        "每10个中国人中就有1个用过这款应用。",
        "公司不接受任何形式的代持。",
        "每家门店都有3名执业药师。",  # what holds of each: a record can say
        "每一款产品都是自主研发的。",
        "公司的营收每年都会增长30%以上。",  # a rate: 每年, 每股, 每吨, 每平方米
        "公司每股收益在三年里都没有低于1元。",
        "每吨钢材的价格在这三个月里都在上涨。",
        "每平方米的房价在2023年都不到2万元。",
        "他每次出差回成都要坐3个小时的高铁。",  # 成都, 首都: no 都
        "这家公司每个季度去首都会见20位客户。",
    ],
)
def test_figures_per_year_and_a_bare_any_are_no_habit(sentence: str) -> None:
    assert not fires("habitual", sentence)


def test_english_is_scored_as_it_was() -> None:
    # The new features read Chinese only.
    for sentence in (
        "The company plans to open 800 stores by 2030.",
        "Someone said the firm was overvalued.",
        "Every Monday he always spends 3 hours on the factory floor.",
    ):
        assert not {"dated_plan", "family_age", "hearsay", "habitual"} & set(
            named_features(sentence)
        )


# The Chinese model's reasons and sums are read off a text's characters (Plain.explain_text,
# Plain.text_sum), without building its grams: they must equal what the grams give.
_TEXTS = (
    "",
    "年",
    "A",
    "9",
    '"',
    "“",
    "x",
    "é",
    "0A",
    "3M公司",
    "1.5%",
    "AI芯片",
    "iPhone 15 Pro",
    "abc def",
    "，开头是标点",
    "结尾是句号。",
    "结尾是数字2023",
    "结尾是字母GPU",
    "“我们会在2026年上市，”他说。",
    "「引号」里的话",
    '『双引号』和"直引号"',
    "公司2023年营收达到120亿元，同比增长35%。",
    "The company sold 4.2 million cars in 2023.",
    "^|$ 这些符号不是字",
)


@pytest.mark.parametrize("text", _TEXTS)
def test_the_reasons_read_off_the_characters_are_the_grams_reasons(text: str) -> None:
    plain = checkworthy_model.load().plain
    expected = checkworthy_model.explain(
        plain.char_terms(checkworthy_model.char_grams(text)), kind="chars"
    )
    assert plain.explain_text(text) == expected
    assert plain.explain_text(text, set(text)) == expected
    assert plain.text_sum(text) == plain.char_sum(checkworthy_model.char_grams(text))
    assert sorted(plain.text_terms(text)) == sorted(
        plain.char_terms(checkworthy_model.char_grams(text))
    )


# tools/train_checkworthy.py --offsets: bad names and bad usage are refused before any article
# or weights file is read.
@pytest.fixture(scope="module")
def trainer() -> Any:
    pytest.importorskip("sklearn")
    pytest.importorskip("scipy")
    path = Path(__file__).resolve().parents[2] / "tools" / "train_checkworthy.py"
    spec = importlib.util.spec_from_file_location("train_checkworthy_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while defined
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_offsets_refuse_a_name_that_is_no_feature(trainer: Any, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not named features: dated_plam"):
        trainer.fit_offsets(tmp_path / "none.json", ["dated_plam"], ["xingheng"], 0.1, False)


def test_offsets_refuse_articles_without_both_classes(trainer: Any) -> None:
    import numpy as np

    with pytest.raises(SystemExit, match="no check-worthy sentence"):
        trainer._balanced(np.zeros(4), ["a"])
    with pytest.raises(SystemExit, match="no not check-worthy sentence"):
        trainer._balanced(np.ones(3), ["a"])
    assert list(trainer._balanced(np.array([1.0, 0.0, 0.0, 0.0]), ["a"])) == [
        2.0,
        2 / 3,
        2 / 3,
        2 / 3,
    ]


@pytest.mark.parametrize("argv", [["--on", "xingheng"], ["--lam", "0.5"]])
def test_on_and_lam_without_offsets_are_bad_usage(
    trainer: Any,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.argv", ["train_checkworthy.py", *argv])
    with pytest.raises(SystemExit) as stop:
        trainer.main()
    assert stop.value.code == 2
    assert "only with --offsets" in capsys.readouterr().err


def test_the_offset_articles_are_ten_dev_articles(trainer: Any) -> None:
    assert len(trainer.OFFSET_ARTICLES) == 10
    assert set(trainer.OFFSET_ARTICLES) <= set(trainer.DEV_ARTICLES)


# turning_point: the writer's framing of what turned the story, with no count in it.
@pytest.mark.parametrize(
    "sentence",
    [
        "真正让这家药企翻身的，是2019年开始的一轮行业整合。",
        "真正改变这家工厂命运的,是一位老客户。",
        "转机来自一次偶然的展会。",
        "真正的转折点来自一通电话。",
    ],
)
def test_a_turning_point_fires(sentence: str) -> None:
    assert fires("turning_point", sentence)
    assert "turning_point" in score_text(sentence)[1]


def test_a_turning_point_with_a_year_is_not_offered() -> None:
    assert offered("真正改变这家工厂命运的，是2022年底开始的大模型浪潮。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "真正让公司活下来的，是2019年拿到的一笔5亿元融资。",  # a count: checkable
        "转折出现在2017年。",  # when it came: dates an event
        "他真正的目标是上市。",
        "这家公司真正上市是在2020年。",
    ],
)
def test_a_count_or_a_date_of_the_turn_is_no_turning_point(sentence: str) -> None:
    assert not fires("turning_point", sentence)


# section_heading: a numbered section title, whose number counts sections.
@pytest.mark.parametrize("sentence", ["01 修表匠的儿子", "06 烧钱与赚钱", "3 一个慢的人"])
def test_a_numbered_section_title_fires(sentence: str) -> None:
    assert fires("section_heading", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "03 2019年的赌局",  # a second figure: a year in the title
        "2019年营收12亿元",  # a figure, not a section's number
        "01 公司去年营收12亿元，同比增长30%。",  # a sentence, not a title
        "Part 2 The money",  # English: its model has no weight for it
    ],
)
def test_other_titles_and_numbers_are_no_section_heading(sentence: str) -> None:
    assert not fires("section_heading", sentence)


# gloss: the writer says what a fact means or how common it is, with no count in it.
@pytest.mark.parametrize(
    "sentence",
    [
        "这意味着，工厂的交付周期很难再缩短。",
        "换句话说，订单的增长并没有带来利润的增长。",
        "编者注：储能电池大致分为锂电和钠电两类。",
        "这样的研发投入，在传统制造企业中并不多见。",
        "巨头的优势显而易见：渠道、资金和品牌。",
        "所谓算力券，可以简单理解为政府发给企业的代金券。",
    ],
)
def test_a_gloss_fires(sentence: str) -> None:
    assert fires("gloss", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "这意味着公司每卖出一台设备就亏损300元。",  # a count: checkable
        "换句话说，公司去年的营收下降了20%。",
        "公司的报告显示，这意味着什么还不清楚。",  # not opening the unit
        "所谓的独角兽企业在当地有12家。",  # no 理解为
    ],
)
def test_a_gloss_with_a_count_or_mid_sentence_is_no_gloss(sentence: str) -> None:
    assert not fires("gloss", sentence)


def test_a_gloss_with_a_count_is_still_offered() -> None:
    sentence = "换句话说，公司去年的营收下降了20%。"
    assert offered(sentence) == [sentence]


# judgement: an estimate or judgement in someone's own words, a guess whatever figure it names.
@pytest.mark.parametrize(
    "sentence",
    [
        "全国能做这种手术的医生，我估计不超过50个。",
        "我判断两年内，会有一半的工厂换上这种设备。",
        "周岚的判断是，这个行业最后只会剩下两家公司。",
    ],
)
def test_a_judgement_fires(sentence: str) -> None:
    assert fires("judgement", sentence)
    assert "judgement" in score_text(sentence)[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "我们估计公司今年的营收将超过10亿元。",  # a company's own estimate
        "法院的判断依据是双方签订的合同。",  # 判断 as a noun, no 是 after it
        "据估计，全国共有3000家这样的工厂。",
    ],
)
def test_other_estimates_are_no_judgement(sentence: str) -> None:
    assert not fires("judgement", sentence)


@pytest.mark.parametrize(
    "sentence",
    ["我判断两年内，会有一半的工厂换上这种设备。", "周岚的判断是，这个行业最后只会剩下两家公司。"],
)
def test_a_guess_is_not_offered(sentence: str) -> None:
    assert offered(sentence) == []


# set_target: a goal someone set, then what it is; the figure is aimed at, not reached.
@pytest.mark.parametrize(
    "sentence",
    [
        "她给公司定下的目标是，到2029年让门店数量突破800家。",
        "他为团队定下了一个目标：三年内进入50个城市。",
        "创始人设定的下一个目标，是在2028年前覆盖全国。",
    ],
)
def test_a_set_target_fires(sentence: str) -> None:
    assert fires("set_target", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "首年销量只有8000台，远低于团队定下的3万台目标。",  # a goal missed: a record
        "我们的目标是五年内把成本降到10万元以内。",  # 目标 alone
        "“他给公司定下的目标是，到2029年门店突破800家。”",  # in quotation marks
    ],
)
def test_a_goal_missed_or_merely_named_is_no_set_target(sentence: str) -> None:
    assert not fires("set_target", sentence)


def test_a_goal_missed_is_still_offered() -> None:
    sentence = "首年销量只有8000台，远低于团队定下的3万台目标。"
    assert offered(sentence) == [sentence]


# unverified: the writer's note that a claim told before could not be checked.
@pytest.mark.parametrize(
    "sentence",
    [
        "这一说法目前还无法得到独立验证。",
        "这个说法很难从公开渠道核实。",
        "记者未能从公开资料中找到可以证实这一数字的依据。",
    ],
)
def test_an_unverified_note_fires(sentence: str) -> None:
    assert fires("unverified", sentence)
    assert "unverified" in score_text(sentence)[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "公司未能在2023年底前完成上市。",  # what the company failed to do: a record
        "该药物的疗效已经在三期临床试验中得到验证。",
        "他说法院尚未作出判决。",
    ],
)
def test_a_failure_or_a_test_passed_is_no_unverified_note(sentence: str) -> None:
    assert not fires("unverified", sentence)


# dated_wish: a wish in the author's voice with its date ahead.
@pytest.mark.parametrize(
    "sentence",
    [
        "她希望在三年内，让工厂的产能翻一番。",
        "公司希望在2028年实现盈利。",
        "我希望到2030年，至少有500家医院用上这套系统。",
        "他表示，希望未来五年把出口占比提升到40%以上。",
    ],
)
def test_a_dated_wish_fires(sentence: str) -> None:
    assert fires("dated_wish", sentence)
    assert "dated_wish" in score_text(sentence)[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "她希望把方言识别带进医院。",  # no date ahead
        "2019年，公司获得了希望工程的捐赠。",  # 希望工程: a charity
        "“我们希望在2028年实现盈利。”他说。",  # in quotation marks
    ],
)
def test_an_undated_wish_or_a_noun_is_no_dated_wish(sentence: str) -> None:
    assert not fires("dated_wish", sentence)


@pytest.mark.parametrize(
    "sentence", ["公司希望在2028年实现盈利。", "她希望在三年内，让工厂的产能翻一番。"]
)
def test_a_dated_wish_is_not_offered(sentence: str) -> None:
    assert offered(sentence) == []


# forecast_said: a forecast in someone's name, set off as a clause, of a time to come.
@pytest.mark.parametrize(
    "sentence",
    [
        "有研究机构预测，到2029年，国内储能电池市场的规模将超过3000亿元。",
        "他预计,三年之内,一半以上的新车都会装上这种雷达。",
        "有分析师预计，如果新药顺利获批，其销售峰值有望超过10亿美元。",
    ],
)
def test_a_forecast_said_fires(sentence: str) -> None:
    assert fires("forecast_said", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "公司预计2025年实现净利润4.2亿元。",  # guidance, no comma after the verb
        "公司预计，2025年净利润为4.2亿元至4.5亿元。",  # no time to come
        "公司预计，2025年全年营收会在10亿元左右。",
        "“有研究机构预测，到2029年市场规模将超过3000亿元。”她说。",  # in quotation marks
    ],
)
def test_guidance_for_a_year_closed_is_no_forecast_said(sentence: str) -> None:
    assert not fires("forecast_said", sentence)


def test_guidance_for_a_year_closed_is_still_offered() -> None:
    sentence = "公司预计，2025年净利润为4.2亿元至4.5亿元。"
    assert offered(sentence) == [sentence]


# characterisation: the writer's label for what was just told, holding nothing checkable.
@pytest.mark.parametrize(
    "sentence",
    ["这是一件极其磨人的工作。", "这是一个关于耐心与运气的故事。", "这就是一场豪赌。"],
)
def test_a_characterisation_fires(sentence: str) -> None:
    assert fires("characterisation", sentence)
    assert "characterisation" in score_text(sentence)[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "这是一家民营企业首次进入该榜单的前三名。",  # a first: a record
        "这是一个规模超过300亿元的市场。",  # a figure
        "这是一个国内最大的储能项目。",  # a superlative
        "他说这是一件小事。",  # not opening the unit
    ],
)
def test_a_label_with_a_record_in_it_is_no_characterisation(sentence: str) -> None:
    assert not fires("characterisation", sentence)


def test_a_label_with_a_first_is_still_offered() -> None:
    sentence = "这是一家民营企业首次进入该榜单的前三名。"
    assert offered(sentence) == [sentence]


# reputation: how someone is known, which no record holds.
@pytest.mark.parametrize(
    "sentence", ["在工厂里，老周的“眼睛”是出了名的。", "她是业内出了名的“慢性子”。"]
)
def test_a_reputation_fires(sentence: str) -> None:
    assert fires("reputation", sentence)
    assert "reputation" in score_text(sentence)[1]


def test_a_reputation_is_not_offered() -> None:
    assert offered("在工厂里，老周的“眼睛”是出了名的。") == []


def test_fame_by_a_record_is_no_reputation() -> None:
    assert not fires("reputation", "这家公司2019年入选了福布斯中国最具创新力企业榜。")


# view_held: someone's view set off as a clause, holding nothing checkable but spelled numbers.
@pytest.mark.parametrize(
    "sentence",
    [
        "一位业内人士认为，这个行业最后能活下来的公司不会超过三家。",
        "券商分析师周岚认为,这家公司在储能领域的技术积累有一定优势。",
        "她坚持认为，每一份报告都应该由医生签字。",
    ],
)
def test_a_view_held_fires(sentence: str) -> None:
    assert fires("view_held", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "法院认为，被告违反了保密义务。",  # a finding
        "这种靶点长期被认为，不可成药。",  # a reputation
        "公司认为该诉讼不会对经营造成重大影响。",  # no clause set off
        "分析师认为，公司去年的营收超过10亿元。",  # a figure
        "分析师认为，这是国内第一家获批的企业。",  # a first
    ],
)
def test_a_finding_or_a_view_with_a_record_is_no_view_held(sentence: str) -> None:
    assert not fires("view_held", sentence)


def test_a_view_with_a_figure_is_still_offered() -> None:
    sentence = "分析师认为，公司去年的营收超过10亿元。"
    assert offered(sentence) == [sentence]


# dated_will: what is to be done in a time counted from now, with 将.
@pytest.mark.parametrize(
    "sentence",
    [
        "集团表示，未来三年将在数据中心上投入超过800亿元。",
        "港口公司表示,今年将加快推进二期码头建设。",
        "据测算，方案实施两年内，将带动全市投资超过300亿元。",
    ],
)
def test_a_dated_will_fires(sentence: str) -> None:
    assert fires("dated_will", sentence)
    assert "dated_will" in score_text(sentence)[1]


def test_a_dated_will_is_not_offered() -> None:
    assert offered("港口公司表示,今年将加快推进二期码头建设。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "今年将近一半的订单来自海外。",  # 将近: nearly
        "公司今年将最低工资从2000元提高到2500元。",  # a measure decided
        "2023年将公司总部迁往杭州后，营收增长了30%。",  # a year by number: 将 is 把
        "公司将在明年推出新品。",  # no time before 将 (dated_plan's)
    ],
)
def test_nearly_a_measure_or_a_year_by_number_is_no_dated_will(sentence: str) -> None:
    assert not fires("dated_will", sentence)
