"""Occurrences of one quote looked up by their context: the folded text just before and just
after each, sorted, so that a prefix or suffix of any length given is a run found by
bisection (`ContextIndex`), and a prefix and suffix as they are compared (`wanted_context`)."""

from __future__ import annotations

import bisect
import re

from workbench.domain.quote_folding import Folded, fold
from workbench.domain.text import normalise

# The second half of a surrogate pair starting a prefix, the first half ending a suffix.
_CUT_LOW_HALF = re.compile("^[\udc00-\udfff]")
_CUT_HIGH_HALF = re.compile("[\ud800-\udbff]\\Z")


# The characters of context, each side, by which a `ContextIndex` finds an occurrence: a
# browser tool's prefix and suffix, and an export's (CONTEXT_CHARS), are 32; a longer one is
# found by its 32 nearest the quote, the rest compared occurrence by occurrence.
INDEXED_CONTEXT = 32


class ContextIndex:
    """The occurrences of one quote (their indices in its list) sorted by the folded text just
    before each, read backwards from the quote, and by the text just after, up to
    `INDEXED_CONTEXT` characters each: a context of any length given is a run of each list,
    found by bisection. One list each side, however many lengths of context the rows give:
    rr340 built a table of every occurrence's context for each length, and rows giving 1 to
    300 characters of prefix on a page repeating a quote 10,000 times held 1 GB (rr344)."""

    def __init__(self, folded: Folded, found: list[tuple[int, int]]) -> None:
        text, size = folded.text, INDEXED_CONTEXT
        edges = [(folded.from_original(s), folded.from_original(e)) for s, e in found]
        self._before = _Sorted([text[max(0, s - size) : s][::-1] for s, _ in edges])
        self._after = _Sorted([text[e : e + size] for _, e in edges])

    def before(self, want: str) -> list[int]:
        """The occurrences the text before which ends in `want` (as far as indexed)."""
        return self._before.starting(want[::-1][:INDEXED_CONTEXT])

    def after(self, want: str) -> list[int]:
        """The occurrences the text after which starts with `want` (as far as indexed)."""
        return self._after.starting(want[:INDEXED_CONTEXT])


class _Sorted:
    """Strings, each at its index, sorted: those starting with a given text are a run."""

    def __init__(self, keys: list[str]) -> None:
        self._order = sorted(range(len(keys)), key=keys.__getitem__)
        self._keys = [keys[i] for i in self._order]

    def starting(self, head: str) -> list[int]:
        """The indices of the strings starting with `head` (one shorter than it does not: a
        context past the document's edge holds nowhere there)."""
        size = len(head)

        def cut(key: str) -> str:
            return key[:size]  # sorted strings cut to one length stay sorted

        low = bisect.bisect_left(self._keys, head, key=cut)
        return self._order[low : bisect.bisect_right(self._keys, head, lo=low, key=cut)]


def wanted_context(prefix: str, suffix: str) -> tuple[str, str]:
    """A prefix and suffix given, as `context_holds` compares them with the folded text."""
    # Half a character at a context's outer end is what a browser tool cut (32 UTF-16 units,
    # ending inside an emoji), not text: compared, it matched no occurrence (review332).
    prefix, suffix = _CUT_LOW_HALF.sub("", prefix), _CUT_HIGH_HALF.sub("", suffix)
    return fold(normalise(prefix)), fold(normalise(suffix))
