"""`export claimreview --after HEAD`: a document's published fields edited after the head.

The bug: the pull selected a claim only by its own verdict's moves. A review also publishes
where the claim appeared: the document's URL, headline, author, date and language (its
`itemReviewed`). `doc edit` changing any of them after a verdict (a wrong URL corrected, the
article's headline fixed) changed every review of the document in the full export, yet the
partner's next pull had none of them: the partner kept the reviews pointing at the old URL,
and nothing said they were stale. Now a document's `document.edited` after the head selects
each of its claims holding a verdict, with the review as the full export writes it; what a
review does not publish (a note, a span moved by `doc update`) selects nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, edit_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import ReviewExport, export_claimreview
from workbench.services.notes import add_note, set_note_visibility
from workbench.services.review_selection import ReviewSelection
from workbench.services.revisions import Content, update_document

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
TEXT = "甲公司去年营收一百亿元。乙公司成立于二〇二一年。丙公司有三百名员工。\n"
MOVED = "编者按。甲公司去年营收一百亿元。乙公司成立于二〇二一年。丙公司有三百名员工。\n"


def _desk(wb: Workbench) -> dict[str, int]:
    """Two documents: the first with a verdict given and a claim still open, the second with
    a verdict given."""
    first = add_document(
        wb, TEXT.encode(), meta=DocumentMeta(title="甲", url="https://news.example.com/a")
    ).document.id
    second = add_document(
        wb,
        "丁公司去年亏损十亿元。\n".encode(),
        meta=DocumentMeta(title="丁", url="https://news.example.com/d"),
    ).document.id
    ids = {"first": first, "second": second}
    for name, doc, quote in (
        ("judged", first, "营收一百亿元"),
        ("other", second, "亏损十亿元"),
    ):
        ids[name] = add_claim(wb, doc, quote, SpanRequest(quote=quote), speaker="张三").id
        add_evidence(wb, ids[name], EvidenceInput(stance="refutes", url="https://example.org/r"))
        set_status(wb, ids[name], "false", note="The register says otherwise.")
    ids["open"] = add_claim(wb, first, "成立于二〇二一年", SpanRequest(quote="成立于二〇二一年")).id
    return ids


def _head(wb: Workbench) -> str:
    pulled = export_claimreview(wb, ReviewSelection(**ORG, after_seq=0))
    assert pulled.next_after is not None
    return pulled.next_after[1]


def _by_url(result: ReviewExport) -> dict[str, dict[str, Any]]:
    return {r["url"]: r for r in result.reviews}


@pytest.mark.parametrize(
    "field, value",
    [
        ("url", "https://news.example.com/a-corrected"),
        ("title", "甲公司营收（更正）"),
        ("author", "王小明"),
        ("published", "2026-11-30"),
        ("language", "en"),
    ],
)
def test_a_document_edited_after_the_head_puts_its_reviews_in_the_next_pull(
    wb: Workbench, field: str, value: str
) -> None:
    ids = _desk(wb)
    head = _head(wb)
    before = _by_url(export_claimreview(wb, ReviewSelection(**ORG)))

    edit_document(wb, ids["first"], **{field: value})
    full = _by_url(export_claimreview(wb, ReviewSelection(**ORG)))
    judged = f"https://checks.example.org/#claim-{ids['judged']}"
    assert full[judged] != before[judged]  # the published review changed

    pull = export_claimreview(wb, ReviewSelection(**ORG, after_head=head))
    # That review as the full export writes it; the other document's, unchanged, not again.
    assert _by_url(pull) == {judged: full[judged]}
    # The open claim of the document has no review: not listed as skipped either.
    assert list(pull.skipped.by_reason()) == []


def test_what_a_review_does_not_publish_selects_nothing(wb: Workbench) -> None:
    ids = _desk(wb)
    head = _head(wb)
    before = export_claimreview(wb, ReviewSelection(**ORG)).reviews

    note = add_note(wb, ids["judged"], "读者来信：另见年报。")
    set_note_visibility(wb, note.id, internal=True, reason="来信人要求匿名")
    update_document(wb, ids["first"], Content(MOVED, "text", "v2.txt"))  # the span moves
    edit_document(wb, ids["first"], title="甲")  # the same value: no edit

    assert export_claimreview(wb, ReviewSelection(**ORG)).reviews == before
    assert export_claimreview(wb, ReviewSelection(**ORG, after_head=head)).reviews == []


def test_a_flagged_claims_document_edited_after_the_head_lists_it_again_only_if_published(
    wb: Workbench,
) -> None:
    """The partner's pull named the claim flagged for re-review (left out: "take down any
    review of it published before"), and took its review down. The desk then fixed the
    document's headline with `doc edit`: the next pull named the claim again as flagged and to
    take down, though nothing the partner holds or should hold had changed (its review is not
    published). Only a pull that publishes flagged verdicts (--include-flagged), whose review
    names the document's new fields, holds it."""
    ids = _desk(wb)
    update_document(wb, ids["first"], Content(TEXT.replace("一百亿", "二百亿"), "text", "v2.txt"))
    flagged = export_claimreview(wb, ReviewSelection(**ORG, after_seq=0))
    assert flagged.flagged == [ids["judged"]] and flagged.next_after is not None
    head = flagged.next_after[1]

    edit_document(wb, ids["first"], title="甲公司营收（更正）")
    pull = export_claimreview(wb, ReviewSelection(**ORG, after_head=head))
    assert (pull.reviews, pull.flagged) == ([], [])
    anyway = ReviewSelection(**ORG, after_head=head, include_flagged=True)
    full = export_claimreview(wb, ReviewSelection(**ORG, include_flagged=True))
    judged = f"https://checks.example.org/#claim-{ids['judged']}"
    assert _by_url(export_claimreview(wb, anyway)) == {judged: _by_url(full)[judged]}
