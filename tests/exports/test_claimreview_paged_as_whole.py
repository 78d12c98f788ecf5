"""`export claimreview` reads a document with more claims than CLAIMS_AT_A_TIME a page of
claims at a time, by a range of ids (crmem). The pages must give what the whole read gave, to
the byte, on stdout, in the file, on stderr and in --json: the skip lists (and which ids each
keeps), the notes (flagged, unreviewed, unattributed, unlocated, redated) and next_after.

The desk is built so that paging has something to get wrong: claims added to several documents
in turn (each document's ids interleave with the others', so a page's range of ids holds other
documents' claims), a document of exactly a page and one of a page and one more, verdicts
corrected (datePublished from the first), a verdict given on a clock that ran ahead and
re-dated by a later move of its claim, one dated ahead and skipped, withdrawn and reopened
claims, a verdict flagged and the others moved by a revision, a document edited after a pull,
review.required with one verdict approved. Each selection the command takes is run with the
page as shipped and with pages of 1, 2 and 3 claims; on PostgreSQL the ids also have gaps, as
rolled-back inserts leave them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.services import publishing
from workbench.services.audit import trail_end
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench, transaction
from workbench.services.documents import DocumentMeta, add_document, edit_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.publishing import review_records
from workbench.services.review import approve
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content

Run = Callable[..., Any]
ORG = ("--org", "Check Desk", "--org-url", "https://checks.example.org")
TODAY = "2026-12-05T10:00:00"
# Sentences with a quote each: document n's claim k quotes 第{n}号第{k}句 in sentence k.
SENTENCES = 7


def _text(n: int, lead: str = "") -> str:
    return lead + "".join(f"第{n}号第{k}句说营收增长了{k}%。\n" for k in range(SENTENCES))


def _gap(wb: Workbench) -> None:
    """An id no claim will hold, as an insert rolled back leaves it on PostgreSQL (a sequence
    is not given back); SQLite hands out the next id after the largest, and has no gaps
    without deletes."""
    if PG_URL:
        with get_engine(wb.url).begin() as conn:
            conn.execute(text("select nextval(pg_get_serial_sequence('claims', 'id'))"))


def _desk(wb: Workbench, set_clock: Callable[[str], None]) -> dict[str, Any]:
    set_clock("2026-11-01T09:00:00")
    metas = [
        DocumentMeta(title="A", url="https://news.example.com/a", author="王小明"),
        DocumentMeta(title="B"),  # no URL, no author: unlocated and unattributed
        DocumentMeta(title="C", url="https://news.example.com/c", author="李四"),
        DocumentMeta(title="D", url="https://news.example.com/d", author="张三"),
        DocumentMeta(title="E", url="https://news.example.com/e"),
    ]
    docs = [add_document(wb, _text(n).encode(), meta=m).document.id for n, m in enumerate(metas)]
    # How many claims each document gets: A and B long (7), C 6 (5 left open: more than the
    # ids stderr names of a reason, across documents), D exactly 2 (a page of 2) and E 3 (a
    # page of 2 and one more); added a claim of each document in turn.
    counts = [7, 7, 6, 2, 3]
    ids: dict[tuple[int, int], int] = {}
    for k in range(SENTENCES):
        for n, doc in enumerate(docs):
            if k < counts[n]:
                quote = f"第{n}号第{k}句说营收增长了{k}%"
                ids[n, k] = add_claim(wb, doc, f"claim {n}.{k}", SpanRequest(quote=quote)).id
                if k % 3 == 1:
                    _gap(wb)
    for cid in ids.values():
        add_evidence(wb, cid, EvidenceInput(stance="refutes", url="https://example.org/s"))

    set_clock("2026-11-10T09:00:00")
    for n, k in [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2), (2, 0), (3, 0)]:
        set_status(wb, ids[n, k], "false" if k % 2 else "verified", note="checked")
    for n, k in [(3, 1), (4, 0), (4, 2)]:
        set_status(wb, ids[n, k], "misleading", note="checked")
    set_status(wb, ids[1, 3], "opinion", note="a view")
    set_status(wb, ids[4, 1], "unverifiable", note="no record")
    withdraw(wb, ids[1, 4], reason="a duplicate")  # never judged
    pulled = _head_seq(wb)

    set_clock("2026-11-20T09:00:00")
    # Corrected: datePublished stays the first verdict's day.
    set_status(wb, ids[0, 1], "in_progress", note="a reader wrote")
    set_status(wb, ids[0, 1], "misleading", note="corrected")
    set_status(wb, ids[1, 0], "in_progress", note="reopened")  # open now, held a verdict
    withdraw(wb, ids[0, 2], reason="not a claim after all")  # withdrawn after a verdict
    # Given on a clock that ran ahead, then moved on a right one: re-dated by that move.
    set_clock("2099-01-01T00:00:00")
    set_status(wb, ids[0, 4], "verified", note="ahead")
    set_clock("2026-11-25T09:00:00")
    set_status(wb, ids[0, 4], "in_progress", note="clock fixed")
    set_status(wb, ids[0, 4], "false", note="again")
    # Given ahead with nothing after it: skipped as dated ahead.
    set_clock("2099-02-01T00:00:00")
    set_status(wb, ids[1, 5], "verified", note="ahead")
    set_clock("2026-11-26T09:00:00")
    # A revision: a line above moves every claim of A, and claim 3's quote changes (flagged).
    changed = _text(0, "编者按：本文已更新。\n").replace(
        "第0号第3句说营收增长了3%", "第0号第3句说营收增长了4%"
    )
    update_document(wb, docs[0], Content(changed, "text", "a2.txt"))
    edit_document(wb, docs[2], title="C, edited")
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    set_status(Workbench(url=wb.url, actor="alice"), ids[1, 6], "false", note="no record")
    approve(Workbench(url=wb.url, actor="editor"), ids[1, 6])
    set_status(Workbench(url=wb.url, actor="alice"), ids[0, 5], "false", note="proposed only")
    return {"docs": docs, "ids": ids, "pulled": pulled}


def _head_seq(wb: Workbench) -> int:
    with transaction(wb) as tx:
        return trail_end(tx)[0]


def _selections(desk: dict[str, Any], wb: Workbench) -> list[list[str]]:
    docs, ids = desk["docs"], desk["ids"]
    with transaction(wb) as tx:
        head = trail_end(tx)[1]
    return [
        [],
        ["--include-flagged"],
        ["--doc", str(docs[0])],
        ["--doc", str(docs[4]), "--doc", str(docs[1])],
        ["--claim", str(ids[1, 6]), "--claim", str(ids[0, 0]), "--claim", str(ids[4, 2])],
        ["--since", "2026-11-15"],
        ["--since", "2026-11-01", "--until", "2026-11-12"],
        ["--after-seq", "0"],
        ["--after-seq", str(desk["pulled"])],
        ["--after", head],
        # Refused: a claim named that cannot be published (open), whichever page it is on.
        ["--claim", str(ids[0, 6]), "--claim", str(ids[0, 0])],
    ]


def _exports(cli: Run, tmp_path: Path, selections: list[list[str]], name: str) -> list[Any]:
    said: list[Any] = []
    for n, selection in enumerate(selections):
        out = cli("export", "claimreview", *ORG, *selection)
        said.append((selection, out.code, out.out, out.err))
        path = tmp_path / f"{name}-{n}.json"
        written = cli("export", "claimreview", *ORG, *selection, "-o", str(path), "--json")
        data = path.read_text(encoding="utf-8") if path.exists() else None
        shown = written.out.replace(str(path), "FILE")
        said.append((selection, written.code, shown, written.err, data))
    return said


# (claims a page, claims a statement reads by id): a span's or a pull's page is read by its
# ids, CLAIMS_AT_ONCE a statement (2: a page of 3 in two).
@pytest.mark.parametrize(("page", "at_once"), [(1, None), (2, None), (3, None), (3, 2)])
def test_a_paged_export_is_the_whole_one_to_the_byte(
    wb: Workbench,
    cli: Run,
    set_clock: Callable[[str], None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    page: int,
    at_once: int | None,
) -> None:
    desk = _desk(wb, set_clock)
    selections = _selections(desk, wb)
    set_clock(TODAY)
    whole = _exports(cli, tmp_path, selections, "whole")
    # The desk has what the comparison is about: each note and skip reason is said.
    full = json.loads(whole[1][2])
    assert full["reviews"] and full["flagged"] and full["unreviewed"], full
    assert full["unattributed"] and full["unlocated"] and full["redated"], full
    reasons = {s["reason"] for s in full["skipped"]}
    assert len(reasons) >= 4, reasons
    assert whole[-1][1] == 1, whole[-1]  # the open claim named is refused

    monkeypatch.setattr(publishing, "CLAIMS_AT_A_TIME", page)
    if at_once is not None:
        monkeypatch.setattr(publishing, "CLAIMS_AT_ONCE", at_once)
    with transaction(wb) as tx:
        records = list(review_records(tx))
    # The long documents are read in pages: more records than documents.
    assert len(records) > len(desk["docs"]) and all(len(r.claims) <= page for r in records)
    set_clock(TODAY)
    paged = _exports(cli, tmp_path, selections, f"paged{page}-{at_once}")
    for before, after in zip(whole, paged, strict=True):
        assert after == before
