"""An annotation of a claim pinned in an older revision has its context widened in that
revision's text (57cb6b35). The export read each such text once a document, and held every one
of them until the document's last claim was written: a live page updated a hundred times,
an orphaned claim in each update, held a hundred copies of the page at once. Measured in
memory allocated (tracemalloc), not time: at most a few texts' worth, however many older
revisions the claims count in; and each older text is read once."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest
from test_annotation_quote_selects_its_occurrence import _selects

import workbench.services.revisions as revisions
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, update_from
from workbench.services.exports import export_annotations

# A long page (about 220,000 characters) that each update ends with another sentence.
PAGE = "".join(f"Paragraph {i} says the weather was mild on day {i}.\n\n" for i in range(4000))
REVISIONS = 12


def _said(k: int) -> str:
    """The words update `k` ends the page with: nothing like another update's."""
    pick = random.Random(k)
    return " ".join(
        "".join(pick.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(6)
    )


def _text(k: int) -> str:
    return f"{PAGE}The minister said {_said(k)}.\n"


def test_older_revisions_are_not_all_held_at_once(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://live.example/blog"
    doc = add_document(wb, _text(0).encode(), meta=DocumentMeta(url=url)).document.id
    for k in range(REVISIONS):
        add_claim(wb, doc, f"The minister's words {k}", SpanRequest(quote=_said(k)))
        path = tmp_path / f"update-{k}.txt"
        path.write_text(_text(k + 1), encoding="utf-8")
        update_from(wb, doc, str(path), force=True)  # the claim's words gone: orphaned
    export_annotations(wb)  # once before measuring: what is made once a process is not counted
    reads: list[int | None] = []
    read = revisions.revision_text

    def counted(*args: object) -> tuple[int, str]:
        reads.append(args[2] if len(args) > 2 else None)  # type: ignore[arg-type]
        return read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(revisions, "revision_text", counted)
    tracemalloc.start()
    try:
        collection = export_annotations(wb).collection
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    items = collection["first"]["items"]
    assert len(items) == REVISIONS
    # Each claim selected where it is, in the text of its own revision.
    for k, item in enumerate(items):
        quote, position = item["target"]["selector"]
        assert quote["exact"] == _said(k)
        assert _selects(_text(k), quote) == [position["start"]]
    # Each older revision read once.
    assert sorted(r for r in reads if r is not None) == list(range(1, REVISIONS + 1)), reads
    # The latest text, the document's first, one older revision and what reading them costs:
    # not one copy of the page for each older revision (12 of them).
    assert peak < 6 * len(PAGE), (peak, len(PAGE))
