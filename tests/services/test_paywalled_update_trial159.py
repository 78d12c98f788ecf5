"""trial159: `doc update DOC` fetched the article's URL again and the site now showed its paywall
(财新 and most paid news sites show the lead paragraph word for word, then "订阅后阅读全文"). The
stub shares all of its wording with the article (it is the article's first lines), so the
unrelated-text guard let it through: it was stored as a revision, which can never be deleted,
every claim past the lead was orphaned, and `doc changes` reported them all "removed", as if the
site had cut them: a stealth edit that never happened. A new text under a third of the current
revision's length (of one of LITTLE_TEXT characters or more) is refused as `cut_short` unless
--force, as another article is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import list_revisions, update_document
from workbench.services.sources import Content

LEAD = (
    "财新网讯 稀宇科技（MiniMax）周三表示，其新模型在多项基准测试中领先，训练成本比去年下降了40%。"
    "公司创始人在发布会上称，公司目前已有超过2000家企业客户。\n"
)
ARTICLE = LEAD + "".join(
    f"第{i}段：分析人士指出，该公司第{i}季度的营收同比增长了{i * 7}%，但仍处于亏损状态，"
    f"亏损额约为{i * 3}亿元人民币，主要来自算力采购与人才成本。\n"
    for i in range(1, 15)
)
STUB = LEAD + "本文为财新付费内容，订阅后阅读全文。\n"


def revise(wb: Workbench, doc: int, text: str, *, force: bool = False) -> bool:
    return update_document(wb, doc, Content(text, "text", "new.txt"), force=force).created


def test_a_paywall_stub_of_the_article_is_refused_as_cut_short(wb: Workbench) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    add_claim(wb, doc, "营收增长49%", SpanRequest(quote="第7季度的营收同比增长了49%"))
    with pytest.raises(InvalidInput) as refused:
        revise(wb, doc, STUB)
    assert refused.value.reason == "cut_short"
    assert refused.value.hint is not None
    message = refused.value.message
    assert f"{len(STUB):,} characters" in message and f"{len(ARTICLE):,}" in message, message
    assert "paywall" in message
    assert len(list_revisions(wb, doc)) == 1
    assert revise(wb, doc, STUB, force=True)


@pytest.mark.parametrize(
    "revised",
    [
        ARTICLE.replace("第3段", "第三段"),  # an edit
        LEAD + ARTICLE[len(LEAD) : len(LEAD) + len(ARTICLE) // 2],  # cut by half
        ARTICLE + ARTICLE.replace("第", "另"),  # grown
    ],
    ids=["edited", "cut-by-half", "grown"],
)
def test_an_edit_a_cut_or_a_longer_text_is_stored(wb: Workbench, revised: str) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    assert revise(wb, doc, revised)


def test_a_short_statement_cut_down_is_stored(wb: Workbench) -> None:
    """A document under LITTLE_TEXT characters is judged by its wording only (a tweet)."""
    statement = "张伟：GDP增长了5%。 李娜：失业率3%。 张伟：出口下降2%，进口增长了4%，高于预期。\n"
    doc = add_document(wb, statement.encode()).document.id
    assert revise(wb, doc, "张伟：GDP增长了5%。\n")


def test_doc_update_of_a_paywalled_page_says_so_in_one_line(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    old, new = tmp_path / "article.txt", tmp_path / "stub.txt"
    old.write_text(ARTICLE, encoding="utf-8")
    new.write_text(STUB, encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    r = cli("doc", "update", "1", str(new))
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    assert r.err.startswith(f"error: {new} is {len(STUB):,} characters"), r.err
    assert "--force" in r.err
    assert cli("doc", "update", "1", str(new), "--json").err.count('"reason": "cut_short"') == 1
    assert cli("doc", "update", "1", str(new), "--force").code == 0


@pytest.mark.parametrize(
    "notice",
    ["该文章已被删除。\n", "Page not found. The article you requested has been removed.\n"],
    ids=["zh", "en"],
)
def test_a_takedown_notice_of_a_long_article_is_still_said_as_unrelated(
    wb: Workbench, notice: str
) -> None:
    """review165: `doc update DOC` of an article the site took down (a notice sharing none of
    its wording) was refused as cut_short, 'a paywall, a login or cookie page, or a page cut
    short?', where it had been (and docs/errors.md still says it is) unrelated_text, 'another
    article, or this one taken down?': a script telling a takedown by its reason lost it once
    the article was 200 characters long. A text that shares no wording is first of all
    another text; cut_short is for a text that is the article's, cut."""
    doc = add_document(wb, ARTICLE.encode()).document.id
    with pytest.raises(InvalidInput) as refused:
        revise(wb, doc, notice)
    assert refused.value.reason == "unrelated_text", refused.value.message
    assert "taken down" in refused.value.message
    assert len(list_revisions(wb, doc)) == 1
