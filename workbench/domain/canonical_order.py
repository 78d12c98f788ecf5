"""Long runs of combining marks put in canonical order before NFC, which CPython's
`unicodedata.normalize` does by insertion sort: a run of k marks out of order costs k² steps
(one letter under 1 MB of alternating marks above and below, a "Zalgo" file, took half an hour
to store), while a run already in order is read in one pass.

Canonical ordering is a stable sort of each run of non-starters (characters of a combining
class other than 0) by class, after full decomposition. A stretch sorted here (its characters
decomposed one by one, then each run of non-starters among them sorted stably by class, never
past a starter) sorts again to the same order inside `normalize`, so NFC of the result is NFC
of the text, character for character, whatever stretch is chosen; only the time differs.

The stretches are runs of marks (general category M, the `regex` module's Unicode data): no
table of our own. Marks hold every non-starter and the three characters of class 0 that
decompose to non-starters only (U+0F73, U+0F75, U+0F81), which would otherwise cut a run the
sort inside `normalize` sees whole; a test holds the runtime's `unicodedata` to that.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

# A run this long (or longer) is sorted here; a shorter one costs `normalize` little.
LONG_RUN = 32


@cache
def long_run() -> regex.Pattern[str]:
    """A run of LONG_RUN or more marks, matched only where it starts (the look-behind), so
    each run is read once however long."""
    import regex  # only for a text NFC would change: most text never needs it

    return regex.compile(rf"(?<!\p{{M}})\p{{M}}{{{LONG_RUN},}}")


def in_canonical_order(text: str) -> str:
    """`text` with each long run of marks decomposed and in canonical order: the same text
    under NFC (see the module)."""
    ordered: str = long_run().sub(_ordered, text)
    return ordered


def _ordered(run: regex.Match[str]) -> str:
    """The run decomposed, each stretch of non-starters in it sorted stably by class; a
    starter in it (a mark of class 0, a decomposition's letter) stays put."""
    decomposed = "".join(unicodedata.normalize("NFD", c) for c in run.group())
    out: list[str] = []
    marks: list[str] = []
    for c in decomposed:
        if unicodedata.combining(c):
            marks.append(c)
        else:  # marks never move past a starter
            out.extend(sorted(marks, key=unicodedata.combining))
            marks.clear()
            out.append(c)
    out.extend(sorted(marks, key=unicodedata.combining))
    return "".join(out)
