"""A verdict withdrawn after publication (trial73): an approved verdict went out as a
ClaimReview, then the claim was withdrawn (`claim withdraw`). The export skipped it as
"withdrawn (taken back, never published)" and `claim show` said it was "never listed as work
nor published", when its review had been published and stays up wherever it was loaded: the
editor was told there was nothing to take down. Now a withdrawn claim that held a rated verdict
is said to be no longer published, naming the verdict, with the earlier review to take down;
one withdrawn with no verdict ever is still "never published"."""

from __future__ import annotations

import pytest
from export_desk import Run

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
RETRACTED = (
    "withdrawn after its verdict (False) was given: no longer published; take down any review "
    "of it published before"
)


@pytest.fixture
def claims(wb: Workbench) -> dict[str, int]:
    doc = add_document(
        wb,
        "闫俊杰在2020年读到CLIP论文。乙公司成立于2021年。".encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="王小明"),
    ).document.id
    retracted = add_claim(
        wb, doc, "He read CLIP in 2020", SpanRequest(quote="在2020年读到CLIP论文")
    )
    add_evidence(wb, retracted.id, EvidenceInput(stance="refutes", url="https://example.org/c"))
    set_status(wb, retracted.id, "false", note="CLIP came out in 2021.")
    withdraw(wb, retracted.id, reason="The publisher removed the sentence.")
    mistake = add_claim(wb, doc, "B was founded in 2021", SpanRequest(quote="乙公司成立于2021年"))
    withdraw(wb, mistake.id, reason="Not worth checking.")
    return {"retracted": retracted.id, "mistake": mistake.id}


def test_the_export_says_a_published_verdict_was_withdrawn(
    wb: Workbench, claims: dict[str, int]
) -> None:
    skipped = {
        c: r.reason
        for r in export_claimreview(wb, ReviewSelection(**ORG)).skipped.by_reason()
        for c in r.ids
    }
    assert skipped[claims["retracted"]] == RETRACTED
    assert skipped[claims["mistake"]] == "withdrawn (taken back, never published)"
    with pytest.raises(InvalidInput) as named:
        export_claimreview(wb, ReviewSelection(claim_ids=[claims["retracted"]], **ORG))
    assert named.value.message.endswith(RETRACTED)


def test_claim_show_does_not_say_never_published(run: Run, claims: dict[str, int]) -> None:
    r = run("claim", "show", str(claims["retracted"]))
    assert r.code == 0, r.err
    assert "never listed as work nor published" not in r.out
    assert "its verdict false was given before" in r.out
    r = run("claim", "show", str(claims["mistake"]))
    assert "never listed as work nor published" in r.out
