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


# The first or only one someone has seen or met: a superlative of their own experience.
@pytest.mark.parametrize(
    "sentence",
    [
        "一位代理商说，这是他见过的第一台能自己爬楼梯的扫地机。",
        "她是我遇到过的“唯一一个”能背出全部零件编号的销售。",
        '投资人说，他碰到过的"第一个"难题是团队。',
    ],
)
def test_the_first_one_has_ever_seen_is_a_superlative_no_first(sentence: str) -> None:
    found = named_features(sentence)
    assert "superlative" in found and "first_or_only" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "这是国内第一台能自己爬楼梯的扫地机。",
        "公司是全省唯一一家拿到这类牌照的企业。",
        "他收到过的第一笔订单来自宁波的一家工厂。",  # what was received: a record
    ],
)
def test_a_first_of_record_is_still_a_first(sentence: str) -> None:
    assert fires("first_or_only", sentence)


# What someone wore or stared at sets a scene: narrative, as 走进, 窗外 and 桌上 are.
@pytest.mark.parametrize(
    "sentence",
    [
        "他穿着一件褪色的工装外套，站在仓库门口。",
        "发布会上，她身着一套白色西装走上台。",
        "整个团队盯着屏幕上的曲线，谁也没有说话。",
    ],
)
def test_what_someone_wore_or_stared_at_is_narrative(sentence: str) -> None:
    assert fires("narrative", sentence)
    assert "narrative" in score_text(sentence)[1]


# belief: someone's view (认为, 担心, 比作), weighed on the Chinese dev articles, where it fires on
# few check-worthy sentences: a view with nothing measured in it falls short, a figure that the
# view carries still passes.
@pytest.mark.parametrize(
    "sentence",
    [
        "华衡证券分析师周屹认为，星河电池在储能领域的技术积累有一定优势。",
        "不少投资人担心，公司的客户过于集中于电网系统。",
    ],
)
def test_a_view_with_nothing_to_check_is_not_offered(sentence: str) -> None:
    assert fires("belief", sentence)
    assert offered(sentence) == []


def test_a_figure_inside_a_view_is_still_offered() -> None:
    sentence = "分析师王澄认为，星河电池2023年的海外营收达到了12亿元。"
    assert fires("belief", sentence)
    assert offered(sentence) == [sentence]


# The words that merely hold a cue: 贯穿着 (runs through) wears nothing, and 难以相信, 不敢相信,
# 无法相信 (hard to believe), 难以形容 (beyond words) hold no view of anyone's.
@pytest.mark.parametrize(
    "sentence",
    [
        "这条主线贯穿着公司十年的发展。",
        "安全理念贯穿着整条产线的设计。",
    ],
)
def test_runs_through_is_not_what_someone_wore(sentence: str) -> None:
    assert not fires("narrative", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "令人难以相信，这家工厂去年的产量翻了一番。",
        "他至今不敢相信公司已经挂牌上市。",
        "很多老员工无法相信这个消息。",
        "那种压力难以形容，也无法形容。",
    ],
)
def test_hard_to_believe_is_no_view_held(sentence: str) -> None:
    assert not fires("belief", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "她相信这款电池能改变行业。",
        "投资人并不相信这个估值。",
        "他把那段日子形容为一场长跑。",
    ],
)
def test_a_view_held_is_still_a_belief(sentence: str) -> None:
    assert fires("belief", sentence)


# A view that holds a measured superlative or a rank holds something a record can confirm
# (全国最大的储能电池企业, 份额最高, 排名第二): belief does not count against it.
@pytest.mark.parametrize(
    "sentence",
    [
        "业内普遍认为，华岭是全国最大的储能电池企业。",
        "不少经销商相信，青岚的国内市场份额最高。",
        "业内认为，澄川的装机量排名第二。",
    ],
)
def test_belief_does_not_count_against_a_measured_rank(sentence: str) -> None:
    assert not fires("belief", sentence)


def test_a_view_holding_a_measured_superlative_is_offered() -> None:
    sentence = "业内普遍认为，华岭是全国最大的储能电池企业。"
    assert score_text(sentence)[0] >= 0.5
    assert offered(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "业内普遍认为，华岭是全国最具创新力的储能电池企业。",  # a superlative of worth
        "投资人担心，公司最重要的客户会流失。",
        "有人认为，“国内首家”的说法并不准确。",  # a first, doubted: still weighed
    ],
)
def test_a_view_with_a_superlative_of_worth_is_still_a_belief(sentence: str) -> None:
    assert fires("belief", sentence)


# attribution: 据 is "according to" (据报道, 据悉), not the 据 of 数据, 证据 or 占据; data that show
# something are a source.
@pytest.mark.parametrize(
    "sentence",
    [
        "团队把实验数据又核对了一遍。",
        "目前还没有证据说明电池存在缺陷。",
        "这款产品一度占据了半壁江山。",
        "报销时要附上全部单据和收据。",
    ],
)
def test_data_and_evidence_are_no_attribution(sentence: str) -> None:
    assert not fires("attribution", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "据报道，这家工厂已经恢复生产。",
        "据悉，公司将在下月发布新品。",
        "行业协会的数据显示，去年国内共售出120万台。",
        "统计数据表明，六成用户每天使用一次以上。",
    ],
)
def test_according_to_and_data_that_show_are_attribution(sentence: str) -> None:
    assert fires("attribution", sentence)


# A what-if conceded (哪怕, 倘若, 假若: even if, should it be) supposes, as 如果 and 假如 do:
# what it supposes is no record.
@pytest.mark.parametrize(
    "sentence",
    [
        "哪怕只有5%的用户愿意付费，这也是一个上百亿元的市场。",
        "倘若明年订单翻倍，工厂就得扩产到3条产线。",
        "假若监管放开，这项业务一年能多出20亿元收入。",
    ],
)
def test_a_what_if_conceded_is_a_prediction_cue(sentence: str) -> None:
    assert fires("prediction_cue", sentence)


# 将于 says what is yet to happen, as 将会 and 将在 do.
@pytest.mark.parametrize(
    "sentence",
    [
        "澜石智能将于12月3日公布最终发售价。",
        "公司将于下月召开股东大会。",
    ],
)
def test_what_is_yet_to_happen_is_a_prediction_cue(sentence: str) -> None:
    assert fires("prediction_cue", sentence)


# 将 before an object is the preposition 把 (将其收购, 将超过60%的股份转让给), and 将于 after
# 老, 中, 名... is a general's: neither is a prediction cue.
@pytest.mark.parametrize(
    "sentence",
    [
        "2019年，公司将其收购。",
        "2021年，他将公司搬到了苏州。",
        "这位老将于2019年退役，职业生涯共打进120球。",
        "陆军中将于2018年出任该部司令。",
        "公司将达到报废年限的800台设备全部更换。",
        "创始人将超过60%的股份转让给了腾讯，交易金额达到80亿元。",
    ],
)
def test_shall_as_a_preposition_or_a_general_is_no_prediction_cue(sentence: str) -> None:
    assert not fires("prediction_cue", sentence)


def test_a_market_sized_on_a_what_if_is_not_offered() -> None:
    assert offered("哪怕只有5%的用户愿意付费，这也是一个上百亿元的市场。") == []


# 哪怕 before a fact granted is "even" (哪怕在最困难的2020年: even in): no what-if.
def test_a_fact_granted_with_even_is_no_prediction_cue() -> None:
    sentence = "哪怕在最困难的2020年，公司营收也增长了30%。"
    assert not fires("prediction_cue", sentence)
    assert offered(sentence) == [sentence]


# One's own estimate or judgement (我估计, 我们判断) is a view, an opinion cue; an estimate
# someone is named for (据行业协会估计) is a source of a figure.
@pytest.mark.parametrize(
    "sentence",
    ["我估计国内做这类芯片的团队不超过30家。", "我们判断，明年行业会有一半公司被淘汰。"],
)
def test_ones_own_estimate_is_an_opinion_cue(sentence: str) -> None:
    assert fires("opinion_cue", sentence)


def test_self_judgement_is_no_view() -> None:
    assert not fires("opinion_cue", "缺乏自我判断能力的投资者占比超过三成。")


def test_an_estimate_with_its_source_is_still_offered() -> None:
    sentence = "据行业协会估计，去年国内共售出120万台。"
    assert not fires("opinion_cue", sentence)
    assert offered(sentence) == [sentence]


# Someone's judgement, given as such (X的判断是，……), is their view; 这个判断是在2019年做出的
# says when a judgement was made.
def test_someones_judgement_is_a_belief() -> None:
    sentence = "林朔的判断是，这个行业最终只会剩下两三家公司。"
    assert fires("belief", sentence)
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence", ["这个判断是在2019年做出的。", "事后看，他的判断是正确的：2021年公司营收翻了一番。"]
)
def test_when_a_judgement_was_made_or_proved_right_is_no_belief(sentence: str) -> None:
    assert not fires("belief", sentence)


# The writer's own reading of what was just told (换句话说, 换言之, 这意味着) and how rare they
# find it (并不多见, 并不少见): opinion cues, quoted or not as any opinion cue is; 换句话说 and
# 这意味着 not before a rank or a measured superlative, which a record can confirm.
@pytest.mark.parametrize(
    "sentence",
    [
        "换句话说，公司仍有三成产能处于闲置状态。",
        "换言之，涨价并没有带来利润。",
        "这意味着，项目的交付成本很难随规模摊薄。",
        "这种估值倒挂，在近两年上市的公司中并不少见。",
        "这样的毛利水平，在硬件公司中并不多见。",
        "一家公司在成立几个月内拿到数亿元融资并不罕见。",
        "前后拖上三四年并不稀奇。",
    ],
)
def test_the_writers_reading_is_an_opinion_cue(sentence: str) -> None:
    assert fires("opinion_cue", sentence)


def test_the_speakers_reading_inside_a_quotation_is_a_quoted_opinion() -> None:
    sentence = "沈韫说：“这意味着，我们每多卖一份Token，就要多亏一份钱。”"
    assert fires("quoted_opinion", sentence)
    assert not fires("opinion_cue", sentence)


def test_in_other_words_with_nothing_measured_is_not_offered() -> None:
    assert offered("换句话说，公司仍有相当一部分产能处于闲置状态。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "这意味着，比亚迪已经超过特斯拉，成为全球最大的电动车制造商。",
        "换句话说，中国已经成为全球最大的汽车出口国。",
    ],
)
def test_the_writers_reading_of_a_measured_superlative_is_still_offered(sentence: str) -> None:
    assert not fires("opinion_cue", sentence)
    assert offered(sentence) != []


# The story's turning point (转机出现在2019年, 真正的转折来自政策) is the writer's frame: narrative.
@pytest.mark.parametrize(
    "sentence",
    ["转机出现在2019年。", "真正的转折来自政策。", "转折点出现在2021年。", "公司终于迎来转机。"],
)
def test_a_turning_point_is_narrative(sentence: str) -> None:
    assert fires("narrative", sentence)


def test_a_change_of_planes_is_no_turning_point() -> None:
    assert not fires("narrative", "从北京飞圣保罗需要转机两次，全程超过30小时。")


# Someone recalls (一位早期员工回忆，……): a memory told, story time as 那时候 is; a memoir
# (回忆录) is a source.
@pytest.mark.parametrize(
    "sentence",
    [
        "一位早期员工回忆，那段时间办公室里安静得能听见空调的声音。",
        "他后来回忆，那是他最难熬的一年。",
    ],
)
def test_a_memory_told_is_narrative(sentence: str) -> None:
    assert fires("narrative", sentence)
    assert not fires("attribution", sentence)


def test_a_memoir_is_a_source() -> None:
    sentence = "他在回忆录中写道，公司1998年的营收只有300万元。"
    assert fires("attribution", sentence)
    assert not fires("narrative", sentence)


def test_a_figure_recalled_with_its_source_is_still_offered() -> None:
    sentence = "据两位当时的高管回忆，B轮之后，公司员工从180人扩张到了900多人。"
    assert fires("attribution", sentence)
    assert offered(sentence) == [sentence]


# A target someone set, told in the writer's voice for a date to come, is no claim: its figures
# are the target's (`framing`). A target missed tells a result; a target quoted is
# what was said; a target set for no date is weighed as any plan.
@pytest.mark.parametrize(
    "sentence",
    [
        "他给公司定下的目标是，到2028年让累计用户数突破200万。",
        "顾承远给青岚定下了一个目标:到2027年,让公司的机械臂进入100万个家庭。",
        "她给团队定下的新目标是：2027年ARR达到15亿元。",
    ],
)
def test_a_target_set_for_a_date_to_come_is_no_claim(sentence: str) -> None:
    score, reasons, kind = score_text(sentence)
    assert score == 0.0
    assert reasons[0].startswith("not a claim: target")
    assert kind == "prediction"
    assert offered(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "M1上市第一年只卖出了1.1万台，远低于团队定下的5万台目标。",
        "“我们给自己定下的目标是，2027年营收突破10亿元。”他说。",
        # a public body's target is a policy a record holds
        "欧盟定下的目标是，到2030年可再生能源占比达到42.5%。",
        # a target met
        "他给团队定下的目标是2020年门店数突破1000家，最终2019年就开到了1200家。",
        # a result told before the target
        "公司2023年营收达到120亿元，同比增长35%，他给团队定下的目标是到2025年突破200亿元。",
    ],
)
def test_a_target_met_missed_quoted_or_public_is_still_weighed(sentence: str) -> None:
    score, reasons, _ = score_text(sentence)
    assert score > 0.0  # weighed as any plan: its cues may still take it under the threshold
    assert not any(r.startswith("not a claim") for r in reasons)


def test_a_result_told_before_a_target_is_still_offered() -> None:
    sentence = "公司2023年营收达到120亿元，同比增长35%，他给团队定下的目标是到2025年突破200亿元。"
    assert any(c.startswith("公司2023年营收达到120亿元") for c in offered(sentence))


# A target's date may follow 目标是 and a comma, or 目标 and a colon; a comma after any other plan
# word still parts it from a date (实现了既定目标，2023年…… is a result).
@pytest.mark.parametrize(
    "sentence",
    [
        "公司的目标是，2026年把海外收入占比提高到40%。",
        "公司的目标：2026年把海外收入占比提高到40%。",
    ],
)
def test_a_targets_date_after_a_comma_is_a_dated_plan(sentence: str) -> None:
    assert fires("dated_plan", sentence)


@pytest.mark.parametrize(
    "sentence",
    ["实现了既定目标，2023年公司营收达到12亿元。", "按照原来的计划,公司要在2019年底完成A轮融资。"],
)
def test_a_comma_after_other_plan_words_parts_them_from_the_date(sentence: str) -> None:
    assert not fires("dated_plan", sentence)


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


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--on", "xingheng"], "only with --offsets"),
        (["--lam", "0.5"], "only with --offsets"),
        (["--held-out", "lanshi"], "only with --chinese"),
        (["--pairs"], "only with --chinese"),
        (["--shipped-setting"], "only with --chinese"),
        (["--chinese", "--offsets", "dated_plan", "--pairs"], "only with --chinese"),
        (["--chinese", "--held-out", "lanshi,minimax"], "not dev articles: minimax"),
        (["--chinese", "--held-out", ""], "an empty article name"),
        (["--chinese", "--held-out", "lanshi,,heyan"], "an empty article name"),
        (["--chinese", "--held-out", "lanshi,lanshi"], "an article named twice"),
    ],
)
def test_flags_out_of_their_place_are_bad_usage(
    trainer: Any,
    argv: list[str],
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The seed (minimax) is never fitted on nor measured by the trainer: it stays held out.
    monkeypatch.setattr("sys.argv", ["train_checkworthy.py", *argv])
    with pytest.raises(SystemExit) as stop:
        trainer.main()
    assert stop.value.code == 2
    assert said in capsys.readouterr().err


def test_the_shipped_setting_is_read_from_the_weights(trainer: Any) -> None:
    section = {"lambda": 1.0, "mu": 1.0, "calibrated": "pooled 0.96", "clause_margin": 2.0}
    assert trainer._shipped_setting(section) == trainer.Setting(1.0, 1.0, "pooled 0.96", 2.0)
    assert trainer._shipped_setting({**section, "mu": None}).mu is None


def test_the_offset_articles_are_ten_dev_articles(trainer: Any) -> None:
    assert len(trainer.OFFSET_ARTICLES) == 10
    assert set(trainer.OFFSET_ARTICLES) <= set(trainer.DEV_ARTICLES)
