"""The TextQuoteSelector of a claim pinned in an older revision (orphaned by a later one, its
quote gone) names one place in that revision's text, the text its target's TimeState names as
`cached`: it was widened only in the latest revision's text, and an older revision's kept its
32 characters of context, so a claim on the second copy of a passage the old page printed
twice was selected on the first by a reader anchoring by the quote (Hypothesis does, where
the page's text is not the text the positions count in)."""

from __future__ import annotations

import json
from pathlib import Path

from test_annotation_quote_selects_its_occurrence import _selects

from workbench.domain.text import sha256_text
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, update_from
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations

PASSAGE = (
    "Officials repeated the statement that exports rose by twelve percent in the first "
    "quarter of the year, according to the ministry."
)
OLD = f"Morning briefing.\n\n{PASSAGE}\n\nAfternoon briefing.\n\n{PASSAGE}\n\nEnd of day notes.\n"
NEW = (
    "Morning briefing.\n\nOfficials gave no figures on trade this morning, and the ministry "
    "declined to comment on the quarterly data.\n\nAfternoon briefing.\n\nThe afternoon "
    "session was cancelled by the organisers today.\n\nEnd of day notes.\n"
)


def test_an_orphaned_claim_is_selected_where_it_is_in_its_revision(
    wb: Workbench, tmp_path: Path
) -> None:
    url = "https://x.example/briefing"
    doc = add_document(wb, OLD.encode(), meta=DocumentMeta(url=url)).document.id
    second = add_claim(
        wb, doc, "Exports rose 12% in Q1", SpanRequest(quote="exports rose by twelve", occurrence=2)
    )
    new = tmp_path / "new.txt"
    new.write_text(NEW, encoding="utf-8")
    update_from(wb, doc, str(new), force=True)
    collection = export_annotations(wb).collection
    [item] = collection["first"]["items"]
    target = item["target"]
    assert target["state"]["cached"] == f"urn:sha256:{sha256_text(OLD)}"
    quote, position = target["selector"]
    assert position["start"] == second.start > OLD.index(PASSAGE) + len(PASSAGE)
    assert OLD[position["start"] : position["end"]] == quote["exact"]
    assert _selects(OLD, quote) == [position["start"]], quote
    # Read back into its document: the orphaned claim, present.
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    result = import_annotations(wb, str(path), doc)
    assert (list(result.added), result.present) == ([], 1)
