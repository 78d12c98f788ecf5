"""The words of a quote and a text, as matching reads them: word edges in scripts written with
spaces (any character boundary in those written without), a span moved out to whole words,
a quote's words counted, and the run of sentences holding them in another order."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from workbench.domain.segment import (
    CLOSERS,
    STOPS,
    before_footnote,
    split_sentences,
)


def words_of(text: str) -> Counter[str]:
    """The words of `text` (NFKC, case-folded), counted, punctuation and order aside."""
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def ends_a_sentence(quote: str) -> bool:
    """Whether the quote ends with a sentence's stop (a quotation's closer, or a footnote
    marker, after it allowed)."""
    tail = quote.rstrip()
    tail = tail[: before_footnote(tail, len(tail))].rstrip("".join(CLOSERS))
    return tail[-1:] in STOPS


def reordered_run(
    text: str, words: Counter[str], start: int, end: int, length: int
) -> tuple[int, int] | None:
    """The run of whole sentences of `text` overlapping [start, end) whose words are exactly
    `words` (a quote of `length` characters), within its line and that length's reach either
    side; None when there is none."""
    lo = max(text.rfind("\n", 0, start) + 1, start - length)
    line_end = text.find("\n", end)
    hi = min(len(text) if line_end == -1 else line_end, end + length)
    sentences = [(lo + g.start, lo + g.end) for g in split_sentences(text[lo:hi])]
    counts = [sum(words_of(text[a:b]).values()) for a, b in sentences]
    total = sum(words.values())
    for i, (first, _) in enumerate(sentences):
        if first >= end:
            break
        held = 0
        for j in range(i, len(sentences)):
            held += counts[j]
            if held > total:
                break
            last = sentences[j][1]
            if held == total and last > start and words_of(text[first:last]) == words:
                return first, last
    return None


# Scripts written without spaces between words: any character boundary there is a word's edge.
_UNSPACED_CLASS = (
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\ua4cf\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003ffff]"
)
_UNSPACED = re.compile(_UNSPACED_CLASS)
# A word for `words_of`: one character of a script written without spaces, or a run of
# letters and digits of one written with them (or of digits).
_WORD = re.compile(_UNSPACED_CLASS + "|[^\\W_" + _UNSPACED_CLASS[1:-1] + "]+")
# How far an edge moves out to a word's edge at most (a run of letters longer than this is no
# word: a hash, a URL's path).
WORD_REACH = 40


def _wordy(ch: str) -> bool:
    return (ch.isalnum() or unicodedata.category(ch).startswith("M")) and not _UNSPACED.match(ch)


def inside_word(text: str, i: int) -> bool:
    """Whether offset i falls inside a word of a script written with spaces (a number's
    separators, as in 1,200 or 8.2, count as inside it)."""
    if not 0 < i < len(text):
        return False
    left, right = text[i - 1], text[i]
    if _wordy(left) and _wordy(right):
        return True
    if left.isdigit() and right in ".," and i + 1 < len(text) and text[i + 1].isdigit():
        return True
    return left in ".," and right.isdigit() and i >= 2 and text[i - 2].isdigit()


def to_word_edges(
    text: str, start: int, end: int, whole_start: bool, whole_end: bool
) -> tuple[int, int]:
    """[start, end) moved out to the edges of the words it cuts, on the sides asked (where the
    old quote was at words' edges): an edit at the quote's edge is the claim's."""
    if whole_start:
        s = start
        while inside_word(text, s) and start - s < WORD_REACH:
            s -= 1
        start = start if inside_word(text, s) else s
    if whole_end:
        e = end
        while inside_word(text, e) and e - end < WORD_REACH:
            e += 1
        end = end if inside_word(text, e) else e
    return start, end


def _in_a_word(c: str) -> bool:
    """A letter or digit of a script that spaces its words: a passage cut there cut a word
    (a CJK character is a word of its own for this)."""
    return c.isalnum() and not ("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the words it cuts into at either edge."""
    while 0 < start < len(text) and _in_a_word(text[start - 1]) and _in_a_word(text[start]):
        start -= 1
    while 0 < end < len(text) and _in_a_word(text[end - 1]) and _in_a_word(text[end]):
        end += 1
    return start, end
