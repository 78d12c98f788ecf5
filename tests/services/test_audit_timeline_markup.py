"""The Markdown audit timeline renders user text as the text it is (review54).

Rendered with the project's own markdown-it-py, CommonMark plus GFM's strikethrough."""

from __future__ import annotations

import re
from typing import Any

import pytest
from markdown_it import MarkdownIt

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.notes import add_note

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _doc(wb: Workbench, text: str = ARTICLE) -> int:
    return add_document(wb, text.encode()).document.id


def _timeline(cli: Any, claim_id: int) -> str:
    r = cli("audit", "export", "--format", "md", "--claim", str(claim_id))
    assert r.code == 0, r
    text: str = r.out
    return text


def _rendered(markdown: str) -> str:
    html: str = MarkdownIt("commonmark").enable("strikethrough").render(markdown)
    return html


def test_note_lines_stay_text_inside_the_quoted_note(wb: Workbench, cli: Any) -> None:
    """review54: each note line was written as `  > LINE` with only inline characters escaped,
    so a note 'Verdict\\n===\\n1. per the NBS table\\n---' rendered as a heading and a numbered
    list inside the quote. A line's block start is now escaped."""
    cid = add_claim(wb, _doc(wb), "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%")).id
    note = "Verdict\n===\n1. per the NBS table\n---\n- a\n+ b\n 2) c\n-5% is not a list"
    add_note(wb, cid, note)
    html = _rendered(_timeline(cli, cid))
    quoted = html[html.index("<blockquote>") : html.index("</blockquote>")]
    assert not re.search(r"<(h1|h2|ol|ul|li|hr)\b", quoted), quoted
    for line in note.splitlines():
        assert line.strip() in quoted


def test_claim_text_gains_no_strikethrough_or_emphasis(wb: Workbench, cli: Any) -> None:
    """review54: a claim text 'GDP grew ~~5%~~ _or_ 3%' was rendered with 5% struck out and
    'or' in italics (`~` and `_` were not escaped). A `_` between letters or digits cannot
    emphasise and is left as typed."""
    text = "GDP grew ~~5%~~ _or_ 3% in_progress __x__"
    cid = add_claim(wb, _doc(wb), text, SpanRequest(quote="2023年GDP增长5.2%")).id
    md = _timeline(cli, cid)
    html = _rendered(md)
    assert not re.search(r"<(s|del|em|strong)>(5%|or|x)</", html), html
    assert f"<h2>Claim #{cid}: {text}</h2>" in html
    assert "in_progress" in md  # left as typed


@pytest.mark.parametrize(
    ("quote", "bold"),
    [
        # A quote in its quotation marks, after a Han character: ** would not open.
        ("“国内首个线性注意力架构”", "<strong>“国内首个线性注意力架构”</strong>"),
        # Between Han characters, and ending in punctuation before punctuation: ** holds.
        ("2023年GDP增长5.2%", "**2023年GDP增长5.2%**"),
    ],
    ids=["in quotation marks", "between Han characters"],
)
def test_the_quote_in_context_is_bold_whatever_it_starts_with(
    wb: Workbench, cli: Any, quote: str, bold: str
) -> None:
    """review54: 'Quote in context' wrote `是**“国内首个线性注意力架构”**。`; CommonMark does
    not open a `**` that follows a Han character and precedes a quotation mark, so the reader
    saw literal asterisks. Where `**` cannot open or close, `<strong>` is written."""
    cid = add_claim(wb, _doc(wb), "a claim", SpanRequest(quote=quote)).id
    md = _timeline(cli, cid)
    line = next(x for x in md.splitlines() if x.startswith("- **Quote in context:**"))
    assert bold in line, line
    assert f"<strong>{quote}</strong>" in _rendered(md)
