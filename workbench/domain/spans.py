"""Source spans: a quote's offsets (Python `str` indices, code points) with its context, and
the checks that offsets make a span of a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.domain.errors import InvalidInput, bad
from workbench.domain.graphemes import at_grapheme_boundary, grapheme_at
from workbench.domain.plurals import plural
from workbench.domain.said_back import clip_quote, said_quote

CONTEXT_CHARS = 32


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    def columns(self) -> dict[str, Any]:
        """The span as a claim stores it: in the claim's columns of the same names. (Spelled
        out: `dataclasses.asdict` deep-copies, a bulk import's cost for every row.)"""
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


def span_words(start: int, end: int) -> str:
    """The one wording for a span, everywhere people read one (claim show, the Markdown
    timeline, the README): code-point offsets, end exclusive, as stored."""
    return f"characters {start}–{end}"


def offsets_problem(start: int, end: int) -> InvalidInput | None:
    """What is wrong with two offsets whatever the text (asked by the CLI too, so that
    `--start 3 --end 1` is bad usage, as `--start -1` is); None when they may make a span."""
    if start < 0 or end < 0:
        return InvalidInput(f"offsets must not be negative (got start={start}, end={end})")
    if start > end:
        return InvalidInput(f"start ({start}) is after end ({end})", hint=bad("end"))
    if start == end:
        return InvalidInput(f"the span is empty (start and end are both {start})", hint=bad("end"))
    return None


def span_at(text: str, start: int, end: int) -> Span:
    """The span text[start:end] with its context, refusing offsets that do not fit the text."""
    if (problem := offsets_problem(start, end)) is not None:
        raise problem
    if end > len(text):
        raise InvalidInput(
            f"end ({end}) is outside the document, which is {plural(len(text), 'character')} long"
        )
    for name, offset in (("start", start), ("end", end)):
        if not at_grapheme_boundary(text, offset):
            raise InvalidInput(
                f"the span's {name} ({offset}) falls inside one visible character (a letter "
                "and its accent, an emoji sequence or a flag): move it to the edge of "
                f"{said_quote(clip_quote(grapheme_at(text, offset)))}"
            )
    return Span(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
