"""The HTML report as its readers meet it: a screen reader's headings and languages, a phone,
a keyboard, a printer (trial132)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import report_pages
from workbench.services.notes import add_note

CHINESE = "上海市统计局称，2024年全市GDP增长5.0%。公司称用户超过一亿人。\n"


def _desk(wb: Workbench, text: str = CHINESE, **meta: str) -> int:
    doc = add_document(wb, text.encode(), meta=DocumentMeta(**meta)).document.id
    for quote in ("2024年全市GDP增长5.0%", "用户超过一亿人"):
        cid = add_claim(wb, doc, f"claim on {quote}", SpanRequest(quote=quote)).id
        add_evidence(
            wb, cid, EvidenceInput(stance="supports", url="https://example.org/s", title="来源")
        )
        add_note(wb, cid, "公开备注")
    return doc


def _page(wb: Workbench, doc: int) -> str:
    [page] = report_pages(wb, document_ids=[doc])
    return page.html


class Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def test_a_claims_notes_evidence_and_history_are_headed_under_the_claims_heading(
    wb: Workbench,
) -> None:
    """A screen-reader user moving by headings went from "Claims" (h2) straight to "Notes"
    (h4): the page skipped a level, so the claim's sections read as belonging to nothing."""
    parser = Headings()
    parser.feed(_page(wb, _desk(wb, title="上海 GDP", language="zh")))
    assert parser.levels[0] == 1 and 4 not in parser.levels[:3]
    for before, after in zip(parser.levels, parser.levels[1:], strict=False):
        assert after <= before + 1, parser.levels
