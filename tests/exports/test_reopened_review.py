"""A verdict reopened after publication: a claim's verdict (False) went out as a ClaimReview,
then the claim was reopened (`claim status ID in_progress`) to be checked again. The export
skipped it as "no final verdict yet (status in_progress)", as it does a claim never judged:
the editor was not told a review of it had been published, and stands wherever it was loaded.
Now a claim reopened after a rated verdict is said so, naming the verdict, in the words a
withdrawn one is (test_retracted_review.py); one never judged is still "no final verdict yet"."""

from __future__ import annotations

import pytest
from export_desk import Run, published_then, skip_reasons

from workbench.domain.errors import InvalidInput
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
REOPENED = (
    "reopened after its verdict (False) was given: no final verdict now (status in_progress); "
    "take down any review of it published before, or publish the new verdict once given"
)


@pytest.fixture
def claims(wb: Workbench) -> dict[str, int]:
    _doc, reopened, never = published_then(wb)
    set_status(wb, reopened, "in_progress", note="A reader sent a 2020 preprint.")
    set_status(wb, never, "in_progress")
    return {"reopened": reopened, "never": never}


def test_the_export_says_a_published_verdict_was_reopened(
    wb: Workbench, claims: dict[str, int]
) -> None:
    skipped = skip_reasons(export_claimreview(wb, ReviewSelection(**ORG)))
    assert skipped[claims["reopened"]] == REOPENED
    assert skipped[claims["never"]] == "no final verdict yet (status in_progress)"
    with pytest.raises(InvalidInput) as named:
        export_claimreview(wb, ReviewSelection(claim_ids=[claims["reopened"]], **ORG))
    assert named.value.message.endswith(REOPENED)


def test_the_cli_skip_line_says_it(run: Run, claims: dict[str, int]) -> None:
    r = run("export", "claimreview", "--org", ORG["org"], "--org-url", ORG["org_url"])
    assert r.code == 0, r.err
    assert f"skipped claim #{claims['reopened']}: {REOPENED}" in r.err.splitlines()
    assert (
        f"skipped claim #{claims['never']}: no final verdict yet (status in_progress)"
        in r.err.splitlines()
    )


def test_claim_show_says_it_was_reopened_after_its_verdict(
    run: Run, claims: dict[str, int]
) -> None:
    """fix80 noted it: `claim show` of the reopened claim read as that of a claim never judged,
    while the export named the verdict that may have gone out."""
    shown = run("claim", "show", str(claims["reopened"]))
    assert shown.code == 0, shown.err
    assert (
        "  status   reopened: its verdict false was given before; any review of it published "
        "then stands until taken down or a new verdict is published"
    ) in shown.out.splitlines()
    never = run("claim", "show", str(claims["never"]))
    assert "reopened" not in never.out
