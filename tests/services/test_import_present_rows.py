"""What `import claims` says of a row whose claim is already present (`differs`, `emptied`,
`other_ids`), judged by what the file is: the desk's own export, or an editor's sheet.

Three things an editor met:

- An export re-imported untouched said of a claim "the file leaves its note empty, which was
  not cleared", where the export itself had written no note: a proposal (or verdict) recorded
  with no reason, from an older trail, whose only note is someone else's, which never stands
  in for the reason. An emptied note cell is now compared with the note the export writes
  (`table_facts.published_notes`), not with any published note of the claim.
- The editor's own first sheet (no id column, none of the export's columns), imported again
  with rows added after the desk had assigned the claims and given them due dates, said of
  every earlier row "the file leaves its assignee, due empty": cells the editor never filled.
  An empty cell of such a sheet is no difference; one of an export (which wrote the claim's
  value there) still is, as is a value the sheet gives otherwise.
- A row whose id cell named one claim and whose quote and text were another's (or no claim's
  present) was taken by its words, or added, without a word of the id (trial168). It is said
  now, naming the row, the id, and what was done with the row.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.older_trail import older_trail_claim
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import claim_rows
from workbench.services.imports import import_claims
from workbench.services.notes import add_note
from workbench.services.workflow import assign, set_due

ARTICLE = "甲说了一句话。乙说了另一句话。丙没有说话。"


@pytest.fixture
def doc(wb: Workbench) -> int:
    return add_document(wb, ARTICLE.encode()).document.id


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return str(path)


def _proposed_with_no_reason(wb: Workbench, doc: int) -> int:
    """A claim proposed (in_review) with no note recorded with the proposal."""
    return older_trail_claim(wb, doc, "in_review", "claim.review_requested")


def test_an_untouched_export_of_a_claim_it_wrote_no_note_for_differs_in_nothing(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    claim_id = _proposed_with_no_reason(wb, doc)
    rows = claim_rows(wb)
    assert [(r["id"], r["status"], r["note"]) for r in rows] == [(claim_id, "in_review", None)]
    result = import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert (list(result.added), result.present) == ([], 1)
    assert result.differs == []


def test_an_emptied_note_the_export_wrote_is_still_said(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    claim = add_claim(wb, doc, "乙说", SpanRequest(quote="乙说了另一句话。"))
    add_note(wb, claim.id, "先查公司公告")
    rows = claim_rows(wb)
    assert rows[0]["note"] == "先查公司公告"
    rows[0]["note"] = ""
    result = import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert [(d.claim_id, d.fields, d.emptied) for d in result.differs] == [
        (claim.id, ("note",), ("note",))
    ]


def _original_sheet(tmp_path: Path, **first: str) -> str:
    """An editor's own sheet: no id, none of the export's columns; an owner and due column
    left empty (the desk fills them), the first row's cells `first` filled."""
    path = tmp_path / "sheet.csv"
    lines = [
        "quote,text,assignee,due,note,tags",
        f"甲说了一句话。,甲说,{first.get('assignee', '')},{first.get('due', '')},,",
        "乙说了另一句话。,乙说,,,,",
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return str(path)


def test_an_original_sheet_re_imported_does_not_say_cells_it_never_filled(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    first = import_claims(wb, _original_sheet(tmp_path), doc)
    ids = [c.id for c in first.added]
    assign(wb, ids, "王芳")
    set_due(wb, ids, "2027-01-04")
    add_note(wb, ids[0], "先查公司公告")
    again = import_claims(wb, _original_sheet(tmp_path), doc)
    assert (list(again.added), again.present) == ([], 2)
    assert again.differs == []
    # A value the sheet gives otherwise is said as ever.
    other = import_claims(wb, _original_sheet(tmp_path, assignee="李雷"), doc)
    assert [(d.row, d.claim_id, d.fields, d.emptied) for d in other.differs] == [
        (2, ids[0], ("assignee",), ())
    ]


def test_an_export_still_says_the_cells_it_leaves_empty(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    """An export's row carries the claim's value in each cell: one it leaves empty is said."""
    first = import_claims(wb, _original_sheet(tmp_path), doc)
    ids = [c.id for c in first.added]
    rows = claim_rows(wb)
    assign(wb, ids, "王芳")
    again = import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert [(d.row, d.fields, d.emptied) for d in again.differs] == [
        (1, ("assignee",), ("assignee",)),
        (2, ("assignee",), ("assignee",)),
    ]


def test_an_id_naming_another_claim_than_the_rows_words_is_said(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    first = import_claims(wb, _original_sheet(tmp_path), doc)
    one, two = (c.id for c in first.added)
    rows = [
        # claim #2's id on claim #1's words: taken as claim #1, present
        {"id": two, "quote": "甲说了一句话。", "text": "甲说"},
        # no claim's id (another desk's export): added as a new claim
        {"id": 90, "quote": "丙没有说话。", "text": "丙没说"},
        # claim #1's id on words the file gave a row above: a repeat, not added again
        {"id": one, "quote": "丙没有说话。", "text": "丙没说"},
        # claim #2's own row: nothing said
        {"id": two, "quote": "乙说了另一句话。", "text": "乙说"},
    ]
    path = _jsonl(tmp_path / "ids.jsonl", rows)
    dry = import_claims(wb, path, doc, dry_run=True)
    result = import_claims(wb, path, doc)
    for done in (dry, result):
        assert [(o.row, o.id, o.claim_id, o.added, o.known) for o in done.other_ids] == [
            (1, two, one, False, True),
            (2, 90, None, True, False),
            (3, one, None, False, True),
        ]
    assert [c.text for c in result.added] == ["丙没说"]


def _judged_with_no_reason(wb: Workbench, doc: int) -> int:
    """A claim given unverifiable with no note recorded with the verdict (an older trail, a
    seed's verdict)."""
    return older_trail_claim(wb, doc, "unverifiable", "claim.status_changed")


def test_an_untouched_export_of_a_verdict_recorded_with_no_reason_is_the_claim_present(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    """Its row was refused, "status 'unverifiable' is a verdict and needs a reason", though it
    is the claim's own row, present, which the import writes nothing for: an export of such a
    desk could not be imported back at all (--skip-bad skipped the claim's row)."""
    claim_id = _judged_with_no_reason(wb, doc)
    rows = claim_rows(wb)
    assert [(r["id"], r["status"], r["note"]) for r in rows] == [(claim_id, "unverifiable", None)]
    result = import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert (list(result.added), result.present, result.skipped) == ([], 1, [])
    assert result.differs == []


def test_an_export_row_whose_verdict_reason_was_emptied_is_still_refused(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    from workbench.services.imports import RowsRefused

    claim = add_claim(wb, doc, "乙说", SpanRequest(quote="乙说了另一句话。"))
    set_status(wb, claim.id, "unverifiable", note="无从查证")
    rows = claim_rows(wb)
    rows[0]["note"] = ""
    with pytest.raises(RowsRefused) as caught:
        import_claims(wb, _jsonl(tmp_path / "export.jsonl", rows), doc)
    assert caught.value.problems == ["row 1: status 'unverifiable' is a verdict and needs a reason"]
