"""pyproject's floor for rich is a release whose `cell_len` measures an emoji as it is drawn.

`workbench.cli.layout.cell_width` hands a cell that is not ASCII to `rich.cells.cell_len`
(quote333), and tests/unit/test_layout_emoji_widths.py checks a family emoji, a keycap and a
heart with its selector at two cells. rich counted them code point by code point (a family 8,
a keycap and `❤️` 1) up to 14.2.0; 14.3.0's `cell_len` splits text into grapheme clusters. A
floor of 13.7 let an install keep a rich that clips a claim at half its width (review338).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

# The first rich whose cell_len counts a ZWJ sequence, a keycap, `❤️` as 2 cells (checked
# against the 14.2.0 and 14.3.0 wheels).
GRAPHEME_CELLS = (14, 3)


def test_rich_floor_measures_grapheme_clusters() -> None:
    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    (spec,) = [d for d in project["project"]["dependencies"] if re.match(r"rich\b", d)]
    floor = re.search(r">=\s*(\d+)\.(\d+)", spec)
    assert floor is not None, spec
    assert (int(floor[1]), int(floor[2])) >= GRAPHEME_CELLS, spec
