"""An annotation dated after today (fix174).

The bug: a claim added on a right clock (1 December 2026) was given its verdict on a machine
whose clock read 2099-01-01. `export claimreview` skips its review, saying it would be dated
after today, while `export annotations` published the annotation with `"modified":
"2099-01-01T…"`: the partner's tools sorted it 73 years ahead. Now a time after today (where
it is latest, by this computer's clock: ClaimReview's rule) is left out of the annotation
(`created` and `modified` are optional), and stderr names the claim, the stamp and today; the
claim's next change on a right clock dates it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from export_desk import seven_years
from test_annotations import VALIDATORS

from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.exports import export_annotations

Run = Callable[..., Any]
TODAY = "2026-12-05T10:00:00"


@pytest.fixture
def set_clock(
    set_clock: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], None]:
    """The conftest's clock, read by a claim's addition and change too (its `created_at` and
    `updated_at`, which modules that imported `now` read), as one computer's clock is read by
    all of them."""
    import sys

    import workbench.domain.clock as clock
    import workbench.services.claim_updates
    import workbench.services.claims  # noqa: F401

    real = sys.modules["workbench.services.claims"].now
    for name, module in list(sys.modules.items()):
        if name.startswith("workbench.") and getattr(module, "now", None) is real:
            monkeypatch.setattr(module, "now", lambda: clock.now())
    return set_clock


def _judged_at_2099(wb: Workbench, set_clock: Callable[[str], None]) -> int:
    set_clock("2026-12-01T09:00:00")
    claim = seven_years(wb)
    set_clock("2099-01-01T00:00:00")
    set_status(wb, claim, "verified", note="His bio says 7 years.")
    set_clock(TODAY)
    return claim


def test_a_verdict_stamped_2099_leaves_the_annotations_modified_out_and_says_so(
    wb: Workbench, cli: Run, set_clock: Callable[[str], None]
) -> None:
    claim = _judged_at_2099(wb, set_clock)
    result = export_annotations(wb)
    (annotation,) = result.collection["first"]["items"]
    assert "modified" not in annotation, annotation["modified"]
    assert annotation["created"].startswith("2026-12-01")
    assert [(c, at[:10]) for c, at in result.undated] == [(claim, "2099-01-01")]
    for name, validator in VALIDATORS:
        assert validator.is_valid(annotation), name
    r = cli("export", "annotations")
    assert r.code == 0, r.err
    (written,) = json.loads(r.out)["first"]["items"]
    assert written == annotation
    assert f"#{claim}" in r.err and "2099-01-01" in r.err and "2026-12-05" in r.err, r.err
    assert "ahead" in r.err, r.err


def test_a_claim_added_at_2099_leaves_both_times_out(
    wb: Workbench, set_clock: Callable[[str], None]
) -> None:
    set_clock("2099-06-01T00:00:00")
    claim = seven_years(wb)
    set_clock(TODAY)
    (annotation,) = export_annotations(wb).collection["first"]["items"]
    assert "created" not in annotation and "modified" not in annotation
    assert export_annotations(wb).undated[0][0] == claim


def test_its_next_change_on_a_right_clock_dates_it_again(
    wb: Workbench, set_clock: Callable[[str], None]
) -> None:
    claim = _judged_at_2099(wb, set_clock)
    set_status(wb, claim, "in_progress", note="Clock fixed; checking again.")
    set_status(wb, claim, "misleading", note="About 6.5 years; 7 rounds it up.")
    result = export_annotations(wb)
    (annotation,) = result.collection["first"]["items"]
    assert annotation["modified"].startswith("2026-12-05") and result.undated == []
