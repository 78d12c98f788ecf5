"""A withdrawn claim is never published: no ClaimReview, no Web Annotation, not on the report
(its page or the index); the claims table, the desk's spreadsheet, lists it as withdrawn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_desk import Desk, Run

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, withdraw
from workbench.services.context import Workbench
from workbench.services.exports import (
    claim_rows,
    export_annotations,
    export_claimreview,
    report_pages,
    report_site,
)
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
RETRACTED = (
    "withdrawn after its verdict (Unproven) was given: no longer published; take down any "
    "review of it published before"
)


@pytest.fixture
def withdrawn(wb: Workbench, desk: Desk) -> int:
    """A duplicate of the desk's "unverifiable" claim, closed unverifiable by mistake too (the
    trial's workaround), then withdrawn."""
    from workbench.services.claims import set_status

    dup = add_claim(
        wb, desk.doc, "MiniMax is valued at over $4bn", SpanRequest(quote="估值超过40亿美元")
    )
    set_status(wb, dup.id, "unverifiable", note="closed to get rid of it")
    withdraw(wb, dup.id, reason=f"A duplicate of #{desk.ids['unverifiable']}.")
    return dup.id


def test_no_claimreview_is_made_of_it_even_when_named(
    wb: Workbench, desk: Desk, withdrawn: int
) -> None:
    everything = export_claimreview(wb, ReviewSelection(**ORG))
    published = [r["url"] for r in everything.reviews]
    assert f"https://checks.example.org/#claim-{withdrawn}" not in published
    assert f"https://checks.example.org/#claim-{desk.ids['unverifiable']}" in published
    skipped = {c: r.reason for r in everything.skipped.by_reason() for c in r.ids}
    # It was closed unverifiable first: that verdict may have gone out (trial73).
    assert skipped[withdrawn] == RETRACTED
    # Named, it is refused with the reason, as any claim that cannot be published is.
    with pytest.raises(InvalidInput) as named:
        export_claimreview(wb, ReviewSelection(claim_ids=[withdrawn], **ORG))
    assert named.value.message == (
        f"claim #{withdrawn} cannot be published as a ClaimReview: {RETRACTED}"
    )


def test_no_annotation_carries_it(wb: Workbench, desk: Desk, withdrawn: int) -> None:
    collection = export_annotations(wb).collection
    items = collection["first"]["items"]
    described = [
        body["value"]
        for item in items
        for body in item["body"]
        if body.get("purpose") == "describing"
    ]
    assert "MiniMax is valued at over $4bn" not in described
    assert collection["total"] == len(desk.ids) == len(items)
    assert "withdrawn" not in json.dumps(collection)


def test_the_report_never_shows_it(wb: Workbench, desk: Desk, withdrawn: int) -> None:
    (page,) = report_pages(wb, document_ids=[desk.doc])
    assert page.claims == len(desk.ids)
    assert f'data-claim-id="{withdrawn}"' not in page.text
    assert f'id="claim-{withdrawn}"' not in page.text
    assert "MiniMax is valued at over $4bn" not in page.text
    assert "withdrawn" not in page.text  # not even in the legend
    with report_site(wb) as site:
        *_pages, index = site.pages
    assert index.claims == len(desk.ids) and "withdrawn" not in index.text


def test_the_claims_table_lists_it_as_withdrawn_with_its_reason(
    wb: Workbench, desk: Desk, withdrawn: int
) -> None:
    row = next(r for r in claim_rows(wb) if r["id"] == withdrawn)
    assert (row["status"], row["rating"], row["flagged"]) == ("withdrawn", None, False)
    assert row["note"] == f"A duplicate of #{desk.ids['unverifiable']}."


def test_the_cli_exports_publish_nothing_of_it(
    run: Run, desk: Desk, withdrawn: int, tmp_path: Path
) -> None:
    r = run("export", "claimreview", "--org", "D", "--org-url", "https://d.example.org")
    assert r.code == 0 and f"#claim-{withdrawn}" not in r.out
    assert f"skipped claim #{withdrawn}: {RETRACTED}" in r.err
    r = run("report", str(desk.doc), "-o", str(tmp_path / "r.html"))
    assert r.code == 0 and f"{len(desk.ids)} claims" in r.err
