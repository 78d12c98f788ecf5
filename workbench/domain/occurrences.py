"""Where a quote occurs verbatim in a text: every occurrence (bounded), the one picked by
`occurrence`, and the refusals when there is none or too many."""

from __future__ import annotations

import unicodedata

from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.forms import ANY_SELECTOR
from workbench.domain.said_back import clip_quote, said_quote
from workbench.domain.spans import Span, span_at
from workbench.domain.text import normalise

# Occurrences of one quote listed at most: a quote of a character or two in a long text (a
# table's repeated cell) can occur millions of times, each an entry held in memory.
MAX_OCCURRENCES = 1_000_000


def too_many_occurrences() -> InvalidInput:
    """The refusal of a quote found more than MAX_OCCURRENCES times."""
    return InvalidInput(
        f"quote occurs more than {MAX_OCCURRENCES:,} times in the document: "
        "quote more of the passage"
    )


def past_selectors(text: str, end: int) -> int:
    """`end`, moved past the variation selectors that follow it in `text`: they belong to the
    character before them, so a span ending there takes them (a quote typed `❤` ends where the
    text has `❤️`, whose U+FE0F a span may not cut off: `at_grapheme_boundary`). The selectors
    are `forms.VARIATION_SELECTORS`, the search's too."""
    while end < len(text) and ANY_SELECTOR.match(text, end):
        end += 1
    return end


def occurrence_starts(text: str, quote: str) -> list[int]:
    """Where `quote` starts in `text`, every occurrence, overlapping ones too; refused past
    MAX_OCCURRENCES (none is dropped: the nth occurrence must be the nth)."""
    positions: list[int] = []
    if not quote:
        return positions
    at = text.find(quote)
    while at != -1:
        if len(positions) == MAX_OCCURRENCES:
            raise too_many_occurrences()
        positions.append(at)
        at = text.find(quote, at + 1)
    return positions


def find_quote(text: str, quote: str, occurrence: int | None = None) -> Span:
    """Locate `quote` in `text`; ambiguous quotes need `occurrence` (1-based) to pick one."""
    if not quote.strip():
        raise InvalidInput("the quote is empty")
    quote = normalise(quote)
    positions = occurrence_starts(text, quote)
    if not positions:
        raise InvalidInput(
            f"quote not found in the document: {said_quote(clip_quote(quote))}{_hint(text, quote)}"
        )
    if occurrence is None:
        if len(positions) > 1:
            raise InvalidInput(
                f"quote occurs {len(positions)} times in the document: say which",
                hint=give("occurrence", low=1, high=len(positions)),
            )
        occurrence = 1
    if not 1 <= occurrence <= len(positions):
        raise InvalidInput(
            occurrence_out_of_range(occurrence, len(positions)),
            hint=bad("occurrence"),
        )
    start = positions[occurrence - 1]
    return span_at(text, start, past_selectors(text, start + len(quote)))


def occurrence_out_of_range(occurrence: int, occurs: int) -> str:
    """The refusal of an occurrence the quote does not have: it occurs `occurs` times."""
    times = "once" if occurs == 1 else f"{occurs} times"
    return f"occurrence {occurrence} is out of range: the quote occurs {times}"


def _fold(s: str) -> str:
    # NFKC maps full-width forms to ASCII (，→, ：→: ！→!) without changing the length of
    # CJK text, so folded offsets still point into the original.
    return unicodedata.normalize("NFKC", s)


def _hint(text: str, quote: str) -> str:
    """Where a quote that differs only in full-width/half-width forms does occur."""
    folded_quote = _fold(quote)
    folded_text = _fold(text)
    if len(folded_text) != len(text):
        return ""
    at = folded_text.find(folded_quote)
    if at == -1 or len(folded_quote) != len(quote):
        return ""
    found = text[at : at + len(quote)]
    return (
        f"; the text has {said_quote(clip_quote(found))} at {at} (full-width/half-width forms "
        "differ)"
    )
