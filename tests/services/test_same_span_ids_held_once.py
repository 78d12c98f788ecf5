"""An import of many rows on one span holds each claim's id once, not once per later claim.

fix222 met it: `import claims` of 5,000 rows quoting the same words peaked at 459 MB (90 MB for
5,000 rows on separate spans), 10,000 at 1.3 GB. Each added claim's `same_span` was a tuple of
every earlier id on its span, copied anew for each claim, so the ids held grew with the square
of the rows (12.5 million for 5,000 rows), in memory and in the spooled results read back.
`same_span` still names every earlier claim; the claims of one span now share one list of ids,
each claim seeing its start. (Its JSON lists the first hundred since, and counts them all:
tests/cli/test_same_span_listed_in_json.py.)

What is counted is the ids the results hold: each list or tuple holding them counted once,
however many claims share it, across batches (`BATCH` made small, so that 300 rows are six
batches, spooled and read back six times).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from workbench.services import imports
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import import_annotations, import_claims
from workbench.services.views import SAME_SPAN_LISTED

QUOTE = "营收增长了百分之十"
ROWS = 300


@pytest.fixture
def doc(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(imports, "BATCH", 50)
    return add_document(wb, f"公司去年{QUOTE}。利润没有变化。".encode()).document.id


def _ids_held(spans: Iterable[Any]) -> int:
    """The ids held by these `same_span` values: each list or tuple holding them counted once
    (itself, or what it is a view of), however many values share it."""
    held: dict[int, Any] = {}
    for span in spans:
        for part in [span, *gc.get_referents(span)]:
            if isinstance(part, list | tuple):
                held[id(part)] = part  # kept, so that no other object reuses its id
    return sum(len(part) for part in held.values())


def _claims_sheet(tmp_path: Path, rows: int, word: str = "grew") -> str:
    path = tmp_path / f"{word}.csv"
    lines = "".join(f"{QUOTE},Revenue {word} {i}\n" for i in range(rows))
    path.write_text("quote,text\n" + lines, encoding="utf-8")
    return str(path)


def test_a_claims_import_on_one_span_holds_each_id_once(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    """300 rows on one span, beside a claim present there: 301 ids, not 45,150."""
    present = add_claim(wb, doc, "Revenue grew", SpanRequest(quote=QUOTE)).id
    result = import_claims(wb, _claims_sheet(tmp_path, ROWS), doc)
    added = list(result.added)
    assert len(added) == ROWS
    assert _ids_held(c.same_span for c in added) <= ROWS + 1
    # Every earlier claim still named, in order, in the claim; its JSON lists the first
    # SAME_SPAN_LISTED and counts them all (test_same_span_listed_in_json).
    ids = [present, *(c.id for c in added)]
    assert [tuple(c.same_span or ()) for c in added] == [tuple(ids[:i]) for i in range(1, ROWS + 1)]
    shown = added[-1].to_json()
    assert (shown["same_span"], shown["same_span_count"]) == (ids[:SAME_SPAN_LISTED], ROWS)
    assert added[2].same_span == tuple(ids[:3])


def test_an_annotations_import_on_one_span_holds_each_id_once(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    """The same for 300 annotations quoting the same words."""
    path = tmp_path / "notes.json"
    items = [
        {
            "type": "Annotation",
            "bodyValue": f"Revenue grew {i}",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": QUOTE}},
        }
        for i in range(ROWS)
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    added = list(import_annotations(wb, str(path), doc).added)
    assert len(added) == ROWS
    assert _ids_held(c.same_span for c in added) <= ROWS
    ids = [c.id for c in added]
    assert [tuple(c.same_span or ()) for c in added] == [tuple(ids[:i]) for i in range(ROWS)]


def test_a_dry_run_on_a_span_of_many_holds_their_ids_once(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    """A dry run of 300 rows on a span 300 claims pin already: each would-be claim names all 300
    present (`same_span`), held once, not 300 times."""
    present = [c.id for c in import_claims(wb, _claims_sheet(tmp_path, ROWS), doc).added]
    dry = import_claims(wb, _claims_sheet(tmp_path, ROWS, "fell"), doc, dry_run=True)
    would_add = list(dry.would_add)
    assert len(would_add) == ROWS
    assert _ids_held(w.claim.same_span for w in would_add) <= ROWS
    assert all(w.claim.same_span == tuple(present) for w in would_add)
    assert [w.twins_to_add for w in would_add] == list(range(ROWS))
