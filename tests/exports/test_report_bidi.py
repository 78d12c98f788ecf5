"""The HTML report keeps a bidi override in user text from reordering what follows (review54)."""

from __future__ import annotations

import html
import re
from typing import Any

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import report_pages

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
PDF = "\u202c"  # POP DIRECTIONAL FORMATTING
FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _doc(wb: Workbench, text: str = ARTICLE, **meta: Any) -> int:
    return add_document(wb, text.encode(), meta=DocumentMeta(**meta)).document.id


def _reported(wb: Workbench, doc: int) -> str:
    """The page as a browser reads its characters: the file writes a bidi control as a
    character reference (rbundle: an editor reading the file is not reordered by it)."""
    [page] = report_pages(wb, document_ids=[doc])
    return html.unescape(page.text)


def _open_override_before(fragment: str, target: str) -> bool:
    """Whether an RLO in `fragment` is still open (no PDF after it, no <bdi> isolating it)
    where `target` is shown: the target is then displayed reversed."""
    at = fragment.find(target)
    assert at != -1, (target, fragment)
    before = fragment[:at]
    if RLO not in before:
        return False
    after_rlo = before[before.rfind(RLO) :]
    return PDF not in after_rlo and "</bdi>" not in after_rlo


def test_report_evidence_title_with_an_override_reverses_the_evidence_link(
    wb: Workbench,
) -> None:
    """review54: an evidence title may hold a right-to-left override, and the report wrote it
    raw into the same <li> as the link, so the link's text (https://example.org/lanif) was
    displayed right to left: the Trojan Source effect a URL holding one is refused for."""
    doc = _doc(wb)
    cid = add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%")).id
    add_evidence(
        wb,
        cid,
        EvidenceInput(stance="refutes", url="https://example.org/lanif", title=f"NBS {RLO}"),
    )
    page = _reported(wb, doc)
    item = re.search(r'<li><span class="stance">refutes</span>.*?</li>', page)
    assert item is not None
    assert not _open_override_before(item.group(), "https://example.org/lanif</a>"), item.group()
    assert f"<bdi>NBS {RLO}</bdi>" in item.group()  # shown as stored, only set apart


def test_report_author_with_an_override_reverses_the_page_header(wb: Workbench) -> None:
    """review54: the document's author (a page's byline, or `doc edit --author`) went raw into
    the header line, so the date, the source link and 'report generated ...' after it read
    reversed."""
    doc = _doc(wb, url="https://example.org/a", author=f"Li {RLO}Wei", published="2024-01-02")
    page = _reported(wb, doc)
    header = re.search(r'<p class="meta">.*?</p>', page)
    assert header is not None
    assert not _open_override_before(header.group(), "published 2024-01-02"), header.group()
    assert not _open_override_before(header.group(), "https://example.org/a</a>")


def test_report_title_with_an_override_reverses_the_browser_tabs_words(wb: Workbench) -> None:
    """trial132: a headline holding a right-to-left override (a page's <title>, kept as
    stored) went raw into the page's <title>, which no <bdi> can go in: the tab and the
    bookmark read "troper smialc —" after it. The index's <title> is the desk's own words."""
    doc = _doc(wb, title=f"NBS {RLO}data")
    page = _reported(wb, doc)
    title = re.search(r"<title>.*?</title>", page)
    assert title is not None
    # Text holds no element: the headline is set apart by an isolate (FSI ... PDI) instead.
    shown = title.group().removeprefix("<title>").split(" — claims report", 1)[0]
    assert shown == f"{FSI}NBS {RLO}data{PDI}", title.group()


ISOLATES = {"\u2066", "\u2067", FSI}  # LRI, RLI, FSI
EMBEDDINGS = {"\u202a", "\u202b", "\u202d", RLO}  # LRE, RLE, LRO, RLO


def _open_at(text: str, at: int) -> list[str]:
    """The isolates, embeddings and overrides still open at `text[at]`, as the Unicode bidi
    algorithm matches them (X5a-X7): a PDI closes the nearest isolate open (and whatever
    opened inside it), one with none open does nothing; a PDF closes an embedding opened in
    the same isolate."""
    stack: list[str] = []
    for ch in text[:at]:
        if ch in ISOLATES or ch in EMBEDDINGS:
            stack.append(ch)
        elif ch == PDI and any(c in ISOLATES for c in stack):
            while stack.pop() not in ISOLATES:
                pass
        elif ch == PDF and stack and stack[-1] in EMBEDDINGS:
            stack.pop()
    return stack


def test_a_headline_with_isolates_of_its_own_does_not_leave_its_tab_words_inside_them(
    wb: Workbench,
) -> None:
    """A headline may hold isolates of its own, not always in pairs (a page's title cut after
    an isolate opened, or holding the close of one opened before it). Its POP DIRECTIONAL
    ISOLATE with no isolate open closed the one the <title> sets it apart with, so an
    override after it reversed " — claims report" in the tab after all; an isolate it opens
    and never closes took the <title>'s closing one, and the words were inside it."""
    for headline in (f"NBS{PDI} {RLO}data", f"\u2067تقرير {RLO}abc", f"x{PDI}{PDI}\u2067y"):
        page = _reported(wb, _doc(wb, text=f"{headline}\n\n{ARTICLE}", title=headline))
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None
        at = title.group(1).rfind(" — claims report")
        assert _open_at(title.group(1), at) == [], (headline, title.group())
        # The headline's own words and marks are there, in order.
        assert [c for c in title.group(1)[:at] if c not in (FSI, PDI)] == [
            c for c in headline if c not in (FSI, PDI)
        ]


def test_a_right_to_left_name_keeps_its_notes_time_after_it(wb: Workbench) -> None:
    """trial225: a note's author went raw into the line "NAME, TIME" beside it (the history's
    actor has been set apart since review54): after an Arabic name the comma and the digits
    of the time joined its right-to-left run, and the line read "2026-12-06 ... ,مريم", the
    time before the name. The author is set apart as the history's actor is."""
    from dataclasses import replace

    from workbench.services.notes import add_note

    doc = _doc(wb)
    cid = add_claim(wb, doc, "a claim", SpanRequest(quote=ARTICLE[:10])).id
    add_note(replace(wb, actor="مريم"), cid, "checked the filing")
    page = _reported(wb, doc)
    notes = page.split("<h3>Notes</h3>", 1)[1].split("<h3>", 1)[0]
    assert '<span class="meta"><bdi>مريم</bdi>, ' in notes, notes


def test_a_right_to_left_letter_anywhere_in_a_long_text_is_found() -> None:
    """What sets the page's article and claims right to left where their words are (perf223
    asks each character a text holds once, not each time it is met): one Hebrew letter, one
    Arabic letter or a RIGHT-TO-LEFT MARK after a long Chinese and English text is found; the
    text without it, or with an override (a control, not a letter), is left to the left."""
    from workbench.exports.report import has_rtl

    text = "估值超过40亿美元, valued at over $4bn. " * 2_000
    assert has_rtl(text + "א") and has_rtl(text + "ب") and has_rtl(text + "\u200f")
    assert not has_rtl(text) and not has_rtl(text + "\u202e") and not has_rtl("")
