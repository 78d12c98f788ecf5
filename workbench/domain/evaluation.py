"""Precision, recall and F1 of claim candidates against sentences labelled by a person.

Matching is by overlap, so the score does not depend on where the segmenter cuts: a labelled
check-worthy span is *found* when some candidate overlaps it (recall = found / positives), and
a candidate is a *true positive* when it overlaps some check-worthy span (precision = true
positive candidates / candidates). Labels name their spans by exact quotes, which keeps label
files readable and valid across changes to the segmenter.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from workbench.domain.errors import InvalidInput
from workbench.domain.occurrences import find_quote


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Label:
    start: int
    end: int
    checkworthy: bool
    claim_type: str | None = None


@dataclass(frozen=True, slots=True)
class Quality:
    candidates: int
    positives: int
    true_positives: int  # candidates that overlap a check-worthy span
    found: int  # check-worthy spans that some candidate overlaps
    precision: float
    recall: float
    f1: float


def locate(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """The span of `quote` in `text`; `occurrence` (1-based) is required if it is not unique."""
    try:
        span = find_quote(text, quote, occurrence)
    except InvalidInput as exc:
        raise ValueError(str(exc)) from None
    return span.start, span.end


def parse_labels(text: str, data: object) -> list[Label]:
    """Labels from the parsed contents of a label file (`sentences:` items), located in `text`.

    Each item is a mapping with `text` (an exact quote), `checkworthy` (a boolean) and optional
    `occurrence` (1-based) and `type`. Labelled spans must not overlap one another.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("sentences"), list):
        raise ValueError("a label file is a mapping with a `sentences` list")
    labels: list[Label] = []
    for n, item in enumerate(data["sentences"], start=1):
        if not isinstance(item, Mapping):
            raise ValueError(f"item {n} is not a mapping")
        quote = item.get("text")
        worthy = item.get("checkworthy")
        occurrence = item.get("occurrence")
        kind = item.get("type")
        if not isinstance(quote, str) or not isinstance(worthy, bool):
            raise ValueError(f"item {n} needs `text` (a string) and `checkworthy` (true/false)")
        if occurrence is not None and (type(occurrence) is not int):
            raise ValueError(f"item {n}: `occurrence` must be an integer")
        if kind is not None and not isinstance(kind, str):
            raise ValueError(f"item {n}: `type` must be a string")
        start, end = locate(text, quote, occurrence)
        labels.append(Label(start, end, worthy, kind))
    ordered = sorted(labels, key=lambda lab: lab.start)
    for a, b in pairwise(ordered):
        if b.start < a.end:
            raise ValueError(f"labelled spans {a.start}..{a.end} and {b.start}..{b.end} overlap")
    return labels


def evaluate(candidates: Iterable[HasSpan], positives: Iterable[HasSpan]) -> Quality:
    """Overlap-based precision, recall and F1 (see the module docstring)."""
    cands = [(c.start, c.end) for c in candidates if c.start < c.end]
    pos = [(p.start, p.end) for p in positives if p.start < p.end]
    pos_index = _merge(pos)
    cand_index = _merge(cands)
    true_positives = sum(1 for s, e in cands if _hits(s, e, pos_index))
    found = sum(1 for s, e in pos if _hits(s, e, cand_index))
    precision = true_positives / len(cands) if cands else (0.0 if pos else 1.0)
    recall = found / len(pos) if pos else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Quality(len(cands), len(pos), true_positives, found, precision, recall, f1)


def _merge(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, disjoint intervals covering `spans`, as parallel lists of starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _hits(start: int, end: int, index: tuple[list[int], list[int]]) -> bool:
    starts, ends = index
    i = bisect_right(ends, start)  # the first interval that ends after `start`
    return i < len(starts) and starts[i] < end
