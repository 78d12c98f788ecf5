"""A ClaimReview dated after today (trial99 item 6).

The bug: `export claimreview` published a verdict given on a machine whose clock read 2099 as
`datePublished: 2099-06-01`, and a correction given at 2099 as `dateModified: 2099-…`: a
partner's feed carried a review dated 73 years ahead. Now such a claim is skipped, named on
stderr with the others skipped, with the date and today by this computer's clock, and what
re-dates it, as `review_dates` has it: a verdict first given at 2099 keeps that date as the
review's datePublished through every correction (a correction is dateModified, never before
it), so no later verdict re-dates it when the claim was added at 2099 too (fix129: one added on
a right clock is); a correction given at 2099 is re-dated by the next one, given on a right
clock.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from export_desk import seven_years

from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

Run = Callable[..., Any]
ORG = ("--org", "Check Desk", "--org-url", "https://checks.example.org")
SELECTION = ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
TODAY = "2026-12-05T10:00:00"


_claim = seven_years


def _correct(wb: Workbench, claim: int) -> None:
    set_status(wb, claim, "in_progress", note="A reader: he joined in 2015.")
    set_status(wb, claim, "misleading", note="About 6.5 years; 7 rounds it up.")


def test_a_verdict_given_at_2099_is_skipped_and_a_correction_does_not_redate_it(
    wb: Workbench, cli: Run, set_clock: Callable[[str], None]
) -> None:
    set_clock("2099-06-01T00:00:00")
    claim = _claim(wb)
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    set_clock(TODAY)
    result = export_claimreview(wb, SELECTION)
    assert result.reviews == []
    (group,) = result.skipped.by_reason()
    assert list(group.ids) == [claim]
    assert "2099-06-01" in group.reason and "2026-12-05" in group.reason
    r = cli("export", "claimreview", *ORG)
    assert r.code == 0, r.err
    assert json.loads(r.out) == []
    assert f"skipped claim #{claim}: its review would be dated 2099-06-01" in r.err, r.err
    assert "after today" in r.err
    # A correction on a right clock keeps the first verdict's date: the claim was added on
    # the same clock, so the trail cannot tell which clock was wrong (fix129: one added on a
    # right clock is re-dated, test_claimreview_ahead_redated.py). Still skipped, as said.
    assert "when the claim was added on a right clock" in r.err
    _correct(wb, claim)
    r = cli("export", "claimreview", *ORG)
    assert json.loads(r.out) == [] and "2099-06-01" in r.err, r.err
    # Named, it is refused with the reason.
    r = cli("export", "claimreview", *ORG, "--claim", str(claim))
    assert r.code == 1 and "2099-06-01" in r.err, (r.out, r.err)


def test_a_correction_given_at_2099_is_skipped_until_corrected_on_a_right_clock(
    wb: Workbench, cli: Run, set_clock: Callable[[str], None]
) -> None:
    set_clock("2026-12-03T10:00:00")
    claim = _claim(wb)
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    set_clock("2099-06-01T00:00:00")
    _correct(wb, claim)
    set_clock(TODAY)
    r = cli("export", "claimreview", *ORG)
    assert json.loads(r.out) == [], r.out
    assert f"skipped claim #{claim}: its review would be dated 2099-06-01" in r.err, r.err
    assert "a verdict given again on a right clock re-dates it" in r.err
    set_status(wb, claim, "in_progress", note="Re-dated.")
    set_status(wb, claim, "misleading", note="About 6.5 years; 7 rounds it up.")
    (review,) = export_claimreview(wb, SELECTION).reviews
    assert (review["datePublished"], review["dateModified"]) == ("2026-12-03", "2026-12-05")


def test_a_review_dated_today_anywhere_is_published(
    wb: Workbench, set_clock: Callable[[str], None]
) -> None:
    """A clock a few hours fast (UTC+14's today is tomorrow in UTC): not ahead of anyone's."""
    set_clock("2026-12-06T08:00:00")
    claim = _claim(wb)
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    set_clock("2026-12-05T12:00:00")
    (review,) = export_claimreview(wb, SELECTION).reviews
    assert review["datePublished"] == "2026-12-06"
