"""`workbench report --format md`: the report as CommonMark, for a desk's CMS.

What the user met (trial324): an editor pastes a fact-check into a CMS that takes Markdown, and
`report` wrote HTML only (`-o d2.md` got HTML, with a warning). The Markdown says what the HTML
page publishes, from the same records, and nothing it withholds (a flagged verdict and its
reasons, internal notes, withdrawn claims); every stored string in it stays text."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from export_desk import ARTICLE, Desk, Run, make_desk
from markdown_it import MarkdownIt

from workbench.services.claims import SpanRequest, add_claim, withdraw
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.publishing import iter_documents
from workbench.services.revisions import update_document
from workbench.services.sources import Content
from workbench.services.workflow import assign

REASON = "Founded in early 2022 per filings."
DESK_ONLY = "DESK-ONLY: the source spoke off the record."
# Markup of every kind CommonMark and GFM know, typed into a stored field.
HOSTILE = (
    "*b* __s__ _e_ `c` [l](https://x.example) <i>h</i> <https://y.example> # ~~t~~ | p | "
    "&copy; AT&T \\ ![i](z.png) 1. x"
)


def _rendered(markdown: str) -> str:
    out: str = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(markdown)
    return out


def _as_text(value: str) -> str:
    """`value` as the rendered HTML holds text (markdown-it's escaping)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _section(markdown: str, claim_id: int) -> str:
    found = re.search(rf"^## Claim #{claim_id}\b.*?(?=^## |\Z)", markdown, re.S | re.M)
    assert found is not None, markdown
    return found.group()


def _flagged_desk(wb: Workbench) -> tuple[Desk, int]:
    """The desk, its `false` verdict flagged (the sentence corrected), an internal note on
    `verified`, and `unverifiable` withdrawn."""
    desk = make_desk(wb)
    add_note(wb, desk.ids["verified"], DESK_ONLY, internal=True)
    withdraw(wb, desk.ids["unverifiable"], reason="A duplicate.")
    update_document(wb, desk.doc, Content(ARTICLE.replace("2021年底", "2022年初"), "text", "r2"))
    return desk, desk.ids["false"]


def test_the_markdown_says_what_the_page_publishes_and_nothing_it_withholds(
    wb: Workbench,
) -> None:
    from workbench.services.exports import report_pages

    desk, flagged = _flagged_desk(wb)
    [page] = report_pages(wb, document_ids=[desk.doc], fmt="md")
    [html_page] = report_pages(wb, document_ids=[desk.doc])
    md = page.text
    assert md.startswith("# MiniMax profile\n")
    assert "revision 2 of document #" + str(desk.doc) in md
    assert "<https://news.example.com/minimax>" in md
    assert (page.claims, page.flagged) == (html_page.claims, html_page.flagged) == (6, (flagged,))
    # The same claims as the page: the withdrawn one on neither.
    listed = {int(i) for i in re.findall(r"^## Claim #(\d+)", md, re.M)}
    on_page = {int(i) for i in re.findall(r'<li class="claim" id="claim-(\d+)"', html_page.text)}
    assert listed == on_page == set(desk.ids.values()) - {desk.ids["unverifiable"]}
    assert "Valued over $4bn" not in md
    # The flagged verdict: withheld, and its reason with it, as on the page.
    held = _section(md, flagged)
    assert "flagged for re-review" in held and "withheld" in held
    assert REASON not in md and REASON not in html_page.text
    assert "✗" not in held and "false" not in held.replace("MiniMax was founded", "")
    # Internal notes stay the desk's.
    assert "DESK-ONLY" not in md
    # A verdict that stands: its status, rating, reason and evidence as a link.
    verified = _section(md, desk.ids["verified"])
    assert "verified" in verified and "Matches the company's filings." in verified
    rendered = _rendered(verified)
    assert '<a href="https://example.org/source">https://example.org/source</a>' in rendered
    assert "<blockquote>\n<p>比ChatGPT早一年</p>\n</blockquote>" in rendered
    assert "maria" in _section(md, desk.ids["open"])


def test_no_stored_string_becomes_markup(wb: Workbench) -> None:
    """Each field the Markdown writes is a stored string: a title, an author, a claim's text,
    its quote, speaker, owner, notes and evidence. Rendered, each is the text typed."""
    from workbench.exports.report_md import document_page

    article = f"开头。\n{HOSTILE}\n结尾。"
    doc = add_document(
        wb,
        article.encode(),
        meta=DocumentMeta(title=HOSTILE, author=HOSTILE, url="https://news.example.com/a"),
    ).document.id
    cid = add_claim(wb, doc, HOSTILE, SpanRequest(quote=HOSTILE), speaker=HOSTILE).id
    add_note(wb, cid, HOSTILE)
    add_note(wb, cid, "Verdict\n===\n1. per the table\n---\n- a")
    add_evidence(
        wb,
        cid,
        EvidenceInput(stance="supports", url="https://e.example/a?b=<c>&d", title=HOSTILE),
    )
    add_evidence(wb, cid, EvidenceInput(stance="refutes", citation=HOSTILE))
    assign(wb, [cid], "maria")
    [record] = iter_documents(wb, document_ids=[doc])
    md = document_page(record, generated_at="2026-01-05 10:00 UTC")
    rendered = _rendered(md)
    # Title, author, claim text, quote, speaker, note, evidence title and citation: 8 at least.
    assert rendered.count(_as_text(HOSTILE)) >= 8, rendered
    # The only links are the source's and the evidence's; no HTML, no heading but ours.
    links = re.findall(r'<a href="([^"]*)"', rendered)
    assert links == ["https://news.example.com/a", "https://e.example/a?b=%3Cc%3E&amp;d"], links
    tokens = MarkdownIt("commonmark").enable(["strikethrough", "table"]).parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_block", "html_inline", "image", "s_open", "table_open"}, kinds
    headings = re.findall(r"<h(\d)>", rendered)
    assert headings.count("1") == 1 and headings.count("2") == 1, headings
    assert "per the table" in rendered and "<ol>" not in rendered.split("per the table")[0][-200:]


def test_report_format_md_writes_markdown_to_a_file_or_stdout(
    run: Run, cli: Any, desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "page.md"
    r = run("report", str(desk.doc), "--format", "md", "-o", str(target))
    assert r.code == 0, r.err
    assert target.read_text(encoding="utf-8").startswith("# MiniMax profile\n")
    assert f"wrote {target}: document #{desk.doc}, 7 claims" in r.err
    # To standard output (`cli`: its runner reads stdout once flushed), typed full-width as a
    # Chinese IME types it.
    r = cli("report", str(desk.doc), "--format", "ｍｄ", "-o", "-")
    assert r.code == 0 and r.out.startswith("# MiniMax profile\n"), r.err
    # -o FILE's extension chooses without --format, as every other --format: d2.md is Markdown.
    d2 = tmp_path / "d2.md"
    r = run("report", str(desk.doc), "-o", str(d2))
    assert r.code == 0 and d2.read_text(encoding="utf-8").startswith("# MiniMax profile\n")
    assert "warning" not in r.err
    # A --format the file's name contradicts is bad usage, before anything is written.
    for fmt, name in (("md", "x.html"), ("html", "x.md")):
        r = run("report", str(desk.doc), "--format", fmt, "-o", str(tmp_path / name))
        assert r.code == 2 and not (tmp_path / name).exists(), r.err
    r = run("report", str(desk.doc), "--format", "md", "-o", str(tmp_path / "j.md"), "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out) == {
        "path": str(tmp_path / "j.md"),
        "document_id": desk.doc,
        "claims": 7,
        "flagged": [],
        "unreviewed": [],
    }


def test_report_all_as_markdown_writes_pages_and_an_index(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    folder = tmp_path / "site"
    r = run("report", "--all", "--format", "md", "-o", str(folder), "--json")
    assert r.code == 0, r.err
    names = [f"document-{desk.doc}.md", "index.md"]
    assert sorted(p.name for p in folder.iterdir()) == names
    assert json.loads(r.out)["pages"] == names
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Claims reports\n")
    assert f"[MiniMax profile](document-{desk.doc}.md)" in index
    assert f'<a href="document-{desk.doc}.md">MiniMax profile</a>' in _rendered(index)
    page = (folder / f"document-{desk.doc}.md").read_text(encoding="utf-8")
    assert page.startswith("# MiniMax profile\n") and html.escape("<script>") not in page
