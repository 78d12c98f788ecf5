"""A text cut to Excel's cell limit fills the cell, counted as Excel counts it (UTF-16 units:
a character outside the Basic Multilingual Plane is two). `fitted` took one character off for
each unit over, so each astral character in the part cut off cost one more: "😀" * 20,000 kept
12,684 emoji (25,368 units) where 16,342 fit, and a text of astral characters kept none. A cut
short of a full cell is no cut to `was_cut` (a shorter text ending with the mark's words is one
quoting them), so the sheet saved as CSV came back as an edited text, not a cut one."""

from __future__ import annotations

import pytest

from workbench.exports.table_xlsx import CELL_LIMIT, CUT_MARK, fitted, was_cut


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    "text",
    [
        "😀" * 20_000,  # all astral, shorter in code points than the room
        "𠀀" * 40_000,  # all astral (CJK Extension B), longer than the room
        ("a" * 50 + "𝟓" * 50) * 600,  # half and half
        "x" * 30_000 + "😀" * 5_000,  # the astral part is what is cut off
        "😀" * 16_000 + "x" * 30_000,  # the astral part is what is kept
    ],
)
def test_a_cut_fills_the_cell_and_is_known_as_one(text: str) -> None:
    cut = fitted(text)
    assert cut is not None and cut.endswith(CUT_MARK)
    kept = cut.removesuffix(CUT_MARK)
    # Whole characters of the text's start, and not one more would fit.
    assert text.startswith(kept)
    assert _units(cut) <= CELL_LIMIT < _units(cut + text[len(kept)]), _units(cut)
    assert was_cut(cut)
