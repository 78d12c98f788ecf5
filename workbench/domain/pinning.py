"""Pinning a quote from outside to the span of a text it points at, with no fuzzy step: a quote
typed by hand (`find_quote_tolerant`, claim add) and one from a claims table or a Web
Annotation (`anchor_quote`, with its offsets, context and occurrence: `QuoteHint`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from workbench.domain.anchoring import Matcher, Selector, context_holds
from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.occurrences import (
    find_quote,
    occurrence_out_of_range,
)
from workbench.domain.quote_marks import marks_of_others, text_pair, unmarked
from workbench.domain.said_back import UNSEEN_NOTE, clip_pair, clip_quote, marked_quote, said_quote
from workbench.domain.spans import Span, span_at, span_words
from workbench.domain.text import normalise

_TYPED_DASH = re.compile(r"(?<!-)-{2,3}(?!-)")


def _inside_marks(
    matcher: Matcher, quote: str, find: Callable[[str], list[tuple[int, int]]]
) -> tuple[str, list[tuple[int, int]]]:
    """A quote not found as given (`find` found nothing), pasted with its quotation marks: the
    words inside, and where `find` finds them. Where the text has a pair of quotation marks of
    its own around an occurrence (another kind than those typed, which fold apart; one that
    opens before, one that closes after: `text_pair`), they are the quote's: kept in its
    span, never stripped. ("", []) if it is not so."""
    inner = unmarked(quote)
    if inner is None:
        return "", []
    text = matcher.text
    found: list[tuple[int, int]] = []
    for start, end in find(inner):
        if start > 0 and end < len(text) and text_pair(text[start - 1], text[end]):
            start, end = start - 1, end + 1
        found.append((start, end))
    return inner, found


def find_quote_tolerant(text: str, quote: str, occurrence: int | None = None) -> Span:
    """`find_quote`, but a quote typed with other punctuation, quote marks or spacing is found
    too, as is one pasted in a pair of quotation marks the text has not there (`unmarked`:
    `marks_dropped` then says so); the span's quote is then the document's own text."""
    quote = normalise(quote)
    if not quote.strip():
        raise InvalidInput("the quote is empty")
    if quote in text:
        return find_quote(text, quote, occurrence)
    matcher = Matcher(text)
    positions = marks_of_others(text, quote, _typed_occurrences(matcher, quote))
    if not positions:
        inner, positions = _inside_marks(
            matcher, quote, lambda words: _typed_occurrences(matcher, words)
        )
        if positions:
            quote = inner
    if not positions:
        nearest = matcher.nearest(quote)
        if nearest is None:
            return find_quote(text, quote, occurrence)  # raises "not found", with its hint
        alike, start, end, widened = nearest
        # A quote typed from memory or another copy (1200 for 1,200, a word changed): where
        # the document says nearly that, in its own characters, to copy.
        (typed, typed_marked), (found, found_marked) = map(
            marked_quote, clip_pair(quote, text[start:end])
        )
        # Said once, after the passage: a character written \uXXXX in either is no typing.
        unseen = f" {UNSEEN_NOTE}" if typed_marked or found_marked else ""
        if widened:
            # All of it there but a run of dots it would cut (`Folded.keeps`): said as that,
            # not as a passage "100% alike" to a quote refused (fix272). Only when the passage
            # was widened over the run (`Matcher.nearest` says): one cutting a ligature beside
            # an ellipsis ("ind..." in "ﬁnd…") cuts no dots (rr275).
            raise InvalidInput(
                f"quote not found in the document: {typed} would cut a run of dots in two: "
                f"the document has {found} at {span_words(start, end)}{unseen}; an ellipsis "
                "is quoted whole, as are the full stops beside it"
            )
        raise InvalidInput(
            f"quote not found in the document: {typed}; the nearest passage, "
            f"{alike:.0%} alike, is {found} at {span_words(start, end)}{unseen}"
        )
    if occurrence is None:
        if len(positions) > 1:
            raise InvalidInput(
                f"quote occurs {len(positions)} times in the document (ignoring punctuation "
                "and spacing): say which",
                hint=give("occurrence", low=1, high=len(positions)),
            )
        occurrence = 1
    if not 1 <= occurrence <= len(positions):
        raise InvalidInput(
            f"occurrence {occurrence} is out of range: the quote occurs {len(positions)} "
            "time(s) (ignoring punctuation and spacing)",
            hint=bad("occurrence"),
        )
    start, end = positions[occurrence - 1]
    return span_at(text, start, end)


def _typed_occurrences(matcher: Matcher, quote: str) -> list[tuple[int, int]]:
    """Where a quote typed by hand occurs: `Matcher.occurrences`, and "--" typed for a dash."""
    positions = matcher.occurrences(quote)
    if not positions and _TYPED_DASH.search(quote):
        # "--" typed for a dash (a plain-text habit): the dash the text has, which folds to "-".
        # Folded, as a typed "-" is, whatever dash the text has: looked for verbatim, "—" would
        # pin the one passage with an em dash where another with an en dash fits as well.
        positions = matcher.folded_occurrences(_TYPED_DASH.sub("\u2014", quote))
    return positions


@dataclass(frozen=True, slots=True)
class QuoteHint:
    """What a quote from outside says about where it is (a spreadsheet row, a Web Annotation's
    selectors): its text, its context, offsets, or which occurrence; any of them may be absent."""

    exact: str | None = None
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    occurrence: int | None = None


def check_placed(exact: str | None, start: int | None, end: int | None) -> None:
    """A quote from outside must say where it is: its text, or both its offsets."""
    if exact is None and (start is None or end is None):
        raise InvalidInput("give a quote, or both start and end")


# The kinds of file a quote comes from: each has its own fields to say which occurrence.
Carrier = Literal["a claims table", "an annotation"]
_SAY_WHICH: dict[str, str] = {
    "a claims table": "say which with occurrence (1..{n}) or start/end",
    "an annotation": "say which with a prefix/suffix (TextQuoteSelector) or a TextPositionSelector",
}
CONTEXT_MISMATCH = "quote found but its context (prefix/suffix) matches no occurrence"


def ambiguous_quote(count: int, carrier: Carrier) -> InvalidInput:
    """The refusal of a quote that occurs `count` times, in the words of its file's kind."""
    say = _SAY_WHICH[carrier].format(n=count)
    return InvalidInput(f"quote occurs {count} times in the document; {say}")


def anchor_quote(text: str | Matcher, hint: QuoteHint, *, carrier: Carrier) -> Span:
    """The span of `text` a quote from outside points at, or InvalidInput saying why none.
    An import anchoring many quotes in one text gives a `Matcher` of it, which folds the text
    once for them all (review56: a new one per row folded a 2 MB text again for every row not
    found verbatim, 0.2 s a row).

    The offsets win if they hold the quote, unless a prefix or suffix given holds only around
    another occurrence. Otherwise the quote is looked for verbatim, then
    differing only in what people retype (`Matcher.occurrences`: spacing, punctuation widths,
    quote styles). A repeated quote is settled by `occurrence`, else by the position (the
    nearest occurrence, as `Matcher.reanchor` moves a claim). A prefix or suffix given must
    hold around the occurrence taken (`context_holds`), repeated or not: a context that
    matches no occurrence is refused, not pinned to the likeliest. There is no fuzzy step
    here: a quote with other words is refused rather than pinned to a passage nobody typed.
    The span's quote is always the document's own text. `carrier` names the kind of file
    the quote came from, for the refusal of an ambiguous quote.
    """
    matcher = text if isinstance(text, Matcher) else Matcher(text)
    text = matcher.text
    start, end = hint.start, hint.end
    check_placed(hint.exact, start, end)
    if hint.exact is None:
        assert start is not None and end is not None  # check_placed saw to it
        return span_at(text, start, end)  # refuses offsets outside the text, with why
    exact = normalise(hint.exact)
    has_context = bool(hint.prefix or hint.suffix)
    held_at: tuple[int, int] | None = None  # the offsets, where they hold the quote
    if start is not None and end is not None and 0 <= start < end <= len(text):  # noqa: SIM102
        if text[start:end] == exact:
            held_at = (start, end)
            if not has_context or context_holds(matcher, held_at, hint.prefix, hint.suffix):
                return span_at(text, start, end)  # the offsets hold it: nothing to look for
    if not exact.strip():
        raise InvalidInput("the quote is empty")
    found = marks_of_others(text, exact, matcher.occurrences(exact))
    if not found:
        # Pasted in quotation marks the text has not there: the words inside (`unmarked`).
        inner, found = _inside_marks(matcher, exact, matcher.occurrences)
        if not found:
            raise InvalidInput(f"quote not found in the document: {said_quote(clip_quote(exact))}")
        exact = inner
    # Checked first, however often the quote occurs (trial49: an occurrence 2 of a quote that
    # occurs once was taken as the one, where `claim add --occurrence 2` refuses it).
    if hint.occurrence is not None and not 1 <= hint.occurrence <= len(found):
        raise InvalidInput(occurrence_out_of_range(hint.occurrence, len(found)))
    if len(found) == 1 and not has_context:
        return span_at(text, *found[0])
    if hint.occurrence is not None:
        return span_at(text, *found[hint.occurrence - 1])
    near = start if start is not None else 0
    sel = Selector(near, near + len(exact), exact, hint.prefix, hint.suffix)
    if start is not None:
        # A position near an occurrence settles it, as a claim is moved (unchanged rule), when
        # the context given holds around it: a browser tool's position counts UTF-16 units, one
        # more for each emoji before it, and fell nearer the next sentence repeating the words
        # than the one its prefix and suffix name, which was then pinned as exact (trial324).
        moved = matcher.reanchor(sel)
        at = None if moved.span is None else (moved.span.start, moved.span.end)
        held = at in found and (
            not has_context or context_holds(matcher, at, hint.prefix, hint.suffix)
        )
        if held and moved.span is not None:
            return moved.span
    if has_context:
        found = matcher.context_holding(found, hint.prefix, hint.suffix)
        if held_at is not None and not found:
            # Offsets that hold the quote win over a context found nowhere, as before; not
            # over one that holds at another occurrence: a browser tool's UTF-16 offsets, one
            # past for each emoji before the quote, hold it too in a run of one repeated
            # character (哈哈哈, 000), one on, where trial324 took the context only when
            # the position fell near the occurrence, not on it (review332).
            return span_at(text, *held_at)
        if not found:
            raise InvalidInput(CONTEXT_MISMATCH)
    if start is not None or has_context:
        # Among those left, the likeliest, as before: the context around each, then the
        # nearest the position given (else the first).
        best = max(found, key=lambda s: (matcher.context_similarity(sel, *s), -abs(s[0] - near)))
        return span_at(text, *best)
    raise ambiguous_quote(len(found), carrier)
