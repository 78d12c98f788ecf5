"""Table widths count a multi-part emoji as the one character it is drawn as.

What the user met (a new-user trial): `claim list` of a claim whose text held a family emoji
(👩‍👩‍👧‍👦, four people joined by zero-width joiners) clipped the text at a fraction of its
70 cells, piped; on a terminal its column was narrower than the text fitted, and a line was
broken between two people of the family, the joiner starting the next line. The workbench
counted each code point (8 cells for the family, 3 for a keycap, 4 for a thumb with a skin
tone) where rich, which draws the table, and the terminal count one wide character.
"""

from __future__ import annotations

import pytest
import regex

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
FLAG = "\U0001f1eb\U0001f1f7"
KEYCAP = "1\ufe0f\u20e3"
THUMB = "\U0001f44d\U0001f3fd"
HEART = "\u2764\ufe0f"


@pytest.mark.parametrize("emoji", [FAMILY, FLAG, KEYCAP, THUMB, HEART])
def test_one_emoji_is_two_cells_as_rich_draws_it(emoji: str) -> None:
    from rich.cells import cell_len

    from workbench.cli.layout import cell_width

    assert cell_width(emoji) == 2 == cell_len(emoji)
    assert cell_width(f"a {emoji} 中文") == cell_len(f"a {emoji} 中文")


def test_clipping_keeps_as_many_emoji_as_fit() -> None:
    from workbench.cli.layout import clip_cells

    text = FAMILY * 20
    assert clip_cells(text, 21) == FAMILY * 10 + "…"


def test_wrapping_never_breaks_inside_an_emoji() -> None:
    from workbench.cli.layout import cell_width, wrap

    text = "Family " + FAMILY * 12 + " won"
    for width in range(4, 30):
        lines = wrap(text, width)
        for line in lines:
            assert cell_width(line) <= width, (width, lines)
            for cluster in regex.findall(r"\X", line):
                assert cluster in (FAMILY, " ", "…", *"Familywon"), (width, lines)
