"""rH: through `doc update`, a headline merged into its lead by a revision that also edited the
lead (or the headline) leaves each paragraph's claim its own words, its verdict standing."""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

PAGE = "本市GDP增长5%\n据统计局数据显示，全年如此。\n"


def _judged(wb: Workbench, doc: int, quote: str) -> int:
    cid = add_claim(wb, doc, quote, SpanRequest(quote=quote)).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no series")
    return cid


def test_the_lead_edited_and_merged_leaves_the_headline_s_claim_exact(wb: Workbench) -> None:
    doc = add_document(wb, PAGE.encode(), meta=DocumentMeta(title="t")).document.id
    headline = _judged(wb, doc, "本市GDP增长5%")
    lead = _judged(wb, doc, "据统计局数据显示")
    new = PAGE.replace("5%\n据统计局", "5%据国家统计局")
    update_document(wb, doc, Content(new, "text", "r.txt"))
    h, d = get_claim(wb, headline), get_claim(wb, lead)
    assert (h.anchor_state, h.quote, h.verdict_revision) == ("exact", "本市GDP增长5%", None)
    assert (d.anchor_state, d.quote) == ("fuzzy", "据国家统计局数据显示")
