"""An annotation's body values as JSON-LD may write them: a string, or a value object."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations
from workbench.services.queries import ClaimFilter, list_claims

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _doc(wb: Workbench) -> int:
    return add_document(wb, ARTICLE.encode(), meta=DocumentMeta()).document.id


def _exported_with(wb: Workbench, tmp_path: Path, value: Any) -> Path:
    """This workbench's own export of one claim, its describing body's value replaced."""
    doc = _doc(wb)
    add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%"))
    collection = copy.deepcopy(export_annotations(wb, document_ids=[doc]).collection)
    body = collection["first"]["items"][0]["body"]
    assert body[0]["purpose"] == "describing"
    assert any(b["purpose"] == "tagging" and b["value"] == "unverified" for b in body)
    body[0]["value"] = value
    path = tmp_path / "anno.json"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return path


def _texts(wb: Workbench, doc: int) -> list[str]:
    return [c.text for c in list_claims(wb, ClaimFilter(document_id=doc))]


def test_a_describing_value_object_gives_its_value_as_the_claim_text(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """review54: _text_of passed over a describing body whose value was a JSON-LD value object
    ({"@value": ..., "@language": ...}) and took the next textual body, this workbench's own
    `tagging` one: the claim came in with the text 'unverified', silently. Its @value is now
    the claim's text."""
    path = _exported_with(wb, tmp_path, {"@value": "GDP grew 5.2%", "@language": "en"})
    fresh = Workbench(url=empty_db_url, actor="tester")
    other = _doc(fresh)

    result = import_annotations(fresh, str(path), other)

    assert len(result.added) == 1
    assert _texts(fresh, other) == ["GDP grew 5.2%"]


@pytest.mark.parametrize("value", [None, 52, {"@id": "https://example.org/c"}, {"@value": 5.2}])
def test_a_describing_body_without_text_is_refused_not_passed_over(
    wb: Workbench, tmp_path: Path, empty_db_url: str, value: Any
) -> None:
    """review54: a describing body with no text value was skipped, and the status word of
    the tagging body became the claim's text; the annotation is now refused, named."""
    path = _exported_with(wb, tmp_path, value)
    fresh = Workbench(url=empty_db_url, actor="tester")
    other = _doc(fresh)

    with pytest.raises(InvalidInput, match="annotation 1: its describing body has no text value"):
        import_annotations(fresh, str(path), other)
    assert _texts(fresh, other) == []
