"""`doc update` with the article written in traditional characters (a Hong Kong or Taiwan
edition, a page switched by its reader's locale) is a revision of the same article, not
another text: its wording is compared with the script folded (trial: the seed profile
converted by OpenCC shared 8% of its runs and was refused as "another article, or this one
taken down?")."""

from __future__ import annotations

import opencc
import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

ARTICLE = (
    "国家统计局今天发布的数据显示，去年全国城镇新增就业人数达到一千二百万人，"
    "比前年增加了八十万人，城镇调查失业率平均为百分之五点二。\n\n"
    "统计局发言人表示，服务业继续成为吸纳就业的主要渠道，尤其是数字经济相关的岗位增长较快，"
    "网络直播、外卖配送和软件开发等行业的从业人员数量明显上升。\n\n"
    "不过，发言人也承认，青年群体的就业压力依然较大，高校毕业生人数再创新高，"
    "部分地区的制造业企业反映招工难和用工成本上涨的问题同时存在。\n\n"
    "专家认为，稳定就业需要继续支持中小企业发展，完善职业技能培训体系，"
    "并加快建立覆盖灵活就业人员的社会保障制度，让劳动者没有后顾之忧。\n"
)
TRADITIONAL = opencc.OpenCC("s2t").convert(ARTICLE)
ELSEWHERE = (
    "台风预计将于明天傍晚在沿海地区登陆，气象台已经发布橙色预警，提醒市民减少外出，"
    "渔船尽快回港避风，学校和幼儿园停课一天，地铁和公交将视天气情况调整运营时间。\n"
) * 4


def test_the_article_in_traditional_characters_is_a_revision(wb: Workbench) -> None:
    assert TRADITIONAL != ARTICLE
    doc = add_document(wb, ARTICLE.encode()).document.id
    added = update_document(wb, doc, Content(TRADITIONAL, "text", "hk.txt"))
    assert added.created


def test_another_text_is_still_refused(wb: Workbench) -> None:
    """Folding the script makes no other article the same one (nor in traditional characters)."""
    doc = add_document(wb, ARTICLE.encode()).document.id
    for other in (ELSEWHERE, opencc.OpenCC("s2t").convert(ELSEWHERE)):
        with pytest.raises(InvalidInput, match="of its wording") as refused:
            update_document(wb, doc, Content(other, "text", "other.txt"))
        assert refused.value.reason == "unrelated_text"
