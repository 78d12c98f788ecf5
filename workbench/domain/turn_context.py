"""Where a sentence stands in a transcript, as the check-worthiness model reads it (issue 14).

A debate is a document: a moderator's question is rarely a claim, an interjection of one
sentence seldom is, and the answer after a question is more often talk than fact. The features
here are read off a sequence of *lines*, each a (speaker, text) pair in document order:

* `turn_start`: the line opens a turn (its speaker is not the previous line's);
* `one_line_turn`: the turn is this one line;
* `after_question`: the previous line ends in a question mark (`?` or `？`, before any closing
  quotes or brackets);
* `figure_nearby`: the previous or the next line holds a digit;
* `asker`: the speaker ends at least a fifth of their lines with a question mark (a moderator
  or an interviewer, read from the document itself, never from a list of names);
* `opening` / `closing`: the line is in the first / last twentieth of the lines.

What a line is, so that training and `extract` agree. In training (tools/train_checkworthy.py)
a line is a row of CheckThat! 2019: one sentence of a debate with its speaker. In `extract` a
line is a sentence (`segment.split_sentences`) that a speaker's turn holds: sentences before
the first speaker line and in an editor's note have no speaker and are not lines (they are
scored as prose), and a unit cut from a sentence at a semicolon, or a clause of it, has its
sentence's context. A stage direction (`(APPLAUSE)`, `[CROSSTALK]`: nothing but bracketed
text) is not a line in either: CheckThat! credits them to a speaker `SYSTEM`, a transcript
puts them inside a turn, and neither should cut a turn in two or be a neighbour. Turns are
runs of lines by one speaker, in both: two speaker lines of the same name in a row are one
turn, as CheckThat! (which has no turn marks) would have them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

CONTEXT_FEATURES: tuple[str, ...] = (
    "turn_start",
    "one_line_turn",
    "after_question",
    "figure_nearby",
    "asker",
    "opening",
    "closing",
)
# How a feature reads in a candidate's reasons (`context "after a question" -0.21`).
LABELS: dict[str, str] = {
    "turn_start": "first sentence of a turn",
    "one_line_turn": "one-sentence turn",
    "after_question": "after a question",
    "figure_nearby": "figure in a neighbouring sentence",
    "asker": "speaker who asks questions",
    "opening": "first twentieth of the transcript",
    "closing": "last twentieth of the transcript",
}
ASKER_SHARE = 0.2  # of a speaker's lines ending in a question mark, to be an asker
EDGES = 20  # the opening and the closing stretch are each a twentieth of the lines

_STAGE = re.compile(r"(?:[(\[（【][^()\[\]（）【】\n]*[)\]）】][^\S\n]*)+")
_CLOSING = "\"'”’)）]】」』»"
_DIGIT = re.compile(r"\d")


def is_stage_direction(text: str) -> bool:
    """Is `text` nothing but bracketed text (`(APPLAUSE)`, `(LAUGHTER) (CHEERING)`)?"""
    return _STAGE.fullmatch(text.strip()) is not None


def ends_in_question(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSING).rstrip().endswith(("?", "？"))


def has_figure(text: str) -> bool:
    return _DIGIT.search(text) is not None


def line_context(lines: Sequence[tuple[str, str]]) -> list[tuple[str, ...]]:
    """For each (speaker, text) line, in order: the context features that fire on it, in the
    order of CONTEXT_FEATURES; none on a stage direction, which is skipped (see the module)."""
    kept = [i for i, (_, text) in enumerate(lines) if not is_stage_direction(text)]
    speakers = [lines[i][0] for i in kept]
    texts = [lines[i][1] for i in kept]
    asks = [ends_in_question(t) for t in texts]
    digits = [has_figure(t) for t in texts]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for speaker, asked in zip(speakers, asks, strict=True):
        counts[speaker][0] += asked
        counts[speaker][1] += 1
    askers = {s for s, (q, total) in counts.items() if q / total >= ASKER_SHARE}
    n = len(kept)
    out: list[tuple[str, ...]] = [()] * len(lines)
    for k, i in enumerate(kept):
        fired: list[str] = []
        starts = k == 0 or speakers[k - 1] != speakers[k]
        if starts:
            fired.append("turn_start")
            if k + 1 == n or speakers[k + 1] != speakers[k]:
                fired.append("one_line_turn")
        if k and asks[k - 1]:
            fired.append("after_question")
        if (k and digits[k - 1]) or (k + 1 < n and digits[k + 1]):
            fired.append("figure_nearby")
        if speakers[k] in askers:
            fired.append("asker")
        if k < n / EDGES:
            fired.append("opening")
        elif k >= n - n / EDGES:
            fired.append("closing")
        out[i] = tuple(fired)
    return out
