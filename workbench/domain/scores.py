"""How a score is written for people: check-worthiness (`extract`) and similarity (`claim
similar`) are fractions of 1 kept to 3 decimals and compared with --min-score at that
precision. A table shows those 3 decimals as they are, so it shows the value that was compared
and that --json gives: rounded to 2, a 0.499 read 0.50 next to a threshold of 0.5."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

_STEP = Decimal("0.001")


def shown_score(value: float) -> str:
    """`value` to 3 decimals, cut rather than rounded (should a score ever carry more), so the
    text is never at or above a threshold the score is below. Decimal, from the shortest repr:
    a float floor would cut 0.29 to 0.289."""
    return str(Decimal(repr(value)).quantize(_STEP, rounding=ROUND_FLOOR))
