"""A score as a table shows it: never on the other side of a threshold from the score."""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.scores import shown_score


def test_the_three_decimals_the_scores_are_kept_to_are_shown_as_they_are() -> None:
    assert shown_score(0.499) == "0.499"
    assert shown_score(0.5) == "0.500"
    assert shown_score(0.29) == "0.290"  # 0.29 * 100 is 28.999...: no float floor here
    assert shown_score(1.0) == "1.000" and shown_score(0.0) == "0.000"


def test_more_decimals_are_cut_never_rounded_up() -> None:
    assert shown_score(0.4999) == "0.499"
    assert shown_score(0.9999999) == "0.999"


def test_no_shown_score_crosses_a_threshold() -> None:
    for i in range(100_001):
        score = i / 100_000
        shown = Decimal(shown_score(score))
        # shown <= score < shown + 0.001 with shown on the 0.001 grid: no threshold of 3
        # decimals lies in (shown, score], so shown >= t exactly when score >= t.
        assert shown <= Decimal(repr(score)) < shown + Decimal("0.001"), score
        assert shown == shown.quantize(Decimal("0.001"))
