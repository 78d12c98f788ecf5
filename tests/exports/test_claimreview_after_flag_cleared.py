"""`export claimreview --after HEAD`: a flag cleared by a revision that restores the quote.

The bug: `doc update` flagging a verdict (its quote changed) puts the claim in the next pull,
named as flagged, so the partner takes its review down. A later revision that gives the
judged words back (the article's correction reverted) clears the flag (`claim.reanchored`
putting back the span the verdict was given on): the full export publishes the review again,
but the partner's next pull did not hold it, since no status was set and no flag written, so
the review the partner took down stayed down. Now an event that clears a verdict's flag
selects the claim as the flag did: its review, as the full export writes it, is in the pull.
"""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection
from workbench.services.revisions import Content, update_document

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
FIRST = "甲公司去年营收一百亿元。乙公司成立于二〇二一年。\n"
CHANGED = "甲公司去年营收二百亿元。乙公司成立于二〇二一年。\n"
REVERTED = "编者按：更正已撤回。甲公司去年营收一百亿元。乙公司成立于二〇二一年。\n"


def test_a_flag_cleared_after_the_head_puts_the_review_back_in_the_next_pull(
    wb: Workbench,
) -> None:
    doc = add_document(
        wb, FIRST.encode(), meta=DocumentMeta(title="t", url="https://news.example.com/a")
    ).document.id
    claim = add_claim(wb, doc, "营收一百亿元", SpanRequest(quote="营收一百亿元")).id
    add_evidence(wb, claim, EvidenceInput(stance="refutes", url="https://example.org/r"))
    set_status(wb, claim, "false", note="The register says 50.")
    first = export_claimreview(wb, ReviewSelection(**ORG, after_seq=0))
    assert len(first.reviews) == 1 and first.next_after is not None

    update_document(wb, doc, Content(CHANGED, "text", "v2.txt"))
    flagged = export_claimreview(wb, ReviewSelection(**ORG, after_head=first.next_after[1]))
    assert (flagged.reviews, flagged.flagged) == ([], [claim])  # the partner takes it down
    assert flagged.next_after is not None

    restored = update_document(wb, doc, Content(REVERTED, "text", "v3.txt"))
    assert [o.flag_cleared for o in restored.anchors] == [True]
    full = export_claimreview(wb, ReviewSelection(**ORG))
    assert (len(full.reviews), full.flagged) == (1, [])  # published again

    pull = export_claimreview(wb, ReviewSelection(**ORG, after_head=flagged.next_after[1]))
    assert (pull.reviews, pull.flagged) == (full.reviews, [])
