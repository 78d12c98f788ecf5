"""A stored field of several lines in the reports: a quote across two lines or paragraphs of the
article, a note of two paragraphs. An editor reads the break as the writer made it; the
Markdown report ran a note's paragraphs into one line (and a quote's lines, as soft breaks,
into one), and the HTML page showed both as one run of text (its `white-space` collapsed the
line feeds). Both now show each line break and each paragraph, and agree."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import report_pages
from workbench.services.notes import add_note

ARTICLE = (
    "The minister said exports rose.\nImports fell by 4%.\n\n"
    "A second paragraph: the deficit closed.\n"
)
QUOTE = "exports rose.\nImports fell by 4%.\n\nA second paragraph"
NOTE = "Checked the customs tables.\nThey agree.\n\n\n- a dash, not a list\n[x]: http://evil"


def _desk(wb: Workbench) -> int:
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="Trade")).document.id
    cid = add_claim(wb, doc, "Exports rose, imports fell", SpanRequest(quote=QUOTE)).id
    add_note(wb, cid, NOTE)
    return doc


def _rendered(markdown: str) -> str:
    out: str = MarkdownIt("commonmark").render(markdown)
    return out


def test_markdown_keeps_a_quote_s_and_a_note_s_lines_and_paragraphs(wb: Workbench) -> None:
    [page] = report_pages(wb, document_ids=[_desk(wb)], fmt="md")
    rendered = _rendered(page.text)
    # The quote: a line break within a paragraph, then a paragraph of its own.
    assert (
        "<blockquote>\n<p>exports rose.<br />\nImports fell by 4%.</p>\n"
        "<p>A second paragraph</p>\n</blockquote>"
    ) in rendered, page.text
    # The note: its lines and its paragraphs, in its list item; none of it markup.
    assert "Checked the customs tables.<br />\nThey agree.</p>" in rendered, page.text
    assert "<p>- a dash, not a list<br />\n[x]: http://evil</p>" in rendered, page.text
    # One list, the notes' (no list of the note's dash), and no link (no reference definition).
    notes = rendered.split("<h3>Notes</h3>")[1].split("<h3>")[0]
    assert notes.count("<ul>") == 1 and "<a " not in rendered, rendered


def _style_of(page: str, selector: str) -> str:
    """The declarations of the page's rules whose selector list names `selector`."""
    [css] = re.findall(r"<style>(.*?)</style>", page, re.S)
    return ";".join(
        body
        for names, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        if selector in names.split(",")
    )


def test_the_page_shows_them_as_the_markdown_does(wb: Workbench) -> None:
    [page] = report_pages(wb, document_ids=[_desk(wb)])
    # The line feeds are in the page, and its style shows them (the article's already did).
    assert f">{QUOTE}</blockquote>" in page.text
    assert f">{NOTE}</span>" in page.text
    for selector in (".article", ".quote", ".body"):
        assert "white-space:pre-wrap" in _style_of(page.text, selector), selector
