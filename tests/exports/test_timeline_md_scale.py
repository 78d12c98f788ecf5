"""`audit export --format md` on a document with many claims (review61, "scale to a year of
work"). Nothing is timed: the test counts the sentences the sentence splitter emits."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workbench.domain import segment
from workbench.exports import timeline_md
from workbench.exports.events import export_events
from workbench.services.audit import EventFilter
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import import_claims


def _emitted(wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int) -> int:
    """Sentences the splitter emits while the Markdown timeline of one new document is written
    (`audit export --format md --doc DOC`): a transcript of `rows` turns (no blank line between
    them, as transcripts are written), a claim on each turn."""
    said = [f"Revenue in region {i} grew {i + 3} percent in {2000 + i}." for i in range(rows)]
    text = "\n".join(f"{'ALICE' if i % 2 else 'BOB'}: {s}" for i, s in enumerate(said)) + "\n"
    doc = add_document(wb, text.encode()).document.id
    path = tmp_path / f"claims-{rows}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, ["quote", "text"])
        out.writeheader()
        out.writerows({"quote": s, "text": s} for s in said)
    assert len(list(import_claims(wb, str(path), doc).added)) == rows

    count = [0]
    emit = segment._emit
    built = []

    def counting(*args: object) -> None:
        count[0] += 1
        emit(*args)  # type: ignore[arg-type]

    def indexing(text: str) -> segment.Sentences:
        built.append(len(text))
        return segment.Sentences(text)

    monkeypatch.setattr(segment, "_emit", counting)
    monkeypatch.setattr(timeline_md, "Sentences", indexing)
    try:
        export_events(wb, "md", io.StringIO(), EventFilter(document_id=doc))
    finally:
        monkeypatch.setattr(segment, "_emit", emit)
    # The document's text is indexed once, whatever its claims (the timeline module runs from
    # its source, compiled or not: this is seen either way).
    assert built == [len(text)], built
    return count[0]


def test_a_timeline_splits_each_paragraph_a_bounded_number_of_times(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Markdown timeline took time growing with the square of a document's claims: for each
    claim's heading it re-split the whole paragraph around the claim's span
    (`segment.sentence_around`, called by `timeline_md._claim_heading`), and a transcript is one
    paragraph, so every claim split the whole transcript again. A transcript of 1,000 turns with
    a claim on each: 4.95 CPU s; of 4,000 turns: 70.8 CPU s (14x for 4x the claims); a year
    desk's md export (100,000 claims on 500 documents of 200 claims each) 154 CPU s against
    5.7 for the JSONL export of the same events."""
    small = _emitted(wb, tmp_path, monkeypatch, 20)
    large = _emitted(wb, tmp_path, monkeypatch, 80)
    if not segment.__file__ or not segment.__file__.endswith(".py"):
        return  # compiled (mypyc): the splitter's own calls are not seen, so none are counted
    assert small > 0
    # Four times the claims (and the text) should cost about four times the sentences split,
    # not sixteen.
    assert large <= 6 * small, (small, large)
