"""`claim list --speaker NAME` finds the claims a document gives to its own author ("Article
author", 文章作者) in the documents NAME wrote, as ClaimReview publishes them (trial57)."""

from __future__ import annotations

import pytest

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.queries import ClaimFilter, list_claims


@pytest.fixture
def desk(wb: Workbench) -> dict[str, int]:
    """By two authors (林晓东; 陈雨): a claim of 文章作者's and one of 李明's. By 新华社: one of
    "Article author"'s and one 新华社 made by name. By no one: one of "Article author"'s."""
    ids: dict[str, int] = {}
    for key, author, text, speaker, other in (
        ("two", "林晓东; 陈雨", "甲公司营收增长30%。李明说裁员200人。", "文章作者", "李明"),
        ("xinhua", "新华社", "乙公司估值25亿美元。新华社称利润翻倍。", "Article author", "新华社"),
        ("nobody", None, "丙公司成立于2021年。", "Article author", None),
    ):
        doc = add_document(wb, text.encode(), meta=DocumentMeta(author=author)).document.id
        ids[f"{key}_doc"] = doc
        first, second = text.split("。")[:2]
        ids[key] = add_claim(wb, doc, first, SpanRequest(quote=first), speaker=speaker).id
        if other is not None:
            ids[other] = add_claim(wb, doc, second, SpanRequest(quote=second), speaker=other).id
    return ids


def by(wb: Workbench, speaker: str) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(speaker=speaker))]


def test_the_article_authors_claims_are_found_by_the_authors_name(
    wb: Workbench, desk: dict[str, int]
) -> None:
    """`--speaker 新华社` found only the claim stored with 新华社 as its speaker, not the ones
    the document by 新华社 gave to "Article author", which ClaimReview publishes as 新华社's."""
    assert by(wb, "新华社") == sorted([desk["xinhua"], desk["新华社"]])
    # each of a document's several authors, typed as --speaker is (spacing, width)
    assert by(wb, "陈雨") == [desk["two"]]
    assert by(wb, "林 晓东") == [desk["two"]]
    # someone else speaking in that document is not its author
    assert by(wb, "李明") == [desk["李明"]]
    # the label still finds its own claims, in every document, and no author is anyone else
    assert by(wb, "article author") == sorted([desk["xinhua"], desk["nobody"]])
    assert by(wb, "王小明") == []


def test_the_authors_claims_with_the_other_filters(wb: Workbench, desk: dict[str, int]) -> None:
    """The author's claims are one more way to match the speaker, still narrowed by the rest."""
    two = desk["two_doc"]
    assert [c.id for c in list_claims(wb, ClaimFilter(speaker="新华社", document_id=two))] == []
    assert [c.id for c in list_claims(wb, ClaimFilter(speaker="陈雨", document_id=two))] == [
        desk["two"]
    ]
    assert by(wb, "陈雨") == [desk["two"]]
