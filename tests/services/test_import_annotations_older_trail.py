"""`import annotations` of an untouched export of a verdict recorded with no reason.

A desk whose trail is older (a verdict given with no note recorded with it, the claim's only
note someone else's) exports the claim's annotation with its verdict and no reason: the
export never lets another's note stand in for the reason. An editor imported that export back
unchanged and was refused, "annotation 1: status 'unverifiable' is a verdict and needs a
reason", nothing imported, though the annotation is the claim's own, present, which the
import writes nothing for (`import claims` takes such a row back as present: fix176). An
untouched export imports as nothing changed; an annotation whose reason the export wrote and
the file dropped is still refused.
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
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations

ARTICLE = "甲说了一句话。乙说了另一句话。丙没有说话。"


@pytest.fixture
def doc(wb: Workbench) -> int:
    return add_document(wb, ARTICLE.encode()).document.id


def _saved(path: Path, collection: dict[str, Any]) -> str:
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _bodies(collection: dict[str, Any]) -> list[list[tuple[str, str]]]:
    return [
        [(b["purpose"], b["value"]) for b in item["body"]] for item in collection["first"]["items"]
    ]


def test_an_untouched_export_of_a_verdict_with_no_reason_is_the_claim_present(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    older_trail_claim(wb, doc, "unverifiable", "claim.status_changed")
    older_trail_claim(wb, doc, "in_review", "claim.review_requested", quote="乙说了另一句话。")
    collection = export_annotations(wb, document_ids=[doc]).collection
    # The export carries the verdict, and no note: lin's note is no reason.
    assert all("commenting" not in dict(bodies) for bodies in _bodies(collection))
    result = import_annotations(wb, _saved(tmp_path / "export.json", collection), doc)
    assert (list(result.added), result.present, result.skipped) == ([], 2, [])


def test_an_export_whose_reason_was_taken_out_is_still_refused(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    from workbench.domain.errors import InvalidInput

    claim = add_claim(wb, doc, "乙说", SpanRequest(quote="乙说了另一句话。"))
    set_status(wb, claim.id, "unverifiable", note="无从查证")
    collection = export_annotations(wb, document_ids=[doc]).collection
    item = collection["first"]["items"][0]
    assert ("commenting", "无从查证") in _bodies(collection)[0]
    item["body"] = [b for b in item["body"] if b["purpose"] != "commenting"]
    with pytest.raises(InvalidInput) as caught:
        import_annotations(wb, _saved(tmp_path / "export.json", collection), doc)
    assert "annotation 1: status 'unverifiable' is a verdict and needs a reason" in str(
        caught.value
    )
