"""A ClaimReview corrected after publication (trial73): a reader shows a published verdict
wrong, the desk reopens the claim and gives another. The review kept no trace of its first
publication: its datePublished became the correction's date, and nothing (no dateModified)
said it had been changed, so a partner reloading the export saw a review first published that
day. Now datePublished is when the claim first held a rated verdict and dateModified when its
current verdict was given, when that came later."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from export_desk import Run

from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}


@pytest.fixture
def corrected(wb: Workbench, set_day: Callable[[str], None]) -> dict[str, int]:
    """Two verdicts given on 5 January 2026; on 10 February the first is reopened on a reader's
    letter and given another verdict, the second left as it was."""
    at = set_day
    at("2026-01-05T10:00:00")
    doc = add_document(
        wb,
        "闫俊杰在商汤科技工作了7年。乙公司成立于2021年。".encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="王小明"),
    ).document.id
    ids = {
        name: add_claim(wb, doc, text, SpanRequest(quote=quote), speaker="王小明").id
        for name, text, quote in (
            ("corrected", "He worked at SenseTime for 7 years", "在商汤科技工作了7年"),
            ("kept", "B was founded in 2021", "乙公司成立于2021年"),
        )
    }
    for claim_id in ids.values():
        add_evidence(wb, claim_id, EvidenceInput(stance="supports", url="https://example.org/s"))
        set_status(wb, claim_id, "verified", note="His bio says 7 years.")
    at("2026-02-10T09:00:00")
    set_status(wb, ids["corrected"], "in_progress", note="A reader: he joined in 2015.")
    add_evidence(
        wb, ids["corrected"], EvidenceInput(stance="refutes", url="https://example.org/cv")
    )
    set_status(wb, ids["corrected"], "misleading", note="About 6.5 years; 7 rounds it up.")
    return ids


def _by_claim(reviews: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(r["url"]).rsplit("-", 1)[1]: r for r in reviews}


def test_a_corrected_review_keeps_its_first_date_and_says_when_it_changed(
    wb: Workbench, corrected: dict[str, int]
) -> None:
    """The corrected review was dated 2026-02-10 as if first published then, with no
    dateModified; now it keeps 2026-01-05 and says it was modified on 2026-02-10, with the new
    rating. The review never changed has no dateModified."""
    reviews = _by_claim(export_claimreview(wb, ReviewSelection(**ORG)).reviews)
    fixed = reviews[str(corrected["corrected"])]
    assert fixed["datePublished"] == "2026-01-05"
    assert fixed["dateModified"] == "2026-02-10"
    assert fixed["reviewRating"]["alternateName"] == "Misleading"  # type: ignore[index]
    kept = reviews[str(corrected["kept"])]
    assert kept["datePublished"] == "2026-01-05"
    assert "dateModified" not in kept


def test_since_selects_a_review_by_its_correction(wb: Workbench, corrected: dict[str, int]) -> None:
    """`--since` publishes the verdicts given in the span: the correction is one, though the
    review was first published before it."""
    result = export_claimreview(wb, ReviewSelection(**ORG, since="2026-02-01"))
    assert list(_by_claim(result.reviews)) == [str(corrected["corrected"])]


def test_the_cli_publishes_both_dates(run: Run, corrected: dict[str, int]) -> None:
    r = run("export", "claimreview", "--claim", str(corrected["corrected"]), *_org_args())
    assert r.code == 0, r.err
    (review,) = json.loads(r.out)
    assert (review["datePublished"], review["dateModified"]) == ("2026-01-05", "2026-02-10")


def _org_args() -> tuple[str, ...]:
    return ("--org", ORG["org"], "--org-url", ORG["org_url"])
