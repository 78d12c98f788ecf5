"""Check-worthiness: which sentences of a document hold a claim worth checking.

Units. Every sentence (see `segment.split_sentences`) is a unit; a sentence that holds
semicolons is cut at them, because in both languages a semicolon joins separate assertions
("two years ago X led; a year ago Y caught up; now Z is top three") and a claim made from a
candidate should quote one assertion, not three. A unit that falls short is looked at clause by
clause (cut at commas, colons and dashes): in "如果投资人都要浪费95%的钱,……这才更有意义" the
figure sits in one clause and the author's verdict in another, and the figure deserves a check.
Runs of adjacent clauses that pass are offered as one candidate. A clause the Chinese model
reads must clear the threshold by a margin (`clause_bar`; the margin is learnt with the Chinese
adaptation): on the Chinese dev articles the clauses that passed alone had mostly left their
sentence's framing behind (有分析人士认为，这场价格战……; ……定下的下一个目标，是在2028年前……).

Scores. Each unit is scored by features a person can verify by eye. A named feature fires or
not (a number, a first, an opinion cue...); the unit's English words and word pairs (or, in
Chinese, its characters and how it starts and ends), and its length band, count too. Every one
has a weight learnt from public labelled debates, adapted for Chinese on labelled Chinese
articles (see `checkworthy_model` and tools/train_checkworthy.py), positive for signs of a
checkable fact and negative for signs of opinion, prediction or rhetoric. The score is the
logistic function of the bias plus the weights of everything present:

    score = 1 / (1 + exp(-(bias + band + named features + grams))),  rounded to 3 decimals

`reasons` names every named feature that fired, in the order of `FEATURES`, the ones that
lowered the score included, then the unit's length when it moved the score (`length "20-39
words" +0.53`), then the (at most three) n-grams that moved the score most with their weights
(`words "per cent" +0.52`, `chars "年" +0.53`, `chars "^他" -0.52` for a unit that starts with
他), so a score can always be explained.

Quotations. Words in quotation marks that the paragraph attributes to someone (a speaker is
named, or a verb of saying stands outside the quotes) are a claim in themselves: whether they
were said can be checked ("attributed_quote"). Cues of opinion, prediction or figurative speech
inside quotation marks are not the author's: inside an attributed quotation they are reported
as "quoted_opinion" and "quoted_prediction" and decide the suggested type but leave the score
alone; inside other quotation marks (a term, a slogan, a simile in scare quotes) they are not
counted at all.

Finding the features. Three scans per unit, each linear: one regular expression for Chinese
cue words (every alternative starts with a literal character, which lets the regex engine skip
text fast; lookarounds exclude words that merely contain a cue, like 第一性原理 or 比如), a
loop over English words looked up in tables, and a scan for numbers, Arabic or Chinese, whose
neighbours decide what they are (year, date, percentage, money, multiplier, rank or count).
Nothing here loads a model or touches the network.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from workbench.defaults import EXTRACT_MIN_SCORE
from workbench.domain import checkworthy_model
from workbench.domain.segment import Segment, blocks, quotations, split_clauses, split_sentences
from workbench.domain.status import CLAIM_TYPE_NAMES
from workbench.domain.transcript import Transcript
from workbench.domain.turn_context import line_context

CLAIM_TYPES: tuple[str, ...] = CLAIM_TYPE_NAMES

_CJK = "\u4e00-\u9fff"
_HAS_CJK = re.compile(f"[{_CJK}]")


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.split())


_ZH_NUMERALS = "零〇一二两三四五六七八九十百千万亿几"
# The scan's key for numbers written in Chinese numerals (not a feature name: see
# "spelled_number").
_SPELLED = "_spelled"
# Countries, regions and cities: general knowledge, not tied to any one article.
_PLACES = (
    "中国|美国|日本|韩国|英国|法国|德国|印度|俄罗斯|加拿大|澳大利亚|新加坡|欧洲|欧盟|亚洲|"
    "非洲|硅谷|北京|上海|深圳|杭州|广州|香港|台湾|华盛顿|纽约|伦敦|东京"
)
# Common Chinese surnames, leaving out characters that are mostly ordinary words (于, 高, 方...).
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵"
    "覃武戴莫孔汤雍"
)

# Chinese cues by feature. Each entry starts with a literal "head" that names its feature;
# what follows the head is a lookaround, so a match never swallows a neighbouring cue.
_ZH_CUES: dict[str, tuple[str, ...]] = {
    "fraction": ("一半", "过半", "半数"),
    "multiplier": ("翻番", "翻倍"),
    "percentage": ("百分点",),
    "date": (
        "今年",
        "去年",
        "明年",
        "前年",
        "年底",
        "年初",
        "年中",
        "上半年",
        "下半年",
        "春节",
        "季度",
        "过去(?=[一二两三四五六七八九十几0-9]+年)",
    ),
    "first_or_only": (
        "首个",
        "首款",
        "首家",
        "首次",
        "首位",
        "首创",
        "首发",
        "第一(?!性|次|天|时间|步|眼|手)",
        "唯一",
        "率先",
        "独家",
        "史上",
        "创纪录",
        "只有",
        "仅有",
        "除了(?=[^。]{1,30}?(?:没有|无人|都不))",
    ),
    "superlative": ("最(?!终|初|后|近|早期|好是|多只)(?=[\u4e00-\u9fff])",),
    "ranking": (
        "前(?=[一二三四五六七八九十0-9]+(?:名|位|强|大))",
        "第(?=[二三四五六七八九十0-9]+(?:名|位|大|强))",
        "排名",
        "排行",
        "位居",
        "位列",
        "名列",
        "榜首",
        "领先",
        "落后",
        "头部",
        "龙头",
        "仅次于",
    ),
    "attribution": (
        "表示",
        "称(?![为之号赞呼作])",
        "指出",
        "透露",
        "宣布",
        "宣称",
        "声称",
        "回忆",
        "坦言",
        "说道",
        "说过",
        '说(?=[:：,，"“])',
        "据(?!说)",
        "根据",
        "援引",
        "报道",
        "强调",
        "承认",
        "告诉",
        "算了一笔账",
    ),
    "comparison": (
        "比(?<![无好对]比)(?![如较例赛特喻方起拟])",
        "超过",
        "超越",
        "高于",
        "低于",
        "多于",
        "少于",
        "大于",
        "小于",
        "不亚于",
        "相当于",
        "差距",
        "只差",
        "仅差",
        "同比",
        "环比",
        "增长",
        "下降",
        "减少",
        "增加",
        "提升",
        "降低",
    ),
    # Verbs that report a datable event: something happened that a record can confirm.
    "event": (
        "发布",
        "推出",
        "上线",
        "开源",
        "成立",
        "创立",
        "创办",
        "收购",
        "并购",
        "融资",
        "上市",
        "采用",
        "辞去",
        "加入",
        "担任",
        "出任",
        "签约",
        "提出",
        "推向",
        "获得",
        "获批",
        "入选",
        "当选",
        "任命",
        "起诉",
        "判决",
        "批准",
        "通过了",
        "决定",
        # The English list's other verbs (published, signed, hired, opened, introduced, sold,
        # bought, listed, shipped, resigned) in Chinese.
        "发表",
        "出版",
        "颁发",
        "签署",
        "聘请",
        "雇佣",
        "开设",
        "开业",
        "引入",
        "引进",
        "出售",
        "卖出",
        "买下",
        "购买",
        "挂牌",
        "交付",
        "辞职",
    ),
    "opinion_cue": (
        "应该",
        "应当",
        "我觉得",
        "觉得",
        "我认为",
        "我相信",
        "我们相信",
        "希望",
        "但愿",
        "似乎",
        "或许",
        "也许",
        "恐怕",
        "显然",
        "无疑",
        "不得不说",
        "可以说",
        "看来",
        "有意义",
        "值得",
        "必须",
        "不要",
        "挺好",
        "本质上",
    ),
    # Story time, habit and scene: what a profile narrates, which no record holds ("小时候",
    # "每天早上", "那段日子", "走进……的办公室").
    "narrative": (
        "小时候",
        "童年",
        "那时候",
        "那时",
        "那会儿",
        "那段",
        "那天",
        "那晚",
        "那次",
        "有一次",
        "每天",
        "每周",
        "每晚",
        "常常",
        "总是",
        "经常",
        "习惯",
        "从不",
        "从来不",
        "走进",
        "窗外",
        "桌上",
        "墙上",
        "清晨",
        "深夜",
        "傍晚",
    ),
    # Feelings, told or quoted: how someone felt is not a record.
    "feeling": (
        "激动",
        "兴奋",
        "难过",
        "伤心",
        "害怕",
        "最怕",
        "焦虑",
        "绝望",
        "痛苦",
        "难熬",
        "自豪",
        "骄傲",
        "感动",
        "遗憾",
        "后悔",
        "舍不得",
        "记得",
        "怀念",
        "喜欢",
        "热爱",
        "愿望",
        "梦想",
        "踏实",
        "松了一口气",
        "头疼",
        "心里",
        "感到",
    ),
    # Family members: in a profile they are colour (the father's trade, the daughter's age); a
    # record rarely holds what is told about them.
    "family": (
        "父亲",
        "母亲",
        "父母",
        "爸爸",
        "妈妈",
        "我爸",
        "我妈",
        "奶奶",
        "爷爷",
        "外婆",
        "外公",
        "姥姥",
        "妻子",
        "丈夫",
        "女儿",
        "儿子",
        "孩子",
        "家人",
        "家里",
        "老家",
    ),
    # Verbs that introduce someone's view or image of a thing, not a fact: what follows 认为 or
    # 形容 is an opinion or a figure of speech, whoever holds it.
    "belief": (
        "认为",
        "相信",
        "坚信",
        "担心",
        "担忧",
        "看好",
        "形容",
        "比作",
    ),
    "figurative": (
        "恰如",
        "犹如",
        "仿佛",
        "宛如",
        "好比",
        "就像",
        "如同",
        "像(?=[\u4e00-\u9fff]{1,6}?一样)",
    ),
    "prediction_cue": (
        "一定会",
        "将会",
        "必将",
        "即将",
        "将要",
        "有望",
        "预计",
        "预期",
        "预测",
        "未来",
        "会追上",
        # Plans, targets and what-ifs: not yet a record of anything.
        "计划",
        "目标",
        "打算",
        "可能",
        "如果",
        "假如",
        "将(?=会|要|来|能|可|在|成为|通向|深入|继续|持续|进一步)",
    ),
}

# English cues: single words, and word pairs (read across spaces and hyphens).
_EN_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
            "hundred hundreds thousand thousands million millions billion billions dozen dozens"
        ),
        "number",
    ),
    "percent": "percentage",
    "half": "fraction",
    **dict.fromkeys(
        _words(
            "twice triple tripled double doubled quadrupled halved twofold threefold fourfold "
            "fivefold tenfold"
        ),
        "multiplier",
    ),
    "yesterday": "date",
    **dict.fromkeys(
        _words(
            "only sole unique uniquely pioneer pioneered pioneering unprecedented world's world’s"
        ),
        "first_or_only",
    ),
    **dict.fromkeys(
        _words(
            "largest biggest highest lowest fastest slowest best worst oldest youngest newest "
            "earliest strongest weakest cheapest richest longest shortest smallest greatest most "
            "least"
        ),
        "superlative",
    ),
    **dict.fromkeys(
        _words("ranked ranks ranking leading leader trails trail outrank outranks outranked"),
        "ranking",
    ),
    **dict.fromkeys(
        _words(
            "said says told tells reported reports announced announces stated claimed claims "
            "argued argues estimated estimates noted wrote added confirmed confirms disclosed "
            "testified called recalled asked"
        ),
        "attribution",
    ),
    **dict.fromkeys(
        _words(
            "than versus vs rose fell grew jumped dropped surged slumped climbed declined "
            "increased decreased exceed exceeds exceeded outpace outpaced"
        ),
        "comparison",
    ),
    **dict.fromkeys(
        _words(
            "launched released unveiled founded acquired raised filed signed appointed resigned "
            "joined hired approved passed won opened introduced published awarded received shipped "
            "installed employs sold bought listed"
        ),
        "event",
    ),
    **dict.fromkeys(
        _words(
            "should must perhaps maybe probably seem seems arguably clearly obviously deserve "
            "deserves worth remarkable exciting impressive hope hopes hopefully worry worries fear "
            "fears"
        ),
        "opinion_cue",
    ),
    **dict.fromkeys(
        _words("will would won't won’t forecast forecasts predict predicts predicted projected"),
        "prediction_cue",
    ),
}
_FRACTION_NAMES = ("third", "thirds", "quarter", "quarters", "fifth", "fifths")
_PLANS_TO = _words("going expect expects expected likely plan plans aim aims intend intends")
_EN_PAIRS: dict[tuple[str, str], str] = {
    ("per", "cent"): "percentage",
    ("percentage", "point"): "percentage",
    ("percentage", "points"): "percentage",
    **{(a, b): "fraction" for a in ("one", "two", "three") for b in _FRACTION_NAMES},
    **{
        (a, b): "date"
        for a in ("last", "this", "next", "a")
        for b in ("year", "month", "week", "quarter", "decade")
    },
    **{(a, "quarter"): "date" for a in ("first", "second", "third", "fourth")},
    ("record", "high"): "first_or_only",
    ("record", "low"): "first_or_only",
    ("record", "breaking"): "first_or_only",
    **{(a, "largest"): "ranking" for a in ("second", "third", "fourth")},
    ("ahead", "of"): "ranking",
    ("market", "share"): "ranking",
    ("according", "to"): "attribution",
    ("compared", "with"): "comparison",
    ("compared", "to"): "comparison",
    ("up", "from"): "comparison",
    ("down", "from"): "comparison",
    ("went", "public"): "event",
    ("ought", "to"): "opinion_cue",
    ("i", "think"): "opinion_cue",
    ("i", "believe"): "opinion_cue",
    ("we", "believe"): "opinion_cue",
    ("my", "view"): "opinion_cue",
    ("our", "view"): "opinion_cue",
    ("appears", "to"): "opinion_cue",
    ("nobody", "knows"): "opinion_cue",
    **{(a, "to"): "prediction_cue" for a in _PLANS_TO},
}
# "first" is a first unless it only orders things in time or in a list.
_NOT_A_FIRST_AFTER = frozenset({"quarter", "half", "of", "thing"})
_NOT_A_FIRST_BEFORE = frozenset({"at"})
_MONTHS = frozenset(
    _words("January February March April May June July August September October November December")
)
_MONTH_ABBR = frozenset(_words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"))
_WEEKDAYS = frozenset(_words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
_QUARTERS = frozenset({"Q1", "Q2", "Q3", "Q4"})
_CURRENCY_CODES = frozenset(_words("USD RMB CNY EUR GBP JPY HKD"))
# Latin words that are capitalised for reasons other than naming something.
_NOT_NAMES = frozenset(
    _words(
        "I A An The This That These Those It Its He She We They You Our Their His Her My In On At "
        "For From By With Of And But Or So If When While As After Before Since Yet AI AGI OK TV PC "
        "CEO CTO CFO COO APP App Mr Mrs Ms Dr Prof No Yes Is Are Was Were Will What Why How Who "
        "Where Which There Here Some Many Most All Both Each Other Others Nobody Probably Perhaps "
        "Maybe Still However Meanwhile Also Even Only Not Then Now Today"
    )
)


_CALENDAR = _MONTHS | _MONTH_ABBR | _WEEKDAYS | _QUARTERS  # dates, not names
# Every lower-case word the English scan has a rule for; any other word is skipped at once.
_EN_TRIGGERS = frozenset(
    [*_EN_WORDS, *(b for _, b in _EN_PAIRS), "first", "only", "no", "top"]
    + [w.lower() for w in (*_MONTHS, *_MONTH_ABBR, *_WEEKDAYS, *_QUARTERS, *_CURRENCY_CODES)]
)


# Trigger words whose original case or following text decides what they are.
_EN_CASED = frozenset(
    w.lower() for w in (*_MONTHS, *_MONTH_ABBR, *_WEEKDAYS, *_QUARTERS, *_CURRENCY_CODES, "No")
) | {"top"}


def _head(entry: str) -> str:
    m = re.match(r"[^\\\[\](){}?*+|.^$]+", entry)
    if not m:
        raise ValueError(f"cue {entry!r} must start with a literal")
    return m.group()


def _build_heads() -> dict[str, str]:
    heads: dict[str, str] = {}
    for feature, entries in _ZH_CUES.items():
        for entry in entries:
            head = _head(entry)
            if heads.get(head, feature) != feature:
                raise ValueError(f"cue head {head!r} belongs to two features")
            heads[head] = feature
    return heads


_ZH_HEADS = _build_heads()
_MAX_HEAD = max(map(len, _ZH_HEADS))
_ZH_CUE = re.compile(
    "|".join(
        sorted(
            (e for entries in _ZH_CUES.values() for e in entries),
            key=lambda e: -len(_head(e)),  # the longest head wins where two start together
        )
    )
)
_EN_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:['’][a-z]+)?")
_HAS_LATIN = re.compile("[A-Za-z]")
_DAY_AFTER_MONTH = re.compile(r"\.?\s+\d")
_NUMBER_AFTER_NO = re.compile(r"\.\s?\d")
_NUMBER_AFTER_TOP = re.compile(r"[\s-]+(?:\d|one|two|three|four|five|ten|twenty|spot|position)")

# Numbers: a run of digits or Chinese numerals; what stands around it decides its meaning.
_NUMERAL = re.compile(f"[0-9{_ZH_NUMERALS}][0-9.,{_ZH_NUMERALS}]*")
_CURRENCY_AFTER = re.compile(
    r"\s*(?:万|亿|千|百万|千万|million|billion|trillion)?\s*"
    r"(?:美元|美金|元|人民币|欧元|英镑|日元|港元|港币|块钱|dollars|euros|pounds|yuan|yen)"
)
_PERCENT_AFTER = re.compile(r"\s?(?:[%％]|percent\b|per cent\b)")
_MULTIPLIER_AFTER = re.compile(r"\s?(?:倍|[x×](?![A-Za-z0-9])|-fold\b)")
_DATE_AFTER = re.compile(r"(?:年|个月|天|周|星期)(?:前|以来)")
_MONTH_AFTER = re.compile(r"\s?月")
_DAY_AFTER = re.compile(r"\s?[日号](?![本语])")
# Measure words that make a run of Chinese numerals a count (三场, 两个月, 四家) rather than part
# of a word (一定, 万物, 三线并行). 年 is left to the date cues so one phrase is not counted twice.
_ZH_UNIT_AFTER = re.compile(
    "个|家|次|场|岁|位|名|人|款|项|种|条|轮|小时|分钟|秒|周|天|日|届|代|成|元|米|公里|吨|台|辆"
    "|座|所|例|件|篇|章|页|层|点"
)
_ZH_MONTHS = frozenset("一二三四五六七八九十") | {"十一", "十二"}

# Named things in Chinese: a known place, an organisation suffix, a title before a name, an
# honorific after one. The Python around each match decides what was named.
_ZH_ENTITY = re.compile(
    _PLACES + "|公司|集团|大学|学院|银行|研究院|研究所|实验室|委员会|交易所|基金会|科技"
    "|联合创始人|创始人|CEO|董事长|总裁|总经理|首席|教授|主席|部长|总理|总统|发言人"
    "|博士|先生|女士|院士"
)
_PLACE_SET = frozenset(_PLACES.split("|"))
_ORG_SUFFIXES = frozenset(
    _words("公司 集团 大学 学院 银行 研究院 研究所 实验室 委员会 交易所 基金会 科技")
)
_HONORIFICS = frozenset(_words("博士 先生 女士 院士"))
# A place used as an adjective for a whole class (美国企业, 中国创业者) names nothing specific.
_GENERIC_AFTER_PLACE = re.compile("企业|公司|同行|科技|技术|创业|人|用户|市场")
# Words before an organisation suffix that make it generic (创业公司, 技术公司, 中国公司).
_GENERIC_ORG = frozenset(
    _words("创业 技术 核心 中国 美国 一家 这家 那家 该家 大型 小型 上市 科技 互联 网络 国有 民营")
)
_NAME = rf"[{_SURNAMES}][{_CJK}]{{1,2}}"
_NAME_AFTER_TITLE = re.compile(
    rf"(?:[{_CJK}]{{1,4}}官)?({_NAME})(?=[^{_CJK}]|的|在|和|与|表示|说|认为|$)"
)
_SURNAME_AFTER_TITLE = re.compile(rf"(?:[{_CJK}]{{1,4}}官)?[{_SURNAMES}][{_CJK}]{{1,2}}")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-.&][A-Za-z0-9]+)*")

# Chinese personal names have no capital letters to give them away. A name is recognised where
# the text marks it as one: after a title (创始人闫俊杰), before a verb of speech or belief
# (闫俊杰表示, 闫俊杰自信地表示), as the other side of an interview (与罗永浩的对谈), or as a
# familiar form (老罗). `find_candidates` collects them over the whole document, so a name
# introduced once is recognised in every later sentence.
_TITLES = (
    "联合创始人|创始人|CEO|CTO|董事长|总裁|总经理|首席|教授|主席|部长|总理|总统|发言人|记者|主持人"
)
_SPEECH = "表示|认为|指出|坦言|透露|回忆|相信|坚信|强调|称"
_MEETING = "采访|对谈|访谈|交流|对话|描绘"
_NAME_TRIGGER = re.compile(f"{_TITLES}|{_SPEECH}|{_MEETING}|老(?=[{_SURNAMES}])")
_TITLE_SET = frozenset(_TITLES.split("|"))
_SPEECH_SET = frozenset(_SPEECH.split("|"))
_NAME_BEFORE_SPEECH = re.compile(rf"({_NAME})(?:[{_CJK}]{{1,3}}地)?$")
_NAME_BEFORE_MEETING = re.compile(rf"(?:与|和|跟|向)({_NAME})的?$")
_FAMILIAR_NAME = re.compile(rf"老[{_SURNAMES}](?=的|说|算|在|和|与|跟)")
_LOOKBACK = 8

# Verbs of saying that attribute a quotation to someone in its paragraph.
_SPEECH_VERB = re.compile(
    "表示|认为|称|指出|透露|宣布|回忆|坦言|说|道|问|强调|承认|告诉|算了一笔账|盘点|描绘"
    "|said|says|told|tells|according to|reported|announced|stated|claimed|argued|noted|wrote"
    "|added|confirmed|recalled|asked|called"
)
# A quotation is speech, not a scare quote, if it is long or has punctuation of its own.
_SPEECH_MIN = 8
_SPEECH_PUNCT = frozenset("，,。！？!?;；:：")

_QUESTION_END = re.compile(r"吗[。!！]?$")
# A unit that ends without any of these, is short and has no comma reads as a heading.
_ENDS_PUNCT = frozenset("。｡！？!?.．…;；:：,，、—\"”’'」』)）")
_CLAUSE_PUNCT = re.compile("[,，;；]")
_LIST_MARKER = re.compile(
    r"\s*(?:[-*•·‣▪]\s+|\d{1,3}[.)]\s+|\d{1,3}、|[(（][0-9一二三四五六七八九十]{1,3}[)）]\s*)"
)
_CONTENT = re.compile(rf"[\w{_CJK}]")
_MIN_CONTENT = 6
_SHORT_LEN = 24
_HEADING_MAX = 40
_MIN_CLAUSE = 8


class _Spans:
    """Sorted, disjoint intervals, for asking "is this position inside?" by bisection."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_right(self.ends, start)
        out: list[tuple[int, int]] = []
        while i < len(self.starts) and self.starts[i] < end:
            out.append((self.starts[i], self.ends[i]))
            i += 1
        return out


# A sentence's context in a transcript: the context features that fire on it, with their weights.
Context = tuple[tuple[str, float], ...]

_NO_SPANS = _Spans(())  # never changed after construction, so one serves every unit


@dataclass(slots=True)  # not frozen: one is built per unit, and a frozen one costs 5x to build
class Unit:
    """What the features look at: the text, where each cue was found in it, the names in it,
    the stretches inside any quotation marks, and those inside attributed quotations (offsets
    into the text)."""

    text: str
    hits: dict[str, list[int]]
    entities: frozenset[str]
    quoted: _Spans
    spoken: _Spans


@dataclass(frozen=True, slots=True)
class Feature:
    """A named sign of (or against) check-worthiness; its weight is learnt (see
    `checkworthy_model`). Without a `test`, the feature fires when the scan found its cue
    (`name in unit.hits`)."""

    name: str
    test: Callable[[Unit], bool] | None = None

    def fires(self, unit: Unit) -> bool:
        return self.name in unit.hits if self.test is None else self.test(unit)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span worth checking: `text` is exactly `document[start:end]`; in a transcript,
    `speaker` is who said it (see `transcript`)."""

    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    suggested_type: str
    speaker: str | None = None


def _cue(name: str, *, quoted: bool) -> Callable[[Unit], bool]:
    """A cue in the author's voice (outside all quotation marks), or, with `quoted`, one inside
    an attributed quotation."""

    def fires(unit: Unit) -> bool:
        found = unit.hits.get(name)
        if not found:
            return False
        if quoted:
            return bool(unit.spoken) and any(at in unit.spoken for at in found)
        return not unit.quoted or any(at not in unit.quoted for at in found)

    return fires


def _heading(unit: Unit) -> bool:
    s = unit.text
    return s[-1] not in _ENDS_PUNCT and len(s) <= _HEADING_MAX and not _CLAUSE_PUNCT.search(s)


def _too_short(unit: Unit) -> bool:
    s = unit.text
    # Only a short unit can have too few letters; counting them in a long one is wasted work.
    return len(s) < _SHORT_LEN and len(_CONTENT.findall(s)) < _MIN_CONTENT


def _question(unit: Unit) -> bool:
    s = unit.text
    return "?" in s or "？" in s or _QUESTION_END.search(s) is not None


_FIGURES = ("number", "money", "percentage", "fraction", "multiplier", "year", "date")
_AUTHORS_PREDICTION = _cue("prediction_cue", quoted=False)


def _forecast(unit: Unit) -> bool:
    # Chinese prose only: the debate-learnt English model has no weight for it, and the text
    # the Chinese model reads has CJK in it.
    hits = unit.hits
    return (
        any(f in hits for f in _FIGURES)
        and _AUTHORS_PREDICTION(unit)
        and _HAS_CJK.search(unit.text) is not None
    )


FEATURES: tuple[Feature, ...] = (
    Feature("number"),
    Feature("money"),
    Feature("percentage"),
    Feature("fraction"),
    Feature("multiplier"),
    Feature("year"),
    Feature("date"),
    Feature("first_or_only"),
    Feature("superlative"),
    Feature("ranking"),
    Feature("named_entity", lambda u: bool(u.entities)),
    Feature("several_entities", lambda u: len(u.entities) >= 2),
    Feature("attribution"),
    Feature("attributed_quote", lambda u: bool(u.spoken)),
    Feature("comparison"),
    Feature("event"),
    Feature("opinion_cue", _cue("opinion_cue", quoted=False)),
    Feature("quoted_opinion", _cue("opinion_cue", quoted=True)),
    Feature("figurative", _cue("figurative", quoted=False)),
    Feature("narrative"),
    Feature("feeling"),
    Feature("family"),
    Feature("belief"),
    # Chinese writes statistics in Arabic digits and narrative counts in characters (the
    # national standard GB/T 15835 asks for this): 三个人, 四十天, 十几个问题 tell a story.
    Feature(
        "spelled_number",
        lambda u: "number" in u.hits and len(u.hits.get(_SPELLED, ())) == len(u.hits["number"]),
    ),
    Feature("prediction_cue", _cue("prediction_cue", quoted=False)),
    # A plan, target or forecast in Chinese prose that carries a figure (目标是在2026年……,
    # 预计……突破55亿元): the figure is what is planned or foreseen, no more a record than the
    # plan is.
    Feature("forecast", _forecast),
    Feature("quoted_prediction", _cue("prediction_cue", quoted=True)),
    Feature("question", _question),
    Feature("heading", _heading),
    Feature("too_short", _too_short),
)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)

_QUANTITY = frozenset({"number", "money", "percentage", "fraction", "multiplier"})
_TIME = frozenset({"year", "date"})
_HARD = _QUANTITY | _TIME | {"first_or_only", "ranking"}


def score_text(
    s: str,
    *,
    names: frozenset[str] | None = None,
    quotes: Sequence[tuple[int, int, bool]] | None = None,
) -> tuple[float, tuple[str, ...], str]:
    """Score one sentence or clause: (score in [0, 1], reasons, suggested claim type).

    On its own, `s` is its only context: the Chinese names and the attributed quotations are
    those that `s` itself shows. `find_candidates` passes what it learnt from the whole
    document: `names` (see `harvest_names`) and `quotes`, the quotations that overlap `s` as
    (start, end, attributed) with offsets into `s`.
    """
    body, lead = _body(s)
    scored = _Scored.of(_unit(body, names, quotes, lead))
    return scored.score, scored.reasons(), scored.kind()


def _body(s: str) -> tuple[str, int]:
    """`s` without a list marker and surrounding space, and where it starts in `s`."""
    marker = _LIST_MARKER.match(s)
    lead = marker.end() if marker else 0
    lead += len(s[lead:]) - len(s[lead:].lstrip())
    return s[lead:].rstrip(), lead


def named_features(s: str) -> tuple[str, ...]:
    """The names of the features that fire on `s` taken alone (what the model is trained on)."""
    body, lead = _body(s)
    return _fired(_unit(body, None, None, lead)) if body else ("too_short",)


@dataclass(slots=True)  # not frozen: built per unit (see Unit)
class _Scored:
    """A scored unit. The score is all most units need (they fall short of the threshold), so
    the reasons and the suggested type are only built when asked for."""

    score: float
    fired: tuple[str, ...]
    reading: checkworthy_model.Reading | None
    text: str
    # In a transcript: the context features of the unit's sentence with their weights (see
    # `turn_context`), counted when the English model reads it; a clause has its unit's.
    context: Context = ()

    @staticmethod
    def of(unit: Unit, context: Context = ()) -> _Scored:
        """Score a unit; `upper()` is the best score its positive evidence alone could reach
        (no clause of the unit can score higher)."""
        model = checkworthy_model.load()
        body = unit.text
        if not body:
            too_short = model.plain.bias + model.plain.features["too_short"]
            return _Scored(_squash(too_short), (), None, body, context)
        fired = _fired(unit)
        reading = model.read(body)
        part = model if reading.english else model.plain
        logit = part.bias + part.bands.get(reading.band, 0.0)
        weights = part.features
        for name in fired:
            logit += weights.get(name, 0.0)
        if reading.english:
            for _, v in reading.terms:
                logit += v
            for _, v in context:
                logit += v
        else:
            logit += reading.chars
        return _Scored(_squash(logit), fired, reading, body, context)

    def passes(self, min_score: float, bar: float) -> bool:
        """Does this clause pass: `min_score` if the English model read it, else `bar`?"""
        english = self.reading is not None and self.reading.english
        return self.score >= (min_score if english else bar)

    def reasons(self) -> tuple[str, ...]:
        reading = self.reading
        if reading is None:
            return ("too_short",)
        model = checkworthy_model.load()
        part = model if reading.english else model.plain
        reasons = self.fired + checkworthy_model.explain_band(reading.band, part.bands)
        if reading.english:
            context = checkworthy_model.explain_context(self.context)
            return reasons + context + checkworthy_model.explain(reading.terms)
        chars = model.plain.char_terms(reading.grams)
        return reasons + checkworthy_model.explain(chars, kind="chars")

    def kind(self) -> str:
        return "fact" if self.reading is None else _suggest_type(frozenset(self.fired))

    def _bases(
        self, reading: checkworthy_model.Reading, clauses: Sequence[tuple[str, ...]]
    ) -> tuple[float, float]:
        """The best logit of any clause of this unit under each model before the plain one's
        character grams: the best length band, the best positive evidence of the named features
        among `clauses` (the features each clause fires, see `_SpanScorer.clause_features`),
        and the unit's positive words (and, under the English model, the context, which every
        clause of the unit has, whatever its sign)."""
        # The clauses' own features, not the unit's: a feature's rule reads the neighbours of
        # its cue, and a clause has fewer (in "MiniMax0,0。" the unit's "0,0" is glued to a
        # name, but its clause "0。" is a number), so a clause can fire what its unit does not.
        model = checkworthy_model.load()
        english_features = model.positive
        plain_features = model.plain.positive
        english_best = plain_best = 0.0
        for fired in clauses:
            english_best = max(english_best, sum(english_features.get(f, 0.0) for f in fired))
            plain_best = max(plain_best, sum(plain_features.get(f, 0.0) for f in fired))
        band = reading.band
        english = model.ceiling[band] + english_best
        english += sum(v for _, v in reading.terms if v > 0)
        english += sum(v for _, v in self.context)
        plain = model.plain.ceiling[band] + plain_best
        return english, plain

    def bounds(self, clauses: Sequence[tuple[str, ...]]) -> tuple[float, float]:
        """The best score a clause of this unit can reach when the English model reads it, and
        when the plain one does, given the named features each of its `clauses` fires: if each
        is below what a clause read by that model must reach, the clauses need not be scored."""
        # A clause has a subset of the unit's words, its own features, maybe a shorter length band
        # and, in mixed text, maybe the other model: the bound allows for each.
        reading = self.reading
        if reading is None:
            return self.score, self.score
        english, plain = self._bases(reading, clauses)
        part = checkworthy_model.load().plain
        # Its characters are some of its unit's, but where it starts and ends is its own
        # (`edges`). Without CJK, the plain model reads only a clause without Latin letters
        # either (figures and punctuation: "0;"), whose grams are made of a few marks.
        if part.chars and not reading.english:
            plain += part.char_sum(reading.grams, positive=True) + part.edges
        elif part.chars and _HAS_CJK.search(self.text):
            grams = checkworthy_model.char_grams(self.text)
            plain += part.char_sum(grams, positive=True) + part.edges
        elif part.chars:
            plain += part.marks_only
        # A clause that is only a list marker has no body: the plain model scores it too short.
        plain = max(plain, part.bias + part.features["too_short"])
        return _squash(english), _squash(plain)

    def upper(self, clauses: Sequence[tuple[str, ...]]) -> float:
        """The best score a clause of this unit can reach, under either model."""
        return max(self.bounds(clauses))

    def clause_filter(
        self, clauses: Sequence[tuple[str, ...]], min_score: float, bar: float | None = None
    ) -> Callable[[str], bool]:
        """For a clause of this unit, given its text: can it pass, that is score `min_score`
        when the English model reads it, or `bar` (`min_score` unless given) when the plain one
        does? One model reads it, and the plain one's grams are the clause's own: its CJK
        characters first, with the most its marks, start and end could add (a set and a sum,
        in C), then, if that is not enough to say no, all of them (reading them costs a tenth
        of scoring the clause)."""
        plain_bar = min_score if bar is None else bar
        reading = self.reading
        if reading is None:
            return lambda clause: self.score >= min(min_score, plain_bar)
        english, plain = self._bases(reading, clauses)
        if _squash(english) >= min_score:
            return lambda clause: True
        part = checkworthy_model.load().plain
        short = _squash(part.bias + part.features["too_short"]) >= plain_bar  # an empty body's
        if not part.chars:
            return lambda clause: short or _squash(plain) >= plain_bar

        def may_pass(clause: str) -> bool:
            body = _body(clause)[0]
            if not body:
                return short
            if _squash(plain + part.char_sum(set(body), rough=True)) < plain_bar:
                return False
            if checkworthy_model.mostly_english(body):
                return False  # the English bound is below min_score
            grams = checkworthy_model.char_grams(body)
            return _squash(plain + part.char_sum(grams)) >= plain_bar

        return may_pass


def _unit(
    body: str,
    names: frozenset[str] | None,
    quotes: Sequence[tuple[int, int, bool]] | None,
    lead: int,
) -> Unit:
    if not body:  # nothing to read: scored as too short
        return Unit(body, {}, frozenset(), _NO_SPANS, _NO_SPANS)
    known = harvest_names(body) if names is None else names
    if quotes is None:
        found = _quotes_in(body, known)
    else:
        found = _shift(quotes, lead, len(body)) if quotes else ()
    # Without a letter or a digit there is no cue to scan for and no name to find.
    wordy = _CONTENT.search(body) is not None
    if not found:  # most units: no quotation, nothing to sort
        quoted = spoken = _NO_SPANS
    else:
        quoted = _Spans((a, b) for a, b, _ in found)
        spoken = _Spans((a, b) for a, b, said in found if said)
    return Unit(
        body,
        _scan(body, bool(found)) if wordy else {},
        _entities(body, known) if wordy else frozenset(),
        quoted,
        spoken,
    )


# `_fired` runs for every unit: features without a test are read off the (few) keys of the
# scan's hits, a cue test is skipped when its cue was not found, and the names are put back in
# the order of FEATURES.
_ORDER = {f.name: i for i, f in enumerate(FEATURES)}
_UNTESTED = frozenset(f.name for f in FEATURES if f.test is None)
_CUE_OF = {
    "spelled_number": _SPELLED,
    "opinion_cue": "opinion_cue",
    "quoted_opinion": "opinion_cue",
    "figurative": "figurative",
    "prediction_cue": "prediction_cue",
    "quoted_prediction": "prediction_cue",
    "forecast": "prediction_cue",
}
_TESTED = tuple((f.name, _CUE_OF.get(f.name), f.test) for f in FEATURES if f.test is not None)


def _fired(unit: Unit) -> tuple[str, ...]:
    hits = unit.hits
    found = [name for name in hits if name in _UNTESTED]
    found += [
        name
        for name, cue, test in _TESTED
        if (cue is None or cue in hits) and test is not None and test(unit)
    ]
    found.sort(key=_ORDER.__getitem__)
    return tuple(found)


def _squash(x: float) -> float:
    return round(1.0 / (1.0 + math.exp(-x)), 3)


def _shift(
    quotes: Sequence[tuple[int, int, bool]], lead: int, size: int
) -> tuple[tuple[int, int, bool], ...]:
    clipped = ((max(a - lead, 0), min(b - lead, size), t) for a, b, t in quotes)
    return tuple((a, b, t) for a, b, t in clipped if a < b)


def _suggest_type(r: frozenset[str]) -> str:
    """The kind of claim, by the strongest evidence. A prediction cue wins over everything (a
    forecast with a number in it is still a forecast); an opinion cue wins unless the unit
    also holds a number, a date, a first or a rank that can be checked regardless; an opinion
    in an attributed quotation is an attribution claim: what is checked is that it was said."""
    if r & {"prediction_cue", "quoted_prediction"}:
        return "prediction"
    if r & {"opinion_cue", "question", "figurative"} and not r & _HARD:
        return "opinion"
    if "quoted_opinion" in r and not r & _HARD:
        return "attribution"
    if "first_or_only" in r or ("superlative" in r and not r & _QUANTITY):
        return "priority"
    if "ranking" in r:
        return "ranking"
    if r & _QUANTITY:
        return "quantity"
    if r & _TIME:
        return "date"
    if r & {"attribution", "attributed_quote"}:
        return "attribution"
    return "fact"


# ---- finding cues -----------------------------------------------------------------------


def _scan(s: str, where: bool = True) -> dict[str, list[int]]:
    """Where each lexical cue occurs in `s`, by feature name. Without `where`, English cues may
    be recorded at -1: only the quotation tests read a cue's position (see `_cue`), and a unit
    without quotations needs none."""
    hits: dict[str, list[int]] = {}
    for m in _ZH_CUE.finditer(s):
        text = m.group()
        for k in range(min(len(text), _MAX_HEAD), 0, -1):
            feature = _ZH_HEADS.get(text[:k])
            if feature:
                hits.setdefault(feature, []).append(m.start())
                break
    if _HAS_LATIN.search(s):
        _scan_english(s, hits, where)
    for m in _NUMERAL.finditer(s):
        _classify_number(s, m.start(), m.end(), hits)
    return hits


def _scan_english(s: str, hits: dict[str, list[int]], where: bool) -> None:
    # ASCII letters folded, nothing else (as bytes, in C), so offsets carry over.
    low = s.encode("utf-8").lower().decode("utf-8")
    tokens = _EN_TOKEN.findall(low)
    if _EN_TRIGGERS.isdisjoint(tokens):
        return  # most clauses of English prose: one set operation, in C
    spans: list[tuple[int, int]] = []
    start = end = -1
    original = ""
    for i, word in enumerate(tokens):
        if word not in _EN_TRIGGERS:
            continue  # most words: one set lookup and on to the next
        # Where the word is, and how it is written, matter only for the quotation tests and
        # for words whose case or neighbours decide (May, USD, No. 1, top 10): finding every
        # word's offsets is most of this scan's cost, so it is done only then.
        if where or word in _EN_CASED:
            if not spans:
                spans = [m.span() for m in _EN_TOKEN.finditer(low)]
            start, end = spans[i]
            original = s[start:end]
        else:
            start, end, original = -1, -1, word
        prev = tokens[i - 1] if i else ""
        feature = _EN_PAIRS.get((prev, word)) if prev else None
        if feature is None:
            feature = _EN_WORDS.get(word)
        if word == "first":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt not in _NOT_A_FIRST_AFTER and prev not in _NOT_A_FIRST_BEFORE:
                feature = "first_or_only"
        elif word == "only" and prev == "not":
            feature = None
        elif _is_english_date(original, s, end):
            feature = "date"
        elif original in _CURRENCY_CODES:
            feature = "money"
        elif (original == "No" and _NUMBER_AFTER_NO.match(s, end)) or (
            word == "top" and _NUMBER_AFTER_TOP.match(low, end)
        ):
            feature = "ranking"
        if feature:
            hits.setdefault(feature, []).append(start)


def _is_english_date(word: str, s: str, end: int) -> bool:
    """A capitalised month or weekday (May the month, not may the verb), a quarter (Q3), or an
    abbreviated month before a day (Feb. 12)."""
    if word in _MONTHS or word in _WEEKDAYS or word in _QUARTERS:
        return True
    return word in _MONTH_ABBR and _DAY_AFTER_MONTH.match(s, end) is not None


def _classify_number(s: str, start: int, end: int, hits: dict[str, list[int]]) -> None:
    """Decide what the run of numerals `s[start:end]` is, from its neighbours."""
    while end > start and s[end - 1] in ".,":
        end -= 1
    token = s[start:end]
    before = s[start - 1] if start else " "
    found: list[str] = []
    if token[0].isdigit():
        # Digits glued to Latin letters are names (M2, GPT-4), as is a version after an
        # acronym (AI 1.0).
        if before.isascii() and (before.isalpha() or before in "-_."):
            return
        if start >= 2 and before == " " and s[start - 2].isupper() and s[start - 2].isascii():
            return
        digits = token.replace(",", "")
        if before in "$€£¥" or _CURRENCY_AFTER.match(s, end):
            found += ["money", "number"]
        if _PERCENT_AFTER.match(s, end):
            found += ["percentage", "number"]
        elif s.startswith("/", end) and s[end + 1 : end + 2].isdigit():
            found += ["fraction", "number"]
        elif _MULTIPLIER_AFTER.match(s, end):
            found += ["multiplier", "number"]
        elif s.startswith("强", end):
            found += ["ranking", "number"]
        elif _is_year(s, digits, end):
            found.append("year")
        elif _is_arabic_date(s, digits, end):
            found.append("date")
        elif not found:
            found.append("number")
    else:
        if token == "百" and s.startswith("分之", end):
            found.append("percentage")
        elif s.startswith("分之", end):
            found.append("fraction")
        elif s.startswith("倍", end):
            found += ["multiplier", "number"]
        elif _DATE_AFTER.match(s, end) or (s.startswith("月", end) and token in _ZH_MONTHS):
            found.append("date")
        elif token.strip("一") and not (token == "零" and s.startswith("件", end)):
            # 一个, 一种 are articles, not counts; 零件 are parts, not zero of anything.
            if _CURRENCY_AFTER.match(s, end):
                found += ["money", "number"]
            elif s.startswith("强", end):
                found += ["ranking", "number"]
            elif (token[-1] in "万亿" and len(token) > 1) or _ZH_UNIT_AFTER.match(s, end):
                found.append("number")
        if "number" in found:
            hits.setdefault(_SPELLED, []).append(start)
    for feature in found:
        hits.setdefault(feature, []).append(start)


def _is_arabic_date(s: str, digits: str, end: int) -> bool:
    """6月, 15日, 3年前: a month, a day of the month, or a time counted back from now."""
    if _DATE_AFTER.match(s, end):
        return True
    if not digits.isdigit():
        return False
    if _MONTH_AFTER.match(s, end):
        return 1 <= int(digits) <= 12
    return _DAY_AFTER.match(s, end) is not None and 1 <= int(digits) <= 31


def _is_year(s: str, digits: str, end: int) -> bool:
    if len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2099:
        return False
    after = s[end : end + 1]
    return not after or after in "年s" or not (after.isalnum() or after in "%％")


# ---- names ------------------------------------------------------------------------------


def harvest_names(text: str) -> frozenset[str]:
    """Chinese personal names that `text` marks as names somewhere (see `_NAME_TRIGGER`)."""
    names: set[str] = set()
    for m in _NAME_TRIGGER.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        found: re.Match[str] | None
        if word == "老":
            found = _FAMILIAR_NAME.match(text, start)
            if found:
                names.add(found.group())
            continue
        if word in _TITLE_SET:
            found = _NAME_AFTER_TITLE.match(text, end)
        elif word in _SPEECH_SET:
            found = _NAME_BEFORE_SPEECH.search(text, max(0, start - _LOOKBACK), start)
        else:
            found = _NAME_BEFORE_MEETING.search(text, max(0, start - _LOOKBACK), start)
        if found:
            names.add(found.group(1))
    return frozenset(names)


@functools.lru_cache(maxsize=8)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _entities(s: str, names: frozenset[str]) -> frozenset[str]:
    """Names of people, organisations, places and products in `s`, up to two: the features ask
    only whether there is one and whether there are several, so the search stops at two."""
    found: set[str] = set()
    for m in _ZH_ENTITY.finditer(s):
        word, start, end = m.group(), m.start(), m.end()
        if word in _PLACE_SET:
            if not _GENERIC_AFTER_PLACE.match(s, end):
                found.add(word)
        elif word in _ORG_SUFFIXES:
            modifier = s[max(0, start - 2) : start]
            # 商汤科技 is a company, 中国科技企业 is not: 科技 names one only at a word's end.
            glued = word == "科技" and end < len(s) and _is_cjk(s[end])
            specific = len(modifier) == 2 and _all_cjk(modifier) and modifier not in _GENERIC_ORG
            if specific and not glued:
                found.add(s[max(0, start - 4) : end])
        elif word in _HONORIFICS:
            for size in (3, 2):
                name = s[max(0, start - size) : start]
                if len(name) == size and name[0] in _SURNAMES and _all_cjk(name):
                    found.add(name)
                    break
        else:
            # A title followed by a surname: enough to know someone is named, even where the
            # name's length is unclear (harvest_names is stricter, it reuses the names).
            title = _SURNAME_AFTER_TITLE.match(s, end)
            if title:
                found.add(title.group())
    if len(found) >= 2:
        return frozenset(found)
    pattern = _names_pattern(names)
    if pattern is not None:
        found.update(m.group() for m in pattern.finditer(s))
        if len(found) >= 2:
            return frozenset(found)
    first = True
    for m in _LATIN_NAME.finditer(s):
        word = m.group().rstrip(".")
        # The first word of an English sentence is capitalised anyway: there only a word with a
        # second capital (MiniMax, OpenAI, CLIP) counts as a name.
        opening = first and not s[: m.start()].strip(" \"“'‘(（")
        first = False
        if word in _NOT_NAMES or word in _CALENDAR or len(word) < 2:
            continue
        if opening and not any(c.isupper() for c in word[1:]):
            continue
        found.add(word)
        if len(found) >= 2:
            break
    return frozenset(found)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _all_cjk(s: str) -> bool:
    return all(_is_cjk(c) for c in s)


# ---- quotations -------------------------------------------------------------------------


def _is_speech(text: str, q: Segment) -> bool:
    inner = text[q.start + 1 : q.end - 1]
    return len(inner) >= _SPEECH_MIN or any(c in _SPEECH_PUNCT for c in inner)


def _quotes_in(text: str, names: frozenset[str]) -> tuple[tuple[int, int, bool], ...]:
    """The quotations of `text` as (start, end, attributed). A quotation is attributed when it
    is speech (not a scare-quoted word or two) and its paragraph names a speaker or has a verb
    of saying outside every quotation."""
    names_rx = _names_pattern(names)
    quotes = quotations(text)
    out: list[tuple[int, int, bool]] = []
    at = 0
    for block in blocks(text):
        inside: list[Segment] = []
        while at < len(quotes) and quotes[at].start < block.end:
            if quotes[at].start >= block.start:
                inside.append(quotes[at])
            at += 1
        spoken = bool(inside) and _has_speaker(text, block, inside, names_rx)
        out.extend((q.start, q.end, spoken and _is_speech(text, q)) for q in inside)
    return tuple(out)


def _has_speaker(
    text: str, block: Segment, quotes: list[Segment], names_rx: re.Pattern[str] | None
) -> bool:
    at = block.start
    for q in [*quotes, Segment(block.end, block.end)]:
        if q.start > at:
            if _SPEECH_VERB.search(text, at, q.start):
                return True
            if names_rx is not None and names_rx.search(text, at, q.start):
                return True
        at = max(at, q.end)
    return False


# ---- candidates -------------------------------------------------------------------------


def candidate_units(text: str) -> list[Segment]:
    """The units that are scored: sentences, cut at semicolons into clauses of useful length
    (`_find` cuts them the same way)."""
    units: list[Segment] = []
    for sentence in split_sentences(text):
        units.extend(_merge_short(split_clauses(text, sentence.start, sentence.end, ";；")))
    return units


def _merge_short(parts: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for part in parts:
        if merged and (_short(part) or _short(merged[-1])):
            merged[-1] = Segment(merged[-1].start, part.end)
        else:
            merged.append(part)
    return merged


def _short(seg: Segment) -> bool:
    return seg.end - seg.start < _MIN_CLAUSE


def _document_scorer(text: str) -> _SpanScorer:
    names = harvest_names(text)
    quotes = _quotes_in(text, names)
    # Merged, the quotations become disjoint intervals that bisection finds in any span,
    # however many quotations a paragraph holds.
    return _SpanScorer(
        text,
        names,
        _Spans((a, b) for a, b, _ in quotes),
        _Spans((a, b) for a, b, spoken in quotes if spoken),
    )


def span_features(
    text: str, spans: Iterable[tuple[int, int]]
) -> list[tuple[tuple[str, ...], str, set[str]]]:
    """For each span of `text`: the named features that fire on it, its length band and its
    character grams, read with the whole document's names and quotations as `find_candidates`
    reads them (what the Chinese adaptation of the model is fitted on, see
    tools/train_checkworthy.py)."""
    scorer = _document_scorer(text)
    out: list[tuple[tuple[str, ...], str, set[str]]] = []
    for start, end in spans:
        found = scorer.scored(start, end)
        if found.reading is None:
            out.append((("too_short",), "", set()))
        else:
            grams = checkworthy_model.char_grams(found.text)
            out.append((found.fired, found.reading.band, grams))
    return out


# Units scored between two reports to a progress bar (about 0.2 s of scoring).
PROGRESS_EVERY = 500


def find_candidates(
    text: str,
    min_score: float = EXTRACT_MIN_SCORE,
    progress: Callable[[int, int | None], None] | None = None,
    transcript: Transcript | None = None,
) -> list[Candidate]:
    """The units (or, failing that, runs of clauses) of `text` that score at least
    `min_score`, in document order. Names and quotations are taken from the whole document, so
    a candidate can score higher than `score_text` of its text alone. `progress` hears the
    units scored, of all of them (a bar on a terminal, for a long document).

    With a `transcript` of `text`, its speaker prefixes are read as turn boundaries, never as
    part of a candidate (see `Transcript.masked`), and each candidate carries its speaker."""
    if transcript is None:
        return _find(text, split_sentences(text), None, min_score, progress)
    if transcript.text != text:
        raise ValueError("the transcript was read from another text")
    masked = transcript.masked
    sentences = split_sentences(masked)
    contexts = _sentence_context(masked, sentences, transcript)
    return [
        replace(c, text=text[c.start : c.end], speaker=transcript.speaker_at(c.start))
        for c in _find(masked, sentences, contexts, min_score, progress)
    ]


def _sentence_context(text: str, sentences: list[Segment], transcript: Transcript) -> list[Context]:
    """The context of each sentence of `text` (the transcript's masked text): a sentence some
    speaker says is a line (see `turn_context`), others have none."""
    weights = checkworthy_model.load().context
    out: list[Context] = [()] * len(sentences)
    if not weights:
        return out
    spoken: list[int] = []
    lines: list[tuple[str, str]] = []
    for i, sentence in enumerate(sentences):
        speaker = transcript.speaker_at(sentence.start)
        if speaker is not None:
            spoken.append(i)
            lines.append((speaker, text[sentence.start : sentence.end]))
    known: dict[tuple[str, ...], Context] = {}  # a few dozen combinations in a debate
    for i, names in zip(spoken, line_context(lines), strict=True):
        if names not in known:
            known[names] = tuple((name, weights[name]) for name in names if name in weights)
        out[i] = known[names]
    return out


def _find(
    text: str,
    sentences: list[Segment],
    contexts: list[Context] | None,
    min_score: float,
    progress: Callable[[int, int | None], None] | None,
) -> list[Candidate]:
    """`find_candidates` of `text`, split into `sentences`, each with its context (none
    without `contexts`)."""
    scorer = _document_scorer(text)
    out: list[Candidate] = []
    units: list[Segment] = []
    of_sentence: list[int] = []  # with contexts: the sentence of each unit
    for k, sentence in enumerate(sentences):
        parts = _merge_short(split_clauses(text, sentence.start, sentence.end, ";；"))
        units.extend(parts)
        if contexts is not None:
            of_sentence.extend([k] * len(parts))
    bar = clause_bar(min_score, checkworthy_model.load().plain.clause_margin)
    context: Context = ()
    for done, unit in enumerate(units):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(units))
        if contexts is not None:
            context = contexts[of_sentence[done]]
        found = scorer.scored(unit.start, unit.end, context)
        if found.score >= min_score:
            out.append(scorer.make(unit.start, unit.end, found))
            continue
        clauses = split_clauses(text, unit.start, unit.end)
        if len(clauses) < 2:
            continue
        # A clause can only outscore its unit by leaving the unit's negative cues behind; if the
        # positive evidence alone falls short, no clause of it can pass.
        fired = scorer.clause_features(clauses)
        english, plain = found.bounds(fired)
        if english < min_score and plain < bar:
            continue
        run: list[Candidate] = []
        may_pass = found.clause_filter(fired, min_score, bar)
        for clause in [*clauses, None]:
            part = None
            if clause is not None and may_pass(text[clause.start : clause.end]):
                part = scorer.scored(clause.start, clause.end, context)
            if clause is not None and part is not None and part.passes(min_score, bar):
                run.append(scorer.make(clause.start, clause.end, part))
            elif run:
                out.extend(_join(scorer, run, min_score, bar, context))
                run = []
    if progress is not None:
        progress(len(units), len(units))
    return out


def clause_bar(min_score: float, margin: float) -> float:
    """What a clause of a unit that fell short of `min_score` must score when the plain model
    reads it: `min_score` moved up by `margin` on the logit scale (the Chinese adaptation's
    `clause_margin`, see checkworthy_model), never below `min_score`."""
    if margin <= 0.0 or not 0.0 < min_score < 1.0:
        return min_score
    return max(min_score, _squash(math.log(min_score / (1.0 - min_score)) + margin))


def _join(
    scorer: _SpanScorer, run: list[Candidate], min_score: float, bar: float, context: Context
) -> list[Candidate]:
    if len(run) == 1:
        return run
    start, end = run[0].start, run[-1].end
    whole = scorer.scored(start, end, context)
    return [scorer.make(start, end, whole)] if whole.passes(min_score, bar) else run


@dataclass(frozen=True, slots=True)
class _SpanScorer:
    """Scores spans of one document with its names and its quotations."""

    text: str
    names: frozenset[str]
    quoted: _Spans
    spoken: _Spans

    def make(self, start: int, end: int, found: _Scored) -> Candidate:
        return Candidate(
            start, end, self.text[start:end], found.score, found.reasons(), found.kind()
        )

    def scored(self, start: int, end: int, context: Context = ()) -> _Scored:
        """The span's score (in a transcript, with the `context` of its sentence), with what
        its reasons and its bound are built from."""
        return _Scored.of(self._unit(start, end), context)

    def clause_features(self, clauses: Iterable[Segment]) -> list[tuple[str, ...]]:
        """The named features each of `clauses` fires, as `scored` finds them (what the bound of
        their unit is built from), without the cost of reading their words."""
        out: list[tuple[str, ...]] = []
        for clause in clauses:
            unit = self._unit(clause.start, clause.end)
            out.append(_fired(unit) if unit.text else ())
        return out

    def _unit(self, start: int, end: int) -> Unit:
        quote = self.text[start:end]
        local = [(a - start, b - start, False) for a, b in self.quoted.overlapping(start, end)]
        local += [(a - start, b - start, True) for a, b in self.spoken.overlapping(start, end)]
        body, lead = _body(quote)
        return _unit(body, self.names, local, lead)
