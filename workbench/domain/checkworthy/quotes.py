"""The quotations of a document, and which of them are attributed to someone.

Words in quotation marks that the paragraph attributes to someone (a speaker is named, or a verb
of saying stands outside the quotes) are a claim in themselves: whether they were said can be
checked. Inside other quotation marks (a term, a slogan, a simile in scare quotes) cues are not
the author's. `Spans` holds either kind as sorted, disjoint intervals, so that whether a cue
sits inside is one bisection, however many quotations a paragraph holds.
"""

from __future__ import annotations

import re

from workbench.domain.checkworthy.names import names_pattern
from workbench.domain.segment import Segment, blocks, quotations

# Verbs of saying that attribute a quotation to someone in its paragraph.
_SPEECH_VERB = re.compile(
    "表示|认为|称|指出|透露|宣布|回忆|坦言|说|道|问|强调|承认|告诉|算了一笔账|盘点|描绘"
    "|said|says|told|tells|according to|reported|announced|stated|claimed|argued|noted|wrote"
    "|added|confirmed|recalled|asked|called"
)
# A quotation is speech, not a scare quote, if it is long or has punctuation of its own.
_SPEECH_MIN = 8
_SPEECH_PUNCT = frozenset("，,。！？!?;；:：")


def _is_speech(text: str, q: Segment) -> bool:
    inner = text[q.start + 1 : q.end - 1]
    return len(inner) >= _SPEECH_MIN or any(c in _SPEECH_PUNCT for c in inner)


def quotes_in(text: str, names: frozenset[str]) -> tuple[tuple[int, int, bool], ...]:
    """The quotations of `text` as (start, end, attributed). A quotation is attributed when it
    is speech (not a scare-quoted word or two) and its paragraph names a speaker or has a verb
    of saying outside every quotation."""
    names_rx = names_pattern(names)
    paragraphs = blocks(text)  # once: finding them is a pass over the text
    quotes = quotations(text, paragraphs)
    out: list[tuple[int, int, bool]] = []
    at = 0
    for block in paragraphs:
        inside: list[Segment] = []
        while at < len(quotes) and quotes[at].start < block.end:
            if quotes[at].start >= block.start:
                inside.append(quotes[at])
            at += 1
        spoken = bool(inside) and _has_speaker(text, block, inside, names_rx)
        out.extend((q.start, q.end, spoken and _is_speech(text, q)) for q in inside)
    return tuple(out)


def _has_speaker(
    text: str, block: Segment, quotes: list[Segment], names_rx: re.Pattern[str] | None
) -> bool:
    at = block.start
    for q in [*quotes, Segment(block.end, block.end)]:
        if q.start > at:
            if _SPEECH_VERB.search(text, at, q.start):
                return True
            if names_rx is not None and names_rx.search(text, at, q.start):
                return True
        at = max(at, q.end)
    return False
