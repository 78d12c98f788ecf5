"""A claim's speaker is stored as it reads: nothing in it hidden (trial49)."""

from __future__ import annotations

import pytest

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document


@pytest.mark.parametrize("hidden", ["\u200b", "\u202e", "\u00ad"])
def test_a_speaker_holding_a_hidden_character_is_stored_without_it(
    wb: Workbench, hidden: str
) -> None:
    """`Sm\\u200bith` was stored as a claim's speaker, and published as its author."""
    doc = add_document(wb, b"Mayor Smith said crime fell by 12% last year.").document.id
    claim = add_claim(wb, doc, "x", SpanRequest(quote="crime fell"), speaker=f"Sm{hidden}ith")
    assert claim.speaker == "Smith"
    claim = add_claim(wb, doc, "y", SpanRequest(quote="crime fell"), speaker="王 芳")
    assert claim.speaker == "王 芳"
