"""A ClaimReview whose first verdict was given on a clock that ran ahead (fix129).

The bug: a claim added on a right clock (1 December 2026) was given its first verdict on a
machine whose clock read 2099-01-01. `export claimreview` skipped it ("dated after today")
and went on skipping it after the desk reopened it and judged it again on a right clock: a
review keeps its first verdict's date, so nothing re-dated it until 2099, short of
withdrawing the claim and adding it again (losing its history). The trail showed which clock
was wrong: the claim's addition before the verdict and its reopening after it were both
written in December 2026, so the verdict's 2099 was the one that jumped. Now a verdict's date
is never later than a verdict move of its claim written after it at an earlier time no
earlier than the claim's addition: the review is published dated by that move, stderr says
which date was used and why, and --since and --after select it by the date published.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from export_desk import seven_years

from workbench.services.audit import trail_end
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

Run = Callable[..., Any]
ORG = ("--org", "Check Desk", "--org-url", "https://checks.example.org")
SELECTION = ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
TODAY = "2026-12-05T10:00:00"


def _head(wb: Workbench) -> tuple[int, str]:
    with transaction(wb) as tx:
        return trail_end(tx)


def _judged_at_2099(wb: Workbench, set_clock: Callable[[str], None]) -> int:
    """A claim added on 1 December 2026, given `verified` on a clock reading 2099-01-01."""
    set_clock("2026-12-01T09:00:00")
    claim = seven_years(wb)
    set_clock("2099-01-01T00:00:00")
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    return claim


def test_a_first_verdict_given_ahead_is_redated_by_a_verdict_given_again_on_a_right_clock(
    wb: Workbench, cli: Run, set_clock: Callable[[str], None]
) -> None:
    claim = _judged_at_2099(wb, set_clock)
    set_clock(TODAY)
    assert export_claimreview(wb, SELECTION).reviews == []
    seq, head = _head(wb)
    set_status(wb, claim, "in_progress", note="Clock fixed; checking again.")
    set_status(wb, claim, "misleading", note="About 6.5 years; 7 rounds it up.")
    (review,) = export_claimreview(wb, SELECTION).reviews
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["datePublished"] == "2026-12-05"
    assert review.get("dateModified", "2026-12-05") == "2026-12-05"
    r = cli("export", "claimreview", *ORG)
    assert r.code == 0, r.err
    assert [x["datePublished"] for x in json.loads(r.out)] == ["2026-12-05"]
    # stderr says which date was used, and why.
    assert f"#{claim}" in r.err and "2099-01-01" in r.err and "2026-12-05" in r.err, r.err
    assert "ahead" in r.err, r.err
    # --since selects it by the date it publishes; 2099 names no review.
    on_the_day = ReviewSelection(**_org(), since="2026-12-05", until="2026-12-05")
    assert len(export_claimreview(wb, on_the_day).reviews) == 1
    in_2099 = ReviewSelection(**_org(), since="2099-01-01")
    assert export_claimreview(wb, in_2099).reviews == []
    # A partner who pulled before the correction gets it on the next pull.
    pulled = ReviewSelection(**_org(), after_seq=seq, after_head=head)
    assert [x["datePublished"] for x in export_claimreview(wb, pulled).reviews] == ["2026-12-05"]


def _org() -> dict[str, str]:
    return {"org": SELECTION.org, "org_url": SELECTION.org_url}


def test_a_verdict_given_ahead_with_nothing_after_it_is_still_skipped(
    wb: Workbench, set_clock: Callable[[str], None]
) -> None:
    """Nothing written after it yet: the trail does not say the clock was wrong."""
    claim = _judged_at_2099(wb, set_clock)
    set_clock(TODAY)
    result = export_claimreview(wb, SELECTION)
    assert result.reviews == []
    (group,) = result.skipped.by_reason()
    assert list(group.ids) == [claim] and "2099-01-01" in group.reason


def test_a_right_first_verdict_is_not_redated_by_a_reopening_on_a_clock_behind(
    wb: Workbench, cli: Run, set_clock: Callable[[str], None]
) -> None:
    """The bug: a claim added on 1 December and judged on 3 December, both on right clocks,
    was published dated 3 December. A colleague whose laptop read 2 December (a day slow)
    reopened it, and it was judged again on 5 December on a right clock. The next export
    re-dated its first review to 2 December, telling stderr that the verdict's clock 'ran
    ahead': the partner's review changed its datePublished to a day before the one they had
    published. The verdict given again on 5 December agrees with the first verdict's clock,
    not the reopening's: the trail shows the reopening's clock was the one behind."""
    set_clock("2026-12-01T09:00:00")
    claim = seven_years(wb)
    set_clock("2026-12-03T09:00:00")
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    (first,) = export_claimreview(wb, SELECTION).reviews
    assert first["datePublished"] == "2026-12-03"
    set_clock("2026-12-02T09:00:00")
    set_status(wb, claim, "in_progress", note="Checking the bio again.")
    set_clock("2026-12-05T10:00:00")
    set_status(wb, claim, "misleading", note="About 6.5 years; 7 rounds it up.")
    result = export_claimreview(wb, SELECTION)
    (review,) = result.reviews
    assert (review["datePublished"], review["dateModified"]) == ("2026-12-03", "2026-12-05")
    assert result.redated == []
    r = cli("export", "claimreview", *ORG)
    assert r.code == 0, r.err
    assert "ahead" not in r.err, r.err
