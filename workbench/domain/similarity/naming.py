"""Names a claim gives, marked "@": capitalised Latin names, the name a Chinese text opens
with, and China's provinces wherever they are named.

Names are what most often tells two near-identical claims apart (Kestrel Air to Dublin, to
Lisbon); the disagreement checks compare them, and the bag of terms keeps them.
"""

from __future__ import annotations

import re

from workbench.domain.cjk import is_basic_han
from workbench.domain.similarity.concepts import CJK_CONCEPT, CONCEPT_OF, EN_WORDLIKE
from workbench.domain.similarity.figures import NUMBER_WORDS
from workbench.domain.similarity.words import STOP_WORDS, normal, split_words, stem

# A name is marked "@" (the term of the word itself is kept too): two claims that each name
# someone or something the other does not (Kestrel Air to Dublin, Kestrel Air to Lisbon) are
# about different things, however much else they share. Names are read in each script apart,
# since a name in English and the same name in Chinese share no term.
#
# In Latin script a name is a capitalised word that is not a function word, a number word, a
# concept of the table, a month or a unit right after a figure (2 GWh). A capitalised word at
# the start of a sentence is only taken when it is plainly a name: followed by another
# capitalised word (Eastline Buses), by 's, or by Chinese (MiniMax是...), capitalised later in
# the same text too, or capitals inside the word (OpenAI, MiniMax, ByteDance, NASA: no
# ordinary word is written so). Any other word a sentence opens with (Tencent was valued...,
# Investors valued...) may be a name or not: it is kept apart, as a lead (see `lead_words`).
MONTHS = split_words(
    "january february march april may june july august september october november december"
)
# Each month as a date abbreviates it (Mar. 2024, Sept 2023), with its number; May has no
# shorter form.
ABBREVIATED = {m[:3]: i for i, m in enumerate(MONTHS, start=1) if m != "may"} | {"sept": 9}
NOT_NAMES = frozenset(MONTHS) | frozenset(
    split_words(
        "monday tuesday wednesday thursday friday saturday sunday series"
        # a grade on a scale (Grade III, Class 3), no name
        " grade class"
    )
)
# Months and weekdays abbreviated: no name where they read as a date, a full stop after them or a
# figure on either side (Jan. 2026, Jan 2026, 20 Jan, Tue 20/01); elsewhere given names as often
# (Jan Koum, Mar Cabra). Not Jun or Sun, pinyin names (Lei Jun, Sun Li) before a figure too.
DATE_ABBREVIATIONS = (ABBREVIATED.keys() - {"jun"}) | frozenset(
    split_words("mon tue tues wed thu thur thurs fri sat")
)
# (Jan 2026, Jan. 2026, and Jan-26 as a month's column is headed)
_FIGURE_NEXT = re.compile(r"[^\S\n]*-?\d")
# Offices, capitalised before a name or as a title (Prime Minister Ada Morrow, as Finance
# Minister, the Health Secretary): who holds a post, not who is meant. As names, a claim in the
# minister's own words ("as Finance Minister I cut...") and the report it restates each named
# what the other did not.
OFFICES = frozenset(
    split_words(
        "minister ministers president presidents premier chancellor secretary governor mayor "
        "senator congressman congresswoman representative chairman chairwoman chairperson chair "
        "director commissioner ambassador councillor councilor alderman deputy vice prime "
        "speaker attorney general judge magistrate sheriff treasurer comptroller auditor "
        "chief executive officer provost rector professor dr mr mrs ms mx sir dame mp mep"
        # ranks and posts abbreviated (Gen. Hosp. is a general hospital, Gen. Ade Morrow a
        # general): not Sen, a surname as often
        " gen gov lt col maj capt sgt supt insp"
    )
)
# Words that say what kind of area a place is (Qiaonan Province, Yanbo County, Sandmere District
# Council): the place's name is the word before, and the kind is read as a kind of body is
# (`labels`: =org:province). As names, "Qiaonan Province" named "Province", which a claim that
# says "Qiaonan" and its governor's name did not, and so disagreed with the governor's name.
# (Not City, Town or State: Kelbridge Town and Ohio State are clubs and universities too.)
AREA_KINDS = frozenset(
    split_words("province provinces prefecture county counties district districts borough")
)
# So are the words that say what kind of body a name is, where the table of kinds of body reads
# them (`labels`): Henggao University and Henggao Univ., Garrowby Farm Cooperative and Garrowby
# Farm Co-op, the Thornlea Health Board against a claim that names its spokesperson. Two bodies
# of one name still differ in their kinds (Kelsingham University, Kelsingham College). Not a
# kind the table does not read (Trust, Authority, Group: Tolbury Trust against Tolbury
# Foundation, a parent group against its airline would share their one name and differ in
# nothing), nor a bank or a hospital, whose kind words name many a body (Dunnock Bank, a wind
# farm).
BODY_KINDS = frozenset(
    split_words("university universities univ college colleges council board cooperative co")
)
# A portfolio names an office only before one (the Finance Minister, the Health Secretary); the
# Finance Ministry of Kellan or Kellan Health are bodies.
PORTFOLIOS = frozenset(
    split_words(
        "finance foreign home interior defence defense health education trade treasury justice "
        "transport energy environment culture labour labor economy business industry housing "
        "agriculture security tourism science digital employment welfare communities"
    )
)
LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z&']*")
# A concept of several words (United States, Series C, per cent) holds no name; one word of
# the table is ruled out by itself.
EN_WORDS_CONCEPT = re.compile(
    rf"\b(?:{'|'.join(re.escape(f) for f in EN_WORDLIKE if ' ' in f)})\b", re.IGNORECASE
)


# (a word shortened with an apostrophe inside: int'l, nat'l, gov't, ass'n; not O'Brien, nor
# pinyin's Xi'an, Yu'an and Chang'e, nor Hawai'i)
_CONTRACTION = re.compile(r"[a-z]{3,}'[ltnd]")
_SENTENCE_STARTS = frozenset('.!?;:"“‘(。!?;:')
# where a sentence proper starts (the text's start: "")
_FULL_STOPS = frozenset(("", ".", "!", "?", "。"))


def _after_a_year(text: str, last: int, word: str) -> bool:
    """Whether `word`, a short word in title case (Li, Wu), follows a year that ends at `last`
    ("In 2017 Li Qiang sold..."): a name, not a unit as after other figures (2 GWh)."""
    if not (word[0].isupper() and word[1:].islower()):
        return False
    first = last
    while first > 0 and text[first - 1].isdecimal():
        first -= 1
    digits = text[first : last + 1]
    return (
        len(digits) == 4
        and digits.isdecimal()  # (int() takes no other digit: ² is a digit, not a decimal)
        and 1800 <= int(digits) <= 2099
        and (first == 0 or not (text[first - 1].isdigit() or text[first - 1] in ".,"))
    )


def latin_names(text: str) -> list[str]:
    """The Latin names `text` gives (stems), in order (see above)."""
    return _read_latin(text)[0]


def lead_words(text: str) -> list[str]:
    """The capitalised words (stems) a sentence of `text` opens with that are not plainly
    names (Tencent was valued..., Investors valued...): a name as often as a common noun, so
    they count as names only against a name of the other claim (see
    `disagreements.LEADS`). Not a word with a common noun's ending (Investors, According,
    Nearly, Production, Government): a name such as Boeing or Siemens is lost with them."""
    return _read_latin(text)[1]


# (the endings of plurals, participles, adverbs and abstract nouns; stemmed: -s, -ing, -ed cut)
_COMMON_ENDINGS = ("s", "ing", "ed", "ly", "ion", "ment", "ity", "ness", "ance", "ence", "ism")


def _read_latin(text: str) -> tuple[list[str], list[str]]:
    found: list[tuple[str, bool]] = []  # (stem, at the start of a sentence and not plainly a name)
    leads: list[str] = []  # the words of `found` not plainly names, as typed (lower-cased)
    tokens = list(LATIN_TOKEN.finditer(text))
    for i, m in enumerate(tokens):
        word = m.group()
        low = word.lower().removesuffix("'s").rstrip("'")
        if not word[0].isupper() or len(low) < 2 or low in STOP_WORDS:
            continue
        bare = word.removesuffix("'s")
        if bare.isupper() and len(bare) <= 3:
            continue  # AI, CEO, GDP, EV (and NPP's): more often a common noun than a name
        if _CONTRACTION.fullmatch(low):
            continue  # Int'l, Nat'l, Gov't: a common word shortened, no name
        if low in CONCEPT_OF or stem(low) in CONCEPT_OF:
            continue
        if low in NUMBER_WORDS or low in NOT_NAMES or low in OFFICES or low in AREA_KINDS:
            continue
        if (
            low in BODY_KINDS
            and i
            and tokens[i - 1].group()[0].isupper()
            and not text[tokens[i - 1].end() : m.start()].strip()
            and (low != "co" or text.startswith("-op", m.end()))
        ):
            continue  # (right after a word of the name; Co only as Co-op: Co is a company)
        follows = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            low in PORTFOLIOS
            and follows is not None
            and follows.group().lower() in OFFICES
            and not text[m.end() : follows.start()].strip()
        ):
            continue  # the Finance Minister: an office
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        before = text[j] if j >= 0 else ""  # the character before the word, past any spaces
        after = text[m.end() : m.end() + 1]
        if low in DATE_ABBREVIATIONS and (
            after == "." or before.isdigit() or _FIGURE_NEXT.match(text, m.end())
        ):
            continue  # a date (Jan. 2026, 20 Jan, Tue 20/01)
        unit = len(low) <= 3 or any(c.isupper() for c in word[1:])
        if (before.isdigit() and unit and not _after_a_year(text, j, word)) or after == "$":
            continue  # a unit (2 GWh, 9.6 GW, 12 MWh) or a currency (US$, HK$)
        if before and before not in _SENTENCE_STARTS:
            found.append((stem(low), False))
            continue
        plainly = (
            any(c.isupper() for c in bare[1:])  # OpenAI, MiniMax, NASA
            or word.endswith("'s")
            or (after != "" and is_basic_han(after))
            or (
                follows is not None
                and follows.group()[0].isupper()
                and not text[m.end() : follows.start()].strip()
                and follows.group().lower() not in STOP_WORDS
            )
        )
        found.append((stem(low), not plainly))
        if (
            not plainly
            and len(low) > 2
            and after != "-"
            and before in _FULL_STOPS
            and not _FIGURE_NEXT.match(text, m.end())
        ):
            # (not a prefix: Ex-councillor, Mid-2024; not a label: Category 2, Line 3; not after
            # a colon or a bracket, where a table's or a listing's abbreviations are: Cat 2, (Grn))
            leads.append(low)
    later = {cut for cut, doubtful in found if not doubtful}
    kept = [cut for cut, doubtful in found if not doubtful or cut in later]
    return kept, [
        stem(w) for w in leads if stem(w) not in later and not w.endswith(_COMMON_ENDINGS)
    ]


# In Chinese, with no capitals and no spaces, the name taken is the one a claim opens with
# (星衡储能2023年..., 2021年山野咖啡..., 林晚秋在...): the first character pair after any date or
# time words, unless that pair is no name (a pronoun, a quantifier, a figure: 该公司, 全国, 这家,
# 一次), a concept of the table (公司, 中国) or runs into one. A date may end in 起 or 以来
# (2023年9月起, 2020年以来: from, since).
# A date's figures are read from where their run starts only (the look-behind): digits and dots
# are lead characters by themselves too, and a long run of them with no 年 after it was read
# again from each of its positions, in time quadratic in its length. Where the run read from
# its start ends in no 年, no later part of it can, so the lead is the same.
_ZH_DATE_CHARS = "零〇一二两三四五六七八九十百千万亿\\d."
# How a text says where a figure comes from, naming no one (据介绍，青岚市……: the name is 青岚, not
# 介绍, a reporting verb).
_ZH_REPORTED = (
    "据(?:初步)?(?:介绍|了解|悉|报道|统计|估计|估算|测算|透露|披露|通报|分析|调查|显示)"
    "|(?:记者)?(?:从[^，,。；;：:]{1,12})?(?:获悉|了解到|注意到|得知)"
)
ZH_LEAD = re.compile(
    rf"(?:(?<![{_ZH_DATE_CHARS}])[{_ZH_DATE_CHARS}]+[年月日号](?:[底末初内起]|以来)?"
    r"|[\s\d.,%、:;]"
    r"|去年|今年|明年|上一年|当年|同年|目前|如今|截至|到|在|早在|过去"
    # a quarter or a half (一季度青岚市……, 上半年……)
    r"|(?:第|前)?[一二三四1-4]季度|[上下]半年"
    # who says it, with no name: 据介绍, 据了解, 据悉, 记者获悉 (else 据, as in 据星渚科技称)
    rf"|{_ZH_REPORTED}|据"
    # who a person is in a case, before the name: 被告人葛望舒, 同案被告人, 犯罪嫌疑人
    r"|(?:同案)?被告人|(?:犯罪)?嫌疑人)+"
)
ZH_NOT_FIRST = frozenset(
    "这那该此其他她它我你您本各每全多某整单首新前后上下同共总约仅只已又再还也都就把被让给对从向"
    "由与和在是的于为有无不没第将曾据截到如当因而但并及或等之所以零〇一二两三四五六七八九十百千万亿"
    # (an age a text opens with: 65岁以上人口, no name 岁以)
    "岁"
)
ZH_NOT_SECOND = frozenset("的是在于与和从向由把对将已共曾有为被了等年月日")


# Words a Chinese claim often opens with that name no one: where a figure comes from (年报显示,
# 数据显示, 据统计), who says it (记者, 官方), what it is about (业绩, 项目, 员工), an authority
# that acts on the subject (环保部门, 监管, 法院).
_NOT_NAME_WORDS = frozenset(
    split_words(
        "年报 财报 季报 公告 报告 数据 统计 资料 消息 记者 新闻 调查 研究 文件 官方 媒体 报道 "
        "业内 行业 分析 专家 业绩 营业 项目 员工 用户 客户 产品 社会 居民 市民 "
        # a kind of work before its title (电影《长风渡口》: the film, no name)
        "电影 影片 小说 纪录 动画 剧集 电视 歌曲 专辑 游戏 "
        # who acts on a firm, not the firm: 环保部门对墨澜化工……处以罚款
        "环保 监管 主管 部门 当地 警方 法院 官员 "
        # when: 年末, 年初, 至今, 目前; what was done: 援建, 新建, 累计
        "年末 年初 年底 年中 至今 目前 当前 如今 援建 新建 累计 "
        # who says it (a quote that opens 表示，今年……): reporting verbs, no name
        "介绍 了解 表示 指出 透露 获悉 强调 认为 宣布 公布 披露 声称"
    )
)


def zh_name(text: str) -> str | None:
    lead = ZH_LEAD.match(text)
    at = lead.end() if lead else 0
    pair = text[at : at + 2]
    if len(pair) < 2 or not (is_basic_han(pair[0]) and is_basic_han(pair[1])):
        return None
    if pair[0] in ZH_NOT_FIRST or pair[1] in ZH_NOT_SECOND or pair in _NOT_NAME_WORDS:
        return None
    if CJK_CONCEPT.match(text, at) or CJK_CONCEPT.match(text, at + 1):
        return None
    if pair in _PROVINCES and not _ZH_PLACES.match(text, at):
        return None  # 湖南路...: a province's characters that belong to other words (see below)
    return pair


# China's provinces and regions (as their first two characters, the pair a name is marked by),
# named anywhere in a text: the same plant, figure and company in 宁夏 and in 青海 are two
# claims, and a province is not the name a claim opens with. 香港 is a concept of the table.
_PROVINCES = split_words(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙 江苏 浙江 安徽 福建 江西 山东 河南 "
    "湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙 广西 西藏 宁夏 新疆 澳门"
)
# Chinese has no spaces, so a province's two characters may straddle two words: 长江西岸 (the
# Yangtze's west bank) holds 江西, 中山东路 (Zhongshan Road East) 山东. A province whose name ends
# in a direction (江西, 山东, 河北...) is not taken when a word of place follows it (岸 bank,
# 路 road, 街 street...): there the direction belongs to that word. (Other straddles, such as
# 幸福建设 holding 福建, would need a dictionary.)
_PLACE_AFTER_DIRECTION = "路街巷道岸侧郊坡桥"
_ZH_PLACES = re.compile(
    "|".join(f"{p}(?![{_PLACE_AFTER_DIRECTION}])" if p[1] in "东西南北" else p for p in _PROVINCES)
)


def straddles(run: str, i: int) -> bool:
    """Whether the character pair at `i` of a Chinese run is a province's name that straddles
    two words (中山东路: 山东, see above): it is not kept as a pair, so that Zhongshan Road East
    shares nothing with Shandong but what it shares with any road."""
    return (
        run[i : i + 2] in _PROVINCE_PAIRS
        and run[i + 1] in "东西南北"
        and i + 2 < len(run)
        and run[i + 2] in _PLACE_AFTER_DIRECTION
    )


# A province disagrees with another province, not with a person's or company's name: 苏曼宁
# against a quote that says she worked in 北京 is no disagreement.
PROVINCE_TERMS = frozenset("@" + p for p in _PROVINCES)
_PROVINCE_PAIRS = frozenset(_PROVINCES)


# A lead word of a claim (see `lead_words`), marked so: it weighs nothing in the cosine.
LEAD = "=lead:"


def leads(text: str) -> list[str]:
    """The lead words of `text` (see `lead_words`) as terms (=lead:tencent)."""
    return [LEAD + w for w in lead_words(EN_WORDS_CONCEPT.sub(" ", normal(text)))]


def names(text: str) -> list[str]:
    """The names `text` gives (see above), as "@" terms: Latin ones stemmed as words are; in
    Chinese, the name it opens with and any province it names."""
    s = normal(text)
    out = ["@" + n for n in latin_names(EN_WORDS_CONCEPT.sub(" ", s))]
    low = s.lower()
    out += ["@" + p for p in _ZH_PLACES.findall(low)]
    if "《" in low:
        # a title in Chinese book marks (《潮灯》, a game, a book, a film) is a name: its first
        # two characters, as a Chinese name is kept, and a longer title whole as well, since
        # two titles may open alike (《雪线以南》, 《雪线以北》: two novels)
        for t in _ZH_TITLE.findall(low):
            out += ["@" + t[:2], "@" + t] if len(t) > 2 else ["@" + t] if len(t) == 2 else []
    zh = zh_name(low)
    out += ["@" + n for n in zh_body_names(low) if n != zh]
    if zh and (route := _ZH_ROUTE.search(low)) and route.group(1) == zh:
        # 淏阳至栌川高速公路: the 淏栌 expressway, 栌淏 told from the other end
        out += (f"@{zh[0]}{route.group(2)}", f"@{route.group(2)}{zh[0]}")
    return [*out, "@" + zh] if zh else out


# A road, a railway or a line between two places is named by their first characters (淏阳至栌川
# 高速公路 is the 淏栌高速, 京沪高铁 that of 北京 and 上海 with 京 for 北京, which is not read): the
# text's name, then the other place.
_ZH_ROUTE = re.compile(
    "([\u4e00-\u9fff]{2})(?:至|到|—|－|-)([\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}?"
    "(?:高速|铁路|高铁|城际|公路|航线|管道|运河|轻轨)"
)


_ZH_TITLE = re.compile("《([\u4e00-\u9fff]+)》")


# Anywhere in a Chinese text, the two characters before a word that says what kind of body a
# name is (鹊岩天文台, 由石舫造船建成, 创办了泽芝农业) are a name, as the name a text opens with
# is: the same figure found by another observatory, or the same founder's other company, is
# another claim. Only kinds of body that follow a name (not 电池, 汽车, 啤酒: products too), and
# not the words that say what kind of such a body it is (县级医院, 人民医院, 理工大学, 商业银行).
_ZH_BODY_KINDS = (
    "天文台|研究所|研究院|实验室|大学|医院|银行|集团|造船|乳业|置业|出版社|俱乐部|基金会|博物馆"
    "|保险|证券|制药|科技|农业"
)
_ZH_BODY_NAME = re.compile(f"(?=([\u4e00-\u9fff]{{2}})(?:{_ZH_BODY_KINDS}))")
# So are the two characters after a post (原副市长祁守正, 董事长闻韶舟): the person who holds it.
_ZH_POSTS = (
    "市长|县长|区长|省长|局长|厅长|部长|院长|校长|董事长|总经理|总裁|书记|主任|主席|首席执行官"
)
_ZH_HOLDER_NAME = re.compile(f"(?:{_ZH_POSTS})([\u4e00-\u9fff]{{2}})")
_NOT_BODY_NAMES = frozenset(
    split_words(
        "人民 中国 全国 国家 国有 民营 商业 农村 城市 社区 公立 私立 附属 地方 股份 控股 理工 "
        "师范 医科 财经 工业 交通 外国 语言 科学 科技 农业 医学 中医 民族 师范 职业 技术 开放 "
        "第一 第二 第三 中心 儿童 妇幼 肿瘤 口腔 眼科 精神 传染 军区 大型 小型 新型 高新 信息 "
        "生物 智能 网络 数字 电子 能源 航天 金融 投资 政策 开发 合作 村镇 邮政 储蓄 人寿 财产 "
        "健康 医疗 研究 国际 海外 当地 本地 一家 多家 这家 该家 两家 各家 大学 医院 银行 "
        # (a sport before a club: 青鸾足球俱乐部 is 青鸾's)
        "足球 篮球 排球 网球 体育 文化 艺术 青年 少年 "
        # (verbs and words of kind before a body: 送往医院, 考上大学, 加强科技, 现代农业, 养老保险,
        # 通过银行; and after a post: 董事长兼总经理, 市长办公会)
        "送往 送到 送进 送至 前往 进入 住进 考上 考入 考进 就读 加强 发展 推动 现代 传统 养老 "
        "通过 各大 知名 著名 顶尖 重点 兼总 兼任 办公"
    )
)
_NOT_BODY_CHARS = frozenset("级市县省区镇乡村的了在和与及或为于由被把将已其之这那等家所")


def zh_body_names(text: str) -> list[str]:
    """The names a Chinese `text` (normalised, lower-cased) gives before a kind of body or
    after a post (see above), each as its two characters."""
    out: list[str] = []
    found = [(m.group(1), m.start(1)) for m in _ZH_BODY_NAME.finditer(text)]
    if "长" in text or "总" in text or "书记" in text or "主" in text or "官" in text:
        found += [(m.group(1), m.start(1)) for m in _ZH_HOLDER_NAME.finditer(text)]
    for pair, at in found:
        if (
            pair in _NOT_BODY_NAMES
            or any(ch in _NOT_BODY_CHARS for ch in pair)
            or pair[0] in ZH_NOT_FIRST
            or pair[1] in ZH_NOT_SECOND
            or pair in _NOT_NAME_WORDS
            or pair in _PROVINCE_PAIRS
            or CJK_CONCEPT.match(text, at)
            or CJK_CONCEPT.match(text, at + 1)
        ):
            continue
        if pair not in out:
            out.append(pair)
    return out
