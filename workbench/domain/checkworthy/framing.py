"""The writer's framing in Chinese prose: sentences that carry a date or a figure and are no
claim, whatever their features weigh.

Each rule reads the whole unit and, when it holds, says why in the words of `nonclaims.reason`
(`not a claim: turning point "转机出现在2021年"`); `Scored.of` then scores the unit 0, as it does a
view in the writer's own voice (`features.own_opinion`) or a target set (`features.set_target`).
Each was chosen on the Chinese dev articles (bench/extract_quality.py), where every sentence it
takes is labelled not check-worthy but one (yunfan's 转折出现在2017年, labelled as the year of a
fact):

- a turning point announced, alone: 转机出现在2021年。 更大的打击发生在2024年8月。 The next
  sentence tells what happened, and that is the claim (8 of 9 such dev sentences are not
  check-worthy; 5 of them scored 0.5 or more on their year);
- the interview itself: 11月中旬，我们在极微杭州的办公室和温若岚聊了两个半小时。 11月下旬，他在
  总部接受了本报记者的专访。 How long and where the writer talked to someone is how the piece
  was made, not what it says (3 of 3, all 0.84 or more);
- the interviewer's turn in a Q&A (问：…, 记者：…, Q: …): a question put, or what "some say"
  put to the one answering; the answer is the claim (33 of 33 dev turns; 3 scored 0.8 or more);
- a plan told as the company's, opening the sentence: 按照公司的规划，2027年的收入要回到30亿元
  以上。 (8 of 8 such dev sentences; 3 scored 0.9 or more.) Not a plan told as carried out
  (按照计划，二期已于去年6月投产): 已, 已经, 如期, 提前 or 完成了 anywhere in it.
- someone's forecast, told in the writer's voice, for a year to come (观潮研究院预计，到2027年，
  海外收入将占到行业总收入的25%左右。) or with a comma after its verb closing the first clause
  (她预计，BH-2031在国内的销售峰值约为18亿元。): no record holds its figure yet (20 of 20 dev
  sentences; 8 scored 0.5 or more). A results preview (公司预计2025年实现净利润4.2亿元) has
  neither 到 before its year nor a comma after its verb, and one that names net profit or results
  (净利润, 归母, 业绩) is read as a preview whatever its commas: both are weighed as any plan is.
  An estimate (该报告估计，2025年市场规模约为137亿元) is of what is, and weighed as any figure;
- the writer's reading of what was just told, opening the sentence: 这意味着，鹤言每多卖出一份
  Token，就要多亏一份钱。 换句话说，…… (13 of 13; 2 scored 0.5 or more though read as an
  `opinion_cue`). Not before a rank or a measured superlative (这意味着，它已成为全球最大的……),
  which a record can confirm: there the cue does not fire (`zh_cues`), and nor does this.
- an era told as a figure of speech, alone: 2021年是自动驾驶行业的资本狂欢年。 那是中国手游
  爆发的前夜。 大模型创业在2023年几乎是一场全民运动。 (5 of 5 such dev sentences, 0.52 to 0.93:
  a year is there, and nothing a record holds.) A count told of the era is weighed as any is:
  2023年"百模大战"最热闹的时候，国内一度有超过200个大模型公开发布。
- a firm's own target for a year to come, its subject opening the sentence or after who told it:
  管理层给出的2026年经营目标是：出货量55GWh至60GWh。 祁远舟透露，公司的目标是在2027年把成本
  降到15万元以下。 (`features.set_target` reads the targets someone set for a firm; these are
  the firm's: 2 of 2 dev sentences, 0.96 and 1.00.) Not a target met or missed (远低于内部设定的
  2万台目标), nor one with no year, nor after a fact (成本大概在40万元，我们的目标是……).
- a scene set on an unnamed day, opening the sentence: 11月下旬的一个周四，深圳南山区……总部，
  六楼的开放式工位空出了将近一半。 The writer's lede: no record says which day, and what it
  shows is colour (6 of 6 dev sentences; 2 scored 0.8 or more). Not a named day
  (今年10月的最后一个周五，鹤言在官网挂出了一则公告: that day a record holds).
- the writer's caveat that what was just told cannot be checked, alone: 这一说法目前还无法
  得到独立验证。 (3 of 3 such dev sentences, one scoring 0.70.) The claim is the sentence
  before it.
"""

from __future__ import annotations

import re

from workbench.domain.checkworthy.features import TARGET_MET, Unit
from workbench.domain.checkworthy.nonclaims import reason
from workbench.domain.checkworthy.zh_cues import NO_RANK_AFTER, READINGS

# At most this long: a turning point told alone is one short clause.
_TURN_MAX = 40
_TURN = re.compile(
    '^[^，,。；;：:“”"]{0,12}?(?:转机|转折点?|拐点|打击|念头|变故|契机)(?:终于|真正|才)?'
    "(?:出现|发生|到来)(?:在|于)[^，,；;。：:！？!?]{1,20}[。！!]?$"
)
# The writer (我们, 笔者, 记者, 本刊记者…) talked with someone, and the sentence says no more: a
# date before it and a duration after it are the talk's.
_INTERVIEW = re.compile(
    '^(?:[^，,。；;“”"]{0,12}[，,])?(?:我们|笔者|记者|本刊记者|本报记者)(?:在[^，,。；;]{2,20}?)?'
    '(?:和|与|同)[^，,。；;“”"]{1,14}?(?:聊了|谈了|交谈了|进行了[^，,。；;]{0,10}?(?:对话|访谈|专访))'
    '[^，,。；;“”"]{0,12}[。]?$'
)
# Someone gave the writer (本报记者, 本刊…) an interview, and the sentence says no more.
_GAVE_INTERVIEW = re.compile(
    '^(?:[^，,。；;“”"]{0,12}[，,])?[^，,。；;“”"]{0,24}?接受了?'
    '(?:本报|本刊|记者|笔者|我们)[^，,。；;“”"]{0,6}?(?:专访|采访)[。]?$'
)
# An interviewer's turn: 问, 记者, Q (or 晚点, the outlet's name, is no rule: it is any name).
_INTERVIEWER = ("问：", "问:", "记者：", "记者:", "Q：", "Q:")
# A plan told as the company's (按照公司的规划, 按照计划), opening the sentence…
_PLAN = re.compile('^按照[^，,。；;“”"]{0,8}?(?:规划|计划)[，,]')
# …unless told as carried out.
_CARRIED_OUT = re.compile("已|如期|提前|完成了")
# A firm's target (公司的目标是, 管理层给出的2026年经营目标是：), opening the sentence or after
# who told it (X透露，), with a year.
_FIRMS_TARGET = re.compile(
    '^(?:[^，,。；;“”"]{1,16}?(?:透露|表示|介绍|称|说)[，,：:])?'
    '(?:公司|团队|管理层|集团|董事会)[^，,。；;“”"]{0,6}?的(?:20[0-9]{2}年度?)?(?:经营|业绩|销售|出货)?目标'
    "(?:是|为)[，,：:]?"
)
_YEAR = re.compile("20[0-9]{2}年|明年")
_SCENE = re.compile(
    "^(?:20[0-9]{2}年|今年|去年)?[0-9一二三四五六七八九十]{1,3}月(?:上旬|中旬|下旬|初|底|末)?的?一个"
    "(?:周[一二三四五六日天末]|星期[一二三四五六日天]|深夜|晚上|清晨|早上|下午|傍晚|凌晨|午后)"
)
_UNVERIFIED = re.compile(
    "^这(?:一|个)?(?:说法|数字|数据|消息)[^，,。；;]{0,12}?(?:无法|很难|未能|难以|不能)"
    "[^，,。；;]{0,8}?(?:核实|验证|证实|求证)[。]?$"
)
_ERA = re.compile(
    '^[^。；;“”"]{0,20}?(?:是|成了|成为)[^，,。；;]{0,20}?'
    "(?:狂欢年|元年|最热闹的[^，,。；;]{0,4}|前夜|全民运动|风口)[。]?$"
)
_ERA_WORDS = ("狂欢年", "元年", "最热闹", "前夜", "全民运动", "风口")
_TALKED = ("聊了", "谈了", "对话", "访谈", "专访")
# The writer's reading, opening the sentence, with no rank or measured superlative after it.
_READING = re.compile(f"(?:{'|'.join(READINGS)}){NO_RANK_AFTER}")
# Someone forecasts (预计, 预测…), then the year to come it is for (到2030年, 至明年), in the
# sentence's first clauses.
_FORECAST = re.compile(
    '^[^。；;“”"]{0,25}?(?:预计|预测|预期|估计|估算)[，,]?(?:到|至)(?:20[0-9]{2}|明)年'
)
# Someone forecasts, and a comma closes the first clause there (她预计，……).
_FORECAST_SAID = re.compile('^[^，,。；;：:“”"]{1,25}?(?:预计|预测|预期)[，,]')
# A results preview's words.
_RESULTS = re.compile("净利润|归母|业绩")


def framing(unit: Unit, fired: tuple[str, ...]) -> str | None:
    """Why `unit` (whose `fired_features` are `fired`) is no claim, if it is one of the writer's
    framings above; None for any other unit."""
    text = unit.text
    if len(text) <= _TURN_MAX and ("出现" in text or "发生" in text or "到来" in text):
        m = _TURN.match(text)
        if m is not None:
            return reason("turning point", text.rstrip("。！!"))
    if any(word in text for word in _TALKED):
        m = _INTERVIEW.match(text)
        if m is not None:
            return reason("interview", text.rstrip("。"))
    if "接受" in text and _GAVE_INTERVIEW.match(text) is not None:
        return reason("interview", text.rstrip("。"))
    if text.startswith(_INTERVIEWER):
        return reason("question put", text[: text.index(":" if ":" in text[:3] else "：") + 1])
    if text.startswith("按照"):
        m = _PLAN.match(text)
        if m is not None and _CARRIED_OUT.search(text) is None:
            return reason("plan", m.group().rstrip("，,"))
    if any(word in text for word in _ERA_WORDS) and _ERA.match(text) is not None:
        return reason("era", text.rstrip("。"))
    if "目标" in text:
        m = _FIRMS_TARGET.match(text)
        if m is not None and _YEAR.search(text) is not None and TARGET_MET.search(text) is None:
            return reason("target", m.group().rstrip("是为，,：:"))
    if "一个" in text:
        m = _SCENE.match(text)
        if m is not None:
            return reason("scene", m.group())
    if text.startswith("这") and _UNVERIFIED.match(text) is not None:
        return reason("unverified", text.rstrip("。"))
    if text.startswith(READINGS):
        m = _READING.match(text)
        if m is not None:
            return reason("reading", m.group())
    if "prediction_cue" in fired:
        m = _FORECAST.match(text) if "dated_plan" in fired else None
        if m is None:
            m = _FORECAST_SAID.match(text)
            if m is not None and _RESULTS.search(text) is not None:
                m = None
        # (Its first clauses hold no quotation mark; a forecast in other quotation marks, 「」,
        # is someone's words.)
        if m is not None and not (unit.quoted and m.end() - 1 in unit.quoted):
            return reason("forecast", m.group().rstrip("，,"))
    return None
