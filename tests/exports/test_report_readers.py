"""The HTML report as its readers meet it: a screen reader's headings and languages, a phone,
a keyboard, a printer (trial132)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from export_desk import Run

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


def test_a_chinese_documents_title_and_quotes_are_marked_chinese_in_the_english_page(
    wb: Workbench, run: Run, tmp_path: Path
) -> None:
    """The page is `lang="en"` and only its article said `lang="zh"`: a screen reader read the
    Chinese headline, each claim's quote (the article's own words) and the index's link to the
    page with an English voice, character by character or not at all."""
    doc = _desk(wb, title="上海统计局：GDP增长5.0%", language="zh")
    page = _page(wb, doc)
    assert '<html lang="en">' in page
    assert re.search(r'<h1 lang="zh">上海统计局', page), re.findall(r"<h1[^>]*>", page)
    quotes = re.findall(r"<blockquote[^>]*>", page)
    assert len(quotes) == 2 and all('lang="zh"' in q for q in quotes), quotes
    # The index names each document in its language too.
    assert run("report", "--all", "-o", str(tmp_path / "site")).code == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="document-{doc}.html" lang="zh">上海统计局', index), index


def test_the_index_is_sized_for_a_phone_and_its_table_is_the_main_content(
    wb: Workbench, run: Run, tmp_path: Path
) -> None:
    """`report --all`'s index had no viewport: a reader opening the site on a phone got it
    drawn 980 px wide and shrunk, where each document's page fits the screen; and it had no
    main landmark, so a screen reader's "skip to main" found nothing on it."""
    _desk(wb, title="上海统计局", language="zh")
    assert run("report", "--all", "-o", str(tmp_path / "site")).code == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in index
    assert re.search(r"<main>\s*<table>.*</table>\s*</main>", index, re.S), index[-600:]
