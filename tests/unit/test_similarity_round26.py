"""Round 26 of "checked before?": the noun a Chinese figure counts before a past act (电脑出货量,
not 出货), the period a rate is given per (a year, 每月) and what a sum is spent on (marketing,
用于研发), each compared across two claims that share a figure, with its reason in `explain`.
Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from claim_pairs import disagreeing, reasons_for
from linear_time import linear

from workbench.domain.similarity.measures import zh_objects
from workbench.domain.similarity.rates import rates
from workbench.domain.similarity.spending import en_spending, zh_spending

# ---- the noun before a past act is what a Chinese figure counts -------------------------------


def test_the_noun_before_a_past_act() -> None:
    assert list(zh_objects("岚峰科技2024年笔记本电脑出货量为2600万台。")) == ["=obj:电脑"]
    assert list(zh_objects("岚峰汽车去年新能源客车交付3200辆。")) == ["=obj:客车"]
    # (with 的 between the noun and the act)
    assert list(zh_objects("岚峰科技笔记本电脑的出货量为2600万台。")) == ["=obj:电脑"]
    # an act with no noun before it is kept (a claim that gives the act again shares it)
    assert list(zh_objects("岚峰科技去年出货2600万台。")) == ["=obj:出货"]
    # the noun after the figure, and the one between the act and the figure, as before
    assert list(zh_objects("岚峰科技共出货2600万台平板电脑。")) == ["=obj:平板电"]
    assert list(zh_objects("岚峰科技共出货平板电脑2600万台。")) == ["=obj:电脑"]


def test_two_things_shipped_in_the_same_number() -> None:
    assert "things counted" in disagreeing(
        "岚峰科技2024年笔记本电脑出货量为2600万台。",
        "2024年，岚峰科技共出货智能手表两千六百万台。",
    )
    assert "things counted: 电脑 / 手表" in reasons_for(
        "岚峰科技2024年笔记本电脑出货量为2600万台。",
        "2024年，岚峰科技共出货智能手表两千六百万台。",
    )


def test_the_same_thing_shipped_in_other_words() -> None:
    assert "things counted" not in disagreeing(
        "岚峰科技2024年笔记本电脑出货量为2600万台。",
        "2024年，岚峰科技共出货笔记本电脑两千六百万台。",
    )
    assert "things counted" not in disagreeing(
        "岚峰汽车去年新能源客车交付3200辆。", "岚峰汽车去年交付了三千二百辆新能源客车。"
    )


# ---- the period a rate is given per --------------------------------------------------------


def test_the_period_of_a_rate() -> None:
    assert rates("pays 450 pounds a month to each carer") == ["=per:month"]
    assert rates("charges £9,250 per year") == ["=per:year"]
    assert rates("an annual grant of 3,000 euros") == ["=per:year"]
    assert rates("每名学生每月补贴三百元") == ["=per:month"]
    assert rates("月租金为4500元/月") == ["=per:month"]
    # a year that dates a figure gives no rate
    assert rates("up 4% on a year earlier") == []
    assert rates("it opened in a year") == []


def test_a_figure_a_year_against_the_same_figure_a_month() -> None:
    assert "rates" in disagreeing(
        "Corvell Council pays carers a grant of 450 pounds a year.",
        "Corvell Council gives each carer £450 a month.",
    )
    assert "other rates: per year / per month" in reasons_for(
        "Corvell Council pays carers a grant of 450 pounds a year.",
        "Corvell Council gives each carer £450 a month.",
    )
    assert "rates" in disagreeing(
        "从2026年起，鹭汀市每名新生儿每年可领取八百元育儿补贴。",
        "From 2026 Luting pays a childcare grant of 800 yuan a month for each newborn.",
    )


def test_the_same_rate_in_other_words() -> None:
    assert "rates" not in disagreeing(
        "Corvell Council pays carers a grant of 450 pounds a year.",
        "Carers receive an annual £450 grant from Corvell Council.",
    )
    # the same sum a month and a year, against the year's: no other rate
    assert "rates" not in disagreeing(
        "Corvell Council pays carers £50 a month, or £600 a year.",
        "Corvell Council pays carers £600 annually.",
    )
    # no figure shared: a month's sum and a year's may be one sum
    assert "rates" not in disagreeing(
        "Corvell Council pays carers £50 a month.", "Corvell Council pays carers £600 a year."
    )


# ---- what a sum is spent on ----------------------------------------------------------------


def test_what_a_sum_is_spent_on() -> None:
    assert en_spending("Harlow County spent £96 million on school transport in 2024.") == [
        "=for:school",
        "=for:transport",
    ]
    # before "cost" and "spending", names and owners left out
    assert en_spending("Mending Harlow's bridges cost the county £96m.") == [
        "=for:bridg",
        "=for:mend",
    ]
    # a word the concept table knows is kept as its concept
    assert en_spending("Kelso spent $30 million on marketing.") == ["=for:~sellingexpense"]
    # a sum per head is spent on no thing
    assert en_spending("The district spends $9,800 on each pupil.") == []
    assert zh_spending("岚川市2024年公共交通支出为12.5亿元。") == ["=for:交通"]
    assert zh_spending("岚川科技投入3亿元用于研发。") == ["=for:研发"]
    assert zh_spending("岚川市在养老服务方面共花费十二亿元。") == ["=for:养老服务"]


def test_a_sum_spent_on_two_things() -> None:
    assert "things spent on" in disagreeing(
        "Harlow County spent £96 million on school transport in 2024.",
        "Mending Harlow's bridges cost the county £96m in 2024.",
    )
    assert "other things spent on: 交通 / 养老服务" in reasons_for(
        "岚川市2024年公共交通支出为12.5亿元。", "2024年，岚川市在养老服务方面共花费十二亿五千万元。"
    )


def test_a_sum_spent_on_one_thing_in_other_words() -> None:
    assert "things spent on" not in disagreeing(
        "Harlow County spent £96 million on school transport in 2024.",
        "School transport cost Harlow County ninety-six million pounds in 2024.",
    )
    assert "things spent on" not in disagreeing(
        "岚川科技2024年研发费用为3亿元。", "2024年岚川科技投入三亿元用于研发。"
    )
    # across scripts the things are not compared (the concept table knows few of them)
    assert "things spent on" not in disagreeing(
        "Lanchuan spent 1.25 billion yuan on public transport in 2024.",
        "岚川市2024年养老支出为12.5亿元。",
    )


# ---- hostile input: each reading costs time linear in the text's length -------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "cost " + "a" * n,  # one long word after a word of spending
        lambda n: "spending " + "ab " * n,
        lambda n: "a" + " " * n + "cost",
        lambda n: "spent " + "1.1" * n + " on",
    ],
)
def test_what_is_spent_on_is_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(en_spending, make)


@pytest.mark.parametrize(
    "make",
    [lambda n: "用于" + "研" * n, lambda n: "在" * n, lambda n: "每" * n, lambda n: "a year " * n],
)
def test_rates_and_chinese_spending_are_read_in_linear_time(make: Callable[[int], str]) -> None:
    assert linear(zh_spending, make)
    assert linear(rates, make)


# ---- a verb before "spending" or "costs" says how the sum moved, not what it is spent on -------


def test_a_verb_before_spending_is_no_thing_spent_on() -> None:
    assert en_spending("The council increased spending by £5m in 2024.") == []
    assert en_spending("The council raised spending by £5m in 2024.") == []
    assert en_spending("Harwick slashed costs by £5m.") == []
    assert en_spending("Harwick plans to boost spending by £5m.") == []
    # the thing between the verb and the word of spending is still read
    assert en_spending("The council increased road spending by £5m.") == ["=for:road"]
    assert en_spending("Road upkeep cost the county £212 million.") == ["=for:road", "=for:upkeep"]
    # (not a word ending in -eed: animal feed is a thing)
    assert en_spending("Farm feed costs rose to £5m.") == ["=for:farm", "=for:feed"]


def test_two_verbs_for_one_change_in_spending_are_one_claim() -> None:
    for one, other in [
        (
            "The council increased spending by £5m in 2024.",
            "The council raised spending by £5m in 2024.",
        ),
        (
            "The council cut spending by £5m in 2024.",
            "The council slashed spending by £5m in 2024.",
        ),
    ]:
        assert "things spent on" not in disagreeing(one, other)
        assert "things spent on" not in disagreeing(other, one)


# ---- what only looks like a rate: a hyphenated date, a paper's name, a day or year and 均 ------


def test_what_only_looks_like_a_rate() -> None:
    assert rates("exports rose 8% from a year-earlier level") == []
    assert rates("sales were up 3% on a year-ago basis") == []
    assert rates("a year-long strike") == []
    assert rates("Tarvo sold 300,000 cars in March, China Daily reported") == []
    assert rates("according to the Daily Mail, 40 jobs went") == []
    assert rates("据每日经济新闻报道，岚峰汽车3月销量为30万辆") == []
    assert rates("鹭岛市猪肉今日均价为每斤12元") == []
    assert rates("两家公司今年均实现营收增长12%") == []
    assert rates("3月均价为每吨4500元") == []
    # still rates
    assert rates("Daily sales hit 300,000") == ["=per:day"]
    assert rates("近3年年均增长5%") == ["=per:year"]
    assert rates("地铁日均客流达到300万人次") == ["=per:day"]
    assert rates("pays 450 pounds a month") == ["=per:month"]


def test_a_rewording_with_a_date_or_a_paper_is_not_another_rate() -> None:
    for one, other in [
        (
            "Kelmouth's exports rose 8% to $3.2 billion in March from a year-earlier level.",
            "Kelmouth's exports rose 8% to $3.2 billion in March, monthly customs data showed.",
        ),
        (
            "据每日经济新闻报道，岚峰汽车3月销量为30万辆。",
            "岚峰汽车3月月度销量达30万辆，每月销量创新高。",
        ),
    ]:
        assert "rates" not in disagreeing(one, other)
        assert "rates" not in disagreeing(other, one)


# ---- a word between the noun and the act (共, 累计, 已经) ---------------------------------------


def test_the_noun_before_a_past_act_past_a_word_between() -> None:
    assert list(zh_objects("墨溪电子平板电脑累计出货4100万台。")) == ["=obj:电脑"]
    assert list(zh_objects("墨溪电子平板电脑共出货4100万台。")) == ["=obj:电脑"]
    assert list(zh_objects("岚峰汽车燃油车已经交付3万辆。")) == ["=obj:油车"]
    assert "things counted" in disagreeing(
        "墨溪电子平板电脑累计出货4100万台。", "墨溪电子手机累计出货4100万台。"
    )


# ---- before 支出 or 投入: a word for a total, a spender or a stage is no thing -----------------


def test_a_total_or_a_spender_before_zhichu_is_no_thing() -> None:
    for text in (
        "邺川市总支出为46亿元。",
        "邺川市共支出46亿元。",
        "居民人均支出为3000元。",
        "邺川市各项支出共46亿元。",
        "邺川市政府支出为46亿元。",
        "邺川市全市支出达46亿元。",
        "该项目总投入达3亿元。",
        "该项目前期投入为3亿元。",
    ):
        assert zh_spending(text) == [], text
    assert zh_spending("邺川市医疗卫生支出为46.8亿元。") == ["=for:卫生"]
    assert "things spent on" not in disagreeing("邺川市总支出为46亿元。", "邺川市共支出46亿元。")


# ---- a length of time is no rate: took a year, spent a year, a year and a half ----------------


def test_a_length_of_time_is_no_rate() -> None:
    assert rates("The Kelbridge bypass took a year to build.") == []
    assert rates("It took them a year to reopen the Tarvo plant.") == []
    assert rates("Ada Morrow spent a year in Lisbon before the launch.") == []
    assert rates("The Harwick strike lasted a month.") == []
    assert rates("Crispin Flett was sentenced to a year and a half in prison.") == []
    assert rates("The scheme ran for a year.") == []
    # still rates: a figure a year, once a year, a sum spent a year
    assert rates("The council pays £600 a year for each child.") == ["=per:year"]
    assert rates("Harwick spent £5m a year, the audit found.") == ["=per:year"]
    assert rates("The ferry sails twice a week.") == ["=per:week"]


# ---- a name opening the claim is whose spending it is, not what it is spent on ---------------


def test_a_name_opening_the_claim_is_no_thing_spent_on() -> None:
    assert en_spending("Marrowby street lighting costs £2.1 million a year.") == [
        "=for:light",
        "=for:street",
    ]
    assert en_spending("Kestrel Air fuel costs rose to £40 million.") == ["=for:fuel"]
    # a capitalised first word of a thing of two words is the thing's own
    assert en_spending("Street lighting costs Marrowby £2.1 million a year.") == [
        "=for:light",
        "=for:street",
    ]
    assert en_spending("Road upkeep cost the county £212 million.") == ["=for:road", "=for:upkeep"]
    assert en_spending("Lighting costs rose to £2 million.") == ["=for:light"]


def test_a_sum_a_year_on_a_thing_is_a_rate() -> None:
    # "a year on" dates a figure only when nothing is named after it (a year on, the plant...;
    # a year on from the fire); "£5m a year on road repairs" is a sum per year.
    assert rates("the council spent £5m a year on road repairs") == ["=per:year"]
    assert rates("Harlow pays 300 pounds a month on top of the grant") == ["=per:month"]
    assert rates("a year on, the plant employs 400 people") == []
    assert rates("a year on from the fire, 60 families are still housed in hotels") == []
    assert rates("exports rose 6% a year on year") == []
    assert rates("sales rose 6% on a year-on-year basis") == []
