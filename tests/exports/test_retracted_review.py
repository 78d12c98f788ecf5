"""A verdict withdrawn after publication (trial73): an approved verdict went out as a
ClaimReview, then the claim was withdrawn (`claim withdraw`). The export skipped it as
"withdrawn (taken back, never published)" and `claim show` said it was "never listed as work
nor published", when its review had been published and stays up wherever it was loaded: the
editor was told there was nothing to take down. Now a withdrawn claim that held a rated verdict
is said to be no longer published, naming the verdict, with the earlier review to take down;
one withdrawn with no verdict ever is still "never published"."""

from __future__ import annotations

import pytest
from export_desk import Run, published_then, skip_reasons

from workbench.domain.errors import InvalidInput
from workbench.services.claims import withdraw
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
RETRACTED = (
    "withdrawn after its verdict (False) was given: no longer published; take down any review "
    "of it published before"
)


@pytest.fixture
def claims(wb: Workbench) -> dict[str, int]:
    _doc, retracted, mistake = published_then(wb)
    withdraw(wb, retracted, reason="The publisher removed the sentence.")
    withdraw(wb, mistake, reason="Not worth checking.")
    return {"retracted": retracted, "mistake": mistake}


def test_the_export_says_a_published_verdict_was_withdrawn(
    wb: Workbench, claims: dict[str, int]
) -> None:
    skipped = skip_reasons(export_claimreview(wb, ReviewSelection(**ORG)))
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
