"""The concept table: common news words of both languages, each mapped to one concept.

"首个", "第一个" and "first" are all `~first`; "美金", "美元", "$" and "dollars" are `~usd`. The
table, the measures among its concepts (`MEASURES`), and the regular expressions that find its
forms in a text (Chinese anywhere, English as whole words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.domain.similarity.words import split_words

# Common words of news about companies, economies and politics, in both languages, each mapped
# to one concept. General vocabulary, not any one article's.
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "first": (
        "首个",
        "首家",
        "首次",
        "首位",
        "首款",
        "第一个",
        "第一家",
        "第一次",
        "率先",
        "first",
    ),
    "only": ("唯一", "仅有", "只有", "only", "sole"),
    "most": ("最大", "最高", "最多", "largest", "biggest", "highest", "most"),
    # A level said to be a record high or low: the two are opposite facts (see
    # `kinds.ACT_POLE`), and "not been this low" is a record low, not a denial.
    "record_high": (
        "历史新高",
        "最高水平",
        "highest level",
        "record high",
        "this high",
        "so high",
    ),
    "record_low": (
        "历史新低",
        "最低水平",
        "lowest level",
        "record low",
        "this low",
        "so low",
    ),
    "found": ("创立", "创办", "成立", "创建", "创业", "founded", "found", "established"),
    # (筹得, 筹集, 筹款: raised, as 募集 is)
    "fund": ("融资", "募资", "募集", "筹得", "筹集", "筹款", "funding", "raised", "financing"),
    # Crimes the police recorded are not crimes they solved: 受理刑事案件1.2万起, 侦破一万二千起.
    "case_recorded": ("受理", "立案"),
    "case_solved": ("侦破", "破获", "solved"),
    # Money given to a charity is not what it gives out.
    # (善款: money given to a charity)
    "donation": ("捐款", "捐赠", "善款", "donations", "donation", "donated", "gifts"),
    # Money granted by a government or a funder is not what a project costs or raises.
    "grant": ("拨款", "补贴", "补助", "资助", "grants", "subsidy", "subsidies"),
    # (a budget's revenue, 预算收入, is no budget spent: 预算 alone is a cost)
    "revenue": (
        "营业收入",
        "营收",
        "收入",
        "预算收入",
        "财政收入",
        "销售额",
        "revenue",
        "revenues",
        "sales",
    ),
    "profit": ("净利润", "利润", "盈利", "profit", "profits"),
    "loss": ("亏损", "loss", "losses", "lost"),
    "staff": (
        "员工",
        "雇员",
        "职工",
        "employees",
        "employee",
        "staff",
        "workers",
        "workforce",
        "headcount",
    ),
    "customer": ("客户", "订户", "customer", "customers", "client", "clients"),
    "user": ("用户", "users", "user"),
    "monthly": ("月活", "每月", "monthly", "month"),
    "patent": ("专利", "patent", "patents"),
    "valuation": ("估值", "valued", "valuation"),
    "tariff": ("关税", "tariff", "tariffs", "duties", "duty", "levy"),
    "up": (
        "增长",
        "增加",
        "提高",
        "上调",
        "提升",
        "上升",
        "上涨",
        "翻番",
        "翻倍",
        "新增",
        "增至",
        # the size of a rise, and more made: 增幅 18%, 增产 9%
        "增幅",
        "增产",
        "攀升",
        # longer, as a stay or a wait: 平均住院日延长至6.8天
        "延长",
        "升至",
        "调高",
        "上浮",
        "多了",
        "偏多",
    ),
    "up_en": (
        "rose",
        "accelerated",
        # more than a norm: 40% more than normal, as 偏多 (see `average` for the norm)
        "more than normal",
        "above normal",
        "higher than normal",
        "grew",
        "increased",
        "increase",
        "raise",
        "raises",
        # (raised alone is money raised, `fund`; raised with what is charged is a rise)
        "raised its prices",
        "raised its fares",
        "raised its charges",
        "raised its rates",
        "raised prices",
        "raised fares",
        "raised charges",
        "raised rates",
        "raised their prices",
        "raised their fares",
        "climbed",
        "climbs",
        "doubled",
        "added",
        # A rise said with a phrase or a plainer verb: "fares went up", "customers gained",
        # "a 6 per cent fare rise".
        "went up",
        "gone up",
        "goes up",
        "go up",
        "put up",
        "rise",
        "rises",
        "risen",
        "rising",
        "gained",
        "gains",
        "jumped",
        "soared",
        "surged",
        "expanded",
    ),
    "down": (
        "下降",
        "下跌",
        "减少",
        "降低",
        "下滑",
        "跌至",
        "降到",
        "降至",
        "削减",
        "缩减",
        "减至",
        # the size of a fall, and less made: 降幅 9%, 减产 9%
        "降幅",
        "减产",
        "回落",
        "萎缩",
        "缩短",
        "降为",
        # a price or rate set lower, or higher (上调 is a rise): 下调到, 调低, 调降, 下浮
        "下调",
        "调低",
        "调降",
        "下浮",
        # less than a norm: 比常年少了三成, 偏少
        "少了",
        "偏少",
    ),
    "down_en": (
        "fell",
        # less than a norm, as 偏少
        "less than normal",
        "below normal",
        "lower than normal",
        # a rate that slows or eases falls (inflation slowed to 2.3%)
        "slowed",
        "eased",
        "dropped",
        "declined",
        "decline",
        "drop",
        "cut",
        "decreased",
        # as above: "fares came down", "output fell", "leakage reduced"
        "went down",
        "gone down",
        "goes down",
        "go down",
        "came down",
        "brought down",
        "fall",
        "falls",
        "fallen",
        "drops",
        "cuts",
        "reduced",
        "lowered",
        "shrank",
        "slumped",
        "plunged",
        "tumbled",
        "contracted",
        # customers who left or quit: fewer customers
        "left",
        "quit",
    ),
    # People taken on, and people let go: hiring 900 and laying off 900 are opposite acts.
    # "lost their jobs" is read whole, before "lost" (a loss of money).
    "hire": (
        "招聘",
        "招募",
        "招收",
        "新招",
        "录用",
        "hired",
        "hires",
        "hire",
        "hiring",
        "recruited",
        "recruits",
        "recruit",
        "recruiting",
        "took on",
        "taken on",
        # jobs made, as against jobs to go (a figure between, "create 900 jobs", is read by
        # `bag.terms`)
        "job creation",
        "jobs created",
        "create jobs",
        "created jobs",
        "creating jobs",
        "new jobs",
        "创造就业",
        "新增就业",
        "新增岗位",
    ),
    "layoff": (
        "job losses",
        "job loss",
        "jobs are to go",
        "jobs to go",
        "jobs will go",
        "裁员",
        "裁掉",
        "裁减",
        "解雇",
        "辞退",
        "laid off",
        "lay off",
        "lays off",
        "layoffs",
        "layoff",
        "redundancies",
        "redundancy",
        "made redundant",
        "let go",
        "lost their jobs",
        "lost their job",
        "lost jobs",
        "job cuts",
        "cut jobs",
        "cuts jobs",
        "cutting jobs",
        "shed jobs",
        "sheds jobs",
        "shedding jobs",
        "jobs cut",
        "fired",
        "sacked",
    ),
    # A figure per person, per day or on average, against a total: GDP per person is not GDP,
    # nor 1.3 million riders a day (日均, 平均每天) a year's riders (see `disagreements`).
    "average": (
        # against the normal year: 降水量比常年多三成, "than the long-term average"
        "比常年",
        "较常年",
        "人均",
        "平均",
        # a yield per mu (亩产612公斤, 单产) is per area, never a total; so is one restated per
        # hectare (see `quantities.yields`: 8.9 t/ha, 3.6 tonnes an acre)
        "亩产",
        "单产",
        "kg/ha",
        "户均",
        "日均",
        "月均",
        "年均",
        "场均",
        "每天",
        "每日",
        "per capita",
        "per person",
        "per head",
        "per resident",
        "average",
        "averaged",
        "avg",
        "on average",
        "per day",
        "a day",
        "each day",
        "every day",
        "daily",
    ),
    # Put off, and who held a post once (see `disagreements`).
    "delay": (
        "推迟",
        "延期",
        "延迟",
        "延后",
        "推后",
        "delayed",
        "delays",
        "delay",
        "postponed",
        "postpones",
        "postpone",
        "pushed back",
        "put off",
    ),
    # China's political advisory body, by its Chinese name, its English one or its acronym
    # (垟城市政协, the Yangcheng committee of the Chinese People's Political Consultative
    # Conference, Yangcheng's CPPCC committee)
    "cppcc": (
        "中国人民政治协商会议",
        "政治协商会议",
        "政协",
        "chinese people's political consultative conference",
        "people's political consultative conference",
        "political consultative conference",
        "cppcc",
    ),
    # (原 or 前 before a post: 原市长, 前董事长, the former mayor and chairman; not 原因, 原油,
    # 目前, 前三季度)
    "former": (
        "曾任",
        "曾担任",
        "前任",
        *(
            before + post
            for before in "原前"
            for post in split_words(
                "市长 副市长 县长 副县长 省长 副省长 区长 镇长 局长 副局长 厅长 部长 主任 "
                "书记 董事长 总经理 总裁 行长 校长 院长 主席 处长"
            )
        ),
        "former",
        "formerly",
    ),
    # Unchanged: "stayed the same" against "raised" is an opposite act, and against "did not
    # raise" the same claim (see `disagreements`).
    "flat": (
        "持平",
        "保持不变",
        "不变",
        "unchanged",
        "stayed the same",
        "remained the same",
        "stayed flat",
        "remained flat",
        "held steady",
        "kept unchanged",
    ),
    # Taking a post, and leaving it: appointed chief executive against resigned as chief
    # executive are opposite acts ("no longer serves as" and 不再担任 leave it too).
    "appoint": (
        # (holds a post: 由卢映雪担任, against 辞去; 曾担任 and 不再担任 are longer forms)
        "担任",
        "出任",
        "就任",
        "上任",
        "获任",
        "任命",
        "接任",
        "升任",
        "当选",
        "appointed",
        "appoints",
        "appoint",
        "appointment",
        "took over as",
        "takes over as",
        "elected",
    ),
    "resign": (
        "辞去",
        "辞任",
        "卸任",
        "离任",
        "辞职",
        "不再担任",
        "resigned",
        "resigns",
        "resign",
        "resignation",
        "stepped down",
        "steps down",
        "step down",
        "stepping down",
        "no longer serves as",
        "quit as",
    ),
    # A bill signed into law, and one vetoed; a plan approved, and one rejected.
    "enact": (
        "签署",
        "批准",
        "获批",
        "signed",
        "signs",
        "signature",
        "became law",
        "into law",
        "approved",
        "approves",
        "approve",
        "approval",
        "go-ahead",
        "granted",
    ),
    "veto": (
        "否决",
        "驳回",
        "vetoed",
        "vetoes",
        "veto",
        "rejected",
        "rejects",
        "reject",
        "rejection",
        "turned down",
        "turns down",
        "refused",
        "refuses",
    ),
    # A verdict: found guilty or sentenced, against acquitted (see `kinds.ACT_POLE`).
    "convict": (
        "判处",
        "判刑",
        "获刑",
        "convicted",
        "sentenced",
        "jailed",
        "found guilty",
        "imprisoned",
    ),
    "acquit": (
        "被判无罪",
        "宣告无罪",
        "无罪释放",
        "判决无罪",
        "acquitted",
        "cleared of",
        "found not guilty",
    ),
    # A match's result, whichever side it is told from (X lost to Y, Y beat X; 负于, 战胜): the
    # sides' roles say which result it is (see `results`), and "lost to" is no loss of money.
    "beat": (
        "战胜",
        "击败",
        "负于",
        "输给",
        "不敌",
        "lost to",
        "loses to",
        "lose to",
        "beat",
        "beats",
        "beating",
    ),
    # Won a vote, against lost it (only a passive "defeated": X defeated Y, X won).
    "elected": ("当选", "elected", "won the election", "won the vote", "re-elected"),
    "defeated": (
        "落选",
        "was defeated",
        "were defeated",
        "been defeated",
        "lost the election",
        "lost the vote",
        "voted out",
    ),
    # Permission to build is asked, granted or refused: the words say which (approved,
    # refused), and "planning" in them is no plan.
    "permit": (
        "planning permission",
        "planning consent",
        "planning approval",
        "planning application",
        "规划许可",
    ),
    # Buying a company or a thing; selling is `sale`. Which of the two an actor did is a
    # direction: Ambry bought Lattice and Ambry sold Lattice are opposite facts (see
    # `disagreements`).
    "buy": (
        "收购",
        "买下",
        "购买",
        "购入",
        "并购",
        "bought",
        "buys",
        "buy",
        "purchased",
        "purchases",
        "purchase",
        "acquired",
        "acquires",
        "acquire",
        "acquisition",
        "takeover",
        "taken over",
    ),
    # Put into service is opened: a runway 启用 (or 投入使用) in 2022 against one closed then.
    "open": (
        "开设",
        "开业",
        "新开",
        "开出",
        "开通",
        "开张",
        "启用",
        "投入使用",
        # (put into operation or production, not money put in: 投入商业运营 is no cost)
        "投入商业运营",
        "投入商业化运营",
        "投入运营",
        "投入运行",
        "投入生产",
        "投入商用",
        "投用",
        "投运",
        "开馆",
        "开园",
        "对外开放",
        "opened",
        "opens",
        "launched",
        "came into service",
        "entered service",
        # a shop or business opening, said of its trading
        "started trading",
        "began trading",
        "opened for business",
        "opened its doors",
        "opened their doors",
    ),
    # (a museum or park closing to visitors, and opening: 闭馆, 开馆)
    "close": (
        "关闭",
        "关停",
        "关掉",
        "倒闭",
        "停业",
        # (production or service stopped: against 投入生产, 投入运营)
        "停产",
        "停运",
        "闭馆",
        "闭园",
        "closed",
        "closes",
        "shut",
        "shuts",
    ),
    # Homes pulled down are not homes built (拆除老旧住房1.2万套, 新建保障房12000套), nor
    # kindergartens built those closed (see `kinds.ACT_POLE`).
    "demolish": (
        "拆除",
        "拆掉",
        "拆毁",
        "demolished",
        "demolish",
        "demolishes",
        "demolition",
        "demolitions",
        "torn down",
    ),
    "build": ("新建", "兴建", "新修", "建成", "built", "build", "builds", "to build"),
    # Work started on a line or a plant is not the line or plant opened: 开工建设 in December
    # 2022 and 开通 then are two events (see `kinds.ACT_POLE`).
    "groundbreaking": (
        "开工",
        "动工",
        "开建",
        "破土",
        "broke ground",
        "breaks ground",
        "construction began",
        "construction started",
        "began construction",
        "started construction",
    ),
    # An act called off, halted or withdrawn: an order cancelled is no order placed, routes
    # suspended (停飞) are no routes opened (see `kinds.CANCEL`).
    "cancel": (
        "取消",
        "停飞",
        "停航",
        "停运",
        "暂停",
        "叫停",
        "撤回",
        "撤销",
        "终止",
        "中止",
        "cancelled",
        "canceled",
        "cancels",
        "cancel",
        "cancellation",
        "scrapped",
        "scraps",
        "axed",
        "suspended",
        "suspends",
        "suspend",
        "suspension",
        "halted",
        "halts",
        "withdrew",
        "withdrawn",
        "withdraws",
        "called off",
        "shelved",
    ),
    # An order placed (the verb, or "an order for": "orders" alone are as often a measure that
    # rises and falls; 订单, an order's paper, names one placed or won: 新接订单14艘), and an act
    # taken up again.
    "order": (
        "订购",
        "下单",
        "订单",
        "ordered",
        "an order for",
        "order for",
        "orders for",
        "placed an order",
        "will order",
        "would order",
        "to order",
    ),
    "resume": (
        "恢复",
        "重新开放",
        "复航",
        "重启",
        "resumed",
        "resumes",
        "resume",
        "restarted",
        "restarts",
        "reopened",
        "reopens",
        "reinstated",
    ),
    # What is planned, aimed at or expected, not done: a target of 95,000 cars is not 95,000
    # cars delivered (see `disagreements.MODALITY`). Chinese 将 and 拟 only where they plainly
    # say "will" (将于, 拟在): alone, 将 marks an object (将价格提高) and 拟 is part of 模拟.
    # Not "will" itself: what a project will cost is most often reworded as its cost, with
    # no future said (will cost 1.5 billion euros, 投资额为十五亿欧元: two true matches on the
    # dev splits fell to 0.3 with it).
    "plan": (
        "计划",
        "目标",
        "预计",
        "预期",
        "力争",
        "争取",
        "有望",
        "规划",
        "打算",
        "拟于",
        # proposed, not done: 建议判处十二年 is no sentence of twelve years (not the nouns:
        # 采纳了建议, "the proposed takeover")
        "建议判处",
        "提议",
        "proposes",
        "propose",
        "recommends",
        "拟在",
        "拟将",
        # 拟 before spending, building, buying or selling (拟斥资三亿元: plans to spend)
        "拟斥资",
        "拟投资",
        "拟投入",
        "拟建",
        "拟新建",
        "拟收购",
        "拟出售",
        "将于",
        "将在",
        "未来",
        "plan",
        "plans",
        "planned",
        "planning",
        "aim",
        "aims",
        "aimed",
        "aiming",
        "target",
        "targets",
        "targeted",
        "goal",
        "expect",
        "expects",
        "expected",
        "forecast",
        "forecasts",
        "projected",
        "set to",
        "intends",
        "intended",
    ),
    "world": ("全球", "世界", "world", "global", "globally"),
    # (全国, nationwide: in a Chinese text, China's)
    "china": ("中国", "国内", "全国", "china", "chinese", "domestic"),
    # Abroad, against at home: 15 international routes are not 15 domestic ones (see
    # `disagreements.SCOPE_POLE`).
    "abroad": ("国际", "海外", "境外", "国外", "international", "overseas", "abroad", "foreign"),
    # A side's matches at its own ground against those away: 18 home wins are not 18 away wins
    # (see `disagreements.SCOPE_POLE`).
    "homeground": (
        "主场",
        "home games",
        "home matches",
        "home fixtures",
        "home win",
        "home wins",
        "home league",
    ),
    "awayground": (
        "客场",
        "away games",
        "away matches",
        "away fixtures",
        "away win",
        "away wins",
        "away league",
    ),
    "usa": ("美国", "america", "american", "united states", "usa"),
    "company": ("公司", "企业", "company", "firm", "companies"),
    "rank": ("排名", "位列", "位居", "排行", "名列", "ranked", "ranks", "ranking"),
    # Exports are shipments abroad: "exports to Canada doubled" and "shipments to Canada grew
    # twofold" give one measure.
    "shipment": ("出货量", "出货", "出口", "shipments", "shipped", "exports", "export", "exported"),
    # Imports come the other way: a tariff on imported steel is not one on batteries that names
    # no import (pairs.yaml's en10 against zh9, once "go up" was read as a rise).
    "import": ("进口", "imports", "imported", "import"),
    # What is handed to buyers, and what is made: 交付 12.6万辆 and 生产 12.6万辆 are two facts.
    # A region's 生产总值 (GDP) is neither, and is read first as the longer form.
    "delivery": ("交付", "交车", "delivered", "deliveries", "delivery", "deliver", "delivers"),
    # (an economy that grew by 5.8% is its GDP growth: 经济增长, 经济增速)
    "gdp": (
        "地区生产总值",
        "国内生产总值",
        "生产总值",
        "经济增长",
        "经济增速",
        "gdp",
        "economy",
        "economic output",
    ),
    # Money put into fixed assets is not output: investment up 5.8% is not GDP up 5.8%.
    "investment": (
        "固定资产投资",
        "fixed-asset investment",
        "fixed asset investment",
        "fixed-asset investments",
        "capital investment",
    ),
    # Seats, or the people a hall holds (可容纳观众6.2万人), are not its floor area.
    "seat": ("座位", "席位", "容纳", "seats", "seat", "seating"),
    "battery": ("电池", "电芯", "battery", "batteries", "cells", "cell"),
    "lithium": ("锂", "lithium"),
    "steel": ("钢铁", "钢材", "steel"),
    "storage": ("储能", "storage"),
    # (a budget is what is to be spent: a research budget is R&D spending, 研发投入)
    "cost": (
        "成本",
        "花费",
        "费用",
        "预算",
        "投入",
        "cost",
        "costs",
        "spending",
        "spend",
        "spent",
        "budget",
        "budgets",
        # the sum a plant or a project is invested with is what it costs (投资额, 总投资,
        # 投资了; not 投资 alone: 获得投资 is money raised, see `fund`; nor "invest", 斥资,
        # which a plan's 拟斥资 reads as planned spending)
        "投资额",
        "投资总额",
        "总投资",
        "投资了",
        # what a county or a charity pays out: 财政支出 is not 财政收入, 公益支出 not 捐款 (not
        # 支出 alone: an insurer's 赔付支出 is what its customers are paid)
        "财政支出",
        "公共支出",
        "预算支出",
        "公益支出",
        "慈善支出",
        "研发支出",
        "资本支出",
        "总支出",
        "支出总额",
        "开支",
        "expenditure",
        "expenditures",
        "outlays",
    ),
    "compute": ("算力", "compute", "computing"),
    "train": ("训练", "training", "train"),
    "model": ("模型", "model", "models"),
    "attention": ("注意力", "attention"),
    "linear": ("线性", "linear"),
    "research": ("研发", "r&d", "research"),
    "listing": ("上市", "ipo", "listing", "list", "listed"),
    "filed": (
        "递交",
        "申请",
        "提交",
        "filed",
        "applied",
        "apply",
        "applies",
        "applying",
        "application",
        "applications",
        "submitted",
        "lodged",
    ),
    "hongkong": ("香港", "港股", "港交所"),
    "granted": ("授权",),  # (granted in English is an approval: see enact)
    "round": ("轮", "round", "rounds"),
    # (a cruise ship is no round of funding: 邮轮 is read whole, before its 轮)
    "cruise": (
        "邮轮",
        "游轮",
        "cruise ships",
        "cruise ship",
        "cruise liners",
        "cruise liner",
        "cruise vessels",
    ),
    "series_c": ("c轮", "series c"),
    # (装机容量, 装机规模: the installed capacity of a power plant or a grid)
    "capacity": ("产能", "装机容量", "装机规模", "装机量", "装机", "capacity"),
    "utilisation": ("利用率", "utilisation", "utilization"),
    # (an ex-factory or ex-works price: at the factory gate)
    "factory": ("工厂", "生产基地", "factory", "plant", "ex-factory", "ex-works", "ex works"),
    # (a part of a whole: 占比, 占总销量的50%, "make up 22%", "account for a third")
    "share": (
        "占比",
        "份额",
        "占总",
        "占全",
        "share",
        "make up",
        "makes up",
        "made up",
        "making up",
        "account for",
        "accounts for",
        "accounted for",
        "accounting for",
    ),
    "net": ("净",),
    # a count since something began, not a year's (870,000 visitors since it opened, 31 goals
    # in his career, 成立以来累计)
    "cumulative": (
        "since it opened",
        "since it was founded",
        "since its founding",
        "since it began",
        "since it started",
        "in his career",
        "in her career",
        "in its history",
        "to date",
        "成立以来",
        "开业以来",
        "累计",
    ),
    "worked": ("工作", "任职", "worked", "work", "employed", "employs", "employ"),
    # a change on the same period a year before (up 4.1% year on year, 同比增长4.1%): the
    # English is read as the Chinese word (see `bag`)
    "yoy": (
        "year on year",
        "year-on-year",
        "from a year earlier",
        "from a year ago",
        "on a year earlier",
        "over the same period last year",
        "from the same period last year",
        "on the same period last year",
        "yoy",
    ),
    "year": ("year", "years"),
    "percent": ("%", "百分之", "percent", "per cent", "pct"),
    "usd": ("美元", "美金", "$", "us$", "dollars", "dollar", "usd"),
    "cny": ("人民币", "元", "yuan", "rmb", "renminbi", "cny"),
    "hkd": ("港元", "港币", "hk$", "hong kong dollars", "hkd"),
    "gbp": ("英镑", "£", "pounds", "pound", "sterling", "gbp"),
    "eur": ("欧元", "€", "euros", "euro", "eur"),
    # Other currencies a sum is given in: 60亿泰铢 is not 6 billion yuan. (Not "won", a verb.)
    "jpy": ("日元", "日圆", "yen", "jpy"),  # (not ¥, which RMB sums use as well)
    "krw": ("韩元", "korean won", "krw"),
    "thb": ("泰铢", "baht", "thb"),
    "inr": ("卢比", "rupees", "rupee", "inr"),
    "aud": ("澳元", "a$", "australian dollars", "aud"),
    "cad": ("加元", "c$", "canadian dollars", "cad"),
    "sgd": ("新加坡元", "新元", "s$", "singapore dollars", "sgd"),
    "chf": ("瑞士法郎", "swiss francs", "chf"),
    "before": ("之前", "以前", "早于", "before", "earlier"),
    "never": ("从未", "从来没有", "never"),
    "recall": ("召回", "recall", "recalls", "recalled", "called back"),
    "sale": ("销量", "卖出", "售出", "卖了", "sold", "sell", "sells", "selling"),
    # (收购价 is what a buyer pays, a price: no takeover, see `trades`)
    "price": (
        "价格",
        "售价",
        "定价",
        "单价",
        "票价",
        "收购价",
        "出厂价",
        "零售价",
        "批发价",
        "均价",
        # what water, power, gas, fuel or homes cost (水价上涨, 电价下调)
        "水价",
        "电价",
        "气价",
        "油价",
        "房价",
        "price",
        "prices",
        "priced",
        "fares",
        "fare",
    ),
    # What people are paid is not what they pay: wages up 6% and fares up 6% are two facts.
    "wage": ("工资", "薪酬", "薪资", "薪水", "wages", "wage", "salaries", "salary"),
    # Who or what a hospital's figure counts (640 beds, 640 nurses; 260 doctors, 260 nurses),
    # and what a lender or a library lends (300,000 books lent against 300,000 books held).
    "doctor": ("医生", "医师", "doctors", "doctor", "physicians", "physician"),
    "nurse": ("护士", "nurses", "nurse"),
    "bed": ("床位", "病床", "beds", "bed"),
    "loan": ("贷款", "借出", "loans", "loan", "lent", "lends", "lend", "lending", "borrowed"),
    "output": ("产量", "生产", "output", "production", "produced", "produce"),
    # (pax: the trade's abbreviation, in airports' and airlines' figures)
    "passenger": (
        "乘客",
        "旅客",
        "客运量",
        "passenger",
        "passengers",
        "riders",
        "ridership",
        "pax",
    ),
    "margin": ("毛利率", "margin", "margins"),
    # A festival by any of its names (the Ravensholm Folk Festival, Ravensholm Folk Fest, its
    # festivalgoers): no name of its own, as a kind of body is not.
    "festival": (
        "音乐节",
        "艺术节",
        "电影节",
        "戏剧节",
        "festival",
        "festivals",
        "fest",
        "festivalgoers",
    ),
    "store": (
        "门店",
        "店铺",
        "分店",
        "网点",
        "store",
        "stores",
        "shop",
        "shops",
        "branch",
        "branches",
        "outlet",
        "outlets",
    ),
    "dealer": ("经销商", "代理商", "dealer", "dealers", "dealership", "dealerships"),
    # 210 stations are not 210 kilometres of line.
    # (a station by its side of a city: 柘湾南站, 汀阳东站, South Station)
    "station": (
        "车站",
        "站点",
        "火车站",
        "高铁站",
        "东站",
        "西站",
        "南站",
        "北站",
        "stations",
        "station",
    ),
    # Goods carried, against people: 42 million tonnes of freight are not 42 million journeys.
    "cargo": ("货运", "货邮", "货物", "cargo", "freight"),
    # A university's students and its teachers: 34,000 students are not 34,000 staff.
    "student": ("学生", "在校生", "本科生", "研究生", "students", "student", "undergraduates"),
    "teacher": ("教师", "teachers", "teacher", "teaching staff", "lecturers"),
    # What is owed is not what is earned: debt of US$2.3 billion against sales of as much.
    "debt": ("债务", "负债", "欠款", "debt", "debts", "borrowings", "liabilities", "owed", "owes"),
    # What students pay is not what they are given: 学费 6800元 against 奖学金 6800元.
    "tuition": ("学费", "tuition fees", "tuition fee", "tuition"),
    "scholarship": ("奖学金", "助学金", "scholarships", "scholarship", "bursaries", "bursary"),
    # What households earn is not what shops sell: 人均可支配收入 against retail sales.
    "income": ("可支配收入", "disposable income", "household income"),
    # What a region's shops sell (社会消费品零售总额, retail sales of consumer goods) is not a
    # company's revenue.
    "retail": (
        "社会消费品零售总额",
        "社会消费品零售额",
        "消费品零售总额",
        "消费品零售额",
        "零售总额",
        "零售额",
        "社零",
        "retail sales of consumer goods",
        "consumer goods retail sales",
        "retail sales",
    ),
    # Cars that run on other than petrol (新能源汽车, new-energy vehicles): a region's or a
    # maker's, said in either language.
    "nev": (
        "新能源汽车",
        "新能源车",
        "新能源乘用车",
        "new-energy vehicles",
        "new energy vehicles",
        "new-energy vehicle",
        "new energy vehicle",
        "new-energy cars",
        "new energy cars",
        "new-energy car",
        "nevs",
        "nev",
    ),
    # Measures of a desk's everyday beats that were missing, each another fact than its
    # neighbour: rents are not home prices; a bank's deposits are not its assets; an election's
    # turnout is not a winner's share of the vote; an airline's on-time rate is not its load
    # factor; compensation ordered is not a fine; a book's print run is not its sales; a
    # developer's contracted sales are not its revenue; selling expenses are not research
    # spending; a library's visitors are not its holdings. (Not "turned out" for a turnout:
    # a tea grower "turned out 4,800 tonnes".)
    "rent": ("租金", "房租", "rents", "rent", "rental"),
    "deposit": ("存款", "deposits", "deposit"),
    "asset": ("总资产", "资产总额", "total assets", "assets"),
    "turnout": (
        "投票率",
        "参选率",
        "turnout",
        "cast a ballot",
        "cast their ballot",
        "cast their ballots",
    ),
    "voteshare": ("得票率", "of the vote", "of votes cast", "of the votes", "vote share"),
    "ontime": (
        "准点率",
        "正点率",
        "航班正常率",
        "on-time rate",
        "on-time",
        "on time",
        "punctuality",
        "punctual",
    ),
    "loadfactor": ("客座率", "load factor", "seat occupancy"),
    "compensation": ("赔偿金", "赔偿", "compensation", "damages", "ex gratia", "ex-gratia"),
    "fine": ("罚款", "罚金", "fined", "fine", "fines", "penalty", "penalised", "penalized"),
    # (a paper's circulation is its print run, no subscribers to its online edition)
    "printrun": ("首印", "印数", "发行量", "print run", "first printing", "printed", "circulation"),
    "contractsales": ("合约销售", "合同销售", "签约销售", "contracted sales", "contract sales"),
    "sellingexpense": (
        "销售费用",
        "营销",
        "市场推广",
        "selling expenses",
        "selling and marketing expenses",
        "marketing",
    ),
    # what a project ran over its budget, not what it cost (see `disagreements`)
    "overrun": (
        "超支",
        "超出预算",
        "超预算",
        "over budget",
        "over its budget",
        "over their budget",
        "overran",
        "overrun",
        "overruns",
        "overspent",
    ),
    # what a party sued for, not what a court awarded (索赔, "is suing for"; see `disagreements`)
    "sought": (
        "索赔",
        "sued",
        "sues",
        "suing",
        "is claiming",
        "seeking damages",
        "seeks damages",
        "sought damages",
        "claiming damages",
    ),
    # a change on the month before (环比, 比上月), not on the same month a year before (同比)
    "mom": (
        "环比",
        "比上月",
        "较上月",
        "month-on-month",
        "month on month",
        "from the previous month",
        "on the previous month",
        "from a month earlier",
        "on the month before",
    ),
    "visitor": ("游客", "访客", "参观人数", "visitors", "visits", "visited"),
    "holdings": ("藏书", "馆藏", "holdings"),
    # a player's goals are not his appearances ("goal" alone is a target: see `plan`)
    "goals": ("进球", "goals", "found the net", "netted"),
    # goals let in are not goals scored (丢了71球 is read with its figure, see `bag`)
    "conceded": ("失球", "丢球", "conceded", "let in"),
    # the rates of an economy: prices are not jobs (4.1% inflation, 4.1% unemployment)
    "inflation": ("通胀", "通货膨胀", "居民消费价格", "inflation", "consumer prices", "cpi"),
    "unemployment": ("失业率", "失业", "unemployment", "jobless rate", "jobless"),
    "appearance": ("出场", "appearances"),
    # Degrees by level: 42 master's programmes are not 42 doctoral ones.
    "master": ("硕士", "master's", "masters"),
    "doctorate": ("博士", "doctoral", "doctorate", "doctorates", "phd"),
}
# Products, and kinds of one measure: the same company and figure with another product is another
# claim (210万台 fridges exported against as many air conditioners; rice against wheat; gin
# against whisky; 户籍 against 常住 population). Only a product each claim names and the other
# does not costs (see `disagreements`): a rewording may name the product generically (汽车,
# vehicles, 人口) or not at all, so one side alone says nothing. Read beside the words, as a
# "=product:" term that weighs nothing and a concept (which a claim in the other language
# shares: 苹果酒 and cider), not in their place: "cars" still says what a figure counts (^car)
# and "Eastline Buses" is still a name.
_PRODUCTS: dict[str, tuple[str, ...]] = {
    "beer": ("啤酒", "beer", "beers", "lager", "lagers", "ale", "ales"),
    "cider": ("苹果酒", "cider", "ciders"),
    "wine": ("葡萄酒", "红酒", "wine", "wines"),
    "whisky": ("威士忌", "whisky", "whiskies", "whiskey", "whiskeys"),
    "gin": ("金酒", "杜松子酒", "gin", "gins"),
    "vodka": ("伏特加", "vodka"),
    "baijiu": ("白酒", "baijiu"),
    # (drinks in general, against beer: 鸣泉啤酒's 饮料销量 is not its beer sales)
    "beverage": ("软饮料", "饮料", "soft drinks", "soft drink", "beverages"),
    # what a council charges: council tax is not its parking charges (both up 4.99%)
    "counciltax": ("市政税", "council tax", "council-tax"),
    "parking": ("停车费", "parking charges", "parking charge", "parking fees", "parking"),
    "car": ("轿车", "乘用车", "cars", "car", "saloons"),
    "van": ("厢式货车", "vans", "van"),
    "lorry": ("卡车", "重卡", "lorries", "lorry", "trucks", "truck"),
    # how people travel: a city's buses are not its metro (公交 and 轨道交通 each carry 300万人次)
    "bus": ("公交车", "公交", "大巴", "buses", "bus"),
    "metro": (
        "地铁",
        "轨道交通",
        "轨交",
        "metro",
        "underground",
        "subway",
        "light rail",
        "light-rail",
    ),
    "tram": ("有轨电车", "trams", "tram", "tramway", "tramways"),
    "ferry": ("轮渡", "渡轮", "ferries", "ferry"),
    "taxi": ("出租车", "taxis", "taxi", "cabs"),
    "fridge": ("冰箱", "fridges", "fridge", "refrigerators", "refrigerator"),
    "aircon": ("空调", "air conditioners", "air conditioner", "air-conditioners"),
    "washer": ("洗衣机", "washing machines", "washing machine"),
    "television": ("电视机", "televisions", "television sets", "tvs"),
    "blacktea": ("红茶", "black tea"),
    "greentea": ("绿茶", "green tea"),
    "oolong": ("乌龙茶", "oolong"),
    "rice": ("水稻", "稻谷", "大米", "rice", "paddy"),
    "wheat": ("小麦", "wheat"),
    "maize": ("玉米", "maize", "corn"),
    "barley": ("大麦", "barley"),
    # who a mortgage is lent to: buy-to-let landlords are not first-time buyers
    "buytolet": ("buy-to-let", "buy to let"),
    "firstbuyer": (
        "首次购房",
        "首套房",
        "first-time buyers",
        "first-time buyer",
        "first time buyers",
    ),
    "oats": ("燕麦", "oats"),
    # all grain crops together (粮食产量), against one of them: wheat is not the grain harvest
    "grain": ("粮食", "grain output", "grain production", "grain harvest", "grain crop"),
    # (a ticket of one kind is not one of another: a single fare against a day ticket)
    "singleticket": ("单程票", "single ticket", "single tickets", "single fare", "single fares"),
    "dayticket": ("日票", "day ticket", "day tickets", "day pass", "day passes"),
    "soy": ("大豆", "soybeans", "soybean", "soya", "soy"),
    # fruit (not 苹果 alone: Apple, the company, as often)
    "apple": ("apples", "apple", "苹果园"),
    "pear": ("pears", "pear", "梨子", "鸭梨", "香梨", "梨园"),
    # edible oils by what they are pressed from (大豆油 is no soybeans)
    "peanutoil": ("花生油", "peanut oil", "groundnut oil"),
    "rapeseedoil": ("菜籽油", "菜油", "rapeseed oil", "canola oil"),
    "soyoil": ("大豆油", "豆油", "soybean oil", "soya oil", "soy oil"),
    "potato": ("马铃薯", "土豆", "potatoes", "potato"),
    # fish and shellfish, farmed or landed: a port's scallops are not its oysters (not 虾 or 蟹
    # alone, in too many other words)
    "oyster": ("生蚝", "牡蛎", "oysters", "oyster"),
    "scallop": ("扇贝", "scallops", "scallop"),
    "mussel": ("贻贝", "青口", "mussels", "mussel"),
    "abalone": ("鲍鱼", "abalone"),
    "seacucumber": ("海参", "sea cucumbers", "sea cucumber"),
    "lobster": ("龙虾", "lobsters", "lobster"),
    "crayfish": ("小龙虾", "crayfish"),
    "crab": ("螃蟹", "大闸蟹", "crabs", "crab"),
    "shrimp": ("对虾", "南美白对虾", "shrimp", "shrimps", "prawns", "prawn"),
    "salmon": ("三文鱼", "鲑鱼", "salmon"),
    # (not "cod" in English: COD is chemical oxygen demand as often)
    "cod": ("鳕鱼",),
    "haddock": ("黑线鳕", "haddock"),
    "mackerel": ("鲭鱼", "鲐鱼", "mackerel"),
    "tuna": ("金枪鱼", "tuna"),
    "yoghurt": ("酸奶", "yoghurt", "yoghurts", "yogurt", "yogurts"),
    "milkpowder": ("奶粉", "milk powder", "infant formula", "infant milk formula", "powdered milk"),
    "cheese": ("奶酪", "芝士", "cheese", "cheeses"),
    "milk": ("液态奶", "牛奶", "鲜奶", "liquid milk", "fresh milk", "milk"),
    "broadband": ("宽带", "broadband", "fixed-line"),
    # (5G users are no broadband users, though both are a telecom's)
    "fiveg": ("5g用户", "5g users", "5g subscribers", "5g customers", "5g connections"),
    "mobile": ("移动用户", "手机用户", "mobile subscribers", "mobile customers", "mobile users"),
    "emergency": ("急诊", "emergency", "a&e"),
    "outpatient": ("门诊", "outpatient", "outpatients"),
    "inpatient": ("住院", "inpatient", "inpatients"),
    # power by its source: a grid's 62% from solar is not its 62% from wind (solar thermal,
    # 光热, is its own source: mirrors and heat, not panels)
    "solarthermal": (
        "光热",
        "solar thermal",
        "solar-thermal",
        "concentrated solar",
        "concentrating solar",
    ),
    "solar": (
        "光伏",
        "太阳能",
        "solar",
        "photovoltaic",
        "photovoltaics",
    ),
    "wind": (
        "风电",
        "风能",
        "风力发电",
        "wind power",
        "wind farm",
        "wind farms",
        "wind turbines",
        "wind turbine",
        "wind energy",
        "wind generation",
        "onshore wind",
        "offshore wind",
        "from wind",
    ),
    "hydro": ("水力发电", "水电站", "hydropower", "hydroelectric", "hydro-electric"),
    "nuclear": ("核电", "核能", "nuclear"),
    "gaspower": ("燃气发电", "气电", "gas-fired", "gas power"),
    "coalpower": ("煤电", "燃煤", "coal-fired", "coal power", "coal plants", "coal power plants"),
    "pumpedhydro": ("抽水蓄能", "抽蓄", "pumped storage", "pumped-storage", "pumped hydro"),
    "pvcell": ("电池片", "solar cells"),
    "pvmodule": ("光伏组件", "solar modules", "solar panels"),
    "wafer": ("硅片", "wafers"),
    # metals and ores
    "copper": ("铜矿", "铜产量", "精炼铜", "产铜", "生产铜", "copper"),
    "zinc": ("锌", "zinc"),
    "gold": ("黄金", "gold"),
    "aluminium": ("电解铝", "铝", "aluminium", "aluminum"),
    "nickel": ("镍", "nickel"),
    "ironore": ("铁矿石", "iron ore"),
    "coal": ("煤炭", "原煤", "coal"),
    # diseases and what is given against them
    "flu": ("流感", "flu", "influenza"),
    "pneumonia": ("肺炎", "pneumonia", "pneumococcal"),
    "measles": ("麻疹", "measles"),
    "covid": ("新冠", "covid", "covid-19", "coronavirus"),
    "dengue": ("登革热", "dengue"),
    "hfmd": ("手足口病", "hand, foot and mouth"),
    # what an insurer pays out or a region suffers, by the kind of event: a typhoon is not a flood
    "flood": ("洪水", "洪涝", "水灾", "flood", "floods", "flooding"),
    # (the season of floods is no flood: rain since it began, 入汛以来)
    "floodseason": ("汛期", "入汛", "flood season", "flood-season"),
    "typhoon": ("台风", "typhoon", "typhoons", "hurricane", "hurricanes", "cyclone"),
    "earthquake": ("地震", "earthquake", "earthquakes"),
    "drought": ("干旱", "旱灾", "drought", "droughts"),
    "wildfire": ("山火", "森林火灾", "wildfire", "wildfires", "bushfire", "forest fire"),
    # ships by kind
    "tanker": ("油轮", "tankers", "tanker"),
    "bulker": ("散货船", "bulk carriers", "bulk carrier", "bulkers"),
    "containership": ("集装箱船", "container ships", "container ship", "boxships"),
    # homes sold new, and second-hand
    # ("new homes" alone is often homes built or approved, no market: not read)
    "newhome": ("新房", "新建商品住宅", "新建住宅", "new-build", "new-builds", "newly built homes"),
    "usedhome": (
        "二手房",
        "二手住宅",
        "second-hand home",
        "second-hand homes",
        "existing homes",
        "resale homes",
    ),
    # exams: who sat the gaokao is not who sat the zhongkao
    "gaokao": ("高考", "gaokao", "university entrance exam", "college entrance exam"),
    "zhongkao": ("中考", "zhongkao", "high school entrance exam"),
    # what a factory discharges, by kind
    "wastewater": ("废水", "污水", "wastewater", "waste water", "sewage", "effluent"),
    "exhaust": ("废气", "exhaust gas", "exhaust gases", "waste gas", "exhaust fumes"),
    "solidwaste": ("固废", "固体废物", "solid waste"),
    # what a city's air holds, by kind (PM2.5 is read before its figure is)
    "pm25": ("细颗粒物", "pm2.5", "fine particulate", "fine particles"),
    "pm10": ("可吸入颗粒物", "pm10", "coarse particles"),
    # users counted a day or a month
    "dau": ("日活", "日活跃", "daily active", "daily users"),
    "mau": ("月活", "月活跃", "monthly active", "monthly users"),
    # operations by the organ or the specialty: eye surgery is not heart surgery, a kidney
    # transplant not a liver one
    "eyesurgery": ("眼科", "eye surgery", "eye operations", "ophthalmology", "cataract"),
    "cardiac": (
        "心脏",
        "心外科",
        "heart surgery",
        "heart operations",
        "heart transplant",
        "cardiac",
    ),
    # heart procedures by kind: stents put in are not bypass operations
    "stent": ("支架", "stents", "stent", "angioplasty", "angioplasties"),
    "bypass": ("搭桥", "bypass", "bypasses", "cabg"),
    "pacemaker": ("起搏器", "pacemakers", "pacemaker"),
    "valve": ("瓣膜", "heart valve", "heart valves", "valve replacement", "valve replacements"),
    "kidney": ("肾移植", "肾脏", "kidney", "kidneys", "renal"),
    "liver": ("肝移植", "肝脏", "liver", "livers"),
    # roads and railways by kind: an expressway is not a high-speed railway
    "expressway": ("高速公路", "expressway", "expressways", "motorway", "motorways"),
    "highspeedrail": (
        "高铁",
        "高速铁路",
        "high-speed rail",
        "high-speed railway",
        "high-speed line",
        "high speed rail",
    ),
    # batteries by use
    "evbattery": (
        "动力电池",
        "ev batteries",
        "ev battery",
        "electric-vehicle batteries",
        "power batteries",
        "traction batteries",
    ),
    "storagebattery": (
        "储能电池",
        "energy-storage batteries",
        "energy storage batteries",
        "storage batteries",
        "energy-storage battery",
    ),
    # what a charity or a council builds: clinics are not schools
    "clinic": ("诊所", "卫生院", "卫生室", "clinics", "clinic", "health centres", "health centers"),
    "school": ("学校", "schools"),
    "kindergarten": ("幼儿园", "kindergartens", "kindergarten", "nursery schools"),
    # joints replaced
    "hip": ("髋关节", "hip replacement", "hip replacements", "hip"),
    "knee": ("膝关节", "knee replacement", "knee replacements", "knee"),
    # school subjects: a pass rate in maths is not one in English (English only as a subject)
    "maths": ("数学", "maths", "mathematics"),
    "englishsubject": (
        "英语",
        "gcse english",
        "english gcse",
        "english language",
        "english literature",
        "a-level english",
    ),
    "physics": ("物理", "physics"),
    # students by level
    "undergraduate": ("本科生", "本科", "undergraduates", "undergraduate"),
    "postgraduate": ("研究生", "postgraduates", "postgraduate", "graduate students"),
    # research funded by field: a social science fund is not a natural science one
    "socialscience": ("社会科学", "社科", "social science", "social sciences", "humanities"),
    "naturalscience": ("自然科学", "natural science", "natural sciences"),
    # users counted once registered, not each day or month (see dau, mau)
    "registered": ("注册用户", "registered users", "registered accounts", "registered members"),
    # crimes by kind
    "burglary": ("入室盗窃", "burglaries", "burglary", "break-ins"),
    "cartheft": ("盗窃车辆", "盗车", "car thefts", "car theft", "vehicle thefts"),
    "robbery": ("抢劫", "robberies", "robbery"),
    "fraudcrime": ("诈骗", "fraud", "frauds", "scams"),
    # posts: chosen as mayor is not elected chairman
    # (a deputy is not the post: each deputy is read whole, before its post: 副市长, 市长)
    "mayor": ("市长", "mayor"),
    "deputymayor": ("副市长", "deputy mayor", "vice mayor", "vice-mayor"),
    "genmanager": ("总经理", "general manager"),
    "deputygm": ("副总经理", "deputy general manager"),
    "chairman": ("董事长", "主席", "主任", "chairman", "chairwoman", "chair"),
    "deputychair": (
        "副董事长",
        "副主席",
        "副主任",
        "vice chairman",
        "vice-chairman",
        "deputy chairman",
        "vice chair",
        "vice-chair",
        "deputy chair",
    ),
    "chiefexec": ("首席执行官", "ceo", "chief executive"),
    "deputyceo": ("deputy chief executive", "deputy ceo"),
    "speaker": ("议长", "speaker"),
    "deputyspeaker": ("副议长", "deputy speaker"),
    "partysec": ("党委书记", "党组书记", "书记", "party secretary", "party chief"),
    "deputypartysec": ("党委副书记", "副书记", "deputy party secretary"),
    "principal": ("校长", "principal", "headteacher", "headmaster", "headmistress"),
    "deputyprincipal": ("副校长", "vice-principal", "vice principal", "deputy head"),
    "governor": ("省长", "州长", "governor"),
    "deputygovernor": (
        "副省长",
        "副州长",
        "deputy governor",
        "vice governor",
        "lieutenant governor",
    ),
    # a council's or a party's leader, and its deputy (not "market leader")
    "leader": ("council leader", "party leader", "leader of", "as leader", "as its leader"),
    "deputyleader": ("deputy leader",),
    # who pays a utility's price: households are not industry (居民水价 against 非居民用水价格,
    # household against industrial water prices)
    "residential": (
        "居民用水",
        "居民水价",
        "居民用电",
        "居民电价",
        "居民用气",
        "居民气价",
        "household water",
        "household electricity",
        "household gas",
        "residential water",
        "residential electricity",
        "residential gas",
    ),
    "nonresidential": (
        "非居民",
        "工业用水",
        "工业水价",
        "工业用电",
        "工业电价",
        "商业用水",
        "商业用电",
        "industrial water",
        "industrial electricity",
        "commercial water",
        "business water",
        "non-residential",
        "non-household",
        "nonresidential",
    ),
    # land treated, by what was done to it: trees planted are not soil erosion brought under
    # control (造林8000公顷, 治理水土流失面积12万亩: the same area in two units)
    "afforestation": ("造林", "afforestation", "afforested", "reforestation", "reforested"),
    "erosion": ("水土流失", "水土保持", "soil erosion", "soil and water conservation"),
    # a battery's cell is not its pack (电芯, 电池包: the same energy density, two things)
    "batterycell": ("电芯", "battery cell", "battery cells"),
    "batterypack": ("电池包", "battery pack", "battery packs"),
    # A city's population by household registration is not the people who live there: 户籍人口
    # 732万 and 常住人口732万 are two figures (人口 is kept as the word it is).
    "hukou": ("户籍", "户口", "registered population", "registered residents", "hukou"),
    "resident": (
        "常住",
        "resident population",
        "permanent residents",
        "permanent population",
        "usual residents",
    ),
    # a stroke or a jump: the 200 metres butterfly is not the 200 metres individual medley,
    # nor a high jump a long jump (the longest form first: 个人混合泳, 三级跳远, 撑竿跳高)
    "butterfly": ("蝶泳", "butterfly"),
    "freestyle": ("自由泳", "freestyle"),
    "backstroke": ("仰泳", "backstroke"),
    "breaststroke": ("蛙泳", "breaststroke"),
    "medley": ("混合泳", "个人混合泳", "individual medley", "medley"),
    "highjump": ("跳高", "high jump"),
    "longjump": ("跳远", "long jump"),
    "triplejump": ("三级跳远", "三级跳", "triple jump"),
    "polevault": ("撑竿跳高", "撑杆跳高", "撑竿跳", "撑杆跳", "pole vault"),
}
# A product that is a kind of another names that one too: solar panels are solar (the Gorsemoor
# solar farm's 112,000 panels against 112,000 solar panels at Gorsemoor), while solar cells and
# solar modules are still two products.
_KIND_OF = {"pvmodule": "solar"}
_PRODUCT_OF = {form: product for product, forms in _PRODUCTS.items() for form in forms}


def _forms(forms: Iterable[str], but: Iterable[str] = ()) -> str:
    """An expression for any of `forms`, the longest first, that looks ahead for a form's first
    character before trying them (most positions of a text start no form, and are passed over
    at once rather than tried against every form), and for none of `but` (words that hold a
    form and mean something else)."""
    ordered = sorted(forms, key=len, reverse=True)
    firsts = re.escape("".join(sorted({f[0] for f in ordered})))
    exceptions = "|".join(map(re.escape, but))
    return (
        f"(?=[{firsts}])"
        + (f"(?!{exceptions})" if exceptions else "")
        + f"(?:{'|'.join(map(re.escape, ordered))})"
    )


# (大学校长 is a university's head: 学校 straddles two words there; 本科线 and 本科上线率 are the
# gaokao's mark for a university place, no undergraduates)
PRODUCT = re.compile(
    _forms((f for f in _PRODUCT_OF if not f.isascii()), but=("学校长", "本科线", "本科上线"))
    + f"|(?<![a-z]){_forms(f for f in _PRODUCT_OF if f.isascii())}(?![a-z])"
)


# The posts among the products (a chairman is no product a figure counts).
POST_PRODUCTS = frozenset(
    "=product:" + post
    for post in split_words(
        "mayor deputymayor genmanager deputygm chairman deputychair chiefexec deputyceo speaker "
        "deputyspeaker partysec deputypartysec principal deputyprincipal governor "
        "deputygovernor leader deputyleader"
    )
)


def named_product(text: str, at: int) -> tuple[str, str] | None:
    """The product a Chinese name's kind names (鸣泉啤酒: beer) when a form of the table begins
    at `at` in `text` (normalised, lower-cased), the name's end: its "=product:" term and the
    form read."""
    m = PRODUCT.match(text, at)
    return (f"=product:{_PRODUCT_OF[m.group()]}", m.group()) if m else None


def products(text: str) -> list[str]:
    """The products that `text` (normalised, lower-cased) names: each as a "=product:" term and
    as a concept ("~cider"), which a claim in the other language shares (苹果酒 and cider)."""
    out: list[str] = []
    for m in PRODUCT.finditer(text):
        product = _PRODUCT_OF[m.group()]
        out += (f"=product:{product}", f"~{product}")
        if product in _KIND_OF:
            # (as a product only, which weighs nothing: 光伏组件 against 组件 shares no more
            # than it did)
            out.append(f"=product:{_KIND_OF[product]}")
    return out


# Countries, in both languages: the same company and sum with a plant in another country is
# another claim (a $500 million plant in Vietnam, 在马来西亚投资5亿美元). Each claim's countries are
# read as "=country:" terms that weigh nothing; only a country each claim names and the other
# does not costs (see `disagreements`). (Not China, whose 中国 opens many a body's name, nor the
# United States, a concept of the table; nor "Turkey", a bird as well.)
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "vietnam": ("越南", "vietnam", "vietnamese"),
    "malaysia": ("马来西亚", "malaysia", "malaysian"),
    "thailand": ("泰国", "thailand"),
    "indonesia": ("印度尼西亚", "印尼", "indonesia", "indonesian"),
    "philippines": ("菲律宾", "philippines"),
    "singapore": ("新加坡", "singapore"),
    "japan": ("日本", "japan", "japanese"),
    "korea": ("韩国", "south korea", "korea"),
    "india": ("印度", "india"),
    "pakistan": ("巴基斯坦", "pakistan"),
    "bangladesh": ("孟加拉国", "孟加拉", "bangladesh"),
    "australia": ("澳大利亚", "澳洲", "australia", "australian"),
    "newzealand": ("新西兰", "new zealand"),
    "germany": ("德国", "germany", "german"),
    "france": ("法国", "france", "french"),
    "britain": ("英国", "britain", "british", "united kingdom"),
    "italy": ("意大利", "italy", "italian"),
    "spain": ("西班牙", "spain", "spanish"),
    "portugal": ("葡萄牙", "portugal", "portuguese"),
    "netherlands": ("荷兰", "netherlands", "dutch"),
    "belgium": ("比利时", "belgium"),
    "poland": ("波兰", "poland"),
    "hungary": ("匈牙利", "hungary", "hungarian"),
    "czechia": ("捷克", "czech republic", "czechia"),
    "russia": ("俄罗斯", "russia", "russian"),
    "egypt": ("埃及", "egypt", "egyptian"),
    "morocco": ("摩洛哥", "morocco", "moroccan"),
    "southafrica": ("南非", "south africa"),
    "nigeria": ("尼日利亚", "nigeria"),
    "kenya": ("肯尼亚", "kenya"),
    "ethiopia": ("埃塞俄比亚", "ethiopia"),
    "saudi": ("沙特阿拉伯", "沙特", "saudi arabia", "saudi"),
    "uae": ("阿联酋", "united arab emirates", "uae"),
    "brazil": ("巴西", "brazil", "brazilian"),
    "mexico": ("墨西哥", "mexico", "mexican"),
    "argentina": ("阿根廷", "argentina"),
    "chile": ("智利", "chile"),
    "peru": ("秘鲁", "peru"),
    "canada": ("加拿大", "canada", "canadian"),
    "kazakhstan": ("哈萨克斯坦", "kazakhstan"),
    "uzbekistan": ("乌兹别克斯坦", "uzbekistan"),
    "serbia": ("塞尔维亚", "serbia"),
    "cambodia": ("柬埔寨", "cambodia"),
    "laos": ("老挝", "laos"),
    "myanmar": ("缅甸", "myanmar"),
}
_COUNTRY_OF = {form: country for country, forms in _COUNTRIES.items() for form in forms}
# Every form of a country's name, in either language (德国, germany, german).
COUNTRY_FORMS = frozenset(_COUNTRY_OF)
# (Not inside other words: 中英国际 and 精英国际, 依法国有资产, the Indian Ocean 印度洋,
# 南非洲 southern Africa; nor a place named after a country: New Mexico, North Korea, British
# Columbia. "polish" is left out: to polish, shoe polish.)
COUNTRY = re.compile(
    _forms(
        (f for f in _COUNTRY_OF if not f.isascii()),
        but=("英国际", "法国有资", "印度洋", "南非洲"),
    )
    + "|(?<![a-z])(?<!new )(?<!north )"
    + f"{_forms((f for f in _COUNTRY_OF if f.isascii()), but=('british columbia',))}(?![a-z])"
)
COUNTRY_TERM = "=country:"


def country_of(form: str) -> str | None:
    """The country a form of its name names (canadian: canada), or None."""
    return _COUNTRY_OF.get(form)


def countries(text: str) -> list[str]:
    """The countries that `text` (normalised, lower-cased) names, as "=country:" terms."""
    return [COUNTRY_TERM + _COUNTRY_OF[m.group()] for m in COUNTRY.finditer(text)]


# Concepts that say what a figure counts or measures. Two claims that each give a measure the
# other does not (a recall of 62,000 cars against a sale of 62,000 cars, revenue up 12% against
# profit up 12%) assert different facts, however much else they share (see `similarity`).
MEASURES = frozenset(
    "~" + c
    for c in split_words(
        "revenue profit loss staff customer user cost fund valuation shipment capacity "
        "utilisation patent research recall sale price output passenger margin store dealer "
        "import delivery gdp wage doctor nurse bed loan station student teacher cargo "
        "debt income master doctorate investment seat grant donation case_recorded case_solved "
        "rent deposit asset turnout voteshare ontime loadfactor compensation fine printrun "
        "contractsales sellingexpense visitor holdings goals appearance conceded inflation "
        "unemployment retail tuition scholarship"
    )
)
CONCEPT_OF: dict[str, str] = {
    form: concept.removesuffix("_en") for concept, forms in _CONCEPTS.items() for form in forms
}
_CJK_FORMS = sorted((f for f in CONCEPT_OF if not f.isascii()), key=len, reverse=True)
# Words that hold a form and mean something else: 元旦 (New Year's Day: no yuan, and with 日 before
# it no yen: 1月1日元旦), 元素 (an element), 开工率 (the rate a plant runs at), 立案调查 (an
# investigation opened, not a crime recorded).
_NOT_CONCEPTS = ("日元旦", "元旦", "新元素", "元素", "开工率", "立案调查")
CJK_CONCEPT = re.compile(_forms(_CJK_FORMS, but=_NOT_CONCEPTS))
_EN_PHRASES = {f: c for f, c in CONCEPT_OF.items() if f.isascii() and not f.isalpha()}
# Whole words, the longest first. One look-behind before the whole alternation, not one per
# form: the regular expression engine then tests each position once, not once per form (about
# a tenth of the time on the labelled claims, with the same matches).
EN_WORDLIKE = sorted((f for f in _EN_PHRASES if f[0].isalpha()), key=len, reverse=True)
_EN_SIGNS = [f for f in _EN_PHRASES if not f[0].isalpha()]  # %, $
EN_PHRASE = re.compile(
    rf"(?<![a-z])(?:{'|'.join(map(re.escape, EN_WORDLIKE))})(?![a-z])"
    rf"|{'|'.join(map(re.escape, _EN_SIGNS))}"
)
