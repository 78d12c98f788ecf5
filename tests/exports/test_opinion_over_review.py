"""fix113 noted it: a claim whose rated verdict (False) went out as a ClaimReview, then was
judged an opinion after all, was skipped as "an opinion is not rated", the words of a claim
that was never rated: the editor was not told a review of it had gone out and stands wherever
it was loaded, as a withdrawn or reopened claim's editor is (test_reopened_review.py). An
opinion given over a rated verdict now says so; one that never held a rated verdict is still
"an opinion is not rated"."""

from __future__ import annotations

import pytest
from export_desk import published_then, skip_reasons

from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}


@pytest.fixture
def claims(wb: Workbench) -> dict[str, int]:
    _doc, judged, never = published_then(wb)
    set_status(wb, judged, "in_progress", note="It reads as his view, not a fact.")
    set_status(wb, judged, "opinion", note="His own reading of events.")
    set_status(wb, never, "opinion", note="A view.")
    return {"judged": judged, "never": never}


def test_an_opinion_over_a_published_verdict_says_to_take_it_down(
    wb: Workbench, claims: dict[str, int]
) -> None:
    skipped = skip_reasons(export_claimreview(wb, ReviewSelection(**ORG)))
    assert skipped[claims["judged"]] == (
        "an opinion now, after its verdict (False) was given: not rated, no longer published; "
        "take down any review of it published before"
    )
    assert skipped[claims["never"]] == "an opinion is not rated"
