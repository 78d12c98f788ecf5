"""The summary lines `export claimreview` (and the table exports) print on stderr: a count of
thousands is written with its separator wherever it appears in the line."""

from __future__ import annotations

import pytest

from workbench.cli.export import first_few, say_skipped
from workbench.services.skipped_claims import SkippedClaims


def test_the_count_of_more_claims_has_its_thousands_separator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A year's open claims were said as "skipped 4,868 claims (#1, ... and 4863 more)": the
    second count had no separator. Both counts are written alike now."""
    skipped = SkippedClaims()
    for claim_id in range(1, 4869):
        skipped.add(claim_id, "no final verdict yet (status open)", "open")
    say_skipped(skipped)
    assert capsys.readouterr().err == (
        "skipped 4,868 claims (#1, #2, #3, #4, #5 and 4,863 more): "
        "no final verdict yet (status open)\n"
    )


def test_a_short_list_names_every_item_and_counts_under_a_thousand_plainly() -> None:
    assert first_few(["#1", "#2"]) == "#1, #2"
    assert first_few([f"#{n}" for n in range(1, 8)]) == "#1, #2, #3, #4, #5 and 2 more"
    assert first_few(["#1"], total=1_001) == "#1 and 1,000 more"
