"""An editor set a claim's status to a verdict in an export (unverified to opinion) and left
the note cell empty, then imported the sheet back: `import claims` said only "0 claims added,
1 already present", as if the sheet agreed with the desk. The row is the claim's own, present,
and a verdict with no reason is taken as present (an older trail recorded some so), not
refused; but its status is still not the claim's, and is to be said (`differs`), as the same
row giving in_progress, or opinion with a note, is said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.older_trail import older_trail_claim
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import claim_rows
from workbench.services.imports import import_claims

ARTICLE = "甲说了一句话。乙说了另一句话。丙没有说话。"


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return str(path)


def test_a_verdict_given_in_the_sheet_with_no_note_is_said_to_differ(
    wb: Workbench, tmp_path: Path
) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    claim = add_claim(wb, doc, "乙说了另一句话", SpanRequest(quote="乙说了另一句话。"))
    rows = claim_rows(wb)
    assert (rows[0]["status"], rows[0]["note"]) == ("unverified", None)
    rows[0]["status"] = "opinion"
    result = import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert (list(result.added), result.present) == ([], 1)
    assert [(d.claim_id, d.fields, d.emptied) for d in result.differs] == [
        (claim.id, ("status",), ())
    ]


def test_the_same_verdict_the_claim_has_with_no_note_differs_in_nothing(
    wb: Workbench, tmp_path: Path
) -> None:
    """The other side: a row whose status is the claim's own (an older trail's verdict with
    no reason, written so by the export) is no difference."""
    doc = add_document(wb, ARTICLE.encode()).document.id
    claim_id = older_trail_claim(wb, doc, "unverifiable", "claim.status_changed")
    rows = claim_rows(wb)
    assert (rows[0]["status"], rows[0]["note"]) == ("unverifiable", None)
    result = import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert (list(result.added), result.present, result.differs) == ([], 1, [])
    assert claim_id == rows[0]["id"]
