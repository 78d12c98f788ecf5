"""A ClaimReview corrected on a machine whose clock is behind (trial99): the desk publishes a
verdict on 3 December 2026; a laptop whose clock fell back to 2001-01-01 (a dead CMOS battery),
or a desk machine a few minutes slow, then reopens the claim and gives another verdict. Its
`at` is earlier than the first verdict's, though the trail (its seq) says it came after. The
review was dated as if first published on the correction's day (datePublished 2001-01-01) and
said nothing of a change (no dateModified): a partner holding the 3 December review saw an
older, unrelated one. Now a correction is told by the trail's order, not the clocks': the
review keeps its first datePublished, and its dateModified is never before it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from export_desk import seven_years

from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}


def _corrected_at(wb: Workbench, set_day: Callable[[str], None], correction: str) -> int:
    """A claim given `verified` at 2026-12-03T10:00Z, then reopened and corrected to
    `misleading` with the clock at `correction`."""
    set_day("2026-12-03T10:00:00")
    claim = seven_years(wb)
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    set_day(correction)
    set_status(wb, claim, "in_progress", note="A reader: he joined in 2015.")
    set_status(wb, claim, "misleading", note="About 6.5 years; 7 rounds it up.")
    return claim


@pytest.mark.parametrize(
    "correction",
    [
        pytest.param("2001-01-01T00:00:00", id="clock-fell-back-to-2001"),
        pytest.param("2026-12-03T09:55:00", id="machine-five-minutes-slow"),
    ],
)
def test_a_correction_behind_the_clock_keeps_the_first_date(
    wb: Workbench, set_day: Callable[[str], None], correction: str
) -> None:
    _corrected_at(wb, set_day, correction)
    (review,) = export_claimreview(wb, ReviewSelection(**ORG)).reviews
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["datePublished"] == "2026-12-03"
    assert review["dateModified"] == "2026-12-03"


def test_since_selects_the_review_by_the_date_it_publishes(
    wb: Workbench, set_day: Callable[[str], None]
) -> None:
    """`--since` selects a review by its dateModified, else datePublished (its help): the
    review corrected on the 2001 clock says it changed on 2026-12-03, so that day selects it
    and 2001-01-01, a day it does not name, does not."""
    _corrected_at(wb, set_day, "2001-01-01T00:00:00")
    on_the_day = ReviewSelection(**ORG, since="2026-12-03", until="2026-12-03")
    (review,) = export_claimreview(wb, on_the_day).reviews
    assert review["dateModified"] == "2026-12-03"
    in_2001 = ReviewSelection(**ORG, since="2001-01-01", until="2001-01-01")
    assert export_claimreview(wb, in_2001).reviews == []
