"""Precision rules of Chinese check-worthiness, on sentences invented for these tests (no seed,
no labelled article is read here; see `checkworthy.candidates.framed` and the features
`dated_plan`, `family_age`, `hearsay`, `habitual`, `gloss`, `judgement`, `turning_point`, `target`
and `section_heading` of `checkworthy.features`)."""

from __future__ import annotations

import pytest

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


def test_a_fact_set_against_another_is_still_offered() -> None:
    # 如果说……，那么…… supposes nothing: what follows it is asserted.
    sentence = "如果说两年前还有人怀疑，那么现在这家公司已经拥有超过200名工程师。"
    assert "那么现在这家公司已经拥有超过200名工程师。" in offered(sentence)


@pytest.mark.parametrize(
    ("opening", "rest", "frames"),
    [
        ("这份报告如果可信，", "意味着一块电池可以循环充放电超过8000次。", True),
        ("她希望在两年内，", "让公司的芯片支持4K电影的实时渲染。", True),
        ("展望未来，", "周衡的雄心远不止20座充电站。", True),
        ("公司计划明年，", "把门店开到500家。", True),
        ("如果说两年前还有人怀疑，", "那么现在公司已经拥有超过200名工程师。", False),
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
    ],
)
def test_a_dated_plan_fires(sentence: str) -> None:
    assert fires("dated_plan", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "公司原本计划在那一年完成上市，后来推迟了。",  # a plan that fell through: a record
        "公司2023年推出了员工持股计划，覆盖1200名员工。",  # a plan, the noun
        "招股书显示，公司计划募集资金20亿元。",  # a plan with no date
        "“我们计划在2027年上市，”他说。",  # someone's plan, quoted: what was said is checked
        "公司2023年的营收达到18亿元。",
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
    ["公司员工的平均年龄为31岁。", "他的父亲是一名中学教师。", "她26岁时创办了这家公司。"],
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
    ],
)
def test_named_sources_and_nobody_are_no_hearsay(sentence: str) -> None:
    assert not fires("hearsay", sentence)


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


ROUND_TWO = {
    "gloss",
    "judgement",
    "turning_point",
    "target",
    "section_heading",
    "dated_wish",
    "view_held",
    "forecast_said",
}


# gloss: the writer says what a fact means, how common it is, or what a word means.
@pytest.mark.parametrize(
    "sentence",
    [
        "这意味着，每卖出一台扫地机器人，公司就要倒贴20元。",
        "换句话说，门店越开越多，单店的客流却在下降。",
        "这样的增速，在传统制造业里并不多见。",
        "所谓算力券，可以简单理解为政府发给企业的租用GPU的补贴。",
        "编者注：固态电池按电解质大致分为三类。",
    ],
)
def test_a_gloss_fires(sentence: str) -> None:
    assert fires("gloss", sentence)
    assert "gloss" in score_text(sentence)[1]


def test_a_gloss_is_not_offered() -> None:
    # (With a figure of its own, 倒贴20元, a gloss can still pass: the figure weighs more.)
    assert offered("换句话说，门店越开越多，单店的客流却在下降。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "值得注意的是，公司2023年的应收账款达到6.1亿元。",  # opens a fact, not a gloss
        "公司2023年营收为18亿元，同比增长42%。",
    ],
)
def test_facts_are_no_gloss(sentence: str) -> None:
    assert not fires("gloss", sentence)


# judgement: an estimate or judgement in someone's own words.
@pytest.mark.parametrize(
    "sentence",
    [
        "能把这种材料做到量产的团队，我估计全国不超过30个。",
        "我判断两年内，会有车企把它装进量产车。",
        "周岚的判断是，这个行业最后只会留下两家公司。",
    ],
)
def test_a_judgement_fires(sentence: str) -> None:
    assert fires("judgement", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "法院的判断依据是双方2021年签署的合同。",
        "据估计，全国约有3000家同类企业。",  # an estimate with a source: a figure to check
    ],
)
def test_sourced_figures_are_no_judgement(sentence: str) -> None:
    assert not fires("judgement", sentence)


# turning_point: what turned the story, as the writer tells it.
@pytest.mark.parametrize(
    "sentence",
    [
        "真正让这家药企翻身的，是2019年的一次集采。",
        "真正改变公司命运的,是一份来自德国的订单。",
        "转机来自一位老客户的电话。",
        "转折点来自2020年的那场展会。",
    ],
)
def test_a_turning_point_fires(sentence: str) -> None:
    assert fires("turning_point", sentence)


def test_a_turning_point_with_a_date_is_not_offered() -> None:
    assert offered("真正让这家药企翻身的，是2019年的一次集采。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "公司真正的研发投入在2023年达到了9亿元。",
        "这台设备真正投入使用是在2021年。",
    ],
)
def test_other_uses_of_really_are_no_turning_point(sentence: str) -> None:
    assert not fires("turning_point", sentence)


# target: a goal set (目标是, 目标为).
@pytest.mark.parametrize(
    "sentence",
    [
        "她给团队定下的目标是，到2029年让门店数量突破800家。",
        "全省今年的粮食产量目标为700亿斤左右。",
    ],
)
def test_a_target_fires(sentence: str) -> None:
    assert fires("target", sentence)


def test_a_target_missed_is_no_target() -> None:
    # The target is the measure of what was sold: the sales are a record.
    assert not fires("target", "新车上市第一年只卖出了8000辆，远低于定下的3万辆目标。")


# section_heading: a numbered section title, whose number counts sections.
@pytest.mark.parametrize("heading", ["01 修表匠的儿子", "7 第二次创业"])
def test_a_numbered_section_title_fires_and_is_not_offered(heading: str) -> None:
    assert fires("section_heading", heading)
    assert offered(heading) == []


@pytest.mark.parametrize(
    "text",
    [
        "03 一次召回，2.4万台",  # a figure of its own, after a comma: no heading
        "2021 年报",  # a year, not a section's number
        "12 家门店关闭 300 人",
        "第一章 童年",
    ],
)
def test_other_headings_and_figures_are_no_section_heading(text: str) -> None:
    assert not fires("section_heading", text)


# 将 before what is foreseen of a figure or a course is a prediction; a time to come counted
# from now before 将 dates it (dated_plan).
@pytest.mark.parametrize(
    "sentence",
    [
        "据测算，项目投产三年内，将带动周边投资超过200亿元。",
        "集团表示，未来五年将在海外市场投入超过300亿元。",
        "公司表示，今年将加快推进二期工厂建设。",
    ],
)
def test_a_course_foreseen_from_now_is_a_dated_plan(sentence: str) -> None:
    assert fires("prediction_cue", sentence)
    assert fires("dated_plan", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年起，这类产品的进口关税将从5%提高到20%。",  # a measure decided
        "2017年，交通部将这类车辆纳入补贴范围。",  # 将 as 把
        "公司将近一半的收入来自海外。",
    ],
)
def test_measures_decided_and_other_uses_of_jiang_are_no_prediction(sentence: str) -> None:
    assert not fires("prediction_cue", sentence)
    assert not fires("dated_plan", sentence)


# dated_wish: a wish set for a time to come.
@pytest.mark.parametrize(
    "sentence",
    [
        "公司希望在2028年实现全年盈利。",
        "周岚：我希望到2030年，每个县城都有一家我们的门店。",
    ],
)
def test_a_dated_wish_fires(sentence: str) -> None:
    assert fires("dated_wish", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "2019年，他就希望在家乡开一家工厂。",  # 2019年 is before the wish, not its date
        "他希望团队每个人都能读完这本书。",
    ],
)
def test_undated_wishes_are_no_dated_wish(sentence: str) -> None:
    assert not fires("dated_wish", sentence)


# view_held: someone's view after 认为.
@pytest.mark.parametrize(
    "sentence",
    [
        "一位券商分析师认为，这家公司在海外市场仍处于追赶状态。",
        "周岚认为，公司最大的风险在于客户过于集中。",
    ],
)
def test_a_view_held_fires_and_is_not_offered(sentence: str) -> None:
    assert fires("view_held", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "法院认为，被告违反了双方2021年签订的保密协议。",  # a court's finding: a record
        "这种突变长期被认为无法成药。",  # a reputation
        "这家公司去年营收增长了30%。",
    ],
)
def test_findings_and_reputations_are_no_view_held(sentence: str) -> None:
    assert not fires("view_held", sentence)


# forecast_said: a forecast in someone's name, set off as a clause.
@pytest.mark.parametrize(
    "sentence",
    [
        "某研究机构预计，到2029年，国内储能电池的出货量将达到800吉瓦时，其中超过60%来自前五家厂商。",
        "据预测，明年这一市场的规模将超过300亿元。",
    ],
)
def test_a_forecast_said_fires_and_is_not_offered(sentence: str) -> None:
    assert fires("forecast_said", sentence)
    assert offered(sentence) == []


def test_guidance_for_a_year_closed_is_no_forecast_said() -> None:
    # A company's guidance for the year just closed: its figures will be reported.
    sentence = "公告显示，公司预计2025年实现净利润3.1亿元至3.5亿元，同比增长40%至58%。"
    assert not fires("forecast_said", sentence)
    assert offered(sentence) == [sentence]


def test_english_has_none_of_the_round_two_features() -> None:
    for sentence in (
        "In other words, the company lost 20 dollars on every robot it sold.",
        "01 The watchmaker's son",
        "I estimate that fewer than 30 teams can do this.",
        "Analysts believe the firm hopes to break even by 2028.",
    ):
        assert not ROUND_TWO & set(named_features(sentence))
