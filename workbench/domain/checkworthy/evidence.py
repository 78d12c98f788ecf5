"""What a clause can fire at most, read off the words it holds: the bound that spares reading
most clauses of a unit that fell short.

A clause of a unit that fell short is scored only if it can pass (see `scoring.Scored.bounds`
and `Scored.clause_filter`), and what it can score rises only with its named features of
positive weight. Reading a clause's features (its cues, names and quotations) costs about as
much as scoring it, and most clauses of Chinese prose fire none of positive weight.
`Evidence.possible` bounds them from the words the clause holds, in one or two regex calls:

- a digit, a Chinese numeral or a Latin letter may mean anything (numbers are told apart by
  their neighbours, English cues and Latin names are read word by word): every feature of
  positive weight;
- else each head of a Chinese cue (every match of a cue starts with its head, see `zh_cues`)
  means its feature, and a Chinese word of names (`names.ZH_ENTITY_WORDS`) or a name the
  document introduced means `named_entity` and `several_entities`;
- nothing else makes a feature of positive weight fire. Should a feature that no word marks
  (a question, a heading...) have a positive weight, every clause may fire everything.

So a clause without those words is not read unless its characters alone may carry it; the
candidates are those of reading every clause (tests/unit/test_checkworthy.py).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy.features import CUE_OF, FEATURES
from workbench.domain.checkworthy.names import ZH_ENTITY_WORDS, names_pattern
from workbench.domain.checkworthy.zh_cues import ZH_HEADS, ZH_NUMERALS
from workbench.domain.rebuild import by_fields

# Where a clause may fire any feature: a number's or an English word's first character.
_ANYTHING = re.compile(f"[0-9A-Za-z{ZH_NUMERALS}]")
_NAMED = ("named_entity", "several_entities")
_ORDER = {f.name: i for i, f in enumerate(FEATURES)}
# The features a word marks: those read off the scan's hits (their cue's key) and the names.
_MARKED = frozenset(f.name for f in FEATURES if f.test is None) | set(CUE_OF) | set(_NAMED)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The bound of one document's clauses (its names count)."""

    # Every feature of positive weight under either model, in the order of FEATURES.
    everything: tuple[str, ...]
    # What each word `words` finds may fire (None: any clause may fire everything).
    marks: dict[str, tuple[str, ...]]
    words: re.Pattern[str] | None
    names: re.Pattern[str] | None
    named: tuple[str, ...]

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def possible(self, clause: str) -> tuple[str, ...]:
        """The features of positive weight that `clause` may fire (with any others it fires),
        in the order of FEATURES: a superset, so that their weights add up to at least what
        the clause's own add up to, in the same order (`scoring._positive`)."""
        if self.words is None or _ANYTHING.search(clause):
            return self.everything
        found = self.words.findall(clause)
        named = bool(self.named) and self.names is not None and self.names.search(clause)
        if not named:
            if not found:
                return ()  # most clauses of Chinese prose
            if len(found) == 1:
                return self.marks[found[0]]
        union = set(self.named) if named else set()
        union.update(*map(self.marks.__getitem__, found))
        return tuple(name for name in self.everything if name in union)


def evidence(names: frozenset[str]) -> Evidence:
    """The bound of the clauses of a document whose names are `names`, under the model as it
    is loaded."""
    model = checkworthy_model.load()
    positive = frozenset(model.positive) | frozenset(model.plain.positive)
    everything = tuple(sorted(positive, key=_ORDER.__getitem__))
    marks, words = _marks(everything)
    named = tuple(name for name in everything if name in _NAMED)
    return Evidence(everything, marks, words, names_pattern(names), named)


@functools.cache
def _marks(
    everything: tuple[str, ...],
) -> tuple[dict[str, tuple[str, ...]], re.Pattern[str] | None]:
    """What each word may fire when `everything` has a positive weight, and the regex that finds
    the words (None when some feature of positive weight is marked by no word)."""
    if not _MARKED.issuperset(everything):
        return {}, None
    fires: dict[str, set[str]] = {}
    for name in everything:
        if name in _NAMED:
            for word in ZH_ENTITY_WORDS:
                fires.setdefault(word, set()).add(name)
            continue
        key = CUE_OF.get(name, name)
        for head, feature in ZH_HEADS.items():
            if feature == key:
                fires.setdefault(head, set()).add(name)
    # `findall` takes matches that do not overlap, one per place: a word may hide others that
    # start inside it, or at its start, and run on past its end or not. Each word stands for
    # all of them: for each place in it, the words its rest starts with, and those that start
    # with its rest (in sorted order, a run from where the rest would be).
    ordered = sorted(fires)
    marks: dict[str, tuple[str, ...]] = {}
    for word in fires:
        union: set[str] = set()
        for k in range(len(word)):
            rest = word[k:]
            for end in range(1, len(rest) + 1):
                union |= fires.get(rest[:end], set())
            at = bisect.bisect_left(ordered, rest)
            while at < len(ordered) and ordered[at].startswith(rest):
                union |= fires[ordered[at]]
                at += 1
        marks[word] = tuple(name for name in everything if name in union)
    if not fires:
        return marks, None
    # Grouped by first character (see zh_cues._by_first_character): any order finds a word at
    # each place where some word starts.
    groups: dict[str, list[str]] = {}
    for word in sorted(fires, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return marks, re.compile(
        "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    )
