"""`export claimreview --after HEAD`: a verdict flagged for re-review after the head.

The bug: the pull selected a claim only by the events that set its status. `doc update`
flagging a verdict (its quote changed: claim.flagged_for_review) sets no status, so a claim
whose verdict the partner received and the desk then flagged was not in the next pull at all:
the full export at that moment leaves the verdict out ("left out 1 claim flagged for
re-review"), while the partner, told nothing, kept publishing it. Now a flag after the head
selects the claim as a verdict's move does: left out and named as flagged, as the full export
names it (or published with --include-flagged); its confirmation is in the pull after.

And (fix120): a later revision that gives the judged words back (the article's correction
reverted) clears the flag (`claim.reanchored` putting back the span the verdict was given
on): the full export publishes the review again, but the partner's next pull did not hold
it, since no status was set and no flag written, so the review the partner took down stayed
down. Now an event that clears a verdict's flag selects the claim as the flag did.
"""

from __future__ import annotations

from export_desk import Run

from workbench.services.chain_head import chain_head
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection
from workbench.services.revisions import Content, update_document

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
FIRST = "甲公司去年营收一百亿元。乙公司成立于二〇二一年。\n"
SECOND = "甲公司去年营收二百亿元。乙公司成立于二〇二一年。\n"
REVERTED = "编者按：更正已撤回。甲公司去年营收一百亿元。乙公司成立于二〇二一年。\n"


def _rated_and_pulled(wb: Workbench) -> tuple[int, int, tuple[int, str]]:
    """A document's claim rated false, and a partner's first pull: the document, the claim,
    and the head that pull named."""
    doc = add_document(
        wb, FIRST.encode(), meta=DocumentMeta(title="t", url="https://news.example.com/a")
    ).document.id
    claim = add_claim(wb, doc, "营收一百亿元", SpanRequest(quote="营收一百亿元")).id
    add_evidence(wb, claim, EvidenceInput(stance="refutes", url="https://example.org/r"))
    set_status(wb, claim, "false", note="The register says 50.")
    first = export_claimreview(wb, ReviewSelection(**ORG, after_seq=0))
    assert len(first.reviews) == 1 and first.next_after is not None
    return doc, claim, first.next_after


def test_a_verdict_flagged_after_the_head_is_in_the_next_pull(wb: Workbench) -> None:
    doc, claim, (_, head) = _rated_and_pulled(wb)

    update_document(wb, doc, Content(SECOND, "text", "v2.txt"))
    full = export_claimreview(wb, ReviewSelection(**ORG))
    assert (full.reviews, full.flagged) == ([], [claim])
    pull = export_claimreview(wb, ReviewSelection(**ORG, after_head=head))
    # As the full export says it: left out, flagged for re-review (the partner takes it down).
    assert (pull.reviews, pull.flagged) == ([], [claim])
    anyway = export_claimreview(wb, ReviewSelection(**ORG, after_head=head, include_flagged=True))
    assert len(anyway.reviews) == 1 and anyway.flagged == [claim]

    # The confirmation clears the flag: in the pull after, published again.
    assert pull.next_after is not None
    set_status(wb, claim, "false", note="Still false: the register says 50.")
    again = export_claimreview(wb, ReviewSelection(**ORG, after_head=pull.next_after[1]))
    assert len(again.reviews) == 1 and again.flagged == []
    now = chain_head(wb)
    assert again.next_after == (now.seq, now.hash)


def test_a_flag_cleared_after_the_head_puts_the_review_back_in_the_next_pull(
    wb: Workbench,
) -> None:
    doc, claim, (_, head) = _rated_and_pulled(wb)
    update_document(wb, doc, Content(SECOND, "text", "v2.txt"))
    flagged = export_claimreview(wb, ReviewSelection(**ORG, after_head=head))
    assert (flagged.reviews, flagged.flagged) == ([], [claim])  # the partner takes it down
    assert flagged.next_after is not None

    restored = update_document(wb, doc, Content(REVERTED, "text", "v3.txt"))
    assert [o.flag_cleared for o in restored.anchors] == [True]
    full = export_claimreview(wb, ReviewSelection(**ORG))
    assert (len(full.reviews), full.flagged) == (1, [])  # published again

    pull = export_claimreview(wb, ReviewSelection(**ORG, after_head=flagged.next_after[1]))
    assert (pull.reviews, pull.flagged) == (full.reviews, [])


def test_a_pull_says_to_take_down_a_review_flagged_after_the_head(wb: Workbench, run: Run) -> None:
    """A partner's script pulling `export claimreview --after HEAD` after a revision flagged a
    verdict it had published read 'left out 1 claim flagged for re-review: #1 (... a new
    decision clears the flag, --include-flagged publishes them anyway)': nothing of the review
    already up, where a reopened or withdrawn claim's line says to take it down and the README
    says a flagged one is named to take down. In a pull, it says so; a full export keeps its
    line."""
    doc, claim, (seq, head) = _rated_and_pulled(wb)
    update_document(wb, doc, Content(SECOND, "text", "v2.txt"))
    org = ["--org", ORG["org"], "--org-url", ORG["org_url"]]
    pulled = run("export", "claimreview", "--after", head, "--after-seq", str(seq), *org)
    assert pulled.code == 0, pulled.err
    line = next(x for x in pulled.err.splitlines() if "flagged for re-review" in x)
    assert f"#{claim}" in line and "take down any review of it published before" in line, line
    full = run("export", "claimreview", *org)
    line = next(x for x in full.err.splitlines() if "flagged for re-review" in x)
    assert "take down" not in line, line
