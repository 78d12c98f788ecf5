"""`export annotations` and `export claimreview` in flat memory (review72): both built every
item of the desk (annotations, reviews) before writing the first; 357 MB peak for 20,000
claims' annotations, 160 MB for their reviews. Each item is now written as it is built."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from export_desk import Desk, Run

from workbench.cli import export as export_cli
from workbench.services.context import Workbench

ORG = ("--org", "Desk", "--org-url", "https://desk.example.org")


def _built_before_first_write(
    monkeypatch: pytest.MonkeyPatch, module: Any, builder: str
) -> tuple[list[int], Callable[[], int]]:
    """Counts the calls of `module.builder` (what builds one item), and notes how many had been
    made when the export first wrote to its output. Each piece is its own write."""
    built = [0]
    at_write: list[int] = []
    real_builder = getattr(module, builder)

    def counting(*args: Any, **kwargs: Any) -> Any:
        built[0] += 1
        return real_builder(*args, **kwargs)

    real_output = export_cli.output_file

    class Spy:
        def __init__(self, out: Any) -> None:
            self.out = out

        def write(self, text: str) -> int:
            if text:
                at_write.append(built[0])
            return int(self.out.write(text))

        def flush(self) -> None:
            self.out.flush()

    @contextmanager
    def spying(*args: Any, **kwargs: Any) -> Iterator[Spy]:
        with real_output(*args, **kwargs) as out:
            yield Spy(out)

    monkeypatch.setattr(module, builder, counting)
    monkeypatch.setattr(export_cli, "output_file", spying)
    monkeypatch.setattr(export_cli, "_JSON_PIECE", 1)
    return at_write, lambda: built[0]


def test_annotations_are_written_as_they_are_built(
    desk: Desk, run: Run, wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every annotation of the desk was built, and the whole collection held, before the first
    byte was written; now the first is written before the last is built."""
    import workbench.exports.annotations as annotations
    from workbench.services.exports import export_annotations

    expected = export_annotations(wb).collection
    at_write, built = _built_before_first_write(monkeypatch, annotations, "annotation")
    r = run("export", "annotations")
    assert r.code == 0, r.err
    assert built() == expected["total"] == len(desk.ids) > 1
    assert at_write[0] < built(), at_write
    assert r.out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_reviews_are_written_as_they_are_built(
    desk: Desk, run: Run, wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ClaimReview was built into one list, and one string of it, before the first byte
    was written; now the first is written before the last is built, the same bytes."""
    import workbench.exports.claimreview as claimreview
    from workbench.exports.claimreview import json_ld
    from workbench.services.exports import export_claimreview
    from workbench.services.review_selection import ReviewSelection

    expected = export_claimreview(
        wb, ReviewSelection(org="Desk", org_url="https://desk.example.org")
    )
    at_write, built = _built_before_first_write(monkeypatch, claimreview, "claim_review")
    r = run("export", "claimreview", *ORG)
    assert r.code == 0, r.err
    assert built() == len(expected.reviews) > 1
    assert at_write[0] < built(), at_write
    assert r.out == json_ld(expected.reviews)


def test_the_collection_head_is_read_before_any_annotation(desk: Desk, wb: Workbench) -> None:
    """The collection's total and id were known only once every annotation was built; they
    are read first (in the same snapshot), and the annotations one at a time after."""
    from workbench.services.exports import annotation_stream, export_annotations

    whole = export_annotations(wb).collection
    with annotation_stream(wb) as stream:
        head = stream.head
        assert head["total"] == whole["total"] and head["id"] == whole["id"]
        assert head["first"]["id"] == whole["first"]["id"]
        first = next(stream.annotations)
        assert first == whole["first"]["items"][0]
        rest = list(stream.annotations)
    assert [first, *rest] == whole["first"]["items"]


def test_a_refused_claim_is_refused_before_a_review_is_written(
    desk: Desk, run: Run, tmp_path: Any
) -> None:
    """Naming a claim that cannot be published (an opinion) is refused whole: nothing is
    written, though the reviews now stream."""
    target = tmp_path / "out.json"
    named = ("--claim", str(desk.ids["false"]), "--claim", str(desk.ids["opinion"]))
    r = run("export", "claimreview", *ORG, *named, "-o", str(target))
    assert r.code == 1 and "opinion" in r.err and "Traceback" not in r.err
    assert not target.exists()
    r = run("export", "claimreview", *ORG, *named)
    assert r.code == 1 and r.out == ""


def test_review_records_read_a_bounded_number_of_claims_at_once(
    desk: Desk, wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviews' records were read 50 documents at a time whatever their claims (10,000
    claims' views at once on a desk of 200-claim documents: 105 MB peak at 20,000 claims);
    a batch now stops at CLAIMS_AT_A_TIME claims, a long document's claims a page of them at
    a time (75fbdfad): no claim's view is built before the records before it are given."""
    import workbench.services.publishing as publishing
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.context import transaction
    from workbench.services.documents import DocumentMeta, add_document
    from workbench.services.views import ClaimView

    second = add_document(wb, "第二篇文章。乙说了话。".encode(), meta=DocumentMeta()).document.id
    add_claim(wb, second, "乙说了话", SpanRequest(quote="乙说了话"))
    views = [0]
    real = publishing.from_row

    def counting(cls: Any, row: object, **given: Any) -> Any:
        views[0] += cls is ClaimView
        return real(cls, row, **given)

    monkeypatch.setattr(publishing, "from_row", counting)
    monkeypatch.setattr(publishing, "CLAIMS_AT_A_TIME", 1, raising=False)
    given = 0
    documents = []
    with transaction(wb) as tx:
        for record in publishing.review_records(tx):
            given += len(record.claims)
            assert len(record.claims) == 1 and views[0] == given, (views, given)
            documents.append(record.document.id)
    # The desk's document, a page of one claim at a time, then the second one's claim.
    assert len(documents) > 2 and documents == [desk.doc] * (len(documents) - 1) + [second]
