"""finalD: the Markdown report wrote an archived file's stored sha256 into a code span as it
stands, on the word that it is hex digits only. A desk edited by hand (or a bundle made so)
holds whatever its row says: a backtick in it closed the span, and the rest became markup (a
link, raw HTML), where the HTML page escapes it and the module promises every stored string
stays text."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.publishing import iter_documents

FORGED = "a`<b>x</b>[l](https://x.example)"


def test_a_stored_hash_holding_markup_stays_text(wb: Workbench, tmp_path: Path) -> None:
    from workbench.exports.report_md import document_page

    doc = add_document(wb, b"The rate fell to 3.5 percent in May.").document.id
    cid = add_claim(wb, doc, "The rate fell", SpanRequest(quote="fell to 3.5 percent")).id
    archived = tmp_path / "scan.txt"
    archived.write_text("the filing")
    item = add_evidence(wb, cid, EvidenceInput(stance="supports", file=str(archived)))
    with get_engine(wb.url).begin() as conn:
        # The row's file under the forged key, as a hand edit keeps its reference whole.
        conn.execute(
            text(
                "INSERT INTO blobs (sha256, size, data) "
                "SELECT :forged, size, data FROM blobs WHERE sha256 = :held"
            ),
            {"forged": FORGED, "held": item.sha256},
        )
        conn.execute(
            text("UPDATE evidence SET sha256 = :forged WHERE id = :id"),
            {"forged": FORGED, "id": item.id},
        )
    [record] = iter_documents(wb, document_ids=[doc])
    md = document_page(record, generated_at="2026-01-05 10:00 UTC")
    tokens = MarkdownIt("commonmark").parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block", "link_open"}, md
