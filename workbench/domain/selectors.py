"""Anchoring a quote that comes from outside (a spreadsheet row, a Web Annotation's selectors).

People retype quotes: full-width commas become ASCII ones, spaces appear or vanish. A quote is
looked for exactly, then with full-width/half-width forms folded, then ignoring whitespace and
punctuation altogether; the span found is always a span of the stored text. When a quote occurs
more than once, the position hint, then the context (prefix/suffix), then `occurrence` decide.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput
from workbench.domain.text import Span, normalise, span_at


@dataclass(frozen=True, slots=True)
class QuoteHint:
    exact: str | None = None
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    occurrence: int | None = None


def _exact(text: str, quote: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    at = text.find(quote)
    while at != -1:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _folded(text: str, quote: str) -> list[tuple[int, int]]:
    # NFKC keeps the length of CJK text and of most punctuation; if it does not, offsets in the
    # folded text would not point into the original, so this step is skipped.
    ft, fq = _fold(text), _fold(quote)
    if len(ft) != len(text) or len(fq) != len(quote):
        return []
    return _exact(ft, fq)


def _significant(ch: str) -> bool:
    return not (ch.isspace() or unicodedata.category(ch).startswith("P"))


def _loose(text: str, quote: str) -> list[tuple[int, int]]:
    """Matches that ignore whitespace and punctuation (after folding widths), mapped back."""
    keep = [i for i, ch in enumerate(text) if _significant(ch)]
    stripped = "".join(_fold(text[i]) for i in keep)
    needle = "".join(_fold(ch) for ch in quote if _significant(ch))
    if not needle or len(stripped) != len(keep):
        return []
    return [(keep[s], keep[e - 1] + 1) for s, e in _exact(stripped, needle)]


MATCHERS: tuple[Callable[[str, str], list[tuple[int, int]]], ...] = (_exact, _folded, _loose)


def _context_score(text: str, span: tuple[int, int], prefix: str, suffix: str) -> int:
    before, after = text[: span[0]], text[span[1] :]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def anchor(text: str, hint: QuoteHint) -> Span:
    """The span of `text` the hint points at, or InvalidInput saying why there is none."""
    start, end = hint.start, hint.end
    exact = normalise(hint.exact) if hint.exact is not None else None
    fits = start is not None and end is not None and 0 <= start < end <= len(text)
    if fits and (exact is None or text[start:end] == exact):
        assert start is not None and end is not None
        return span_at(text, start, end)
    if exact is None:
        if start is None or end is None:
            raise InvalidInput("give a quote, or both start and end")
        return span_at(text, start, end)  # refuses offsets outside the text, with why
    if not exact.strip():
        raise InvalidInput("the quote is empty")
    found: list[tuple[int, int]] = []
    for match in MATCHERS:
        found = match(text, exact)
        if found:
            break
    if not found:
        clipped = exact if len(exact) <= 60 else exact[:59] + "…"
        raise InvalidInput(f"quote not found in the document: {clipped!r}")
    if len(found) == 1:
        return span_at(text, *found[0])
    if hint.occurrence is not None:
        if not 1 <= hint.occurrence <= len(found):
            raise InvalidInput(
                f"occurrence {hint.occurrence} is out of range: the quote occurs {len(found)} times"
            )
        return span_at(text, *found[hint.occurrence - 1])
    if hint.prefix or hint.suffix or start is not None:
        near = start if start is not None else 0
        best = max(
            found,
            key=lambda s: (_context_score(text, s, hint.prefix, hint.suffix), -abs(s[0] - near)),
        )
        return span_at(text, *best)
    raise InvalidInput(
        f"quote occurs {len(found)} times in the document; say which with occurrence "
        f"(1..{len(found)}) or start/end"
    )
