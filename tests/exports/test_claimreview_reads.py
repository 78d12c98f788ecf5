"""`export claimreview` reads what its reviews need, batched by document: the same records as
the publishing formats' full ones (so the same output, byte for byte), in a number of
statements that does not grow with the documents, and no document's text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from export_desk import make_desk, make_revised
from sqlalchemy import event

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.domain.errors import NotFound
from workbench.domain.status import FINAL_VALUES
from workbench.exports.claimreview import Publisher, claim_review, review_url, skipped_as
from workbench.services import publishing, review
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.lookup import get_document
from workbench.services.publishing import first_verdict_time, records_in, review_records
from workbench.services.review_selection import ReviewSelection
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content
from workbench.services.workflow import tag

PUBLISHER = Publisher("Check Desk", "https://checks.example.org")


def _cite(wb: Workbench, claim_id: int) -> None:
    add_evidence(wb, claim_id, EvidenceInput(stance="supports", citation="Annual report, p. 3"))


def _small_document(wb: Workbench, n: int) -> None:
    """A document with a verdict, an opinion and an open claim."""
    text = f"第{n}号文件：营收增长了{n}%。利润翻了一番。明年会更好。"
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title=f"Doc {n}")).document.id
    verdict, opinion, _open = (
        add_claim(wb, doc, f"claim {n}.{i}", SpanRequest(quote=quote)).id
        for i, quote in enumerate((f"营收增长了{n}%", "利润翻了一番", "明年会更好"))
    )
    _cite(wb, verdict)
    set_status(wb, verdict, "false" if n % 2 else "verified", note="per the filings")
    set_status(wb, opinion, "opinion", note="a view")
    tag(wb, [verdict], [f"t{n % 3}", "all"])


@pytest.fixture
def busy(wb: Workbench) -> Workbench:
    """Every kind of claim a review is made of or skips: the export desk (evidence, tags,
    overlapping spans, an opinion, an open claim), a revised document (claims re-anchored and
    orphaned), a verdict flagged after its quote changed, a few small documents, and, with
    review.required on, one verdict approved by a second reviewer (the others have none)."""
    make_desk(wb)
    revised = make_revised(wb)
    _cite(wb, revised.ids["outlook"])
    set_status(wb, revised.ids["outlook"], "misleading", note="too rosy")
    # A verdict given, then its quote changed by a new text: flagged for re-review.
    old = "宁德时代2024年营收4009亿元。\n公司表示，其海螺AI在全球拥有超过一亿用户。\n"
    doc = add_document(wb, old.encode()).document.id
    flagged = add_claim(wb, doc, "revenue", SpanRequest(quote="营收4009亿元")).id
    set_status(wb, flagged, "unverifiable", note="no filing")
    update_document(wb, doc, Content(old.replace("4009亿", "4010亿"), "text", "v2.txt"))
    for n in range(4):
        _small_document(wb, n)
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    doc = add_document(wb, "甲说：去年招了300人。".encode()).document.id
    approved = add_claim(wb, doc, "hired 300", SpanRequest(quote="去年招了300人")).id
    set_status(Workbench(url=wb.url, actor="alice"), approved, "unverifiable", note="no record")
    review.approve(Workbench(url=wb.url, actor="editor"), approved)
    return wb


def _selections(wb: Workbench) -> Iterator[dict[str, Any]]:
    yield {}
    yield {"document_ids": [2, 1]}
    # Claims that can be published (naming one that cannot is refused), from three documents.
    yield {"claim_ids": [10, 1, 12]}
    yield {"document_ids": [1], "claim_ids": [1, 2]}


def test_the_same_records_as_the_full_ones(busy: Workbench) -> None:
    for selection in _selections(busy):
        with transaction(busy) as tx:
            full = list(records_in(tx, **selection))
            lean = list(review_records(tx, **selection))
        assert [r.document for r in lean] == [r.document for r in full], selection
        for new, old in zip(lean, full, strict=True):
            assert [c.claim for c in new.claims] == [c.claim for c in old.claims]
            for c, o in zip(new.claims, old.claims, strict=True):
                assert c.verdict_at == o.verdict_at
                # Events are read only for a claim with a final verdict: all of them.
                assert c.events == (o.events if c.claim.status in FINAL_VALUES else ())


def test_the_same_reviews_byte_for_byte(busy: Workbench) -> None:
    """The reviews as they were built from the full records, before the export read only
    what they need."""
    for selection in _selections(busy):
        with transaction(busy) as tx:
            records = list(records_in(tx, **selection))
        before = [
            claim_review(
                item.claim,
                record.document,
                reviewed_at=item.verdict_at,
                first_reviewed_at=first_verdict_time(item.claim, item.events),
                publisher=PUBLISHER,
                url=review_url(None, PUBLISHER, item.claim.id),
            )
            for record in records
            for item in record.claims
            if skipped_as(item.claim) is None and not item.claim.flagged
        ]
        result = export_claimreview(
            busy, ReviewSelection(org=PUBLISHER.name, org_url=PUBLISHER.url, **selection)
        )
        dumped = json.dumps(result.reviews, ensure_ascii=False, indent=2)
        assert dumped == json.dumps(before, ensure_ascii=False, indent=2), selection
    assert result.reviews
    everything = export_claimreview(
        busy, ReviewSelection(org=PUBLISHER.name, org_url=PUBLISHER.url)
    )
    assert everything.unreviewed and everything.skipped and everything.flagged


def _statements(wb: Workbench) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    engine = get_engine(wb.url)
    event.listen(engine, "before_cursor_execute", record)
    try:
        export_claimreview(wb, ReviewSelection(org=PUBLISHER.name, org_url=PUBLISHER.url))
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_statements_do_not_grow_with_the_documents(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publishing, "DOCUMENTS_AT_ONCE", 4)
    for n in range(3):
        _small_document(wb, n)
    few = len(_statements(wb))
    for n in range(3, 12):
        _small_document(wb, n)
    many = _statements(wb)
    # Twelve documents are three batches of four where three were one: a few statements
    # more per batch, none per document.
    assert len(many) <= few + 2 * 5, many


def test_no_text_notes_or_revisions_are_read(busy: Workbench) -> None:
    for statement in _statements(busy):
        lowered = " ".join(statement.lower().split())
        assert "documents.text" not in lowered, statement
        assert "document_revisions" not in lowered, statement
        assert "from notes" not in lowered and "notes.body" not in lowered, statement


@pytest.mark.parametrize("named", [[1, 999, 998], [0], [2**70, 1], [3, 3, -1]])
def test_an_unknown_document_is_refused_as_before(busy: Workbench, named: list[int]) -> None:
    """Named as each document was looked up before (get_document, one at a time): the first
    unknown in the order given, ids no database holds included."""
    with pytest.raises(NotFound) as before, transaction(busy) as tx:
        for document_id in named:
            get_document(tx, document_id)
    with pytest.raises(NotFound) as now:
        export_claimreview(
            busy, ReviewSelection(org=PUBLISHER.name, org_url=PUBLISHER.url, document_ids=named)
        )
    assert str(now.value) == str(before.value)
    assert now.value.hint == before.value.hint


def test_a_long_document_is_read_a_page_of_claims_at_a_time(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document alone in its batch (more claims than CLAIMS_AT_A_TIME: a transcript's, an
    import's) was read whole, every claim's view and every verdict's events held at once: a
    desk of 100,000 claims in one document held them all. Its claims now come a page at a
    time, in order, and the reviews are the same bytes."""
    text = "".join(f"第{n}句说营收增长了{n}%。" for n in range(7))
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="Long")).document.id
    for n in range(7):
        claim = add_claim(wb, doc, f"claim {n}", SpanRequest(quote=f"营收增长了{n}%")).id
        if n % 2:
            _cite(wb, claim)
            set_status(wb, claim, "false", note="per the filings")
    selection = ReviewSelection(org=PUBLISHER.name, org_url=PUBLISHER.url)
    whole = export_claimreview(wb, selection).reviews
    with transaction(wb) as tx:
        full = [c.claim for r in records_in(tx) for c in r.claims]
    monkeypatch.setattr(publishing, "CLAIMS_AT_A_TIME", 3)
    with transaction(wb) as tx:
        records = list(review_records(tx))
    assert [len(r.claims) for r in records] == [3, 3, 1]
    assert {r.document.id for r in records} == {doc}
    assert [c.claim for r in records for c in r.claims] == full
    paged = export_claimreview(wb, selection).reviews
    assert len(paged) == 3
    assert json.dumps(paged, ensure_ascii=False) == json.dumps(whole, ensure_ascii=False)


def _window_reads(wb: Workbench, **selection: Any) -> tuple[list[int], int]:
    """The claims `review_records` gives for `selection`, and how many of its statements read
    the selection's events (a span's by time, a pull's after a seq): each such statement reads
    every event of the window, the whole trail for a span of a year."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.lower().split()))

    engine = get_engine(wb.url)
    event.listen(engine, "before_cursor_execute", record)
    try:
        with transaction(wb) as tx:
            ids = [c.claim.id for r in review_records(tx, **selection) for c in r.claims]
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return ids, sum("events.at >=" in s or "events.seq >" in s for s in seen)


@pytest.mark.parametrize(
    "selection",
    [
        {"touched": ("2000-01-01T00:00:00", None)},
        {"touched": ("2000-01-01T00:00:00", "2999-01-01T00:00:00")},
        {"moved_after": 0},
    ],
)
def test_a_long_document_read_in_pages_reads_its_window_once(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, selection: dict[str, Any]
) -> None:
    """`export claimreview --since` (and --after) read a long document's pages each with the
    window's events again: four statements a page (its range of ids, its tags, evidence counts
    and claims) each read the span's events, where the whole document read them three times
    (a span of most of the trail of a 20,000-claim document: 5.98 -> 10.40 s). The window
    is read as many times however many pages the document takes, and the same claims come."""
    text = "".join(f"第{n}句说营收增长了{n}%。" for n in range(7))
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="Long")).document.id
    for n in range(7):
        claim = add_claim(wb, doc, f"claim {n}", SpanRequest(quote=f"营收增长了{n}%")).id
        if n % 2:
            _cite(wb, claim)
            set_status(wb, claim, "false", note="per the filings")
    whole, once = _window_reads(wb, **selection)
    assert whole and once
    monkeypatch.setattr(publishing, "CLAIMS_AT_A_TIME", 2)
    paged, reads = _window_reads(wb, **selection)
    assert paged == whole
    assert reads == once, (reads, once)
    # No more than before paging: the documents' query and one each for the claims' tags,
    # evidence counts and views (and --after's documents edited, a run's).
    assert once <= 4 + ("moved_after" in selection), once


@pytest.mark.parametrize(
    "selection",
    [
        {"touched": ("2000-01-01T00:00:00", None)},
        {"touched": ("2000-01-01T00:00:00", "2999-01-01T00:00:00")},
        {"moved_after": 0},
    ],
)
def test_a_desk_of_many_documents_reads_its_window_once(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, selection: dict[str, Any]
) -> None:
    """A desk's documents are read in runs (DOCUMENTS_AT_ONCE documents, CLAIMS_AT_A_TIME
    claims: a year's desk of 500 documents is 100 runs), and each run read the window's events
    again to find its selected claims (and --after's documents edited): `export claimreview
    --since 2026-01-01` on the year desk took 33.7 CPU s where the plain export took 17.7
    (found re-measuring session 64 on `bench/desk.py --size year`). The window is read as many
    times however many runs the desk takes, and the same claims come."""
    for n in range(6):
        _small_document(wb, n)
    whole, once = _window_reads(wb, **selection)
    assert whole and once
    monkeypatch.setattr(publishing, "DOCUMENTS_AT_ONCE", 1)
    runs, reads = _window_reads(wb, **selection)
    assert runs == whole
    assert reads == once, (reads, once)
