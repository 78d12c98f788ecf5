"""What a publishing site takes from `export claimreview` (review54, trial54)."""

from __future__ import annotations

import json
from typing import Any

from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _rated(wb: Workbench, **meta: Any) -> int:
    doc = add_document(
        wb, ARTICLE.encode(), meta=DocumentMeta(url="https://news.example.com/a", **meta)
    ).document.id
    cid = add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%")).id
    add_evidence(wb, cid, EvidenceInput(stance="supports", url="https://stats.example.org/t"))
    set_status(wb, cid, "verified", note="Matches the NBS table.")
    return doc


def test_claimreview_json_ld_breaks_out_of_the_script_element_it_is_embedded_in(
    wb: Workbench, cli: Any
) -> None:
    """review54: ClaimReview reaches search engines embedded in a page, in
    <script type="application/ld+json">, which the HTML parser ends at the first `</script`
    whatever the JSON says. A page's title (taken from the fetched page, or typed) holding
    `</script><script>...` was written verbatim (json.dumps leaves < and / alone), so pasting
    the export into the page ran the script."""
    title = "Profile</script><script>alert(document.cookie)</script> & <!-- more"
    _rated(wb, title=title)
    r = cli("export", "claimreview", "--org", "Desk", "--org-url", "https://d.example")
    assert r.code == 0, r
    assert json.loads(r.out)[0]["itemReviewed"]["appearance"]["headline"] == title
    assert "</script" not in r.out.lower(), r.out
    assert not any(c in r.out for c in "<>&"), r.out
