"""Approximate matching of a folded quote in a folded text: similarity (Levenshtein), the
rough alignment of a quote in a window (rapidfuzz's partial_ratio) and its edges widened to
the span most like it, and the bounded searches for a quote's pieces and occurrences near a
position."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

# Occurrences of one seed looked at: a quote made of very common characters stops here.
MAX_SEED_HITS = 64
MAX_CONTEXT_CHECKS = 200


def levenshtein_similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return float(levenshtein().normalized_similarity(a, b))


@lru_cache(maxsize=1)
def levenshtein() -> Any:
    # rapidfuzz loads on first use: reading commands never pay for it.
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


def start_slack(fq: str) -> int:
    # How far a passage like the quote may start from where a piece of it puts it.
    return max(8, len(fq) // 2)


def find_all(text: str, needle: str) -> Iterator[int]:
    if not needle:
        return
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


def starts_near(text: str, needle: str, hint: int) -> list[int]:
    """The starts of the MAX_CONTEXT_CHECKS occurrences of `needle` (overlapping ones too)
    nearest `hint`, nearest first, the earlier of two as near: looked for forwards and
    backwards from `hint` at once, so the work is the stretch of text they span."""
    hint = max(0, min(hint, len(text)))
    ahead = text.find(needle, hint)
    # rfind's end bounds where an occurrence ends: this one starts before `hint`.
    behind = text.rfind(needle, 0, hint - 1 + len(needle))
    out: list[int] = []
    while len(out) < MAX_CONTEXT_CHECKS and (ahead != -1 or behind != -1):
        if behind == -1 or (ahead != -1 and ahead - hint < hint - behind):
            out.append(ahead)
            ahead = text.find(needle, ahead + 1)
        else:
            out.append(behind)
            behind = text.rfind(needle, 0, behind - 1 + len(needle))
    return out


def nearest_hits(text: str, piece: str, near: int, reach: int) -> list[int]:
    """The two occurrences of `piece` (two characters or more) starting nearest `near`, within
    `reach` of it either way."""
    if len(piece) < 2:
        return []
    lo, hi = max(0, near - reach), min(len(text), near + reach + len(piece))
    hits: list[int] = []
    at = text.find(piece, lo, hi)
    while at != -1 and len(hits) < MAX_SEED_HITS:
        hits.append(at)
        at = text.find(piece, at + 1, hi)
    return sorted(hits, key=lambda h: abs(h - near))[:2]


def rough_alignment(
    fq: str, text: str, lo: int, hi: int
) -> tuple[float, int, int, int, int] | None:
    """partial_ratio's alignment of `fq` in text[lo:hi], a window of the quote's length:
    (its score, start, end, lo, hi)."""
    from rapidfuzz import fuzz

    window = text[lo:hi]
    if not window:
        return None
    hit = fuzz.partial_ratio_alignment(fq, window)
    if hit is None or hit.score <= 0:
        return None
    return hit.score, lo + hit.dest_start, lo + hit.dest_end, lo, hi


_Passage = tuple[float, int, int]


def widened(
    fq: str,
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    keeps: Callable[[int, int], bool],
    further: int = 0,
) -> tuple[_Passage, _Passage | None]:
    """The rough alignment [start, end) with its edges moved within [lo, hi) to the span most
    like `fq`, and to the span most like it of those `keeps` takes (None if none):
    (similarity, start, end) each. `further`: how much further than usual an edge may move."""
    # partial_ratio aligns a window of the quote's length; widen or narrow the edges to the
    # span most like the quote (an edit may have made the passage longer or shorter).
    reach = min(12, max(2, len(fq) // 4)) + further
    best = (levenshtein_similarity(fq, text[start:end]), start, end)
    kept = best if keeps(start, end) else None
    for s in range(max(lo, start - reach), min(end, start + reach + 1)):
        for e in range(max(s + 1, end - reach), min(hi, end + reach) + 1):
            sim = levenshtein_similarity(fq, text[s:e])
            if sim > best[0]:
                best = (sim, s, e)
            if (kept is None or sim > kept[0]) and keeps(s, e):
                kept = (sim, s, e)
    return best, kept
