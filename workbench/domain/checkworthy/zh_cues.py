"""The Chinese cue words of check-worthiness, by feature, and the one regex that finds them.

Chinese has no spaces to split words at, so the cues are found by a single regular expression
over the unit's text. Every entry of `ZH_CUES` starts with a literal "head" that names its
feature (checked at import: a head belongs to one feature only); what may follow the head is a
lookaround, so a match never swallows a neighbouring cue, and the lookarounds exclude words that
merely contain a cue (第一性原理, 比如). Starting every alternative with a literal lets the regex
engine skip text fast. `scan` reads the matches; the general knowledge the names need (places,
surnames) lives here too, being Chinese-only word lists.
"""

from __future__ import annotations

import re

from workbench.domain.cjk import BASIC_HAN

# The CJK Unified Ideographs, as a character range: what counts as Chinese text here.
CJK = BASIC_HAN
HAS_CJK = re.compile(f"[{CJK}]")

# Chinese numerals: a run of them is a number to `scan`, as a run of digits is.
ZH_NUMERALS = "零〇一二两三四五六七八九十百千万亿几"
# Countries, regions and cities: general knowledge, not tied to any one article.
PLACES = (
    "中国|美国|日本|韩国|英国|法国|德国|印度|俄罗斯|加拿大|澳大利亚|新加坡|欧洲|欧盟|亚洲|"
    "非洲|硅谷|北京|上海|深圳|杭州|广州|香港|台湾|华盛顿|纽约|伦敦|东京"
)
# Common Chinese surnames, leaving out characters that are mostly ordinary words (于, 高, 方...).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵"
    "覃武戴莫孔汤雍"
)

# A view given in one's own voice: the writer (我, 我们, 笔者, 本人, 个人) thinks, believes,
# is sure of or backs something, or says how it looks to them.
_OWN_VIEW = frozenset(
    [
        subject + verb
        for subject in ("我", "我们", "笔者", "本人", "个人")
        for verb in ("认为", "觉得", "相信", "坚信", "看好")
    ]
    + ["在我看来", "在我们看来", "在笔者看来", "依我看"]
)

# Chinese cues by feature. Each entry starts with a literal "head" that names its feature;
# what follows the head is a lookaround, so a match never swallows a neighbouring cue.
# Wishes (see `WISH`), but not the nouns 希望工程 and 看到了希望.
WISH_CUES = ("希望(?!工程)(?<!看到了希望)(?<!看到希望)", "但愿")

# A rank (排名, 位居, 第三大...): the "ranking" cues.
RANKING_CUES = (
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
)
# A superlative of something measured (最大, 最高, 最早): a record can rank it. A superlative of
# worth (最具创新力, 最好, 最重要) is a verdict.
MEASURED_SUPERLATIVE = (
    "最(?:大|小|高|低|多|少|早|晚|快|慢|贵|便宜|长|短|年轻|年长|老|重(?!要|视|大)|轻|远|深(?!刻|远|入)"
    "|浅|宽|窄|先(?!进))"
)
# No rank or measured superlative in the rest of the sentence (see the writer's reading under
# "opinion_cue"): what a view's exemption reads (`features`), read ahead of a cue.
NO_RANK_AFTER = f"(?![^。；;！？!?]*?(?:{MEASURED_SUPERLATIVE}|{'|'.join(RANKING_CUES)}))"
# The writer's reading of what was just told (see "opinion_cue" and `framing`).
READINGS = ("换句话说", "换言之", "这意味着")

# The first or only one someone has seen or met (他见过的第一台, 她遇到过的"唯一一个"): a
# superlative of their own experience, which no record holds.
# (Not 收到过的第一笔订单, 得到过的: what was received can be a record.)
_MET = ("见过的", "遇到过的", "碰到过的")
PERSONAL_BEST = tuple(f'{met}(?=["“]?(?:第一|唯一))' for met in _MET)


def _not_met(word: str) -> str:
    """Lookbehinds: `word` (just matched) is not the first or only one someone met."""
    return "".join(f"(?<!{met}{q}{word})" for met in _MET for q in ("", '"', "“"))


ZH_CUES: dict[str, tuple[str, ...]] = {
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
        # Not the first or only one someone has seen or met (`PERSONAL_BEST`).
        "第一(?!性|次|天|时间|步|眼|手)" + _not_met("第一"),
        "唯一" + _not_met("唯一"),
        "率先",
        "独家",
        "史上",
        "创纪录",
        "只有",
        "仅有",
        "除了(?=[^。]{1,30}?(?:没有|无人|都不))",
    ),
    # (最 after 见过的, 做过的 is someone's own experience, and so is the first or only one
    # they have seen or met: 他见过的第一台, 遇到过的唯一一个. No record lists what one person has
    # seen; these are superlatives, not firsts.)
    "superlative": (
        "最(?!终|初|后|近|早期|好是|多只)(?=[\u4e00-\u9fff])",
        *PERSONAL_BEST,
    ),
    "ranking": RANKING_CUES,
    "attribution": (
        "表示",
        "称(?![为之号赞呼作])",
        "指出",
        "透露",
        "宣布",
        "宣称",
        "声称",
        # A memoir is a source (他在回忆录中写道); a memory told is story time (`narrative`).
        "回忆录",
        "坦言",
        "说道",
        "说过",
        '说(?=[:：,，"“])',
        # Not the 据 of 数据, 证据, 占据, 单据, 票据, 收据, 凭据, 字据, 割据 (data, evidence,
        # to hold...); but data that show something are a source (……的数据显示, 统计数据表明).
        "据(?!说)(?<![数证占单票收凭字割]据)",
        "数据(?=显示|表明)",
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
        # Leaving a firm is as much a record as joining one (加入, 辞职): 离职, 跳槽, and 离开
        # with the firm it leaves (离开了公司; not 离开家乡, 离开医院是她最难的决定).
        "离职(?!率)",
        "跳槽",
        "离开公司",
        "离开了公司",
        # Not yet profitable: the accounts say so (仍未实现盈利, 至今还没有赚到钱).
        "未实现盈利",
        "未盈利(?!企业|公司)",
        "没有盈利(?!模式|能力)",
        "没有赚到钱",
        "没赚到钱",
    ),
    "opinion_cue": (
        "应该",
        "应当",
        "觉得",
        # A view in one's own voice (`OWN_VIEW`): 我们认为 is no more a report of what someone
        # believes than 我认为 (认为 alone is a `belief`, the view of whoever holds it).
        *sorted(_OWN_VIEW),
        *WISH_CUES,
        "似乎",
        "或许",
        "也许",
        "恐怕",
        "显然",
        "无疑",
        "不得不说",
        "可以说",
        # One's own estimate or judgement (我估计, 我们判断), as 我认为 is a view; not 自我判断
        # (self-judgement, a noun).
        "我估计(?<!自我估计)",
        "我判断(?<!自我判断)",
        "我们估计",
        "我们判断",
        "笔者估计",
        "笔者判断",
        # The writer's own reading of what was just told: in other words, which means (换句话说,
        # 这意味着; not before a rank or a measured superlative, which a record can confirm:
        # 这意味着，它已成为全球最大的……), and how rare or common they find it (并不多见).
        *(cue + NO_RANK_AFTER for cue in READINGS),
        "并不多见",
        "并不少见",
        "并不罕见",
        "并不稀奇",
        "看来",
        "有意义",
        # Worth it (值得一试, 值得信赖): a verdict. Not 值得注意的是 and its kin, which only point
        # at the fact that follows (值得注意的是，前五大厂商的合计份额不足三成).
        "值得(?!注意|一提|关注的是|指出)",
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
        # Someone recalls (一位早期员工回忆，那段时间……; 他后来回忆): a memory, told in a profile,
        # that no record holds. (Not 回忆录, a memoir: `attribution`.)
        "回忆(?!录)",
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
        # What someone wore and what they stared at: a scene set, not a record. (Not 贯穿着,
        # what runs through something.)
        "穿着(?<!贯穿着)",
        "身着",
        "盯着",
        # The story's turning point (转机出现在2021年, 迎来转机, 真正的转折来自政策): the writer's
        # frame for what follows, not a record of anything. (Not 转机 of a flight: 需要转机两次.)
        "转机(?:(?=出现|来自|发生|终于|在于)|(?<=迎来转机)|(?<=出现转机)|(?<=带来转机)|(?<=有了转机))",
        "转折",
    ),
    # A habit or a rule, told as what someone always does ("每逢卫星发射，他都会……", "每一个新模型
    # 上线之前，他都要……", "公司的任何会议都不能超过45分钟"): a trait of a person or a firm, not
    # an event a record holds. (每天, 每周 and 每晚 are `narrative`. 每家门店都有3名药剂师 and
    # 每一款产品都是自研的 say what holds of each, which a record can: 都有 and 都是 are left out.)
    "habitual": (
        # Not a rate (每年, 每股, 每吨, 每平方米, 每10个), nor the 都 of 成都, 首都, 京都.
        "每(?!年|股|吨|平方|立方|千|公|克|升|[0-9])"
        "(?=[^。；;！？!?]{0,24}?(?<![成首京])都(?:要|会|得|能|不|没|在|先))",
        "任何(?=[^，,。；;！？!?]{0,12}?都)",
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
    # Hearsay: an unnamed "someone" says it, or word has it (有人说, 有人甚至当面告诉她, 有消息称,
    # 据传, 坊间传闻). No record names who said it; a named source, or a 知情人士 who 透露 a
    # figure, is `attribution`. (没有人, 所有人: nobody and everybody are no source either way;
    # 有人员, 有人才: no one at all; 持有人, 拥有人: a holder, who is named by what is held.)
    "hearsay": (
        "有人(?<![没所持拥共占]有人)(?![员才工数口事气力类性民])(?=[^，,。；;！？!?]{0,4}?(?:说|称|认为|觉得"
        "|告诉|表示|质疑|怀疑|批评|担心|调侃|开玩笑|私下))",
        "有消息(?=称|说|指|透露)",
        "据传",
        "传言",
        "传闻",
        "坊间",
    ),
    # Verbs that introduce someone's view or image of a thing, not a fact: what follows 认为 or
    # 形容 is an opinion or a figure of speech, whoever holds it. (Not 难以相信, 不敢相信,
    # 无法相信, 难以形容, 无法形容: the words say how astonishing or beyond words a thing is, and
    # introduce no view anyone holds.)
    "belief": (
        "认为",
        # Someone's judgement, given as such (宋予川的判断是，行业最终只会剩下三到四家公司); not a
        # verdict on one (他的判断是正确的).
        "判断是(?<=的判断是)(?!正确|对的|错的|准确)",
        "相信(?<!难以相信)(?<!不敢相信)(?<!无法相信)",
        "坚信",
        "担心",
        "担忧",
        "看好",
        "形容(?<!难以形容)(?<!无法形容)",
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
        # Not 展望未来, a set phrase that opens a paragraph on any subject.
        "未来(?<!展望未来)",
        "会追上",
        # Plans, targets and what-ifs: not yet a record of anything. (Not the nouns 计划生育,
        # the one-child policy, or 目标客户 and its kin, nor 可能令人意外, a hedge on a fact.)
        "计划(?!生育)",
        "目标(?!客户|用户|人群|群体|市场)",
        "打算",
        "可能(?!令人|让人)",
        "如果",
        "假如",
        # Even if, should it be (哪怕只有10%的开发者愿意……, 哪怕再难): a what-if conceded. Not the
        # 哪怕 of a fact granted (哪怕在最困难的2020年，营收也增长了30%: even in).
        "哪怕(?=只|仅|最终|再)",
        "倘若",
        "假若",
        # (将于12月3日公布: what is yet to happen; not the 将 of a general, 老将于2019年退役.)
        "将(?=会|要|来|能|可|在|成为|通向|深入|继续|持续|进一步)",
        "将于(?<![老名大中上少主干猛战武女悍小副宿骁爱]将于)",
    ),
}


# A wish: an opinion cue, and what the clauses before a run of clauses may frame it with (see
# `candidates.framed`). Not the nouns: 希望工程 (a charity), 看到了希望 (hope was seen).
WISH = re.compile("|".join(WISH_CUES))

# The opinion cues that give the writer's (or the speaker's) own view: a unit that states one and
# holds nothing checkable is an opinion, not a claim (see `features.own_opinion`).
OWN_VIEW = _OWN_VIEW


def _head(entry: str) -> str:
    m = re.match(r"[^\\\[\](){}?*+|.^$]+", entry)
    if not m:
        raise ValueError(f"cue {entry!r} must start with a literal")
    return m.group()


def _build_heads() -> dict[str, str]:
    heads: dict[str, str] = {}
    for feature, entries in ZH_CUES.items():
        for entry in entries:
            head = _head(entry)
            if heads.get(head, feature) != feature:
                raise ValueError(f"cue head {head!r} belongs to two features")
            heads[head] = feature
    return heads


def _by_first_character(entries: list[str]) -> str:
    """The alternation of `entries` (each one alternative, starting with a literal), grouped by
    first character: where a cue may start, the regex engine tries only the entries that start
    with the character found (a flat alternation tries them all: a third slower on the bench's
    Chinese units). Within a group the entries keep their order, so the same entry wins where
    several match."""
    groups: dict[str, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry[0], []).append(entry[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Each head's feature (`scan` looks up the head of every match here), and every cue in one
# regex.
ZH_HEADS = _build_heads()
if not OWN_VIEW.issubset(h for h, f in ZH_HEADS.items() if f == "opinion_cue"):
    raise ValueError("every own view must be an opinion cue")
MAX_HEAD = max(map(len, ZH_HEADS))
ZH_CUE = re.compile(
    _by_first_character(
        sorted(
            (e for entries in ZH_CUES.values() for e in entries),
            key=lambda e: -len(_head(e)),  # the longest head wins where two start together
        )
    )
)
