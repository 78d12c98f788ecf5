"""review51: stage directions left in a claim's text, words joined; invisible marks kept in a
speaker (each failed before its fix)."""

from __future__ import annotations

import pytest

from workbench.domain.segment import without_stage_directions
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # the White House's transcripts write (Applause.) and (Laughter.)
        ("We cut taxes (Applause.) and crime fell.", "We cut taxes and crime fell."),
        # Rev.com's transcripts time-stamp them
        (
            "We cut taxes [crosstalk 00:01:23] and crime fell 12%.",
            "We cut taxes and crime fell 12%.",
        ),
        ("我们的GDP增长了5%（热烈掌声）。", "我们的GDP增长了5%。"),
        # no space after the bracket: two words made one
        ("We built homes [crosstalk]and crime fell.", "We built homes and crime fell."),
    ],
)
def test_stage_directions(sentence: str, text: str) -> None:
    assert without_stage_directions(sentence) == text


@pytest.mark.parametrize("hidden", ["\u200e", "\u200f", "\u061c", "\u2061"])
def test_a_speaker_holding_a_direction_mark_is_stored_without_it(
    wb: Workbench, hidden: str
) -> None:
    """segment.INVISIBLE has LRM, RLM and ALM; speakers._MEANINGLESS has none of them."""
    doc = add_document(wb, b"Mayor Smith said crime fell by 12% last year.").document.id
    claim = add_claim(wb, doc, "x", SpanRequest(quote="crime fell"), speaker=f"Sm{hidden}ith")
    assert claim.speaker == "Smith", ascii(claim.speaker)
