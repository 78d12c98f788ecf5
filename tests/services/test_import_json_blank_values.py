"""`import claims` of a JSON export whose values an editor (or a script) blanked.

A JSON export's row carries each claim's value; a CSV cell emptied in a sheet is said
("the file leaves its assignee empty, which was not cleared"), and so was a JSON value set to
null. But a value set to "" (the way most scripts and JSON editors empty a field), or tags
set to [], was taken silently as not given: the import said "0 claims added, 1 already
present", and the editor took the owner, due date and tags to be cleared. An empty string or
list is an emptied cell, as a CSV's is: said, in `differs`' `emptied`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import claim_rows
from workbench.services.imports import import_claims
from workbench.services.workflow import assign, set_due, tag

ARTICLE = "甲说了一句话。乙说了另一句话。"


@pytest.fixture
def claim(wb: Workbench) -> int:
    doc = add_document(wb, ARTICLE.encode()).document.id
    claim = add_claim(wb, doc, "甲说", SpanRequest(quote="甲说了一句话。"), speaker="甲")
    assign(wb, [claim.id], "王芳")
    set_due(wb, [claim.id], "2027-01-04")
    tag(wb, [claim.id], ["融资"])
    return claim.id


def _saved(path: Path, rows: list[dict[str, Any]]) -> str:
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_values_blanked_to_empty_strings_and_lists_are_said(
    wb: Workbench, claim: int, tmp_path: Path
) -> None:
    rows = claim_rows(wb)
    assert (rows[0]["assignee"], rows[0]["tags"]) == ("王芳", ["融资"])
    rows[0].update(speaker="", assignee="", due="", tags=[])
    result = import_claims(wb, _saved(tmp_path / "export.json", rows), 1)
    emptied = ("speaker", "assignee", "due", "tags")
    assert [(d.claim_id, d.fields, d.emptied) for d in result.differs] == [
        (claim, emptied, emptied)
    ]


def test_an_untouched_json_export_differs_in_nothing(
    wb: Workbench, claim: int, tmp_path: Path
) -> None:
    result = import_claims(wb, _saved(tmp_path / "export.json", claim_rows(wb)), 1)
    assert (list(result.added), result.present, result.differs) == ([], 1, [])
