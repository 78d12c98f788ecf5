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

import itertools
import re
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


def composed(text: str) -> str:
    """`text` in NFC, the form the desk stores every text in: the one home of NFC for a text of
    any length (a long run of marks sorted here first, since NFC's own sort of one is
    quadratic). No line endings changed (`text.normalise` does that too)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        # Most text: NFC's own linear check (it stops at the first mark out of order).
        return text
    return unicodedata.normalize("NFC", in_canonical_order(text))


def in_canonical_order(text: str) -> str:
    """`text` with each long run of marks decomposed and in canonical order: the same text
    under NFC (see the module)."""
    ordered: str = long_run().sub(_ordered, text)
    return ordered


def _ordered(run: regex.Match[str]) -> str:
    """The run decomposed, each long stretch of non-starters in it sorted stably by class; a
    starter in it (a mark of class 0, a decomposition's letter) stays put, and a shorter
    stretch is left to `normalize`, which it costs little. Strings only, never a list of the
    run's characters: an object and a pointer for each mark made a 20 MB file of them hold
    1.1 GB."""
    decomposed = run.group().translate(_DECOMPOSED)
    kinds = decomposed.translate(_KIND)  # a character's kind for each of decomposed's
    out: list[str] = []
    done = 0
    for stretch in _LONG_STRETCH.finditer(kinds):
        start, end = stretch.span()
        out += (decomposed[done:start], _sorted(decomposed[start:end]))
        done = end
    out.append(decomposed[done:])
    return "".join(out)


def _sorted(stretch: str) -> str:
    """`stretch` (non-starters only) sorted stably by class: sorted a piece at a time, then
    each class's characters gathered from the pieces in turn."""
    by_class: dict[int, list[str]] = {}
    for at in range(0, len(stretch), _PIECE):
        piece = sorted(stretch[at : at + _PIECE], key=unicodedata.combining)
        for ccc, same in itertools.groupby(piece, key=unicodedata.combining):
            by_class.setdefault(ccc, []).append("".join(same))
    return "".join("".join(by_class[ccc]) for ccc in sorted(by_class))


class _Decompositions(dict[int, str]):
    """For str.translate: a character's NFD, each asked of unicodedata once (only marks and
    what they decompose to come here: a few thousand at most)."""

    def __missing__(self, code: int) -> str:
        self[code] = decomposed = unicodedata.normalize("NFD", chr(code))
        return decomposed


class _Kinds(dict[int, str]):
    """For str.translate: "m" for a non-starter (a class other than 0), "s" for a starter."""

    def __missing__(self, code: int) -> str:
        self[code] = kind = "m" if unicodedata.combining(chr(code)) else "s"
        return kind


_DECOMPOSED = _Decompositions()
_KIND = _Kinds()
_LONG_STRETCH = re.compile(f"m{{{LONG_RUN},}}")
# Characters sorted at once: a list of them costs some 55 bytes each while it lives.
_PIECE = 4096
