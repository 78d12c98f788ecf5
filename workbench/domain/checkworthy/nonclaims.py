"""Sentences that are no claim whatever they hold: adverts, bylines and credits, boilerplate.

A desk reads past these at once, but their figures, dates and names are what the model scores
high: "【推广】扫码关注……领取最高500元优惠券" has money, "文/李四 编辑/王五 2024-10-28 10:30" a
year, "本文首发于……" a first. They are recognised by their shape, not weighed: a sentence of
one is not scored at all (`find_candidates` gives it the score 0 with the reason, so it is
listed only at --min-score 0, and none of its clauses is looked at).

- advert: a block (paragraph) that opens with a marker (【推广】, 【广告】, 广告：, Sponsored:) from
  that line on, a line that is only a marker (广告, — 推广 —, Advertisement) and the block after
  it (in a text without blank lines, a paragraph a line, a block is one line), and any sentence
  that asks the reader to act (扫码关注, 长按识别二维码, 点击阅读原文, 即可领取, click here, use
  code SAVE20). The phrases address the reader: a sentence that reports 扫码支付, 领取优惠券的用户
  or advertising revenue has none of them.
- byline: a sentence made only of credit fields (记者 张三 报道, 文/李四, 责任编辑：王五,
  来源：某日报, a date and a time), a photo credit (（张三 摄）, Photo credit: ...; a caption that
  describes its picture is left to the model),
  "By Jane Doe", "Reporting by ...; Editing by ...", a dateline standing alone
  (新华社北京5月20日电（记者 陈立新）) and a line that is only a date (and a time: an
  announcement's 2024年2月27日 under its signature). What follows an English credit word is
  held to the same rule: names, agencies, places, a date and a few small words ("Research by
  Harvard economists found that ..." and "By Christmas Eve — a week late — Apple had shipped
  ..." are reports). A dateline that opens a real sentence
  (本报讯（记者 张三）1月22日，市统计局发布……) is no byline: the sentence holds more than
  fields.
- boilerplate: copyright, reprint and disclaimer lines (版权所有, 本文首发于……, 转载请注明出处,
  不构成投资建议, All rights reserved, first appeared in) and end marks ((完), -END-).
- heading: a section number and a title without a figure, a line of their own (一、从零开始的
  工厂, （二）对手, 03 一个慢的人): the sentences under it state what it names.
- filing: a listed company's header of codes (证券代码：600000 证券简称：某某银行 公告编号：
  2024-012), read as a credit line of its own labels; the board's pledge that the filing is
  true (……保证本公告内容不存在任何虚假记载) is boilerplate.
- table: a table's header row or a row of bare figures, a line of its own (see `tables`; found
  by each short line that is one sentence, as headings are by their number).

Opinions in the writer's own voice with nothing to check are the other kind of non-claim (see
`features.own_opinion`): that test needs the unit's features, these only its text.

Cost: most documents have none of these, so each is looked for in two steps. First, one pass
over the whole text for literal trigger words (`_TRIGGERS`: a regex of literals grouped by
first character, which the regex engine skips through in C; a few lower-case English phrases
are looked for one by one); then only the sentences (or lines, for advert markers) where a
trigger falls are read with the patterns. So every pattern below holds a trigger word, in the
case written (tests/unit/test_nonclaims.py reads a sentence of each kind). Headings, which hold
no word of their own, are found by their number at a line's start (`_SECTION_START`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain.checkworthy.en_cues import CALENDAR
from workbench.domain.checkworthy.scan import ZH_UNIT_AFTER, scan
from workbench.domain.checkworthy.tables import ROW_MAX, table_row
from workbench.domain.cjk import BASIC_HAN
from workbench.domain.rebuild import by_fields
from workbench.domain.segment import Segment
from workbench.domain.transcript import CUE_TIMING

# How a reason reads among a candidate's reasons: `not a claim: advert "【推广】"`.
NOT_A_CLAIM = "not a claim: "
_CUE_SHOWN = 24  # characters of the deciding cue shown in the reason


def reason(kind: str, cue: str) -> str:
    """The reason a span is no claim: its `kind` and the `cue` that decided (shortened)."""
    cue = " ".join(cue.split())
    if len(cue) > _CUE_SHOWN:
        cue = cue[: _CUE_SHOWN - 1] + "…"
    return f'{NOT_A_CLAIM}{kind} "{cue}"'


def _words(s: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(s.split(sep))


def _each(heads: str, tails: str) -> tuple[str, ...]:
    """Each of `heads` followed by each of `tails` (both separated by "|")."""
    return tuple(h + t for h in heads.split("|") for t in tails.split("|"))


def _literals(words: Iterable[str]) -> re.Pattern[str]:
    """One regex of the literal `words`, grouped by first character: the regex engine skips in
    C to the next character that starts a word and tries only the words that start with it (a
    flat alternation of the same words is several times slower)."""
    tails: dict[str, list[str]] = {}
    for word in words:
        tails.setdefault(word[0], []).append(word[1:])
    return re.compile(
        "|".join(
            re.escape(first) + "(?:" + "|".join(map(re.escape, sorted(ends, key=len)[::-1])) + ")"
            for first, ends in tails.items()
        )
    )


_CJK = BASIC_HAN
_SPACE = r"[^\S\n]"  # a space that is no line break

# Advert markers, at the start of a line.
_AD_WORDS = (
    "商业推广|品牌推广|合作推广|广告推广|推广内容|赞助内容|付费内容|品牌合作|商业合作|赞助商|推广|广告"
    "|赞助|软文|Sponsored content|Sponsored|SPONSORED|Advertisement|ADVERTISEMENT|Promoted"
    "|Paid post|Paid content|Partner content"
)
# Possessive (*+): each run is of characters the next part cannot start with, so giving any
# back never helps; tried every way, a run of spaces cost time quadratic in its length (12,000
# spaces before a line's "x Ad": 110 s in `extract`).
_AD_MARKER = re.compile(
    rf"{_SPACE}*+(?:[【\[［〔(（]{_SPACE}*+(?:{_AD_WORDS}|AD|Ad){_SPACE}*+[】\]］〕)）]"
    rf"|(?:{_AD_WORDS}){_SPACE}*+[:：]"
    rf"|(?P<alone>[-—–·•|]*+{_SPACE}*+(?:{_AD_WORDS}|AD){_SPACE}*+[-—–·•|]*+{_SPACE}*+$))",
    re.M,
)
# What may be a marker (then its line's start is matched): trigger words too (see `_TRIGGERS`).
_AD_TRIGGER_WORDS = frozenset(
    [
        *_words("推广 广告 赞助 软文 合作 付费 Sponsored SPONSORED Advertisement ADVERTISEMENT"),
        *("Promoted", "Paid ", "Partner ", "AD", "Ad"),
    ]
)

# Sentences that ask the reader to do something: phrases that address the reader, which a
# report of a fact does not use. A phrase that can also tell what people do (扫描二维码被骗,
# 领取优惠券的用户, users click the link) is left out, or asked for with the words that make it
# an instruction (扫描下方二维码, 即可领取, click here).
_ACTIONS = "关注|添加|加入|进群|入群|下载|领取|报名|预约|咨询|订阅|了解|获取|观看|试用"
# The Chinese ones that are literal phrases (each its own trigger word).
_ZH_CALLS = frozenset(
    [
        *_each("长按", "识别|扫码|关注|保存|图中|下方|二维码"),
        *_each("扫码", _ACTIONS),
        *_each("点击", "下方|上方|左下角|右下角|文末|这里|此处|蓝字|卡片|了解更多"),
        *_each("关注", "我们|本号|本公众号"),
        *_each("欢迎|敬请|记得|点击|扫码|长按", "关注"),
        *_each("添加", "小助手|客服微信|小编"),
        "加小编",
        *_each("点个|给个", "赞|在看"),
        "点在看",
        *_each("欢迎|记得|一键", "转发|分享|订阅|扫码"),
        *_words("先到先得 欲购从速 名额有限 售完即止"),
        *_each("即可|免费|立即|马上|快来", "领取"),
    ]
)
_CALL_TO_ACTION = (
    "|".join(map(re.escape, sorted(_ZH_CALLS, key=len, reverse=True))),
    "(?:点击|戳|点)[^。！？\n]{0,6}阅读原文|阅读原文(?:了解|查看|报名|购买|预约|获取|领取|即可)",
    "(?:识别|扫描)(?:图中|下方|上方|文末|左侧|右侧|以下)的?二维码",
    "立享(?:[0-9一二三四五六七八九]折|优惠|折扣|会员价)",
    "(?:优惠码|邀请码)[:：]\\s*[A-Za-z0-9]{3,}",
    r"\b[Cc]lick (?:here|below)\b|\b[Tt]ap here\b"
    r"|\b(?:[Ss]ubscribe|[Ss]ign up) (?:now|today|here)\b|\b[Ss]ign up for (?:our|free)\b"
    r"|\b[Ff]ollow us on\b|\b[Ll]imited[- ]time offer\b"
    r"|\b[Ss]hop now\b",
    r"\b(?:[Uu]se (?:the )?|[Pp]romo |[Dd]iscount |[Cc]oupon )code:? [A-Z0-9]{4,}\b",
)
# Instructions to the reader that count only where they open a sentence ("Scan the QR code to
# ..."; "Customers scan the QR code at the till" is a report).
_IMPERATIVE = (
    r"(?:Scan|Click|Tap) (?:the|this|our|here|below|on)\b"
    r"|(?:Subscribe|Sign up) (?:to|for|now|today|at)\b|Download (?:the|our|it|now)\b|Follow us\b"
    r"|Visit (?:us (?:at|on|online)\b|our (?:web ?site|site|online store|store|shop|page|booth"
    r"|stand|homepage|blog|channel)\b|www\.|https?://)|Shop (?:now|the)\b"
    # Who is asked to visit "our hospitals" or join "us at the rally" may be an audience in a
    # debate, told a fact: only a place of the publisher's own (a site, a booth) or a webinar
    # makes it an advert.
    r"|Join (?:us|our) (?:on|at|for) (?:(?:a|an|the|our) )?(?:Facebook|Twitter|X|Instagram"
    r"|LinkedIn|YouTube|TikTok|WeChat|Weibo|Telegram|Discord|Slack|booth|stand|webinar|live"
    r"|free|launch|event|workshop|newsletter|community)\b"
)

# Copyright, reprint and disclaimer lines.
_THIS_ARTICLE_ONLY = (
    "首发|首载|原载|原发|转载自|转自|来源|来自|已获|仅代表|不代表|观点|内容仅供|仅供参考"
)
_THIS_ARTICLE = _THIS_ARTICLE_ONLY + "|系|为|经"  # each a trigger word after 本文
# The words of `_THIS_ARTICLE` that open a report as well ("本文为您梳理", "本文系统梳理了",
# "本文经测算") are the article's origin only with a word of one after them (本文为星河财经原创,
# 本文系作者投稿, 本文经授权转载); bounded runs, each tried once per trigger.
_ORIGIN = "原创|转载|授权|首发|独家|投稿|来稿|约稿|供稿|特约|原载|许可"
_THIS_ARTICLE_PATTERN = (
    f"(?:{_THIS_ARTICLE_ONLY}"
    f"|(?:系|为|经)(?!您|你|大家|统|列)[^，,。！？!?；;\n]{{0,16}}?(?:{_ORIGIN}))"
)
_BOILERPLATE = (
    "版权所有(?!权)",
    "版权声明",
    "免责声明",
    "未经(?:授权|许可|同意)[，,]?(?:不得|禁止|严禁|请勿)(?:转载|复制|摘编|使用本)",
    "转载(?:请|须|需)(?:注明|联系|获得)",
    f"本文{_THIS_ARTICLE_PATTERN}",
    "(?:不构成|并不构成)(?:任何)?投资建议",
    # A disclaimer when it ends its sentence or is followed by a word of caution (入市需谨慎); in
    # "专家提醒，投资有风险，去年有3万名投资者亏损" it opens a report.
    "投资有风险(?:[。！!.；;…\\s]*+$|[，,、；;\\s]*+[^，,。！？!?\\n]{0,4}?(?:谨慎|慎重))",
    "原标题[:：《]",
    "原文链接",
    "文章来源[:：]",
    "(?:作者|本文作者)系",
    # A listed company's pledge that its filing is true (本公司董事会及全体董事保证本公告内容不存在
    # 任何虚假记载……; ……保证季度报告中财务信息的真实、准确、完整): who pledges, then what, within
    # the sentence. A false record reported (年报存在虚假记载) has no pledge before it.
    "(?:保证|承诺)[^。！？!?；;\\n]{0,60}?"
    "(?:虚假记载|真实、准确(?:、|和|及)?完整|真实性、准确性(?:、|和|及)完整性)",
    r"©|\([cC]\)\s*\d{4}|\bCopyright\s+(?:©\s*)?\d{4}",
    r"\b(?:All|ALL|all) (?:rights|RIGHTS) (?:reserved|RESERVED)\b|\bOur Standards:"
    r"|\bTrust Principles\b|\b(?:[Oo]riginally|first) (?:appeared|published) (?:in|on|at)\b"
    r"|\bThis (?:article|story|post|piece) (?:was|is) (?:first|originally|published|adapted)\b"
    r"|\b(?:[Rr]epublished|[Rr]eprinted) with permission\b"
    r"|\b[Tt]he views expressed (?:here|in this|are (?:the author|those|my|our))"
    r"|\b(?:does not|doesn't|do not) constitute (?:investment|financial|legal) advice\b",
)

# Every sentence pattern above at once; the group says which kind matched.
_DETAIL = re.compile(
    "|".join(
        [
            *(f"(?P<a{i}>{p})" for i, p in enumerate(_CALL_TO_ACTION)),
            rf"(?P<start>\b(?:{_IMPERATIVE}))",
            *(f"(?P<b{i}>{p})" for i, p in enumerate(_BOILERPLATE)),
        ]
    )
)

# Credits and captions that open a sentence (what matched is the cue shown).
_EN_CREDIT_WORDS = _words(
    "Reporting Writing Editing Reported Written Edited Compiled Produced Research Photographs"
    " Photograph Photography Graphics Illustrations Illustration Video Design Fact-checking"
)
# A caption that describes its picture (图为……, "Photo: the plant in Ningde on March 3") is
# left to the model: a misdated or misplaced photo is a classic fact-check. Only the credit
# fields are no claim ("Photo credit:", "Credit:", "Source:", 图片来源：).
_EN_CAPTIONS = _words("Credit Credits Source Sources")
_EN_PHOTO_CREDITS = _words("Photo Photos Photograph Image Images Picture Illustration")
_ZH_CAPTIONS = _words("图 图片 摄影 图源 题图 配图 供图")
_CREDIT_START = re.compile(
    rf"\(?(?:Additional\s+reporting|{'|'.join(_EN_CREDIT_WORDS)})\s+by(?=\s+[A-Z])"
    rf"|(?:{'|'.join(_EN_CAPTIONS)})\s*:(?=\s)"
    rf"|(?:{'|'.join(_EN_PHOTO_CREDITS)})\s+credits?\s*:(?=\s)"
)
# What an English credit holds after its credit word (and a byline after its dash): names,
# agencies and places (capitalised words), a date or a time, and only these lower-case words,
# the small ones between names and the nouns of a source ("Source: Xinghe Battery annual report
# 2024", "Credit: AFP via Getty Images", "By Jane Doe | 5 min read"). Any other word ("found
# that", "says", "had shipped") or figure (5%, 5.2) is a clause: the sentence reports something.
_EN_CREDIT_SMALL = frozenset(
    _words(
        """a an the and of in at on for from with via by to & de van von al bin da di le la du der
    den staff reporter reporters correspondent correspondents writer writers editor editors
    contributor contributors photographer photographers file handout courtesy photo photos image
    images picture pictures graphic graphics video data report reports annual filings estimates
    statistics survey calculations analysis based additional reporting editing writing research
    agencies wires news press release company am pm a.m p.m min mins minute minutes read updated
    published"""
    )
)
_EN_CREDIT_TOKEN = re.compile(
    r"[A-Z][\w.'’&-]*|(?:1[89]|20)\d\d|\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}[:.]\d{2}(?:[ap]\.?m)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
)
_EN_CREDIT_SPLIT = re.compile(r"[\s|•·–—;,/()\[\]]+")
# A credit in brackets on its own: a photo's （新华社记者 张三 摄）, a supplier's （临江市人民政府
# 新闻办公室供稿）, a source note （来源：…）, （数据来源：…）, which may name several sources with
# commas (（资料来源：Wind，星河证券研究所）: a credit line's values hold none). (At the end of a
# caption that describes its picture it leaves the caption to the model.)
_CREDIT_WORKS = "摄|供图|摄影|供稿|来稿|撰稿"
_BRACKETED_CREDIT = re.compile(
    rf"[（(](?:[^（）()\n]{{0,30}}(?:{_CREDIT_WORKS})"
    r"|(?:数据|资料|信息|图片|图表)?来源[:：][^（）()\n。！？!?；;]{1,40})[）)][。.]?"
)
# "By Jane Doe", "By Jane Doe and John Smith, Reuters", "By JANE DOE | Oct 28, 2024 | 5 min read".
_BY = re.compile(r"\(?By\s+")
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da|di|le|la)"
_EN_BYLINE = re.compile(
    rf"\(?By\s+(?P<first>[A-Z][\w.'’-]*)(?:\s+{_NAME_WORD}){{0,4}}"
    rf"(?:\s*(?:,|\band\b|&)\s*[A-Z][\w.'’-]*(?:\s+{_NAME_WORD}){{0,4}}){{0,4}}"
    r"(?P<tail>\s*[|•·–—-]\s*.*)?\)?\.?"
)
_BYLINE_MAX = 120

# A credit line: only fields, each a label and a value or two (记者 张三, 文/李四, 编辑：王五,
# 来源：某日报, 阅读量 3.2万), a reporter (星河日报记者张三报道), a date, a time.
_LABELS = frozenset(
    _words(
        """责任编辑 本期编辑 值班编辑 新媒体编辑 图片来源 发布时间 见习记者 特约记者 首席记者
    本报记者 实习记者 实习生 通讯员 出品人 记者 编辑 责编 主编 编审 审核 审校 校对 终审 初审
    复审 美编 排版 统筹 策划 出品 监制 制作 设计 视觉 制图 来源 稿源 出处 作者 撰文 采写 文字
    文 图文 图 图片 摄影 摄像 摄 图源 题图 配图 供图 视频 剪辑 翻译 编译 整理 口述 时间 日期
    阅读量 阅读 本报讯 数据来源 资料来源 信息来源"""
    )
)
# The fields of a listed company's filing header (证券代码：600000 证券简称：某某银行 公告编号：
# 2024-012): a line of them is a filing's header, read as a credit line is (`_credit_line`).
_FILING_LABELS = frozenset(
    (*_each("证券|股票|债券|转债|基金|A股|B股|H股", "代码|简称"), "公告编号")
)
# The labels that trigger a look at their sentence, before a separator (the others count once
# it is looked at).
_LABEL_TRIGGERS = (
    _words(
        "责任编辑 图片来源 发布时间 编辑 责编 主编 审核 校对 来源 稿源 作者 撰文 采写 文 监制"
        " 出品 策划 统筹 美编 制图 翻译 编译 整理"
    )
    + _ZH_CAPTIONS
    + tuple(sorted(_FILING_LABELS))
)
_FIELD_SEP = re.compile(r"[\s|丨｜/／:：]+")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_DATE_TOKEN = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}月\d{1,2}日|\d{4}年|_T_")
_END_TOKEN = re.compile(rf"报道|摄|供图|整理|编译|原创|独家|发自[{_CJK}]{{2,6}}|\d+(?:\.\d+)?万?")
_REPORTER = re.compile(
    rf"[{_CJK}]{{0,10}}?(?:记者|通讯员)"
    rf"(?:(?P<name>[{_CJK}·]{{2,4}}?)(?:报道|摄|发自[{_CJK}]{{2,6}})?)?"
)
_VALUE = re.compile(r"[^，,。！？!?；;（）()“”\"]{1,20}")
# A news agency's or paper's dateline: who, where, the day, and 电 or 讯 (新华社北京5月20日电,
# 本报北京5月20日讯, 中新网5月20日电). It opens a credit line as a label does; followed on its
# line by the report's first sentence, the line holds more than fields and is read as a report.
_DATELINE = re.compile(rf"[{_CJK}]{{1,12}}?[0-9]{{1,2}}月[0-9]{{1,2}}日(?:电|讯)")
_DATELINE_TRIGGERS = ("日电", "日讯")
# A line that is only a date, or a date and a time (an announcement signed 2024年2月27日 under
# its board's name, a post's 2024-10-28 10:30): when it was written, not what happened. It holds
# no trigger word: such lines are found by a digit at a line's start (`_date_lines`).
_DATE_ONLY = re.compile(
    rf"{_SPACE}*+(?P<date>[0-9]{{4}}(?:[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}|年[0-9]{{1,2}}月[0-9]{{1,2}}日))"
    rf"(?:{_SPACE}++[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?{_SPACE}*+"
)
_CREDIT_MAX = 80  # characters: a credit line is short
_WRAPPERS = "()（）【】[]〔〕"

# End marks: a line that is only (完), —完—, -END-.
# (Possessive, as `_AD_MARKER`: the leading run holds the spaces that follow it.)
_END_MARK = re.compile(
    r"[-—–_=*~#·• \t]*+[（(【\[〔]?[ \t]*+(?:完|全文完|本文完|END|End|THE END)[ \t]*+[）)】\]〕]?"
    r"[-—–_=*~#·• \t]*+"
)

# Section headings: a section number and a short title, a line of their own (一、从零开始的工厂,
# （二）对手, 第三章 回到家乡, 03 一个慢的人, 1. 起步). The title names what the section is about;
# the sentences under it state it. A title that holds a figure (三、从300万到16亿, 四、停摆的47天)
# states one itself, and is left to the model; so is one with a comma or a full stop (a list
# item that is a sentence: 1. 公司成立于2015年。), and a figure that is read as a number (10
# 亿元, 1.5倍: a digit or a unit after the "number").
_ZH_ORDINALS = "一二三四五六七八九十"
_SECTION_NUMBER = (
    # (not 一、二线城市, 一、二季度: a list of ordinals, see `_ORDINAL_PAIR`)
    f"(?:[{_ZH_ORDINALS}]{{1,3}}[、.．]"
    f"|[（(](?:[0-9]{{1,2}}|[{_ZH_ORDINALS}]{{1,3}})[)）]"
    f"|第[{_ZH_ORDINALS}0-9]{{1,3}}(?:章|节|部分|篇)[:：]?"
    rf"|[0-9]{{1,2}}(?:[.．、)）]|(?={_SPACE})))"
)
_SECTION_START = re.compile(f"^{_SPACE}*+(?={_SECTION_NUMBER})", re.M)
_SECTION_HEADING = re.compile(
    f"{_SECTION_NUMBER}{_SPACE}*+"
    f"(?P<title>(?![0-9万亿千百%％年月日号个倍])[^，,。；;！!…\n]{{1,24}}?)[?？]?"
)
# A digit that is a figure: not one of a name's (M2, A100).
_FIGURE = re.compile(r"(?<![A-Za-z0-9])[0-9]")
# A figure in Chinese numerals, as the scorer reads one (三亿元, 三十八天, 两成, 百分之五; not
# 一个, 从零开始): the features `scan` gives it.
_SPELLED_FIGURES = frozenset(("number", "money", "percentage", "fraction", "multiplier"))
# A count whose measure word follows a space (12 家工厂, 30 名员工), not a section number and
# its title.
_COUNT = re.compile(f"[0-9]{{1,2}}{_SPACE}++(?:{ZH_UNIT_AFTER.pattern})")
_HAS_CJK = re.compile(f"[{_CJK}]")
# Two ordinals in a row, the second the next one (一、二线城市, 一、二季度, 三、四月份,
# 一、二期工程: first- and second-tier cities, Q1 and Q2, phases one and two), are a list of
# ordinals, not a section number and its title (三、一线城市的房价 is one).
_ORDINAL_PAIR = re.compile(f"([{_ZH_ORDINALS[:-1]}])、([{_ZH_ORDINALS[1:]}])")


def section_heading(s: str) -> str | None:
    """Why the line `s` is no claim, if it is a section heading (`reason`)."""
    s = s.strip()
    m = _SECTION_HEADING.fullmatch(s)
    if m is None or _COUNT.match(s):
        return None
    pair = _ORDINAL_PAIR.match(s)
    if pair and _ZH_ORDINALS.index(pair[2]) == _ZH_ORDINALS.index(pair[1]) + 1:
        return None
    title = m.group("title")
    if _FIGURE.search(title) is not None or _HAS_CJK.search(title) is None:
        return None
    if not _SPELLED_FIGURES.isdisjoint(scan(title, where=False)):
        return None
    return reason("heading", s)


# What ends the line before a list, not a section (华岭公司去年的表现如下, The year in brief:):
# its items state what it lists.
_LIST_OPENERS = (":", "：", "如下")


def _headings(text: str, sentences: Sequence[Segment], starts: Sequence[int]) -> dict[int, str]:
    """The sentences of `text` that are section headings, by index, with the reason: each must
    start its line and end it, and not be an item of a list that a colon opens (nor follow
    one: `_LIST_OPENERS`)."""
    found: dict[int, str] = {}
    items: set[int] = set()  # the line starts of a list's numbered lines
    for m in _section_starts(text):
        line = m.start()
        before = line - 1  # the last character before the line, past blank lines
        while before >= 0 and text[before].isspace():
            before -= 1
        if before >= 0 and (
            text.endswith(_LIST_OPENERS, 0, before + 1) or text.rfind("\n", 0, before) + 1 in items
        ):
            items.add(line)
            continue
        at = m.end()
        i = bisect_right(starts, at) - 1
        if i < 0 or sentences[i].start != at:
            continue
        end = sentences[i].end
        line_end = text.find("\n", end)
        if text[end : len(text) if line_end < 0 else line_end].strip():
            continue  # more follows on the line: the number opens prose
        why = section_heading(text[at:end])
        if why is not None:
            found[i] = why
    return found


def _section_starts(text: str) -> Iterator[re.Match[str]]:
    """`_SECTION_START.finditer(text)`, tried at each line's start only (found in C by
    str.find): searched, the regex tested for a line's start at every character."""
    at = 0
    while at >= 0:
        m = _SECTION_START.match(text, at)  # ^ holds at `at`: the text's or a line's start
        if m is not None:
            yield m
        at = text.find("\n", at)
        if at >= 0:
            at += 1


# The trigger words, in the case written: each pattern above holds one.
_TRIGGER_WORDS = tuple(
    [
        # calls to action
        *_ZH_CALLS,
        *_words("阅读原文 二维码 立享 优惠码 邀请码"),
        *_words(
            "Scan |Click |Tap |Subscribe |Sign up |Download |Follow us|Visit |Join |Shop ", "|"
        ),
        *_words("Limited|Use code|Use the code|Promo code|Discount code|Coupon code", "|"),
        # boilerplate
        *_words("版权所有 版权声明 免责声明 投资建议 投资有风险 原标题 原文链接 文章来源 作者系"),
        *_words("虚假记载 真实、准确 真实性、准确性"),
        *_each("未经", "授权|许可|同意"),
        *_each("转载", "请|须|需"),
        *_each("本文", _THIS_ARTICLE),
        *_words("©|(c)|(C)|Copyright|All rights|ALL RIGHTS|Our Standards|Trust Principles", "|"),
        *_words(
            "Originally|This article|This story|This post|This piece|Reprinted|Republished", "|"
        ),
        "The views",
        # bylines, credits, captions, end marks
        *(label + sep for label in _LABEL_TRIGGERS for sep in ":：/｜|丨 \t"),
        *_words("记者 通讯员 本报讯 实习生"),
        *_DATELINE_TRIGGERS,
        "Additional",
        *_EN_CREDIT_WORDS,
        *_EN_CAPTIONS,
        *_EN_PHOTO_CREDITS,
        "By ",
        *("（完", "(完", "【完", "[完", "〔完", "—完", "-完", "— 完", "- 完", "全文完", "本文完"),
        *("END", "End"),
        *(work + close for work in _CREDIT_WORKS.split("|") for close in "）)"),
    ]
)
_TRIGGERS = _literals([*_TRIGGER_WORDS, *sorted(_AD_TRIGGER_WORDS)])
# Lower-case English triggers, each looked for alone: in `_TRIGGERS`, their common first letters
# would have it try a word at most positions of English text.
_LOWER_TRIGGERS = (
    *_words("click here|click below|tap here|sign up|subscribe|follow us|limited|shop now", "|"),
    *_words("use code|use the code|promo code|discount code|coupon code|rights reserved", "|"),
    *_words("originally|first appeared|first published|with permission|views expressed", "|"),
    "constitute",
)


def _triggers(text: str) -> Iterator[tuple[int, str]]:
    """Where each trigger word starts in `text`, with the word (in no order)."""
    for m in _TRIGGERS.finditer(text):
        yield m.start(), m.group()
    for word in _LOWER_TRIGGERS:
        at = text.find(word)
        while at >= 0:
            yield at, word
            at = text.find(word, at + 1)


@dataclass(frozen=True, slots=True)
class NotClaims:
    """The stretches of a document that hold no claim (each whole sentences, or an advert's
    lines), with their reasons: sorted and disjoint."""

    stretches: tuple[tuple[int, int, str], ...]
    starts: tuple[int, ...]

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def reason(self, start: int, end: int) -> str | None:
        """Why the span `start:end` is no claim, if it lies inside such a stretch."""
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return None
        a, b, why = self.stretches[i]
        return why if a <= start and end <= b else None


NONE = NotClaims((), ())


def not_claims(text: str, sentences: Sequence[Segment]) -> NotClaims:
    """The adverts, bylines, boilerplate, section headings and subtitle timings of `text`,
    split into `sentences`."""
    found: dict[int, str] = {}  # sentence index -> reason
    starts = [s.start for s in sentences]
    looked: set[int] = set()
    adverts: list[tuple[int, int, str]] = []
    lines: set[int] = set()
    # Where the line of the last advert trigger starts, and up to where the text was searched
    # for it: the triggers come in order, so each stretch of text is searched once (searched
    # back to the text's start each time, a text of one long line cost time quadratic in it).
    line, searched = 0, 0
    # Whether the text's paragraphs are its lines (it has no blank line), read at the first
    # advert marker: then an advert's block is its line, not the rest of the text.
    by_line: bool | None = None
    for at, word in _triggers(text):
        if word in _AD_TRIGGER_WORDS:
            if at < searched:
                line, searched = 0, 0  # out of order: search from the start again
            line = text.rfind("\n", searched, at) + 1 or line
            searched = at
            if line not in lines:
                lines.add(line)
                if by_line is None:
                    by_line = _BLANK_LINE.search(text) is None
                adverts.extend(_advert_at(text, line, by_line))
            continue
        i = bisect_right(starts, at) - 1
        if i < 0 or at >= sentences[i].end or i in looked:
            continue
        looked.add(i)
        why = _sentence_reason(text[sentences[i].start : sentences[i].end])
        if why is not None:
            found[i] = why
    for i, why in _headings(text, sentences, starts).items():
        found.setdefault(i, why)
    for i, why in _date_lines(text, sentences, starts):
        found.setdefault(i, why)
    for i, why in _table_rows(text, sentences, starts):
        found.setdefault(i, why)
    if "-->" in text:
        for i, why in _cue_timings(text, sentences, starts):
            found.setdefault(i, why)
    stretches = [(sentences[i].start, sentences[i].end, why) for i, why in found.items()]
    stretches += adverts
    if not stretches:
        return NONE
    stretches.sort()
    merged: list[tuple[int, int, str]] = []
    for a, b, why in stretches:
        if merged and a < merged[-1][1]:  # overlapping: merged, the earlier reason stands
            merged[-1] = (merged[-1][0], max(merged[-1][1], b), merged[-1][2])
        else:
            merged.append((a, b, why))
    return NotClaims(tuple(merged), tuple(a for a, _, _ in merged))


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _cue_timings(
    text: str, sentences: Sequence[Segment], starts: Sequence[int]
) -> Iterator[tuple[int, str]]:
    """The sentences of `text` that lie inside a cue's timing line, by index, with the reason."""
    for m in CUE_TIMING.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or sentences[i].end <= m.start():
            i += 1  # (the line starts between two sentences)
        while i < len(sentences) and sentences[i].end <= m.end():
            if sentences[i].start >= m.start():
                yield i, reason("timing", m.group().strip())
            i += 1


def _advert_at(text: str, line: int, by_line: bool) -> list[tuple[int, int, str]]:
    """The advert that a marker at the start of the `line` (an offset) opens, if it does: to the
    end of the marker's block or, a marker alone in its block, of the block after it. A block
    is a paragraph: the lines up to a blank line, or with `by_line` (a text without blank
    lines, one paragraph a line) one line."""
    m = _AD_MARKER.match(text, line)
    if m is None:
        return []
    start = m.end() - len(m.group().lstrip())
    end = _block_end(text, m.end(), by_line)
    if m.group("alone") is not None and not text[m.end() : end].strip():
        after = _break_after(text, m.end(), by_line)
        if after is not None:
            end = _block_end(text, after[1], by_line)
    return [(start, end, reason("advert", m.group().strip()))]


def _break_after(text: str, pos: int, by_line: bool) -> tuple[int, int] | None:
    """Where the first break between blocks after `pos` starts and ends (a blank line, or with
    `by_line` a line's end), if there is one (see `_advert_at`)."""
    if by_line:
        newline = text.find("\n", pos)
        return None if newline < 0 else (newline, newline + 1)
    blank = _BLANK_LINE.search(text, pos)
    return None if blank is None else blank.span()


def _block_end(text: str, pos: int, by_line: bool) -> int:
    """Where the block that holds `pos` ends, trailing space left out (see `_advert_at`)."""
    after = _break_after(text, pos, by_line)
    end = after[0] if after is not None else len(text)
    # Stepped back over the space (not `text[:end].rstrip()`: a copy of all the text before,
    # per advert, cost time quadratic in a text of many adverts).
    while end and text[end - 1].isspace():
        end -= 1
    return end


def date_line(s: str) -> str | None:
    """Why `s` is no claim, if it is only a date, or a date and a time (`_DATE_ONLY`)."""
    m = _DATE_ONLY.fullmatch(s.strip())
    return None if m is None else reason("byline", m.group("date"))


def _date_lines(
    text: str, sentences: Sequence[Segment], starts: Sequence[int]
) -> Iterator[tuple[int, str]]:
    """The sentences of `text` that are a line of only a date (and a time), by index, with the
    reason. Each line's start is tried once (found in C by str.find), as `_section_starts`."""
    at = 0
    while at >= 0:
        m = _DATE_ONLY.match(text, at)
        if m is not None and (m.end() == len(text) or text[m.end()] == "\n"):
            i = bisect_right(starts, m.start("date")) - 1
            if i >= 0 and sentences[i].start == m.start("date") and sentences[i].end <= m.end():
                yield i, reason("byline", m.group("date"))
        at = text.find("\n", at)
        if at >= 0:
            at += 1


def table_line(s: str) -> str | None:
    """Why the line `s` is no claim, if it is a table's header row or a row of bare figures
    (see `tables`)."""
    return reason("table", s.strip()) if table_row(s) else None


def _table_rows(
    text: str, sentences: Sequence[Segment], starts: Sequence[int]
) -> Iterator[tuple[int, str]]:
    """The sentences of `text` that are a table's row, a line of their own, by index, with the
    reason. Each line is read once, and only a short one that is one sentence (`ROW_MAX`)."""
    at = 0
    while at >= 0:
        newline = text.find("\n", at)
        stop = len(text) if newline < 0 else newline
        if stop - at <= ROW_MAX:
            line = text[at:stop]
            first = at + len(line) - len(line.lstrip())
            i = bisect_right(starts, first) - 1
            if (
                i >= 0
                and sentences[i].start == first
                and sentences[i].end <= stop
                and not text[sentences[i].end : stop].strip()
            ):
                why = table_line(line)
                if why is not None:
                    yield i, why
        at = newline if newline < 0 else newline + 1


def sentence_reason(s: str) -> str | None:
    """Why the sentence `s` is no claim (`reason`), if it is an advert's call to action, a
    byline or boilerplate (an advert's other sentences need their block: `not_claims`)."""
    return _sentence_reason(s) if next(_triggers(s), None) is not None else None


def _sentence_reason(s: str) -> str | None:
    s = s.strip()
    for m in _DETAIL.finditer(s):
        kind = m.lastgroup or ""
        if kind.startswith("a") or (kind == "start" and m.start() == 0):
            return reason("advert", m.group())
        if kind.startswith("b"):
            return reason("boilerplate", m.group())
    if "\n" in s:
        # A credit is a line of its own: a sentence of several lines (hard-wrapped prose) that
        # opens with one holds more than the credit.
        return None
    if _END_MARK.fullmatch(s):
        return reason("boilerplate", s)
    found = _CREDIT_START.match(s)
    if found is not None and _en_credit_fields(s[found.end() :]):
        return reason("byline", found.group())
    found = _BRACKETED_CREDIT.fullmatch(s)
    if found is not None:
        return reason("byline", found.group())
    if _BY.match(s) and _english_byline(s):
        return reason("byline", s)
    label = _credit_line(s)
    if label is None:
        return None
    return reason("filing" if label in _FILING_LABELS else "byline", label)


def _english_byline(s: str) -> bool:
    if len(s) > _BYLINE_MAX:
        return False
    m = _EN_BYLINE.fullmatch(s)
    return (
        m is not None
        and m.group("first").rstrip(".") not in CALENDAR  # By March, ...
        and _en_credit_fields(m.group("tail") or "")
    )


def _en_credit_fields(s: str) -> bool:
    """Whether `s`, what follows an English credit word or a byline's names, holds only credit
    fields (`_EN_CREDIT_SMALL`), in a sentence short enough to be a credit."""
    if len(s) > _BYLINE_MAX:
        return False
    for token in _EN_CREDIT_SPLIT.split(s):
        token = token.strip(".:-")
        if token and token not in _EN_CREDIT_SMALL and not _EN_CREDIT_TOKEN.fullmatch(token):
            return False
    return True


def _credit_line(s: str) -> str | None:
    """The first label of `s` if `s` is only credit fields, else None."""
    body = s.strip(_WRAPPERS + " \t。.")
    if not body or len(body) > _CREDIT_MAX:
        return None
    first: str | None = None
    dateline = _DATELINE.match(body)
    if dateline is not None:
        first = dateline.group()
        body = body[dateline.end() :].strip(_WRAPPERS + " \t")
    values = 0  # values since the last label
    for token in _FIELD_SEP.split(_TIME.sub("_T_", body)):
        if not token:
            continue
        if token in _LABELS or token in _FILING_LABELS:
            first = first or token
            values = 0
            continue
        reporter = _REPORTER.fullmatch(token)
        if reporter is not None:
            first = first or token
            values = 1 if reporter.group("name") else 0
            continue
        if _DATE_TOKEN.fullmatch(token) or (first and _END_TOKEN.fullmatch(token)):
            continue
        if first is not None and values < 3 and _VALUE.fullmatch(token):
            values += 1
            continue
        return None
    return first
