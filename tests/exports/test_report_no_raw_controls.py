"""rbundle: the HTML report wrote a control character of user text raw into the page. A
document's text may hold an ESC sequence, a C1 control (U+0085) or a right-to-left override
(`doc add` stores them: they are the article's), and an evidence file name may hold one where a
bundle or an older desk brought it (`evidence add` refuses one since). A browser shows nothing
for a control, an ESC sequence acts when the page is printed in a terminal, and an override in
the file reorders what an editor or a diff shows of the page's source. Every other export shows
a control as `\\uXXXX` (`limits.visible`); the report does too, and writes a bidi control as a
character reference, which a browser reads as the character (the page shows as before, each
set apart as review54 arranged) while the file holds none."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from tests.conftest import Result
from workbench.db.engine import get_engine
from workbench.domain.limits import HIDDEN
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import report_pages

ESC, NEL, RLO, FSI, PDI = "\x1b", "\x85", "\u202e", "\u2068", "\u2069"
ARTICLE = f"The mayor said taxes rose {ESC}[31m5% last year.{NEL} Next {RLO}sentence is plain."
# What a page's file must not hold as itself: HIDDEN but the line break and tab, which HTML
# reads as white space.
RAW = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(HIDDEN) if c not in (9, 10)) + "]")


def _desk(wb: Workbench, db_url: str) -> int:
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title=f"NBS {RLO}data")).document.id
    cid = add_claim(wb, doc, "Taxes rose 5% last year.", SpanRequest(quote="last year")).id
    ev = add_evidence(wb, cid, EvidenceInput(stance="refutes", citation="Budget 2024, p. 3"))
    # A file name `evidence add` refuses, as a bundle or an older desk brings it.
    with get_engine(db_url).begin() as conn:
        conn.execute(
            text("UPDATE evidence SET file_name = :name, citation = NULL WHERE id = :id"),
            {"name": f"../{ESC}]0;owned{chr(7)}{RLO}fdp.exe", "id": ev.id},
        )
    return doc


def test_the_page_holds_no_raw_control(wb: Workbench, db_url: str) -> None:
    doc = _desk(wb, db_url)
    [page] = report_pages(wb, document_ids=[doc])
    raw = [
        (hex(ord(m.group())), page.text[m.start() - 30 : m.end()]) for m in RAW.finditer(page.text)
    ]
    assert raw == [], raw
    # Shown as every export shows a control, and an override as the character a browser reads.
    read = html.unescape(page.text)
    assert "rose \\u001b[31m5%" in read and ".\\u0085 Next" in read, read
    assert f"Next {RLO}sentence" in read
    assert f"../\\u001b]0;owned\\u0007{RLO}fdp.exe" in read
    assert f"<title>{FSI}NBS {RLO}data{PDI} — claims report</title>" in read


def test_report_through_the_cli(
    cli: Callable[..., Result], wb: Workbench, db_url: str, tmp_path: Path
) -> None:
    doc = _desk(wb, db_url)
    out = tmp_path / "r.html"
    r = cli("report", str(doc), "-o", str(out))
    assert r.code == 0, r.out + r.err
    page = out.read_text(encoding="utf-8")
    assert RAW.search(page) is None, [hex(ord(c)) for c in RAW.findall(page)]
    assert "\\u001b]0;owned\\u0007" in page
