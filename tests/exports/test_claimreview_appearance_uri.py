"""ClaimReview's `appearance.url` names the page the claim appeared on by the same URI an
annotation's target names it by (`urls.as_uri`, the one encoder of an address): a stored URL
is kept as typed, and may hold a host in compatibility characters (℡ is `tel` to IDNA), a
Unicode path or a `"`, none of which a partner's crawler or fact-check database reads as the
page the desk fetched."""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_annotations, export_claimreview
from workbench.services.review_selection import ReviewSelection

TEXT = "The mayor said unemployment fell to 3.2 percent last year.\n"
URL = 'https://℡.example/新闻/a?q="x"'
AS_URI = "https://tel.example/%E6%96%B0%E9%97%BB/a?q=%22x%22"


def test_the_appearance_names_the_page_as_the_annotation_does(wb: Workbench) -> None:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=URL)).document.id
    claim = add_claim(wb, doc, "Unemployment fell to 3.2%", SpanRequest(quote="unemployment fell"))
    add_evidence(wb, claim.id, EvidenceInput(stance="refutes", citation="BLS table 4"))
    set_status(wb, claim.id, "false", note="The rate was 4.1 percent.")
    [annotation] = export_annotations(wb).collection["first"]["items"]
    [review] = export_claimreview(
        wb, ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
    ).reviews
    assert annotation["target"]["source"] == AS_URI
    assert review["itemReviewed"]["appearance"]["url"] == AS_URI
