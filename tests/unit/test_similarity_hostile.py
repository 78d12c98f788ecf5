"""Hostile claims that once broke "checked before?" (claim_terms, and so the index build)."""

from __future__ import annotations

import pytest

from workbench.domain.similarity import claim_terms
from workbench.domain.similarity.labels import labels


@pytest.mark.parametrize("end", ["岁", "号线", "年期"])
def test_a_run_of_hundreds_of_numerals_is_read_without_error(end: str) -> None:
    # (worth infinity: an age or a line of 一一…一 once raised OverflowError)
    labels("一" * 400 + end)
    assert claim_terms("一" * 400 + end, "")
