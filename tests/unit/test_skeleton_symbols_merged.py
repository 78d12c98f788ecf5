"""A name's skeleton after the CJK classes found one home (workbench.domain.cjk): the look-alike
rules for radicals and strokes, merged beside it, still called the helper that move removed."""

from __future__ import annotations

import pytest

from workbench.domain.identity import reads_alike, skeleton


@pytest.mark.parametrize(("name", "twin"), [("li wei", "liwei"), ("l.i", "li"), ("⻢丽", "马丽")])
def test_a_name_with_a_space_or_symbol_raised_name_error(name: str, twin: str) -> None:
    """`skeleton("li wei")` raised NameError (`_is_han` was renamed `cjk.is_han` while the
    radical rule that called it was merged): `user add "li wei"`, and every name check that
    met a space, punctuation or a symbol, ended in a traceback."""
    assert skeleton(name) == skeleton(twin)


def test_a_radical_read_aloud_raised_name_error() -> None:
    """`reads_alike` with a radical TR39 pairs with an ideograph (`⻢丽`, 马丽) raised NameError
    the same way."""
    assert reads_alike("⻢丽", "ma li")
