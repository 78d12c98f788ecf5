"""The writer's framing in Chinese prose: sentences that carry a date or a figure and are no
claim, whatever their features weigh.

Each rule reads the whole unit and, when it holds, says why in the words of `nonclaims.reason`
(`not a claim: turning point "转机出现在2021年"`); `Scored.of` then scores the unit 0, as it does a
view in the writer's own voice (`features.own_opinion`).
None reads a unit that opens inside quotation marks (someone's words), and those that take a
bare frame (a turning point, an era, a scene, the writer's reading) stand down when the unit
also holds a figure other than a date (a sum, a share, a count in digits) or an event a record
holds (收购, 宣布): then the sentence tells what happened. Each rule was chosen on the Chinese
dev articles (bench/extract_quality.py), where, of the 120 dev sentences they and
the target set take, one is labelled check-worthy (yunfan's 转折出现在2017年), then
narrowed by a review's counter-examples (tests/unit/test_checkworthy_framing.py):

- a target someone set for a firm, a team or themselves, told for a date to come (他给公司定下的
  目标是，到2028年……): every figure in it is the target's (session 40; see `_set_target`);
- a turning point announced, alone: 转机出现在2021年。 更大的打击发生在2024年8月。 The next
  sentence tells what happened, and that is the claim (8 of 9 such dev sentences are not
  check-worthy). Its time and a few words after it (的一次出差途中), no clause;
- the interview itself: 11月中旬，我们在极微杭州的办公室和温若岚聊了两个半小时。 11月下旬，他在
  总部接受了本报记者的专访。 How long and where the writer talked to someone is how the piece
  was made (3 of 3). Not 我们 after 说 or 表示 (the speaker's firm), nor talks for months
  (我们和宁德时代谈了半年: a negotiation);
- the interviewer's turn in a Q&A (问：…, 记者：…, Q: …): a question put, or what "some say"
  put to the one answering; the answer is the claim (38 of 38 dev turns);
- a plan told as the company's, opening the sentence, for what is yet to come (将, 要, 预计…):
  按照公司的规划，2027年的收入要回到30亿元以上。 (10 of 10.) Not a state plan or a prospectus's
  terms (按照国务院的规划, 按照招股书中的计划), an old plan (按照原计划), nor one told as carried
  out or missed (已, 如期, 实际, 直到, 但…);
- a firm's own target for a year to come, its subject opening the sentence or after who told it:
  管理层给出的2026年经营目标是：出货量55GWh至60GWh。 (a target set, above, reads the targets
  someone set for a firm; these are the firm's.) Not a target met, missed or told with how it
  came out (实际只卖了6万台), nor one with no year, nor after a fact;
- someone's forecast, told in the writer's voice, for a year to come (观潮研究院预计，到2027年，
  海外收入将占到行业总收入的25%左右。) or with a comma after its verb closing the first clause
  (她预计，BH-2031在国内的销售峰值约为18亿元。): no record holds its figure yet (23 of 23). Not
  预期 (超出预期: expectations), a results preview (公司预计2025年实现净利润4.2亿元; a
  comma-form forecast by the firm itself that names its profit, loss or revenue), nor a
  forecast told with what came of it (此前预计……实际仅为38亿元). An estimate (该报告估计，
  2025年市场规模约为137亿元) is of what is;
- a scene set on an unnamed day, opening the sentence, then a place: 11月下旬的一个周四，深圳
  南山区……总部，六楼的开放式工位空出了将近一半。 The writer's lede (7 of 7). Not a named day
  (今年10月的最后一个周五), nor a scene where something happens (公司宣布完成5亿元C轮融资);
- the writer's reading of what was just told, opening the sentence, with no figure: 这意味着，
  鹤言每多卖出一份Token，就要多亏一份钱。 (12 of 12.) Not before a rank, a measured superlative, a
  first place or an overtaking (这意味着，它已成为全球最大的……), which a record can confirm, nor a
  figure worked out (这意味着，公司的市值一天之内蒸发了300亿元);
- an era told as a figure of speech, its time as the subject: 2021年是自动驾驶行业的资本狂欢年。
  那是中国手游爆发的前夜。 (5 of 5.) Not after a fact (公司成立于2016年，那一年是……), nor a
  launch a record dates (5G商用元年);
- the writer's caveat that what was just told cannot be checked, alone: 这一说法目前还无法
  得到独立验证。 (2 of 2.) The claim is the sentence before it.
"""

from __future__ import annotations

import re

from workbench.domain.checkworthy.features import Unit
from workbench.domain.checkworthy.nonclaims import reason
from workbench.domain.checkworthy.zh_cues import NO_RANK_AFTER, READINGS

# A figure other than a date (a sum, a share, a multiple, a count in digits): what a turning
# point, an era, a scene or the writer's reading may not hold to be framing. A count in Chinese
# numerals (三个人, 一份钱) tells a story (`spelled_number`); a year or a day is the frame's own.
_SUMS = frozenset({"money", "percentage", "fraction", "multiplier"})
# …nor an event a record holds (收购, 创办, 宣布): then the sentence tells what happened.
_HAPPENED = _SUMS | {"event"}
_SCENE_HAPPENED = _HAPPENED - {"fraction"}
_DATES = re.compile("(?:19|20)[0-9]{2}年|[0-9]{1,2}月|[0-9]{1,2}日")
_DIGIT = re.compile("[0-9]")


def _figure(
    text: str, fired: tuple[str, ...], also: frozenset[str] = _SUMS, digits: bool = True
) -> bool:
    """Does a feature of `also` fire, or (with `digits`) does `text` hold a figure in digits
    other than a date?"""
    if not also.isdisjoint(fired):
        return True
    return digits and _DIGIT.search(_DATES.sub("", text)) is not None


# A time, as a turning point or an era names it: 2021年, 2024年8月, 2019年初, 那一年的秋天.
_TIME = (
    "(?:20[0-9]{2}年|19[0-9]{2}年|那一?年|这一?年|当年|去年|今年|那时|当时)?的?"
    "(?:[0-9一二三四五六七八九十]{1,2}月)?(?:[0-9]{1,2}日)?"
    "(?:[上中下]旬|年?初|年?底|年?末|前后|[春夏秋冬][天季]|第?[一二三四]季度)?"
)
# A turning point announced, then its time and at most a few words (的一次出差途中), alone.
_TURN_MAX = 40
_TURN = re.compile(
    '^[^，,。；;：:“”"]{0,12}?(?:转机|转折点?|拐点|打击|念头|变故|契机)(?:终于|真正|才)?'
    f"(?:出现|发生|到来)(?:在|于){_TIME}(?:的[^，,；;。：:！？!?]{{1,10}})?[。.！!]?$"
)
# The writer (我们, 笔者, 记者…) talked with someone for a while, and the sentence says no more:
# a date before it, a place, and how many hours are the talk's. (Not after 说, 表示: then 我们
# is the speaker's firm, and 我们和宁德时代谈了半年 a negotiation.)
_DURATION = "(?:将近|近|了|整整)?[0-9一二两三四五六七八九十几半]+个?(?:多个?)?半?(?:小时|钟头|分钟)"
_INTERVIEW = re.compile(
    '^(?:[^，,。；;“”"]{0,12}(?<!说|示|露|称|绍|言)[，,])?(?:我们|笔者|记者|本刊记者|本报记者)'
    '(?:在[^，,。；;]{2,20}?)?(?:和|与|同)[^，,。；;“”"]{1,14}?'
    f"(?:聊了{_DURATION}?|进行了[^，,。；;]{{0,10}}?(?:对话|访谈|专访))[。.]?$"
)
# Someone gave the writer (本报记者, 本刊…) an interview, and the sentence says no more.
_GAVE_INTERVIEW = re.compile(
    '^(?:[^，,。；;“”"]{0,12}[，,])?[^，,。；;“”"]{0,24}?接受了?'
    '(?:本报|本刊|记者|笔者|我们)[^，,。；;“”"]{0,6}?(?:专访|采访)[。.]?$'
)
# An interviewer's turn: 问, 记者, Q (晚点 and the like, the outlet's name, are any name's turn).
_INTERVIEWER = ("问：", "问:", "记者：", "记者:", "Q：", "Q:", "q：", "q:")
# A plan told as the company's own (按照公司的规划, 按照川耘的规划, 按照计划; not a state plan,
# a prospectus's terms, nor an old plan: 按照国务院的规划, 按照招股书中的计划, 按照原计划),
# opening the sentence, and what it says is yet to come (将, 要, 预计…)…
_PLAN = re.compile(
    "^按照(?!原)"
    '(?:(?![^，,。；;“”"]{0,10}?(?:国务院|政府|部|委|局|省|市|县|招股|公告|方案|文件|协议|合同))'
    '[^，,。；;“”"]{1,10}?的)?(?:规划|计划)[，,]'
    "(?=[^。；;！？!?]*?(?:将|要|希望|预计|力争|争取|有望|会))"
)
# …unless it is told as carried out or missed.
_CARRIED_OUT = re.compile("已|如期|提前|完成了|实际|直到|但|却")
# A target someone set for a firm, a team or themselves (他给公司定下的目标是……, 顾承远给青岚定下了
# 一个目标：到2027年……), in the sentence's first clause: the sentence is the target. Not a
# public body's target (欧盟定下的目标是，到2030年……: a policy a record holds), nor one met or
# missed (完成了年初定下的目标, 最终提前实现): a result.
_TARGET_SET = re.compile(
    "给[^，,。；;：:！？!?]{1,8}?定下(?:了)?(?:一个|的)?(?:新的?)?(?:小)?目标(?:是|为)?[，,：:]?"
)
_TARGET_MET = re.compile("完成|实现了|达成|超额|提前|最终|未能|没能|没有达到|(?<!不)低于")
_FIRST_CLAUSE_END = re.compile("[，,。；;！？!?]")


def _set_target(unit: Unit) -> str | None:
    """Why `unit` is no claim, if it tells, in the writer's own voice, a target someone set for a
    time to come (`dated_plan`, which the caller has read): "韩砺给公司定下的目标是，
    2026年实现全年盈利，2027年换电站数量突破500座". Every figure in it is the target's, which no
    record holds until the date. None for any other unit. (On the Chinese dev articles every
    sentence that tells such a target is labelled not check-worthy, and the figures a target
    holds outweigh its `forecast` and `dated_plan` weights in two of them.) A public body's
    target, a target met or missed (远低于团队定下的5万台目标), and one told after other clauses
    (营收增长35%，他给团队定下的目标是……) are weighed as any plan is."""
    text = unit.text
    m = _TARGET_SET.search(text)
    if m is None or (unit.quoted and m.start() in unit.quoted):
        return None
    if _FIRST_CLAUSE_END.search(text, 0, m.start()) or _TARGET_MET.search(text):
        return None
    return reason("target", m.group().rstrip("是为，,：:"))


# A firm's target (公司的目标是, 管理层给出的2026年经营目标是：), opening the sentence or after
# who told it (X透露，), with a year…
_FIRMS_TARGET = re.compile(
    '^(?:[^，,。；;“”"]{1,16}?(?:透露|表示|介绍|称|说)[，,：:])?'
    '(?:公司|团队|管理层|集团|董事会)[^，,。；;“”"]{0,6}?的(?:20[0-9]{2}年度?)?'
    "(?:经营|业绩|销售|出货)?目标(?:是|为)[，,：:]?"
)
_YEAR = re.compile("20[0-9]{2}年|明年")
# …and not told with how it came out (实际只卖了6万台, 但IPO申请被否).
_OUTCOME = re.compile("实际|结果|但|却|仅|只有|只卖|被否|失败")
# A scene on an unnamed day (11月下旬的一个周四), then a place (…的厂房里, …总部): a lede.
_SCENE = re.compile(
    "^(?:20[0-9]{2}年|今年|去年)?[0-9一二三四五六七八九十]{1,3}月(?:上旬|中旬|下旬|初|底|末)?的?一个"
    "(?:周[一二三四五六日天末]|星期[一二三四五六日天]|深夜|晚上|清晨|早上|下午|傍晚|凌晨|午后)"
)
# (Matched where the scene's day ends: `match` anchors there.)
_PLACE = re.compile(
    "[^，,。；;]{0,12}[，,][^。；;]{0,30}?(?:里|旁|楼|厂房|办公室|会议室|车间|工地|总部|园区|门口)"
)
_UNVERIFIED = re.compile(
    "^这(?:一|个)?(?:说法|数字|数据|消息)[^，,。；;]{0,12}?(?:无法|很难|未能|难以|不能)"
    "[^，,。；;]{0,8}?(?:核实|验证|证实|求证)[。.]?$"
)
# An era: its time (2021年, 那, 过去一年，) as the subject, then what it was called. Not a
# launch a record dates (5G商用元年, 量产元年).
_ERA = re.compile(
    "^(?:(?:20[0-9]{2}年[^，,。；;]{0,4}|过去[^，,。；;]{1,4}|那[^，,。；;]{0,3}|当时|如今)[，,])?"
    '[^，,。；;“”"]{0,20}?(?:是|成了|成为)[^，,。；;]{0,20}?'
    "(?:狂欢年|(?<!商用|上市|量产|普及)元年|最热闹的[^，,。；;]{0,4}|前夜|全民运动|风口)[。.]?$"
)
_ERA_WORDS = ("狂欢年", "元年", "最热闹", "前夜", "全民运动", "风口")
_TALKED = ("聊了", "对话", "访谈", "专访")
# The writer's reading, opening the sentence, with no rank or measured superlative after it,
# nor a first place or an overtaking (成为全球销量第一, 已经超过特斯拉).
_READING = re.compile(
    f"(?:{'|'.join(READINGS)}){NO_RANK_AFTER}(?![^。；;！？!?]*?(?:第一(?!次)|首位|冠军|超过|超越))"
)
# Someone forecasts (预计, 预测…; not 预期, as often "expectations": 超出预期), then the year
# to come it is for (到2030年, 至明年), in the sentence's first clauses…
_FORECAST = re.compile(
    '^[^。；;“”"]{0,25}?(?:预计|预测|估计|估算)[，,]?(?:到|至)(?:20[0-9]{2}|明)年'
)
# …or a comma closes the first clause there (她预计，……).
_FORECAST_SAID = re.compile('^[^，,。；;：:“”"]{1,25}?(?:预计|预测)[，,]')
# Who issues a results preview: the firm itself (公司预计, 公司发布公告预计)…
_FIRM = re.compile("公司|集团|公告|预告")
# …and its words, which the firm's comma-form forecast may not hold…
_RESULTS = re.compile("净利润|归母|业绩|亏损|营收|营业收入|扣非")
# …and a forecast told with what came of it (此前预计……实际仅为38亿元) is a record of both.
_CAME_OF_IT = re.compile("此前|原本|原先|仅为|只有|实际(?:仅|只|为)|最终(?:仅|只|为)")


def _turning_point(text: str, fired: tuple[str, ...]) -> str | None:
    if len(text) > _TURN_MAX or not ("出现" in text or "发生" in text or "到来" in text):
        return None
    if _TURN.match(text) is None or _figure(text, fired, _HAPPENED):
        return None
    return reason("turning point", text.rstrip("。.！!"))


def _interview(text: str) -> str | None:
    if any(word in text for word in _TALKED) and _INTERVIEW.match(text) is not None:
        return reason("interview", text.rstrip("。."))
    if "接受" in text and _GAVE_INTERVIEW.match(text) is not None:
        return reason("interview", text.rstrip("。."))
    if text.startswith(_INTERVIEWER):
        return reason("question put", text[: text.index(":" if ":" in text[:3] else "：") + 1])
    return None


def _plan(text: str) -> str | None:
    if not text.startswith("按照"):
        return None
    m = _PLAN.match(text)
    if m is None or _CARRIED_OUT.search(text) is not None:
        return None
    return reason("plan", m.group().rstrip("，,"))


def _era(text: str, fired: tuple[str, ...]) -> str | None:
    if not any(word in text for word in _ERA_WORDS) or _ERA.match(text) is None:
        return None
    return None if _figure(text, fired, _HAPPENED) else reason("era", text.rstrip("。."))


def _target(text: str) -> str | None:
    if "目标" not in text:
        return None
    m = _FIRMS_TARGET.match(text)
    if m is None or _YEAR.search(text) is None:
        return None
    if _TARGET_MET.search(text) is not None or _OUTCOME.search(text) is not None:
        return None
    return reason("target", m.group().rstrip("是为，,：:"))


def _scene(text: str, fired: tuple[str, ...]) -> str | None:
    if "一个" not in text:
        return None
    m = _SCENE.match(text)
    # (A share told in words, 空出了将近一半, and a floor, 写字楼的16层, are the scene's colour.)
    if m is None or _figure(text, fired, _SCENE_HAPPENED, digits=False):
        return None
    if _PLACE.match(text, m.end()) is None:
        return None
    return reason("scene", m.group())


def _reading(text: str, fired: tuple[str, ...]) -> str | None:
    if not text.startswith(READINGS):
        return None
    m = _READING.match(text)
    # A figure the writer worked out (这意味着，公司的市值一天之内蒸发了300亿元) can be checked.
    if m is None or _figure(text, fired, _SUMS):
        return None
    return reason("reading", m.group())


def _forecast(unit: Unit, fired: tuple[str, ...]) -> str | None:
    if "prediction_cue" not in fired:
        return None
    text = unit.text
    m = _FORECAST.match(text) if "dated_plan" in fired else None
    if m is None:
        m = _FORECAST_SAID.match(text)
        # (The firm's own forecast of its profit or revenue is a results preview; an analyst's
        # is a forecast.)
        if m is not None and _FIRM.search(m.group()) and _RESULTS.search(text) is not None:
            return None
    if m is None or _CAME_OF_IT.search(text) is not None:
        return None
    # (Its first clauses hold no quotation mark; a forecast in other quotation marks, 「」,
    # is someone's words.)
    if unit.quoted and m.end() - 1 in unit.quoted:
        return None
    return reason("forecast", m.group().rstrip("，,"))


def framing(unit: Unit, fired: tuple[str, ...]) -> str | None:
    """Why `unit` (whose `fired_features` are `fired`) is no claim, if it is one of the writer's
    framings above; None for any other unit, and for one that opens inside quotation marks
    (the second sentence of a quotation: someone's words, not the writer's frame)."""
    # (A target set reads its own quotation marks: it ran before the rules below, as it still
    # does.)
    why = _set_target(unit) if "dated_plan" in fired else None
    if why is not None or (unit.quoted and 0 in unit.quoted):
        return why
    text = unit.text
    return (
        _turning_point(text, fired)
        or _interview(text)
        or _plan(text)
        or _era(text, fired)
        or _target(text)
        or _scene(text, fired)
        or (reason("unverified", text.rstrip("。.")) if _UNVERIFIED.match(text) else None)
        or _reading(text, fired)
        or _forecast(unit, fired)
    )
